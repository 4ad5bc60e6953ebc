/**
 * Quantiles by linear interpolation, exactly as numpy's default `percentile`/`quantile`
 * (method "linear", including its two-sided lerp), so bin edges and interval ends match: quantileSorted
 * (loaders/stats/descriptives.ts) of a sorted copy.
 */
import {quantileSorted} from "../stats/descriptives.ts";

export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(Float64Array.from(values).sort(), p);
}

/** numpy.percentile(values, q) for q in 0..100 (q/100 computed as numpy does). */
export function percentile(values: ArrayLike<number>, q: number): number {
  return quantile(values, q / 100);
}
