/** Test helpers for tests/stats and tests/cluster: golden JSON, the fitness CSV, tolerances. */
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import assert from "node:assert/strict";

export function readGolden<T = any>(name: string): T {
  return JSON.parse(readFileSync(resolve("tests/golden", name), "utf8")) as T;
}

export {datasets} from "../real-data.ts";
import {datasets} from "../real-data.ts";

/** The real fitness table as named numeric columns (a simple comma-separated file). */
export function readFitness(): {columns: string[]; rows: number[][]; column: (name: string) => number[]} {
  const text = readFileSync(resolve(datasets, "fitness/gym_churn_us.csv"), "utf8").trim();
  const [header, ...lines] = text.split(/\r?\n/);
  const columns = header.split(",");
  const rows = lines.map((line) => line.split(",").map(Number));
  return {columns, rows, column: (name) => rows.map((r) => r[columns.indexOf(name)])};
}

/** |actual − expected| ≤ rel·|expected| + abs. */
export function assertClose(actual: number, expected: number, rel = 1e-6, abs = 0, what = ""): void {
  const ok = Math.abs(actual - expected) <= rel * Math.abs(expected) + abs || (Number.isNaN(actual) && Number.isNaN(expected));
  assert.ok(ok, `${what} expected ${expected}, got ${actual} (rel ${rel}, abs ${abs})`);
}

export function assertAllClose(actual: readonly number[], expected: readonly number[], rel = 1e-6, abs = 0, what = ""): void {
  assert.equal(actual.length, expected.length, `${what} length`);
  actual.forEach((a, i) => assertClose(a, expected[i], rel, abs, `${what}[${i}]`));
}
