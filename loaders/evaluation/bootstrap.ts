/**
 * Percentile bootstrap confidence intervals, seeded: resample rows with replacement, recompute the
 * statistics, take the (1 − confidence)/2 and (1 + confidence)/2 quantiles of each (numpy's linear
 * interpolation, as `scipy.stats.bootstrap(method="percentile")`). Several statistics share the
 * same resamples. A resample where the statistics cannot be computed (the function throws, e.g.
 * ROC-AUC on a resample holding one class) is skipped and counted; a non-finite value skips that
 * statistic only.
 */
import {randomSource} from "../random.ts";
import {quantileSorted} from "../stats/descriptives.ts";

export interface BootstrapOptions {
  /** Default 1000. */
  resamples?: number;
  /** Default 0.95. */
  confidence?: number;
  seed?: number;
  /**
   * Lists each resample's row indices in this order (a permutation of 0..n−1) instead of the order
   * drawn. The rows drawn are the same; a statistic that sorts its rows (ROC-AUC sorts by score)
   * is then handed them sorted, which makes its sort linear.
   */
  order?: readonly number[];
}

export interface Interval {
  /** The statistic on the original rows. */
  value: number;
  lo: number;
  hi: number;
}

export interface BootstrapInterval extends Interval {
  confidence: number;
  /** Resamples that gave a defined value. */
  resamples: number;
  /** Resamples skipped because the value was undefined there. */
  skipped: number;
}

/** Bootstrap intervals of statistics of a resample, given as row indices into n rows. */
export function bootstrap<K extends string>(
  n: number, statistics: (indices: number[]) => Record<K, number>, options: BootstrapOptions = {}
): Record<K, BootstrapInterval> {
  const {resamples = 1000, confidence = 0.95, seed = 42, order} = options;
  if (!(confidence > 0 && confidence < 1)) throw new Error(`bootstrap: confidence must be in (0, 1), got ${confidence}`);
  if (order && order.length !== n) throw new Error(`bootstrap: an order of ${order.length} rows for ${n} rows`);
  const point = statistics(Array.from({length: n}, (_, i) => i));
  const keys = Object.keys(point) as K[];
  const draws = new Map<K, number[]>(keys.map((k) => [k, []]));
  const random = randomSource(seed);
  const counts = new Int32Array(order ? n : 0);
  const draw = (): number[] => {
    const indices = new Array<number>(n); // a plain loop: twice as fast as Array.from with a callback
    if (!order) {
      for (let k = 0; k < n; k++) indices[k] = random.int(n);
      return indices;
    }
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[random.int(n)]++;
    let m = 0;
    for (const i of order) for (let c = counts[i]; c > 0; c--) indices[m++] = i;
    return indices;
  };
  for (let b = 0; b < resamples; b++) {
    const indices = draw();
    let values: Record<K, number>;
    try {
      values = statistics(indices);
    } catch {
      continue;
    }
    for (const k of keys) if (Number.isFinite(values[k])) draws.get(k)!.push(values[k]);
  }
  const alpha = (1 - confidence) / 2;
  const out = {} as Record<K, BootstrapInterval>;
  for (const k of keys) {
    const sorted = Float64Array.from(draws.get(k)!).sort();
    out[k] = {value: point[k], lo: quantileSorted(sorted, alpha), hi: quantileSorted(sorted, 1 - alpha), confidence, resamples: sorted.length, skipped: resamples - sorted.length};
  }
  return out;
}

/**
 * Bootstrap intervals of statistics of paired targets and scores, e.g. a model's test metrics:
 * `bootstrapEstimates(y, p, (y, p) => ({auc: rocAuc(y, p), f1: …}))`. Each resample is handed in
 * decreasing score order (ties by row), so curve-based statistics do not re-sort 1000 times; the
 * statistics must not depend on the order of the rows.
 */
export function bootstrapEstimates<K extends string>(
  y: readonly number[], p: readonly number[], statistics: (y: number[], p: number[]) => Record<K, number>, options: BootstrapOptions = {}
): Record<K, Interval> {
  if (y.length !== p.length) throw new Error(`bootstrap: ${y.length} targets but ${p.length} scores`);
  const order = p.map((_, i) => i).sort((a, b) => p[b] - p[a] || a - b);
  const all = bootstrap(y.length, (idx) => statistics(idx.map((i) => y[i]), idx.map((i) => p[i])), {order, ...options});
  const out = {} as Record<K, Interval>;
  for (const k of Object.keys(all) as K[]) out[k] = {value: all[k].value, lo: all[k].lo, hi: all[k].hi};
  return out;
}
