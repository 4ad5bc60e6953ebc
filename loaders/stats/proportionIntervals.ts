/**
 * Confidence intervals for proportions and for comparing two of them (treatment vs control):
 *   wilsonInterval        one proportion (statsmodels proportion_confint(method="wilson"))
 *   newcombeDifference    p₁ − p₂ from the two Wilson intervals (Newcombe's hybrid score, method 10;
 *                         statsmodels confint_proportions_2indep(compare="diff", method="newcomb"))
 *   relativeLift          p₁ / p₂ − 1 from the log risk ratio (Katz: var = 1/x₁ − 1/n₁ + 1/x₂ − 1/n₂;
 *                         statsmodels confint_proportions_2indep(compare="ratio", method="log"), minus 1)
 */
import {normalQuantile} from "./distributions.ts";

export interface ProportionInterval {
  value: number;
  lo: number;
  hi: number;
}

const critical = (confidence: number) => normalQuantile(1 - (1 - confidence) / 2);

export function wilsonInterval(x: number, n: number, confidence = 0.95): ProportionInterval {
  if (!(n > 0)) throw new Error("Wilson interval: needs observations");
  const z = critical(confidence);
  const p = x / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return {value: p, lo: centre - half, hi: centre + half};
}

export function newcombeDifference(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): ProportionInterval {
  const a = wilsonInterval(x1, n1, confidence);
  const b = wilsonInterval(x2, n2, confidence);
  const d = a.value - b.value;
  return {
    value: d,
    lo: d - Math.sqrt((a.value - a.lo) ** 2 + (b.hi - b.value) ** 2),
    hi: d + Math.sqrt((a.hi - a.value) ** 2 + (b.value - b.lo) ** 2)
  };
}

/** Relative lift p₁/p₂ − 1 with the log-ratio interval; null when either group has no success (the ratio is undefined). */
export function relativeLift(x1: number, n1: number, x2: number, n2: number, confidence = 0.95): ProportionInterval | null {
  if (!(x1 > 0 && x2 > 0)) return null;
  const ratio = (x1 / n1) / (x2 / n2);
  const se = Math.sqrt(1 / x1 - 1 / n1 + 1 / x2 - 1 / n2);
  const z = critical(confidence);
  return {value: ratio - 1, lo: ratio * Math.exp(-z * se) - 1, hi: ratio * Math.exp(z * se) - 1};
}
