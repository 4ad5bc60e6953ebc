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
 * Percentile bootstrap of several statistics of paired (y, p) at once: the same B resamples
 * (drawn with a seeded generator) feed every statistic. Resamples where a statistic is not
 * finite (e.g. ROC-AUC of a one-class resample) are skipped for that statistic.
 */
export function bootstrapEstimates<K extends string>(
  y: readonly number[], p: readonly number[], statistics: Record<K, (y: number[], p: number[]) => number>,
  {resamples = 1000, seed = 42, level = 0.95}: {resamples?: number; seed?: number; level?: number} = {}
): Record<K, Estimate> {
  const random = randomSource(seed);
  const n = y.length;
  const keys = Object.keys(statistics) as K[];
  const draws = new Map<K, number[]>(keys.map((k) => [k, []]));
  const yb = new Array<number>(n), pb = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) {
      const j = random.int(n);
      yb[i] = y[j];
      pb[i] = p[j];
    }
    const hasBoth = yb.includes(0) && yb.includes(1);
    for (const k of keys) {
      if (!hasBoth) continue;
      const v = statistics[k](yb, pb);
      if (Number.isFinite(v)) draws.get(k)!.push(v);
    }
  }
  const alpha = (1 - level) / 2;
  const out = {} as Record<K, Estimate>;
  for (const k of keys) {
    const sorted = draws.get(k)!.sort((a, b) => a - b);
    out[k] = {value: statistics[k](y.slice(), p.slice()), lo: quantile(sorted, alpha), hi: quantile(sorted, 1 - alpha)};
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
