/** The committed data/ is exactly what the generator makes from the default seed. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readdirSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {createHash} from "node:crypto";
import {CASES, DEFAULT_SEED, generateDemoData} from "../../scripts/generate-demo-data.ts";

const digest = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

test("regenerating with the default seed reproduces data/ byte for byte", async () => {
  const dir = mkdtempSync(join(tmpdir(), "demo-data-"));
  try {
    await generateDemoData({outDir: dir, seed: DEFAULT_SEED});
    for (const name of CASES) {
      const files = readdirSync(join("data", name)).sort();
      assert.deepEqual(readdirSync(join(dir, name)).sort(), files, `${name}: same file list`);
      assert.ok(files.includes("truth.json"));
      for (const file of files) {
        assert.equal(digest(join(dir, name, file)), digest(join("data", name, file)), `${name}/${file} differs from the committed one`);
      }
    }
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test("another seed gives other data with the same shape", async () => {
  const dir = mkdtempSync(join(tmpdir(), "demo-data-"));
  try {
    await generateDemoData({outDir: dir, seed: 7, cases: ["fitness", "one-click"]});
    const a = readFileSync(join(dir, "fitness/gym_churn_us.csv"), "utf8");
    const b = readFileSync("data/fitness/gym_churn_us.csv", "utf8");
    assert.notEqual(a, b);
    assert.equal(a.split("\n")[0], b.split("\n")[0]);
    assert.equal(a.split("\n").length, b.split("\n").length);
    const truth = JSON.parse(readFileSync(join(dir, "one-click/truth.json"), "utf8"));
    assert.equal(truth.seed, 7);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
