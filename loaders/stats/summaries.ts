/** Per-group summaries attached to test results. */
import type {GroupSummary} from "./types.ts";
import {describe} from "./descriptives.ts";

export function numericSummary(label: string, values: readonly number[]): GroupSummary {
  const d = describe(values);
  return {label, n: d.n, mean: d.mean, sd: d.sd, median: d.median, q1: d.q1, q3: d.q3};
}
