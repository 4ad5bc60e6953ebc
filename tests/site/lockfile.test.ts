/** `npm ci` on a fresh clone needs every optional platform package recorded in the lockfile. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {spawnSync} from "node:child_process";

test("package-lock.json records every optional platform package (npm ci accepts it)", () => {
  const check = spawnSync(process.execPath, ["scripts/lock-platforms.mjs", "--check"], {encoding: "utf8"});
  assert.equal(check.status, 0, check.stderr);
});
