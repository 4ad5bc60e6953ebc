/**
 * Monthly profit of the declined against the unchanged customers: the only evidence in the data of
 * how much profit a decline costs. The money estimate on the Offers page assumes a share of profit
 * is lost when activity declines; this comparison says whether the data show any such loss.
 * Difference of means with Welch's 95% interval (scipy.stats.ttest_ind(equal_var=False) and its
 * confidence_interval), and Cohen's d (pooled standard deviation).
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import {cohensD, describe, type EffectSize} from "../../stats/index.ts";
import {cohensDEffect} from "../../stats/effects.ts";
import type {CustomerRow} from "./features.ts";

export interface ProfitByActivity {
  declined: {n: number; mean: number};
  unchanged: {n: number; mean: number};
  /** Mean profit of the declined minus that of the unchanged, with Welch's 95% interval. */
  difference: {value: number; lo: number; hi: number};
  /** Cohen's d, declined against unchanged. */
  effect: EffectSize;
  /** True only when the whole interval lies below zero: the data show declined customers bring less profit. */
  showsLoss: boolean;
}

export function profitByActivity(rows: readonly CustomerRow[]): ProfitByActivity {
  const x = rows.filter((r) => r.declined).map((r) => r.profit);
  const y = rows.filter((r) => !r.declined).map((r) => r.profit);
  const a = describe(x);
  const b = describe(y);
  const va = a.sd ** 2 / a.n;
  const vb = b.sd ** 2 / b.n;
  const se = Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const half = tQuantile(0.975, df) * se;
  const value = a.mean - b.mean;
  return {
    declined: {n: a.n, mean: a.mean}, unchanged: {n: b.n, mean: b.mean},
    difference: {value, lo: value - half, hi: value + half},
    effect: cohensDEffect(cohensD(x, y)), showsLoss: value + half < 0
  };
}
