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

/**
 * Squared Euclidean distance between the d values of a from offset oa and of b from offset ob.
 * Four running sums (features t, t + 4, t + 8, … in each) break the chain of dependent additions,
 * which otherwise bounds the speed of short rows. The k-means kernels' distance ($dist in
 * kmeans.wat) sums in the same order, so the two give the same bits.
 */
export function sqDist(a: Float64Array, oa: number, b: Float64Array, ob: number, d: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let t = 0;
  for (; t + 3 < d; t += 4) {
    const e0 = a[oa + t] - b[ob + t], e1 = a[oa + t + 1] - b[ob + t + 1];
    const e2 = a[oa + t + 2] - b[ob + t + 2], e3 = a[oa + t + 3] - b[ob + t + 3];
    s0 += e0 * e0;
    s1 += e1 * e1;
    s2 += e2 * e2;
    s3 += e3 * e3;
  }
  for (; t < d; t++) {
    const e = a[oa + t] - b[ob + t];
    s0 += e * e;
  }
  return s0 + s1 + (s2 + s3);
}
