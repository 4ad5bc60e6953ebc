/**
 * Quantiles by linear interpolation, exactly as numpy's default `percentile`/`quantile`
 * (method "linear", including its two-sided lerp), so bin edges and interval ends match.
 */

/** The p-quantile (0..1) of values already sorted ascending. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile: p must be in [0, 1], got ${p}`);
  const h = p * (n - 1);
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const t = h - lo;
  const a = sorted[lo], b = sorted[lo + 1];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(Float64Array.from(values).sort(), p);
}

/** numpy.percentile(values, q) for q in 0..100 (q/100 computed as numpy does). */
export function percentile(values: ArrayLike<number>, q: number): number {
  return quantile(values, q / 100);
}
