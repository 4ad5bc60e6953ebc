/**
 * Silhouette scores (mean over rows of (b − a) / max(a, b); 0 for rows alone in their cluster),
 * as sklearn.metrics.silhouette_score with Euclidean distance. Exact up to `maxExact` rows;
 * above that, a seeded random sample of `sampleSize` rows (like silhouette_score(sample_size=…)).
 * Several labelings of the same rows are scored in one pass over the distances, which is what
 * choosing k needs.
 */
import {randomSource, shuffled} from "../random.ts";
import {type Matrix, flatten} from "./matrix.ts";

export interface SilhouetteOptions {
  /** Score all rows up to this many. Default 10,000. */
  maxExact?: number;
  /** Rows sampled above maxExact. Default 10,000. */
  sampleSize?: number;
  seed?: number;
}

export interface SilhouetteResult {
  score: number;
  /** Rows the score was computed on (n, or the sample size). */
  rows: number;
  sampled: boolean;
}

/** Silhouette of each row, for each labeling (labels are small non-negative integers). */
export function silhouetteSamplesFlat(data: Float64Array, n: number, d: number, labelings: readonly ArrayLike<number>[]): Float64Array[] {
  const L = labelings.length;
  const ks = labelings.map((lab) => {
    let m = 0;
    for (let i = 0; i < n; i++) m = Math.max(m, lab[i]);
    return m + 1;
  });
  const offsets = new Int32Array(L + 1);
  for (let l = 0; l < L; l++) offsets[l + 1] = offsets[l] + ks[l];
  const labs = labelings.map((lab) => Int32Array.from({length: n}, (_, i) => lab[i]));
  const sizes = labs.map((lab, l) => {
    const s = new Float64Array(ks[l]);
    for (let i = 0; i < n; i++) s[lab[i]]++;
    return s;
  });
  const out = labelings.map(() => new Float64Array(n));
  // sums[i·S + offsets[l] + c]: row i's summed distance to the rows of cluster c under labeling l. Each pair's
  // distance is computed once and added to both rows; a row still receives its terms in the order of the other
  // row's index, so the sums are the same numbers as one row's pass over all others.
  const S = offsets[L];
  const sums = new Float64Array(n * S);
  // Row j's place in a row of `sums` under each labeling, side by side (one cache line per row rather than one per labeling).
  const slot = new Int32Array(n * L);
  for (let j = 0; j < n; j++) for (let l = 0; l < L; l++) slot[j * L + l] = offsets[l] + labs[l][j];
  for (let i = 0; i < n; i++) {
    const oi = i * d, si = i * S, li = i * L;
    for (let j = i + 1; j < n; j++) {
      const oj = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = data[oi + t] - data[oj + t];
        s += diff * diff;
      }
      const dist = Math.sqrt(s);
      const sj = j * S, lj = j * L;
      for (let l = 0; l < L; l++) {
        sums[si + slot[lj + l]] += dist;
        sums[sj + slot[li + l]] += dist;
      }
    }
    for (let l = 0; l < L; l++) {
      const own = labs[l][i];
      const size = sizes[l];
      if (size[own] <= 1) {
        out[l][i] = 0;
        continue;
      }
      const a = sums[si + offsets[l] + own] / (size[own] - 1);
      let b = Infinity;
      for (let c = 0; c < ks[l]; c++) if (c !== own && size[c] > 0) b = Math.min(b, sums[si + offsets[l] + c] / size[c]);
      out[l][i] = b === Infinity ? 0 : (b - a) / Math.max(a, b);
    }
  }
  return out;
}

/** Mean silhouette for each labeling of the same rows. */
export function silhouetteScores(X: Matrix, labelings: readonly (readonly number[])[], {maxExact = 10000, sampleSize = 10000, seed = 42}: SilhouetteOptions = {}): SilhouetteResult[] {
  const {data, n, d} = flatten(X);
  let rows = Array.from({length: n}, (_, i) => i);
  const sampled = n > maxExact;
  if (sampled) rows = shuffled(rows, randomSource(seed)).slice(0, sampleSize);
  const m = rows.length;
  const sub = new Float64Array(m * d);
  rows.forEach((r, i) => sub.set(data.subarray(r * d, r * d + d), i * d));
  const subLabels = labelings.map((lab) => {
    // relabel to 0..k−1 within the rows scored
    const map = new Map<number, number>();
    return rows.map((r) => {
      if (!map.has(lab[r])) map.set(lab[r], map.size);
      return map.get(lab[r])!;
    });
  });
  return silhouetteSamplesFlat(sub, m, d, subLabels).map((s, l) => {
    const distinct = new Set(subLabels[l]).size;
    if (distinct < 2 || distinct > m - 1) throw new Error(`silhouette needs 2 ≤ clusters ≤ rows − 1 (got ${distinct} clusters on ${m} rows)`);
    let total = 0;
    for (let i = 0; i < m; i++) total += s[i];
    return {score: total / m, rows: m, sampled};
  });
}

export function silhouetteScore(X: Matrix, labels: readonly number[], options: SilhouetteOptions = {}): SilhouetteResult {
  return silhouetteScores(X, [labels], options)[0];
}
