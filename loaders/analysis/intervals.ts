/**
 * The Wilson score interval of a proportion (the report layer's bootstrap intervals come from
 * loaders/evaluation/bootstrap.ts).
 */
import type {Estimate} from "./types.ts";

/** Wilson score interval for `successes` out of `n` (95% by default). */
export function wilson(successes: number, n: number, z = 1.959963984540054): Estimate {
  if (n === 0) return {value: NaN, lo: NaN, hi: NaN};
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {value: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half)};
}
