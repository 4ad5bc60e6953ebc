/**
 * Monthly profit of the declined against the unchanged customers, now. The money estimate on the
 * Offers page assumes a share of profit is lost when activity declines; this export cannot measure
 * that (it compares different customers at one time, not the same customers before and after a
 * decline), so the comparison is shown as context for the assumption, not as evidence about it.
 * Difference of means with Welch's 95% interval (scipy.stats.ttest_ind(equal_var=False) and its
 * confidence_interval), and Cohen's d (pooled standard deviation).
 */
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import {cohensD, describe, type EffectSize} from "../../stats/index.ts";
import {cohensDEffect} from "../../stats/effects.ts";
import type {CustomerRow} from "./features.ts";
import type {Text} from "../../../src/components/i18n.ts";

export interface ProfitByActivity {
  declined: {n: number; mean: number};
  unchanged: {n: number; mean: number};
  /** Mean profit of the declined minus that of the unchanged, with Welch's 95% interval. */
  difference: {value: number; lo: number; hi: number};
  /** Cohen's d, declined against unchanged. */
  effect: EffectSize;
  /** Which way the interval points: below zero (declined customers bring less profit now), above, or across it. */
  direction: "lower" | "similar" | "higher";
  /** That, in words. */
  reading: Text;
}

const READING: Record<ProfitByActivity["direction"], Text> = {
  lower: {en: "declined customers bring less profit a month than unchanged ones", ru: "покупатели со сниженной активностью приносят меньше прибыли в месяц, чем покупатели с прежней"},
  similar: {en: "declined and unchanged customers bring similar profit a month", ru: "покупатели со сниженной и с прежней активностью приносят похожую прибыль в месяц"},
  higher: {en: "declined customers bring more profit a month than unchanged ones", ru: "покупатели со сниженной активностью приносят больше прибыли в месяц, чем покупатели с прежней"}
};

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
  const direction = value + half < 0 ? "lower" : value - half > 0 ? "higher" : "similar";
  return {
    declined: {n: a.n, mean: a.mean}, unchanged: {n: b.n, mean: b.mean},
    difference: {value, lo: value - half, hi: value + half},
    effect: cohensDEffect(cohensD(x, y)), direction, reading: READING[direction]
  };
}
