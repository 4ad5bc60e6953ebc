/**
 * Quantiles of a value histogram (distinct values with their counts), equal to DuckDB's
 * quantile_cont over the expanded values: position (n − 1)·q, linear interpolation. Lets a
 * 10-million-row column with a few thousand distinct values be summarised by one GROUP BY.
 */
export interface Bin {
  value: number;
  count: number;
}

/** The value at 0-based position `i` of the expanded, sorted values. */
function at(sorted: Bin[], cumulative: number[], i: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > i) hi = mid;
    else lo = mid + 1;
  }
  return sorted[lo].value;
}

export function histogramQuantiles(bins: Bin[], qs: number[]): (number | null)[] {
  const sorted = bins.filter((b) => b.count > 0).sort((a, b) => a.value - b.value);
  const cumulative: number[] = [];
  let n = 0;
  for (const b of sorted) cumulative.push((n += b.count));
  if (n === 0) return qs.map(() => null);
  return qs.map((q) => {
    const h = (n - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    const a = at(sorted, cumulative, lo);
    const b = hi === lo ? a : at(sorted, cumulative, hi);
    return a + (h - lo) * (b - a);
  });
}

/** Median absolute deviation from `center`, from the same histogram. */
export function histogramMad(bins: Bin[], center: number): number | null {
  return histogramQuantiles(bins.map((b) => ({value: Math.abs(b.value - center), count: b.count})), [0.5])[0];
}
