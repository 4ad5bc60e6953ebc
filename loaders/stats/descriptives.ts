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

/** The p-quantile (0..1) of values already sorted ascending, by linear interpolation exactly as numpy's default
 * `quantile` (method "linear", R type 7, pandas), its two-sided interpolation included, so results match to the bit. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile: p must be in [0, 1], got ${p}`);
  const h = p * (n - 1);
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return lerp(sorted[lo], sorted[lo + 1], h - lo);
}

/** a + (b − a)·t as numpy computes it: from b when t ≥ ½ (exact at t = 1). */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
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

/** Put the k-th smallest of a[lo..hi] at a[k], smaller or equal values before it and larger or equal after (three-way
 * partitions: columns of a few distinct values, such as order counts, stay linear). */
function selectInPlace(a: Float64Array, k: number, lo: number, hi: number): void {
  while (hi > lo) {
    const x = a[lo], y = a[(lo + hi) >> 1], z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let lt = lo, gt = hi, i = lo;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) (a[i++] = a[lt]), (a[lt++] = v);
      else if (v > pivot) (a[i] = a[gt]), (a[gt--] = v);
      else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return;
  }
}

/** quantileSorted of the values for each p (ascending), by selection rather than a full sort: `values` (no NaN) are
 * reordered in place. Millions of values: a few linear passes instead of n log n. */
export function quantilesInPlace(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => NaN);
  let from = 0;
  return ps.map((p, j) => {
    if (j > 0 && p < ps[j - 1]) throw new Error(`quantilesInPlace: probabilities must ascend (${ps.join(", ")})`);
    if (!(p >= 0 && p <= 1)) throw new Error(`quantile: p must be in [0, 1], got ${p}`);
    const h = p * (n - 1);
    const lo = Math.floor(h);
    if (lo >= from) selectInPlace(values, Math.min(lo, n - 1), from, n - 1);
    from = Math.max(from, lo);
    if (lo >= n - 1) return values[n - 1];
    // The next value up: the smallest of those after lo (all ≥ values[lo]).
    let next = values[lo + 1];
    for (let i = lo + 2; i < n; i++) if (values[i] < next) next = values[i];
    return lerp(values[lo], next, h - lo);
  });
}

/** The median as the mean of the two middle values for an even count (numpy's median), by selection: reorders `values`. */
export function medianInPlace(values: Float64Array): number {
  const n = values.length;
  if (n === 0) return NaN;
  const lo = (n - 1) >> 1;
  selectInPlace(values, lo, 0, n - 1);
  if (n % 2) return values[lo];
  let next = values[lo + 1];
  for (let i = lo + 2; i < n; i++) if (values[i] < next) next = values[i];
  return (values[lo] + next) / 2;
}

/** The median, the mean of the two middle values for an even count (numpy's median); NaN when there are none. */
export function median(values: ArrayLike<number>): number {
  return medianInPlace(Float64Array.from(values));
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
