/** Contingency tables (crosstabs) of two categorical variables. */

export type Category = string | number | boolean | null | undefined;

export interface Contingency {
  /** Row and column levels as strings, sorted (numerically when every level is a number). */
  rows: string[];
  columns: string[];
  /** counts[i][j] = number of observations with row level i and column level j. */
  counts: number[][];
  n: number;
}

export function isMissingCategory(v: Category): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));
}

/** Distinct present levels, sorted numerically when all are numbers (pandas' order), else as text. */
export function levelsOf(values: readonly Category[]): string[] {
  const seen = new Map<string, Category>();
  for (const v of values) if (!isMissingCategory(v)) seen.set(String(v), v);
  const all = [...seen.values()];
  if (all.every((v) => typeof v === "number")) return (all as number[]).sort((a, b) => a - b).map(String);
  return [...seen.keys()].sort();
}

/** Cross-tabulate two aligned categorical columns, dropping pairs where either is missing. */
export function crosstab(rowValues: readonly Category[], columnValues: readonly Category[]): Contingency {
  const keep = rowValues.map((v, i) => !isMissingCategory(v) && !isMissingCategory(columnValues[i]));
  const rows = levelsOf(rowValues.filter((_, i) => keep[i]));
  const columns = levelsOf(columnValues.filter((_, i) => keep[i]));
  const ri = new Map(rows.map((r, i) => [r, i]));
  const ci = new Map(columns.map((c, i) => [c, i]));
  const counts = rows.map(() => new Array(columns.length).fill(0));
  let n = 0;
  for (let i = 0; i < rowValues.length; i++) {
    if (!keep[i]) continue;
    counts[ri.get(String(rowValues[i]))!][ci.get(String(columnValues[i]))!]++;
    n++;
  }
  return {rows, columns, counts, n};
}

/** Drop rows and columns whose total is zero (their expected counts would be 0). */
export function dropEmpty(counts: readonly (readonly number[])[]): number[][] {
  const colSums = counts[0]?.map((_, j) => counts.reduce((s, r) => s + r[j], 0)) ?? [];
  return counts
    .filter((r) => r.reduce((s, v) => s + v, 0) > 0)
    .map((r) => r.filter((_, j) => colSums[j] > 0));
}

/** Pearson's chi-square statistic of a table, optionally with Yates' correction (2×2 only, as
 *  scipy: each |observed − expected| is reduced by min(0.5, |observed − expected|)). */
export function chiSquareStatistic(counts: readonly (readonly number[])[], yates = false): {statistic: number; df: number; expected: number[][]} {
  const table = dropEmpty(counts);
  const r = table.length;
  const c = r ? table[0].length : 0;
  const rowSums = table.map((row) => row.reduce((s, v) => s + v, 0));
  const colSums = Array.from({length: c}, (_, j) => table.reduce((s, row) => s + row[j], 0));
  const n = rowSums.reduce((s, v) => s + v, 0);
  const expected = table.map((_, i) => colSums.map((cs) => (rowSums[i] * cs) / n));
  const df = (r - 1) * (c - 1);
  const correct = yates && df === 1;
  let statistic = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      let d = Math.abs(table[i][j] - expected[i][j]);
      if (correct) d -= Math.min(0.5, d);
      statistic += (d * d) / expected[i][j];
    }
  }
  return {statistic, df, expected};
}
