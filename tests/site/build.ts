/** Builds the site into .test-builds/<name> with a given environment, as `npm run build` does. */
import {spawnSync} from "node:child_process";
import {cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {join, relative} from "node:path";

export const cacheFingerprint = "src/.observablehq/cache/.clientele-fingerprint";

export interface BuildOptions {
  /** Environment overrides (DATA_DIR, CLIENTELE_CUSTOMER_ROWS, ...). */
  env?: Record<string, string>;
  /** Forget the last fingerprint so every loader runs again. */
  fresh?: boolean;
}

export function buildSite(name: string, {env = {}, fresh = false}: BuildOptions = {}): string {
  const output = join(".test-builds", name);
  rmSync(output, {recursive: true, force: true});
  if (fresh) rmSync(cacheFingerprint, {force: true});
  // Builds share Framework's cache in src/.observablehq: one at a time (flock), also across processes.
  const result = spawnSync("flock", ["/tmp/clientele-build.lock", "npm", "run", "--silent", "build"], {
    env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", CLIENTELE_OUTPUT_DIR: output, ...env},
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024
  });
  if (result.status !== 0) {
    throw new Error(`build ${name} failed (exit ${result.status}):\n${result.stderr}\n${result.stdout.slice(-4000)}`);
  }
  // Framework writes a cache of its own build manifest next to the output; keep only the site.
  return output;
}

/** Every file under dir, as paths relative to dir, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string): void => {
    for (const entry of readdirSync(path).sort()) {
      const child = join(path, entry);
      if (statSync(child).isDirectory()) walk(child);
      else out.push(relative(dir, child));
    }
  };
  walk(dir);
  return out;
}

/** The built JSON artifact of a loader (its name carries a content hash), parsed. */
export function readArtifact(site: string, name: string): unknown {
  const dir = join(site, "_file", "data", ...name.split("/").slice(0, -1));
  const base = name.split("/").at(-1)!.replace(/\.json$/, "");
  const match = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith(`${base}.`) && f.endsWith(".json")) : undefined;
  if (!match) throw new Error(`artifact ${name} not found in ${dir}`);
  return JSON.parse(readFileSync(join(dir, match), "utf8"));
}

/** A copy of a data folder, for builds on altered data. */
export function copyData(from: string, to: string): string {
  rmSync(to, {recursive: true, force: true});
  cpSync(from, to, {recursive: true});
  return to;
}
