/**
 * Benchmark of the whole report at scale: a cold `npm run build` (every loader recomputed, then
 * Framework's build of the pages) on generated e-commerce logs of the given sizes, with the build's
 * wall time, each loader's time (and the e-commerce loader's stages: time and resident memory after each) and the peak memory of the build's whole process tree (the sum of
 * the resident sets of npm, the loaders and DuckDB, sampled from /proc every 200 ms).
 *
 *   npx tsx scripts/bench-build.ts 1000000 10000000          logs in /tmp/scale-<lines>, generated if missing
 *   npx tsx scripts/bench-build.ts --base /tmp/logs 200000    another folder for the logs
 *   npx tsx scripts/bench-build.ts --root /tmp/old-checkout 1000000   build another checkout of the project
 *
 * The logs are the demo generator's (scripts/demo-data/ecommerce.ts, seed 20261123): only the e-commerce
 * case is present, so the other cases' loaders write nothing. Builds take /tmp/clientele-build.lock (as the
 * build tests do), so two engineers' builds do not overlap; the load average at the start is printed, as the
 * machine is shared, and the build's CPU time (user + system, from /usr/bin/time) is printed next to its wall time. Exits 1 when a build fails or, at 10 M lines, takes 2 minutes or more or 4 GB or more.
 */
import {spawn} from "node:child_process";
import {existsSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {loadavg, tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {generateDemoData} from "./generate-demo-data.ts";

const {values, positionals} = parseArgs({allowPositionals: true, options: {base: {type: "string", default: "/tmp"}, root: {type: "string", default: "."}}});
const sizes = (positionals.length ? positionals : ["1000000", "10000000"]).map(Number);
const root = resolve(values.root!);

/** Resident memory (bytes) of a process and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  for (const queue = [pid]; queue.length; ) {
    const p = queue.pop()!;
    total += rss.get(p) ?? 0;
    queue.push(...(children.get(p) ?? []));
  }
  return total;
}

interface BuildResult {
  lines: number;
  ok: boolean;
  seconds: number;
  peakBytes: number;
  /** User + system CPU seconds of the whole build (less sensitive than wall time to a busy machine). */
  cpuSeconds: number;
  loaders: {loader: string; ms: number}[];
  /** The e-commerce loader's stages (CLIENTELE_STAGE_TIMINGS): time and resident memory after each. */
  stages: string[];
  load: string;
}

async function build(lines: number): Promise<BuildResult> {
  const dataDir = join(values.base!, `scale-${lines}`);
  if (!existsSync(join(dataDir, "ecommerce", "ecom_dataset_upd.csv"))) await generateDemoData({cases: ["ecommerce"], outDir: dataDir, lines});
  rmSync(join(root, "src", ".observablehq", "cache", ".clientele-fingerprint"), {force: true}); // cold: every loader runs
  const load = loadavg().map((x) => x.toFixed(1)).join(" ");
  const stagesFile = join(tmpdir(), `clientele-stages-${process.pid}-${lines}.log`);
  rmSync(stagesFile, {force: true});
  const child = spawn("flock", ["/tmp/clientele-build.lock", "/usr/bin/time", "-f", "cpu %U %S", "sh", "-c", "echo locked >&2 && exec npm run --silent build"], {
    cwd: root, env: {...process.env, DATA_DIR: dataDir, OBSERVABLE_TELEMETRY_DISABLE: "true", CLIENTELE_STAGE_TIMINGS: stagesFile}, stdio: ["ignore", "pipe", "pipe"]
  });
  let output = "";
  let started = performance.now(); // reset when the lock is ours
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => {
    if (!output.includes("locked\n")) started = performance.now();
    output += chunk;
  });
  let peakBytes = 0;
  const sampler = setInterval(() => (peakBytes = Math.max(peakBytes, treeRss(child.pid!))), 200);
  const code = await new Promise<number>((done) => child.on("close", (c) => done(c ?? 1)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const loaders = [...output.matchAll(/^load (\S+) → \d+ bytes in (\d+) ms$/gm)].map((m) => ({loader: m[1], ms: Number(m[2])}));
  if (code !== 0) console.error(output.slice(-4000));
  const cpu = /^cpu ([\d.]+) ([\d.]+)$/m.exec(output);
  const stages = existsSync(stagesFile) ? [...readFileSync(stagesFile, "utf8").matchAll(/^ecommerce (.+)$/gm)].map((m) => m[1]) : [];
  rmSync(stagesFile, {force: true});
  return {lines, ok: code === 0, seconds, peakBytes, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : NaN, loaders, stages, load};
}

const results: BuildResult[] = [];
for (const lines of sizes) {
  const r = await build(lines);
  results.push(r);
  console.log(`${lines.toLocaleString("en-US").padStart(11)} lines: ${r.ok ? "built" : "FAILED"} in ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(0)} s), peak ${(r.peakBytes / 1e9).toFixed(2)} GB (process tree), load average at start ${r.load}`);
  for (const {loader, ms} of r.loaders) console.log(`${"".padStart(19)}${loader.padEnd(24)} ${(ms / 1000).toFixed(1).padStart(6)} s`);
  for (const stage of r.stages) console.log(`${"".padStart(21)}e-commerce ${stage}`);
}
process.exitCode = results.every((r) => r.ok && (r.lines < 10_000_000 || (r.seconds < 120 && r.peakBytes < 4e9))) ? 0 : 1;
