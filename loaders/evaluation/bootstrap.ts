/**
 * Percentile bootstrap confidence intervals, seeded: resample rows with replacement, recompute
 * the statistic, take the (1 − confidence)/2 and (1 + confidence)/2 quantiles (numpy's linear
 * interpolation). Resamples where the statistic is undefined (e.g. ROC-AUC on a resample with one
 * class) are skipped and counted.
 */
import {randomSource} from "../random.ts";
import {quantileSorted} from "./quantile.ts";

export interface BootstrapOptions {
  /** Default 1000. */
  resamples?: number;
  /** Default 0.95. */
  confidence?: number;
  seed?: number;
  /** Resample within each class of `strata` separately (keeps the class balance). */
  strata?: readonly number[];
}

export interface Interval {
  /** The statistic on the original rows. */
  estimate: number;
  lower: number;
  upper: number;
  confidence: number;
  /** Resamples that gave a defined statistic. */
  resamples: number;
  /** Resamples skipped because the statistic was undefined there. */
  skipped: number;
}

/** Bootstrap interval of any statistic of a resample, given as row indices. */
export function bootstrapCi(n: number, statistic: (indices: number[]) => number, options: BootstrapOptions = {}): Interval {
  const {resamples = 1000, confidence = 0.95, seed = 42, strata} = options;
  if (!(confidence > 0 && confidence < 1)) throw new Error(`bootstrap: confidence must be in (0, 1), got ${confidence}`);
  if (strata && strata.length !== n) throw new Error(`bootstrap: ${strata.length} strata for ${n} rows`);
  const all = Array.from({length: n}, (_, i) => i);
  const estimate = statistic(all);
  const groups = strata ? [...new Set(strata)].map((s) => all.filter((i) => strata[i] === s)) : [all];
  const random = randomSource(seed);
  const values: number[] = [];
  let skipped = 0;
  const indices = new Array<number>(n);
  for (let b = 0; b < resamples; b++) {
    let k = 0;
    for (const g of groups) for (let r = 0; r < g.length; r++) indices[k++] = g[random.int(g.length)];
    let v: number;
    try {
      v = statistic(indices.slice());
    } catch {
      v = NaN;
    }
    if (Number.isFinite(v)) values.push(v);
    else skipped++;
  }
  const sorted = Float64Array.from(values).sort();
  const alpha = (1 - confidence) / 2;
  return {
    estimate,
    lower: quantileSorted(sorted, alpha),
    upper: quantileSorted(sorted, 1 - alpha),
    confidence,
    resamples: values.length,
    skipped
  };
}

/** Bootstrap interval of a metric of (targets, scores), e.g. `rocAuc` or `(y, p) => f1(y, p.map(...))`. */
export function bootstrapMetric(
  metric: (yTrue: number[], score: number[]) => number,
  yTrue: readonly number[], score: readonly number[], options: BootstrapOptions = {}
): Interval {
  if (yTrue.length !== score.length) throw new Error(`bootstrap: ${yTrue.length} targets but ${score.length} scores`);
  return bootstrapCi(yTrue.length, (idx) => metric(idx.map((i) => yTrue[i]), idx.map((i) => score[i])), options);
}
