/**
 * Cluster portraits: who is in each cluster, in the original units. For every cluster: size,
 * share, target rate (when a 0/1 target is given), and per feature the mean, median and the
 * standardised difference from everyone ((cluster mean − overall mean) / overall sd).
 */
import {flatten, type Flat, type Matrix} from "./matrix.ts";
import {medianInPlace} from "../stats/descriptives.ts";

export interface FeatureProfile {
  feature: string;
  mean: number;
  median: number;
  /** Mean of everyone, for reference. */
  overallMean: number;
  /** (cluster mean − overall mean) / overall sample sd; 0 for a constant feature. */
  standardisedDifference: number;
}

export interface ClusterPortrait {
  cluster: number;
  size: number;
  share: number;
  /** Mean of the target (a rate for a 0/1 target); absent without a target. */
  targetRate?: number;
  features: FeatureProfile[];
  /** Features by |standardised difference|, most distinctive first. */
  distinctive: string[];
}

export interface PortraitOptions {
  /** Feature names, one per column of X. */
  features: readonly string[];
  /** Optional outcome per row (e.g. churn 0/1). */
  target?: readonly number[];
}


/** Portraits of clusters given raw (unstandardised) rows and a label per row, ordered by label. */
export function clusterPortraits(X: Matrix, labels: readonly number[], options: PortraitOptions): ClusterPortrait[] {
  return clusterPortraitsFlat(flatten(X), labels, options);
}

/** clusterPortraits on a flat matrix (millions of rows: no array per row). */
export function clusterPortraitsFlat({data, n, d}: Flat, labels: ArrayLike<number>, {features, target}: PortraitOptions): ClusterPortrait[] {
  if (labels.length !== n) throw new Error(`clusterPortraits: ${labels.length} labels for ${n} rows`);
  if (features.length !== d) throw new Error(`clusterPortraits: ${features.length} feature names for ${d} columns`);
  const overallMean = features.map((_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += data[i * d + j];
    return s / n;
  });
  const overallSd = features.map((_, j) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (data[i * d + j] - overallMean[j]) ** 2;
    return Math.sqrt(s / (n - 1));
  });
  // Each cluster's rows: counted, then filled in one pass over the labels.
  const sizes = new Map<number, number>();
  for (let i = 0; i < n; i++) sizes.set(labels[i], (sizes.get(labels[i]) ?? 0) + 1);
  const members = new Map([...sizes].map(([l, size]) => [l, {rows: new Int32Array(size), filled: 0}]));
  for (let i = 0; i < n; i++) {
    const m = members.get(labels[i])!;
    m.rows[m.filled++] = i;
  }
  const ids = [...members.keys()].sort((a, b) => a - b);
  // One buffer for every cluster's values of a feature (millions of rows: not a new one each).
  const scratch = new Float64Array(Math.max(0, ...sizes.values()));
  return ids.map((cluster) => {
    const {rows} = members.get(cluster)!;
    const profiles = features.map((feature, j) => {
      const values = scratch.subarray(0, rows.length);
      let total = 0;
      for (let t = 0; t < rows.length; t++) total += values[t] = data[rows[t] * d + j];
      const mean = total / values.length;
      return {
        feature,
        mean,
        median: medianInPlace(values),
        overallMean: overallMean[j],
        standardisedDifference: overallSd[j] > 0 ? (mean - overallMean[j]) / overallSd[j] : 0,
      };
    });
    const portrait: ClusterPortrait = {
      cluster,
      size: rows.length,
      share: rows.length / n,
      features: profiles,
      distinctive: [...profiles].sort((a, b) => Math.abs(b.standardisedDifference) - Math.abs(a.standardisedDifference)).map((p) => p.feature),
    };
    if (target) portrait.targetRate = rows.reduce((s, i) => s + target[i], 0) / rows.length;
    return portrait;
  });
}
