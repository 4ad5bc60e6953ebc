/**
 * Two-sample t-tests (two-sided). @stdlib/stats-ttest2 computes the statistic, Welch–Satterthwaite
 * df and a p-value from the exact t CDF (2·F(−|t|), accurate in the tails), so it is used as is.
 */
import ttest2 from "@stdlib/stats-ttest2";
import type {TestResult} from "./types.ts";
import {type Cell, present} from "./descriptives.ts";
import {cohensD, cohensDEffect} from "./effects.ts";
import {numericSummary} from "./summaries.ts";
import {decisionText} from "./words.ts";

export interface TwoSampleOptions {
  /** Label of the variable compared, e.g. "Lifetime (months)". */
  variable?: string;
  /** Labels of the two groups, e.g. ["churned", "stayed"]. */
  labels?: readonly [string, string];
  alpha?: number;
}

function tTest(a: readonly Cell[], b: readonly Cell[], equalVariance: boolean, {variable = "the value", labels = ["group 1", "group 2"], alpha = 0.05}: TwoSampleOptions): TestResult {
  const x = present(a);
  const y = present(b);
  if (x.length < 2 || y.length < 2) throw new Error(`t-test on ${variable}: each group needs at least 2 values (got ${x.length} and ${y.length})`);
  const r = ttest2(x, y, {variance: equalVariance ? "equal" : "unequal"});
  const d = cohensD(x, y);
  const [la, lb] = labels;
  const direction = d > 0 ? "higher" : "lower";
  return {
    test: equalVariance ? "Student t-test" : "Welch t-test",
    why: equalVariance
      ? "Compares two means assuming both groups share one variance; needs independent observations and roughly normal group means (true for large samples)."
      : "Compares two means without assuming equal variances; needs independent observations and roughly normal group means — by the central limit theorem, fine for large, not too skewed samples.",
    h0: `The mean ${variable} is the same for ${la} and ${lb}.`,
    h1: `The mean ${variable} differs between ${la} and ${lb}.`,
    alpha,
    statistic: r.statistic,
    statisticName: "t",
    df: r.df,
    pValue: r.pValue,
    effect: cohensDEffect(d),
    groups: [numericSummary(la, x), numericSummary(lb, y)],
    reject: r.pValue < alpha,
    decision: decisionText(
      r.pValue,
      alpha,
      `the mean ${variable} is ${direction} for ${la} than for ${lb}.`,
      `no evidence that the mean ${variable} differs between ${la} and ${lb}.`,
    ),
    variable,
  };
}

/** Welch's unequal-variance t-test (scipy.stats.ttest_ind(equal_var=False)). */
export function welchTTest(a: readonly Cell[], b: readonly Cell[], options: TwoSampleOptions = {}): TestResult {
  return tTest(a, b, false, options);
}

/** Student's pooled-variance t-test (scipy.stats.ttest_ind(equal_var=True)). */
export function studentTTest(a: readonly Cell[], b: readonly Cell[], options: TwoSampleOptions = {}): TestResult {
  return tTest(a, b, true, options);
}
