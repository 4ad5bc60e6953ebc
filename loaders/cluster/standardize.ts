/** Standardisation (z-scores) like scikit-learn's StandardScaler: population sd (n denominator);
 *  a constant column gets scale 1 so it becomes all zeros rather than NaN. */
import type {Matrix} from "./matrix.ts";

export interface Scaler {
  mean: number[];
  scale: number[];
}

export function fitScaler(X: Matrix): Scaler {
  const n = X.length;
  const d = n ? X[0].length : 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) mean[j] += row[j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (const row of X) for (let j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) ** 2;
  for (let j = 0; j < d; j++) {
    const sd = Math.sqrt(scale[j] / n);
    scale[j] = sd > 0 ? sd : 1;
  }
  return {mean, scale};
}

export function transformScaler(scaler: Scaler, X: Matrix): number[][] {
  return X.map((row) => row.map((v, j) => (v - scaler.mean[j]) / scaler.scale[j]));
}

export function inverseTransformScaler(scaler: Scaler, X: Matrix): number[][] {
  return X.map((row) => row.map((v, j) => v * scaler.scale[j] + scaler.mean[j]));
}

/** Fit and transform in one step. */
export function standardize(X: Matrix): {X: number[][]; scaler: Scaler} {
  const scaler = fitScaler(X);
  return {X: transformScaler(scaler, X), scaler};
}
