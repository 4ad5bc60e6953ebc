/**
 * k-nearest neighbours for a binary target (brute force, Euclidean distance): P(y = 1) is the
 * share of class 1 among the k nearest training rows, uniformly or 1/distance weighted. Like
 * scikit-learn, rows at distance 0 take all the weight when any exist. Among equally distant
 * rows at the k-th place, the lower training index wins (scikit-learn leaves that order unspecified).
 * Scale features first: the distance is only meaningful on comparable scales.
 */
import {checkXy, thresholded, toDense, type Classifier, type Estimator, type Row} from "./types.ts";

export interface KnnOptions {
  /** Neighbours. Default 5. */
  k?: number;
  /** "uniform" (default) or "distance" (weight 1/distance). */
  weights?: "uniform" | "distance";
}

export interface Neighbours {
  /** Training row indices, nearest first. */
  indices: number[];
  distances: number[];
}

export interface KnnModel extends Classifier {
  family: "knn";
  k: number;
  weights: "uniform" | "distance";
  /** The k nearest training rows of each row. */
  kneighbors(X: readonly Row[]): Neighbours[];
}

export function fitKnn(X: readonly Row[], y: readonly number[], options: KnnOptions = {}): KnnModel {
  const {k = 5, weights = "uniform"} = options;
  checkXy(X, y);
  const {data, n, d} = toDense(X);
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new Error(`knn: k must be an integer in 1..${n}, got ${k}`);
  const labels = Float64Array.from(y);
  const bestD = new Float64Array(k);
  const bestI = new Int32Array(k);

  const query = new Float64Array(d);

  /**
   * Fills bestD/bestI with the k smallest squared distances, ascending (insertion into a sorted
   * buffer). Once k rows are held, a row's sum stops as soon as it reaches the k-th distance: the
   * terms are not negative, so the full sum could not enter either.
   */
  function nearest(x: readonly number[]): void {
    if (x.length !== d) throw new Error(`knn: row has ${x.length} features, model has ${d}`);
    query.set(x);
    let size = 0, limit = Infinity;
    for (let i = 0, o = 0; i < n; i++, o += d) {
      let s = 0;
      for (let j = 0; j < d && s < limit; j++) {
        const diff = data[o + j] - query[j];
        s += diff * diff;
      }
      if (s >= limit) continue;
      let p = size < k ? size++ : k - 1;
      while (p > 0 && bestD[p - 1] > s) {
        bestD[p] = bestD[p - 1];
        bestI[p] = bestI[p - 1];
        p--;
      }
      bestD[p] = s;
      bestI[p] = i;
      if (size === k) limit = bestD[k - 1];
    }
  }

  const predictProba = (Z: readonly Row[]): number[] =>
    Z.map((x) => {
      nearest(x);
      if (weights === "uniform") {
        let pos = 0;
        for (let r = 0; r < k; r++) pos += labels[bestI[r]];
        return pos / k;
      }
      if (bestD[0] === 0) {
        let pos = 0, zeros = 0;
        for (let r = 0; r < k && bestD[r] === 0; r++, zeros++) pos += labels[bestI[r]];
        return pos / zeros;
      }
      let pos = 0, total = 0;
      for (let r = 0; r < k; r++) {
        const w = 1 / Math.sqrt(bestD[r]);
        pos += w * labels[bestI[r]];
        total += w;
      }
      return pos / total;
    });

  return {
    family: "knn",
    k,
    weights,
    predictProba,
    predict: (Z, threshold = 0.5) => thresholded(predictProba(Z), threshold),
    kneighbors: (Z) =>
      Z.map((x) => {
        nearest(x);
        return {indices: Array.from(bestI), distances: Array.from(bestD, Math.sqrt)};
      })
  };
}

export function kNearestNeighbours(options: KnnOptions = {}): Estimator<Row, KnnModel> {
  return {
    family: "knn",
    params: {k: options.k ?? 5, weights: options.weights ?? "uniform"},
    fit: (X, y) => fitKnn(X, y, options)
  };
}
