/** Shared by tests/models/*: the golden values from tests/golden/models.py and the fitness table. */
import {readFileSync} from "node:fs";
import {resolve} from "node:path";

export const golden = JSON.parse(readFileSync(new URL("../golden/models.json", import.meta.url), "utf8"));

export {datasets} from "../real-data.ts";
import {datasets} from "../real-data.ts";

/** The real fitness table: every column numeric; target Churn. */
export function readFitness(): {features: string[]; X: number[][]; y: number[]} {
  const lines = readFileSync(resolve(datasets, "fitness/gym_churn_us.csv"), "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const target = header.indexOf("Churn");
  const features = header.filter((_, j) => j !== target);
  const X: number[][] = [], y: number[] = [];
  for (const line of lines.slice(1)) {
    const values = line.split(",").map(Number);
    y.push(values[target]);
    X.push(values.filter((_, j) => j !== target));
  }
  return {features, X, y};
}

/** Population standardisation, written out here so the test does not depend on loaders/preprocess. */
export function standardise(X: number[][]): number[][] {
  const d = X[0].length, n = X.length;
  const mean = Array.from({length: d}, (_, j) => X.reduce((a, r) => a + r[j], 0) / n);
  const sd = mean.map((m, j) => Math.sqrt(X.reduce((a, r) => a + (r[j] - m) ** 2, 0) / n));
  return X.map((r) => r.map((v, j) => (v - mean[j]) / sd[j]));
}

export function maxAbsDiff(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`lengths ${a.length} and ${b.length}`);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}
