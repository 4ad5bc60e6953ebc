/**
 * The estimator vocabulary shared by every classifier, pipeline and search in Clientele.
 *
 * Targets are binary: `y[i]` is 0 or 1. A fitted model's `predictProba` returns P(y = 1) per row.
 * `R` is the row type: `number[]` for a plain feature matrix, or a record for pipelines that
 * encode string columns first.
 */
export type Row = number[];

export interface Classifier<R = Row> {
  /** P(y = 1) for each row. */
  predictProba(X: readonly R[]): number[];
  /** 1 where P(y = 1) >= threshold (default 0.5), else 0. */
  predict(X: readonly R[], threshold?: number): number[];
}

/** An unfitted model: a family name, its hyperparameters and a `fit`. */
export interface Estimator<R = Row, M extends Classifier<R> = Classifier<R>> {
  family: string;
  params: Record<string, unknown>;
  fit(X: readonly R[], y: readonly number[]): M;
}

/** `predict` from `predictProba`, shared by every model. */
export function thresholded(proba: readonly number[], threshold = 0.5): number[] {
  return proba.map((p) => (p >= threshold ? 1 : 0));
}

/** Throws unless X and y are non-empty, equally long, and y holds only 0 and 1. */
export function checkXy(X: readonly unknown[], y: readonly number[]): void {
  if (X.length === 0) throw new Error("fit: no rows");
  if (X.length !== y.length) throw new Error(`fit: ${X.length} rows but ${y.length} targets`);
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new Error(`fit: target at row ${i} is ${y[i]}, expected 0 or 1`);
  }
}

/**
 * Row-major Float64Array copy of a numeric matrix, checking shape and finiteness.
 * With `scratch`, the copy goes into a buffer kept between calls (for data a fit reads and then
 * drops): each fresh large buffer counts as external memory and soon forces a full garbage
 * collection of the caller's heap, which on 100,000 rows costs more than the copy itself.
 * The result is then only valid until the next `toDense(…, …, true)` call.
 */
export function toDense(X: readonly Row[], d?: number, scratch = false): {data: Float64Array; n: number; d: number} {
  const n = X.length;
  const width = d ?? (n ? X[0].length : 0);
  const data = scratch ? scratchBuffer(n * width) : new Float64Array(n * width);
  // One call per row: a small hot function is optimised after a few calls, where one long loop
  // would run unoptimised (boxing every value) until on-stack replacement kicks in.
  for (let i = 0; i < n; i++) {
    const row = X[i];
    if (row.length !== width) throw new Error(`row ${i} has ${row.length} features, expected ${width}`);
    if (!copyRow(row, data, i * width, width)) {
      const j = row.findIndex((v) => !Number.isFinite(v));
      throw new Error(`row ${i}, feature ${j} is ${row[j]}; models need finite numbers`);
    }
  }
  return {data, n, d: width};
}

/** Copies row into data at offset; false if a value is not finite. */
function copyRow(row: Row, data: Float64Array, offset: number, width: number): boolean {
  let check = 0;
  for (let j = 0; j < width; j++) {
    const v = row[j];
    check += v - v; // NaN for NaN or ±Infinity, 0 otherwise (also rejects non-numbers → NaN)
    data[offset + j] = v;
  }
  return check === 0;
}

let scratchStore: Float64Array | null = null;
const SCRATCH_MAX = 1 << 22; // keep at most 32 MB between calls

function scratchBuffer(size: number): Float64Array {
  if (size > SCRATCH_MAX) return new Float64Array(size);
  if (!scratchStore || scratchStore.length < size) scratchStore = new Float64Array(Math.max(size, 1 << 16));
  return scratchStore.subarray(0, size);
}
