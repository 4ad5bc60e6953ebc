/** Descriptive statistics of one numeric column, skipping missing values (null, undefined, NaN). */

export type Cell = number | null | undefined;

export interface Descriptives {
  n: number;
  missing: number;
  mean: number;
  /** Sample standard deviation (n − 1 denominator, like pandas). */
  sd: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  iqr: number;
  max: number;
  /** Sample skewness, bias-adjusted Fisher–Pearson G1 (as pandas `Series.skew()`). */
  skew: number;
}

export function isPresent(v: Cell): v is number {
  return typeof v === "number" && !Number.isNaN(v);
}

/** The numeric values of a column, missing ones removed. */
export function present(values: readonly Cell[]): number[] {
  const out: number[] = [];
  for (const v of values) if (isPresent(v)) out.push(v);
  return out;
}

/** Quantile of sorted values by linear interpolation (numpy's default, R type 7, pandas). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : NaN;
}

/** Sample variance (n − 1), two-pass. */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - m) ** 2;
  return s / (n - 1);
}

export function median(values: ArrayLike<number>): number {
  return quantileSorted(Float64Array.from(values).sort(), 0.5);
}

export function describe(values: readonly Cell[]): Descriptives {
  const x = present(values);
  const n = x.length;
  const sorted = Float64Array.from(x).sort();
  const m = mean(x);
  let m2 = 0;
  let m3 = 0;
  for (const v of x) {
    const d = v - m;
    m2 += d * d;
    m3 += d * d * d;
  }
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN;
  // G1 = sqrt(n(n-1))/(n-2) * g1, g1 = m3/m2^(3/2) with population moments.
  const g1 = m2 > 0 ? (m3 / n) / (m2 / n) ** 1.5 : 0;
  const skew = n > 2 ? (Math.sqrt(n * (n - 1)) / (n - 2)) * g1 : NaN;
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  return {
    n,
    missing: values.length - n,
    mean: m,
    sd,
    min: n ? sorted[0] : NaN,
    q1,
    median: quantileSorted(sorted, 0.5),
    q3,
    iqr: q3 - q1,
    max: n ? sorted[n - 1] : NaN,
    skew,
  };
}
