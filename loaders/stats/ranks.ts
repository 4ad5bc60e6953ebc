/** Ranking with ties: average ranks (scipy.stats.rankdata method="average"), 1-based. */

export interface Ranking {
  ranks: Float64Array;
  /** Sizes of the tie groups with more than one member. */
  ties: number[];
}

export function rankAverage(values: ArrayLike<number>): Ranking {
  const n = values.length;
  // Sorted with the engine's numeric sort (no comparator call per comparison: millions of values in a fraction of
  // a second); each value's rank is then the middle of its run of equal values, found by binary search.
  const sorted = Float64Array.from(values).sort();
  const ties: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    if (j - i > 1) ties.push(j - i);
    i = j;
  }
  const ranks = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const v = values[k];
    const lo = firstAtLeast(sorted, v);
    let end = lo + 1;
    if (end < n && sorted[end] === v) {
      let top = n;
      while (end < top) {
        const mid = (end + top) >>> 1;
        if (sorted[mid] <= v) end = mid + 1;
        else top = mid;
      }
    }
    ranks[k] = (lo + 1 + end) / 2; // mean of ranks lo+1..end
  }
  return {ranks, ties};
}

/**
 * Each group's sum of average ranks in the groups pooled (what rank tests need, without a rank per value), with the
 * tie groups as rankAverage gives them: each group is sorted with the engine's numeric sort, then the sorted groups are
 * walked together one run of equal values at a time. Rank sums are sums of halves, exact in doubles.
 */
export function rankSums(groups: readonly ArrayLike<number>[]): {sums: number[]; ties: number[]} {
  const sorted = groups.map((g) => Float64Array.from(g).sort());
  const at = sorted.map(() => 0);
  const sums = sorted.map(() => 0);
  const ties: number[] = [];
  let below = 0; // values ranked so far
  for (;;) {
    let v = Infinity, any = false;
    for (let g = 0; g < sorted.length; g++) {
      if (at[g] < sorted[g].length && (!any || sorted[g][at[g]] < v)) (v = sorted[g][at[g]]), (any = true);
    }
    if (!any) break;
    const counts = sorted.map((values, g) => {
      const start = at[g];
      while (at[g] < values.length && values[at[g]] === v) at[g]++;
      return at[g] - start;
    });
    const t = counts.reduce((a, b) => a + b, 0);
    const rank = below + (t + 1) / 2;
    counts.forEach((c, g) => (sums[g] += c * rank));
    if (t > 1) ties.push(t);
    below += t;
  }
  return {sums, ties};
}

/**
 * Indices of the values in ascending order of value, equal values (−0 and 0 among them) by index:
 * the order of a stable sort, made with the engine's numeric sort and a binary search per value
 * instead of a comparator call per comparison. Values must not be NaN.
 */
export function orderByValue(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const placed = new Int32Array(n); // rows already placed in the run of equal values starting here
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const first = firstAtLeast(sorted, values[i]);
    order[first + placed[first]++] = i;
  }
  return order;
}

/** Position of the first sorted value not below v. */
function firstAtLeast(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Σ (t³ − t) over tie groups: the tie term of rank-test variance corrections. */
export function tieTerm(ties: readonly number[]): number {
  let s = 0;
  for (const t of ties) s += t * t * t - t;
  return s;
}
