/**
 * `npm test`: type check, then every test file under tests/ (unit, golden, case, bad-input, build
 * and browser tests) with Node's test runner. Its summary is the last thing printed.
 */
import {spawnSync} from "node:child_process";
import {readdirSync, statSync} from "node:fs";
import {join} from "node:path";

function testFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return entry === "fixtures" || entry === "screenshots" ? [] : testFiles(path);
      return entry.endsWith(".test.ts") ? [path] : [];
    });
}

const only = process.argv.slice(2);
const typecheck = spawnSync("npx", ["tsc", "--noEmit"], {stdio: "inherit"});
if (typecheck.status !== 0) {
  console.error("type check failed");
  process.exit(typecheck.status ?? 1);
}
const files = testFiles("tests").filter((file) => only.length === 0 || only.some((o) => file.includes(o)));
const run = spawnSync(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=2", ...files], {
  stdio: "inherit",
  env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}
});
process.exit(run.status ?? 1);
