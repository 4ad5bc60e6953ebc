/** Row matrices: the public API takes number[][] rows; the kernels work on flat Float64Arrays. */

export type Matrix = readonly (readonly number[])[];

export interface Flat {
  data: Float64Array;
  n: number;
  d: number;
}

export function flatten(X: Matrix): Flat {
  const n = X.length;
  const d = n ? X[0].length : 0;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const row = X[i];
    if (row.length !== d) throw new Error(`row ${i} has ${row.length} values, expected ${d}`);
    for (let j = 0; j < d; j++) {
      const v = row[j];
      if (!Number.isFinite(v)) throw new Error(`row ${i}, column ${j}: ${v} is not a finite number (impute or drop missing values before clustering)`);
      data[i * d + j] = v;
    }
  }
  return {data, n, d};
}

export function unflatten(data: ArrayLike<number>, n: number, d: number): number[][] {
  const out: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = new Array<number>(d);
    for (let j = 0; j < d; j++) row[j] = data[i * d + j];
    out[i] = row;
  }
  return out;
}

/** Squared Euclidean distance between row i of a and row j of b (both with d columns). */
export function sqDist(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  const oi = i * d;
  const oj = j * d;
  for (let t = 0; t < d; t++) {
    const diff = a[oi + t] - b[oj + t];
    s += diff * diff;
  }
  return s;
}
