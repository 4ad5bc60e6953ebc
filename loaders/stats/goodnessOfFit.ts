/**
 * Pearson's chi-square goodness-of-fit test of observed counts against planned shares (as
 * scipy.stats.chisquare with f_exp = shares × total): the sample-ratio-mismatch check of an A/B
 * test, where the shares are the planned split.
 */
import {chiSquareSf} from "./distributions.ts";

export interface GoodnessOfFit {
  observed: number[];
  expected: number[];
  statistic: number;
  df: number;
  pValue: number;
}

export function chiSquareGoodnessOfFit(observed: readonly number[], shares: readonly number[]): GoodnessOfFit {
  if (observed.length !== shares.length || observed.length < 2) throw new Error("goodness of fit: one planned share per observed count, at least two");
  const total = observed.reduce((s, x) => s + x, 0);
  const sum = shares.reduce((s, x) => s + x, 0);
  const expected = shares.map((s) => (s / sum) * total);
  const statistic = observed.reduce((s, x, i) => s + (x - expected[i]) ** 2 / expected[i], 0);
  const df = observed.length - 1;
  return {observed: [...observed], expected, statistic, df, pValue: chiSquareSf(statistic, df)};
}
