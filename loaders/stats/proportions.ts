/**
 * Two-proportion z-test with the pooled proportion under H0, two-sided (as
 * statsmodels.stats.proportion.proportions_ztest; z² equals the uncorrected 2×2 chi-square).
 */
import type {TestResult} from "./types.ts";
import {proportionDifferenceEffect} from "./effects.ts";
import {normalTwoSided} from "./distributions.ts";
import {decisionText} from "./words.ts";

export interface ProportionsOptions {
  /** What a "success" is, e.g. "the churn rate". */
  outcome?: string;
  labels?: readonly [string, string];
  alpha?: number;
}

export function twoProportionZTest(
  successes: readonly [number, number],
  totals: readonly [number, number],
  {outcome = "the proportion", labels = ["group 1", "group 2"], alpha = 0.05}: ProportionsOptions = {},
): TestResult {
  const [x1, x2] = successes;
  const [n1, n2] = totals;
  if (!(n1 > 0 && n2 > 0)) throw new Error(`two-proportion z-test on ${outcome}: both groups need observations`);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se > 0 ? (p1 - p2) / se : 0;
  const pValue = se > 0 ? normalTwoSided(z) : 1;
  const [la, lb] = labels;
  return {
    test: "two-proportion z-test",
    why: "Compares a yes/no rate between two independent groups with the normal approximation (pooled proportion under H0); needs at least about 5 successes and 5 failures in each group.",
    h0: `${outcome} is the same for ${la} and ${lb}.`,
    h1: `${outcome} differs between ${la} and ${lb}.`,
    alpha,
    statistic: z,
    statisticName: "z",
    pValue,
    effect: proportionDifferenceEffect(p1, p2),
    groups: [
      {label: la, n: n1, proportion: p1},
      {label: lb, n: n2, proportion: p2},
    ],
    reject: pValue < alpha,
    decision: decisionText(pValue, alpha, `${outcome} is ${p1 > p2 ? "higher" : "lower"} for ${la} than for ${lb}.`, `no evidence that ${outcome} differs between ${la} and ${lb}.`),
    variable: outcome,
  };
}
