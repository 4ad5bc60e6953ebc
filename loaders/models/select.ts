/**
 * Model selection: cross-validation with out-of-fold probabilities, and grid / randomized search
 * across model families scored by ROC-AUC, returning a leaderboard. Every candidate is scored on
 * the same stratified folds, so differences between candidates are paired, not fold luck.
 */
import {randomSource, shuffled} from "../random.ts";
import {rocAuc} from "../evaluation/curves.ts";
import {stratifiedKFold, take, type Split} from "./split.ts";
import type {Classifier, Estimator, Row} from "./types.ts";

export type Scoring = (yTrue: readonly number[], proba: readonly number[]) => number;

export interface CvOptions {
  /** Folds. Default 5. */
  nSplits?: number;
  /** Seed of the fold assignment. Default 42. */
  seed?: number;
  /** Use these splits instead of making stratified folds. */
  splits?: Split[];
  /** Score of each test fold. Default ROC-AUC. */
  scoring?: Scoring;
}

export interface CvResult {
  /** Score on each test fold. */
  foldScores: number[];
  mean: number;
  /** Population standard deviation across folds (like scikit-learn's std_test_score). */
  sd: number;
  /**
   * Out-of-fold P(y = 1) for every row: each row is predicted by the model fitted without it.
   * (With custom splits, rows in no test fold get NaN.)
   */
  oof: number[];
}

export function meanSd(values: readonly number[]): {mean: number; sd: number} {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  return {mean, sd};
}

/** Cross-validate one estimator. */
export function crossValidate<R = Row>(
  estimator: Estimator<R>, X: readonly R[], y: readonly number[], options: CvOptions = {}
): CvResult {
  const {nSplits = 5, seed = 42, scoring = rocAuc} = options;
  if (X.length !== y.length) throw new Error(`crossValidate: ${X.length} rows but ${y.length} targets`);
  const splits = options.splits ?? stratifiedKFold(y, {nSplits, seed}).splits;
  const oof = new Array<number>(y.length).fill(NaN);
  const foldScores = splits.map(({train, test}) => {
    const model = estimator.fit(take(X, train), take(y, train));
    const proba = model.predictProba(take(X, test));
    test.forEach((i, k) => (oof[i] = proba[k]));
    return scoring(take(y, test), proba);
  });
  return {foldScores, ...meanSd(foldScores), oof};
}

/** One model family and the values to try for each of its hyperparameters. */
export interface SearchSpace<R = Row> {
  family: string;
  make: (params: Record<string, any>) => Estimator<R>;
  /** Parameter name → values to try. The grid is their Cartesian product. */
  grid: Record<string, readonly unknown[]>;
}

export interface LeaderboardEntry {
  /** 1 = best mean score. */
  rank: number;
  family: string;
  params: Record<string, unknown>;
  /** Short human-readable label, e.g. "logistic C=0.1". */
  label: string;
  mean: number;
  sd: number;
  foldScores: number[];
  oof: number[];
}

export interface Leaderboard<R = Row> {
  scoring: string;
  nSplits: number;
  seed: number;
  /** Each row's test fold (shared by all candidates). */
  folds: number[];
  /** Every candidate, best mean score first. */
  entries: LeaderboardEntry[];
  /** The best candidate of each family, best first. */
  bestByFamily: LeaderboardEntry[];
  best: LeaderboardEntry;
  /** The best candidate refitted on all rows (unless `refit: false`). */
  model?: Classifier<R>;
}

export interface SearchOptions {
  nSplits?: number;
  seed?: number;
  scoring?: Scoring;
  /** Name of the scoring, for the leaderboard. Default "roc_auc". */
  scoringName?: string;
  /** Randomized search: at most this many candidates per family, drawn from its grid (seeded). */
  nIter?: number;
  /** Refit the best candidate on all rows. Default true. */
  refit?: boolean;
  /** Use these splits instead of seeded stratified folds (`folds` then marks each row's test split). */
  splits?: Split[];
}

/** Every combination of the grid's values, in the grid's key order (last key varies fastest). */
export function expandGrid(grid: Record<string, readonly unknown[]>): Record<string, unknown>[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(grid)) {
    if (values.length === 0) throw new Error(`grid: no values for ${key}`);
    combos = combos.flatMap((c) => values.map((v) => ({...c, [key]: v})));
  }
  return combos;
}

export function paramsLabel(family: string, params: Record<string, unknown>): string {
  const parts = Object.entries(params).map(([k, v]) => `${k}=${v === null ? "none" : String(v)}`);
  return [family, ...parts].join(" ");
}

/**
 * Grid search (or randomized search with `nIter`) across families, scored by cross-validation
 * on one shared set of stratified folds. Ties in mean score keep the order candidates were given.
 */
export function gridSearch<R = Row>(
  spaces: readonly SearchSpace<R>[], X: readonly R[], y: readonly number[], options: SearchOptions = {}
): Leaderboard<R> {
  const {nSplits = 5, seed = 42, scoring = rocAuc, scoringName = "roc_auc", nIter, refit = true} = options;
  let folds: number[], splits: Split[];
  if (options.splits) {
    splits = options.splits;
    folds = new Array<number>(y.length).fill(-1);
    splits.forEach((s, f) => s.test.forEach((i) => (folds[i] = f)));
  } else ({folds, splits} = stratifiedKFold(y, {nSplits, seed}));
  const random = randomSource(seed).fork();
  const candidates = spaces.flatMap((space) => {
    let combos = expandGrid(space.grid);
    if (nIter !== undefined && nIter < combos.length) {
      const picked = shuffled(combos.map((_, i) => i), random).slice(0, nIter).sort((a, b) => a - b);
      combos = picked.map((i) => combos[i]);
    }
    return combos.map((params) => ({space, params}));
  });
  const scored = candidates.map(({space, params}, order) => {
    const cv = crossValidate(space.make(params), X, y, {splits, scoring});
    return {order, space, family: space.family, params, label: paramsLabel(space.family, params), mean: cv.mean, sd: cv.sd, foldScores: cv.foldScores, oof: cv.oof};
  });
  scored.sort((a, b) => b.mean - a.mean || a.order - b.order);
  const entries: LeaderboardEntry[] = scored.map(({order: _, space: __, ...e}, k) => ({rank: k + 1, ...e}));
  const seen = new Set<string>();
  const bestByFamily = entries.filter((e) => !seen.has(e.family) && (seen.add(e.family), true));
  const best = entries[0];
  const result: Leaderboard<R> = {scoring: scoringName, nSplits: splits.length, seed, folds, entries, bestByFamily, best};
  if (refit) {
    result.model = scored[0].space.make(best.params).fit(X, y);
  }
  return result;
}

/** Randomized search: `gridSearch` drawing at most `nIter` candidates per family. */
export function randomizedSearch<R = Row>(
  spaces: readonly SearchSpace<R>[], X: readonly R[], y: readonly number[], options: SearchOptions & {nIter: number}
): Leaderboard<R> {
  return gridSearch(spaces, X, y, options);
}
