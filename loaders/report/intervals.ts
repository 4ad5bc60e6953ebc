/**
 * Confidence intervals used across the report layer: a seeded percentile bootstrap of any
 * statistic of (y, p) pairs, and the Wilson score interval of a proportion.
 */
import {randomSource} from "../random.ts";
import type {Estimate} from "./types.ts";

/** Quantile of a sorted array by linear interpolation (numpy's default). */
function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * Percentile bootstrap of several statistics of paired (y, p) at once: one function returns every
 * statistic of a sample, and the same B resamples (drawn with a seeded generator) feed them all.
 * Resamples holding one class only are skipped (ROC-AUC is undefined there), as are non-finite
 * values of a statistic.
 */
export function bootstrapEstimates<K extends string>(
  y: readonly number[], p: readonly number[], statistics: (y: number[], p: number[]) => Record<K, number>,
  {resamples = 1000, seed = 42, level = 0.95}: {resamples?: number; seed?: number; level?: number} = {}
): Record<K, Estimate> {
  const random = randomSource(seed);
  const n = y.length;
  const point = statistics(y.slice(), p.slice());
  const keys = Object.keys(point) as K[];
  const draws = new Map<K, number[]>(keys.map((k) => [k, []]));
  const yb = new Array<number>(n), pb = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    let positives = 0;
    for (let i = 0; i < n; i++) {
      const j = random.int(n);
      yb[i] = y[j];
      pb[i] = p[j];
      positives += y[j];
    }
    if (positives === 0 || positives === n) continue;
    const values = statistics(yb, pb);
    for (const k of keys) if (Number.isFinite(values[k])) draws.get(k)!.push(values[k]);
  }
  const alpha = (1 - level) / 2;
  const out = {} as Record<K, Estimate>;
  for (const k of keys) {
    const sorted = draws.get(k)!.sort((a, b) => a - b);
    out[k] = {value: point[k], lo: quantile(sorted, alpha), hi: quantile(sorted, 1 - alpha)};
  }
  return out;
}

/** Wilson score interval for `successes` out of `n` (95% by default). */
export function wilson(successes: number, n: number, z = 1.959963984540054): Estimate {
  if (n === 0) return {value: NaN, lo: NaN, hi: NaN};
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return {value: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half)};
}
