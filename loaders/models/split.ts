/**
 * Stratified splits: a train/test split and k-fold cross-validation that keep each class's share
 * in every part. Seeded through loaders/random.ts; the same labels and seed give the same split.
 */
import {randomSource, shuffled} from "../random.ts";

export interface Split {
  /** Row indices, ascending. */
  train: number[];
  test: number[];
}

/** Class labels in order of first appearance and each row's class code (scikit-learn's order). */
function encode(y: readonly unknown[]): {codes: number[]; classes: unknown[]} {
  const index = new Map<unknown, number>();
  const codes = y.map((v) => {
    let c = index.get(v);
    if (c === undefined) index.set(v, (c = index.size));
    return c;
  });
  return {codes, classes: [...index.keys()]};
}

export interface TrainTestOptions {
  /** Share of rows in the test part (0..1), or a row count if >= 1. Default 0.25. */
  testSize?: number;
  seed?: number;
}

/**
 * Stratified train/test split. Each class sends round(share × class size) rows to the test part,
 * rounded by largest remainder so the test part has exactly round(testSize × n) rows (as
 * scikit-learn's StratifiedShuffleSplit allocates); the rows are chosen at random (seeded).
 */
export function stratifiedTrainTestSplit(y: readonly unknown[], options: TrainTestOptions = {}): Split {
  const {testSize = 0.25, seed = 42} = options;
  const n = y.length;
  const nTest = testSize >= 1 ? Math.floor(testSize) : Math.ceil(testSize * n);
  if (!(nTest > 0 && nTest < n)) throw new Error(`stratifiedTrainTestSplit: test size ${testSize} leaves an empty part of ${n} rows`);
  const {codes, classes} = encode(y);
  const members: number[][] = classes.map(() => []);
  codes.forEach((c, i) => members[c].push(i));
  const exact = members.map((m) => (m.length * nTest) / n);
  const take = exact.map(Math.floor);
  let left = nTest - take.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, c) => c).sort((a, b) => exact[b] - take[b] - (exact[a] - take[a]) || a - b);
  for (const c of byRemainder) {
    if (left <= 0) break;
    if (take[c] < members[c].length) {
      take[c]++;
      left--;
    }
  }
  const random = randomSource(seed);
  const test: number[] = [];
  const train: number[] = [];
  members.forEach((m, c) => {
    const order = shuffled(m, random.fork());
    test.push(...order.slice(0, take[c]));
    train.push(...order.slice(take[c]));
  });
  const asc = (a: number, b: number) => a - b;
  return {train: train.sort(asc), test: test.sort(asc)};
}

export interface KFoldOptions {
  /** Number of folds. Default 5. */
  nSplits?: number;
  /** Shuffle each class's fold labels before assigning them. Default true. */
  shuffle?: boolean;
  seed?: number;
}

/**
 * Stratified k-fold, with scikit-learn's StratifiedKFold allocation: fold sizes and per-class
 * counts are those of dealing the sorted class codes round-robin into the folds, and without
 * shuffling the folds are identical to scikit-learn's. Returns each row's test fold and the splits.
 */
export function stratifiedKFold(y: readonly unknown[], options: KFoldOptions = {}): {folds: number[]; splits: Split[]} {
  const {nSplits = 5, shuffle = true, seed = 42} = options;
  const {codes, classes} = encode(y);
  const counts = classes.map((_, c) => codes.filter((v) => v === c).length);
  if (!Number.isInteger(nSplits) || nSplits < 2) throw new Error(`stratifiedKFold: nSplits must be an integer >= 2, got ${nSplits}`);
  if (counts.every((count) => nSplits > count)) {
    throw new Error(`stratifiedKFold: ${nSplits} folds but no class has that many rows`);
  }
  // allocation[fold][class] = bincount(sortedCodes[fold::nSplits])
  const sorted = codes.slice().sort((a, b) => a - b);
  const allocation = Array.from({length: nSplits}, () => new Array<number>(classes.length).fill(0));
  sorted.forEach((c, i) => allocation[i % nSplits][c]++);
  const random = randomSource(seed);
  const folds = new Array<number>(y.length);
  classes.forEach((_, c) => {
    let labels: number[] = [];
    for (let f = 0; f < nSplits; f++) for (let r = 0; r < allocation[f][c]; r++) labels.push(f);
    if (shuffle) labels = shuffled(labels, random);
    let k = 0;
    for (let i = 0; i < codes.length; i++) if (codes[i] === c) folds[i] = labels[k++];
  });
  const splits: Split[] = Array.from({length: nSplits}, (_, f) => {
    const train: number[] = [], test: number[] = [];
    folds.forEach((g, i) => (g === f ? test : train).push(i));
    return {train, test};
  });
  return {folds, splits};
}

/** Rows of `values` at `indices`. */
export function take<T>(values: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => values[i]);
}
