/** Ranking with ties: average ranks (scipy.stats.rankdata method="average"), 1-based. */

export interface Ranking {
  ranks: Float64Array;
  /** Sizes of the tie groups with more than one member. */
  ties: number[];
}

export function rankAverage(values: ArrayLike<number>): Ranking {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b]);
  const ranks = new Float64Array(n);
  const ties: number[] = [];
  let i = 0;
  while (i < n) {
    let j = i + 1;
    while (j < n && values[order[j]] === values[order[i]]) j++;
    const rank = (i + 1 + j) / 2; // mean of ranks i+1..j
    for (let m = i; m < j; m++) ranks[order[m]] = rank;
    if (j - i > 1) ties.push(j - i);
    i = j;
  }
  return {ranks, ties};
}

/** Σ (t³ − t) over tie groups: the tie term of rank-test variance corrections. */
export function tieTerm(ties: readonly number[]): number {
  let s = 0;
  for (const t of ties) s += t * t * t - t;
  return s;
}
