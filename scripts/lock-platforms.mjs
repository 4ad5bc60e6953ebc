/**
 * The registry this project builds against serves only some platforms' native packages (DuckDB's
 * and Rollup's bindings for linux-x64, not darwin or win32), so `npm install` leaves the other
 * platforms' optional packages out of package-lock.json, and `npm ci` then refuses the lockfile as
 * "out of sync". This adds a record for each missing optional platform package — version, os and
 * cpu, marked optional — which `npm ci` skips on every platform it does not match.
 *   node scripts/lock-platforms.mjs [--check]      (after every `npm install`; .ci/run runs it too)
 * Plain JavaScript so that it runs before `npm ci` has installed tsx.
 */
import {readFileSync, writeFileSync} from "node:fs";

const systems = ["darwin", "win32", "android", "freebsd", "openbsd", "openharmony", "sunos", "aix", "linux"];
const cpus = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "mips64el"];

/** @param {string} name  e.g. "@rollup/rollup-darwin-arm64" → {os: "darwin", cpu: "arm64"} */
function platformOf(name) {
  const parts = name.split("/").at(-1).split("-");
  const os = systems.find((s) => parts.includes(s));
  const cpu = cpus.find((c) => parts.includes(c));
  return os && cpu ? {os, cpu} : null;
}

/** @param {Record<string, any>} packages the lockfile's `packages` map */
function missingPlatformPackages(packages) {
  const missing = new Map();
  for (const [path, pkg] of Object.entries(packages)) {
    for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
      const platform = platformOf(name);
      const nested = `${path ? `${path}/` : ""}node_modules/${name}`;
      if (!platform || packages[`node_modules/${name}`] || packages[nested]) continue;
      missing.set(`node_modules/${name}`, {version, cpu: [platform.cpu], optional: true, os: [platform.os]});
    }
  }
  return missing;
}

const lockfile = "package-lock.json";
const lock = JSON.parse(readFileSync(lockfile, "utf8"));
const missing = missingPlatformPackages(lock.packages);
if (process.argv.includes("--check")) {
  if (missing.size) {
    console.error(`package-lock.json lacks ${missing.size} optional platform packages; run: node scripts/lock-platforms.mjs`);
    process.exit(1);
  }
} else if (missing.size) {
  for (const [path, record] of missing) lock.packages[path] = record;
  const paths = Object.keys(lock.packages).sort((a, b) => a.localeCompare(b, "en"));
  lock.packages = Object.fromEntries(paths.map((path) => [path, lock.packages[path]]));
  writeFileSync(lockfile, JSON.stringify(lock, null, 2) + "\n");
  console.error(`added ${missing.size} optional platform package records to ${lockfile}`);
}
