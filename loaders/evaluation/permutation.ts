/**
 * Permutation importance (Breiman; scikit-learn's `permutation_importance`): the drop in score
 * when one feature's column is shuffled, breaking its link with the target, repeated `nRepeats`
 * times with seeded shuffles. Scored by ROC-AUC unless told otherwise. Evaluate on held-out rows.
 */
import {randomSource, shuffled} from "../random.ts";
import type {Classifier, Row} from "../models/types.ts";
import {rocAuc} from "./curves.ts";

export interface PermutationOptions {
  /** Shuffles per feature. Default 5. */
  nRepeats?: number;
  seed?: number;
  /** Default ROC-AUC. */
  scoring?: (yTrue: readonly number[], proba: readonly number[]) => number;
  /** Names for the result rows. Default x0, x1, … */
  featureNames?: readonly string[];
  /** Permute these columns together as one feature (e.g. the one-hot columns of a category). */
  groups?: readonly {name: string; columns: readonly number[]}[];
}

export interface PermutationImportance {
  feature: string;
  /** Columns permuted together. */
  columns: number[];
  /** Mean drop in score (positive = the model relies on it). */
  mean: number;
  /** Population sd of the drops (as scikit-learn's importances_std). */
  sd: number;
  values: number[];
}

export function permutationImportance(
  model: Classifier, X: readonly Row[], y: readonly number[], options: PermutationOptions = {}
): {baseline: number; importances: PermutationImportance[]} {
  const {nRepeats = 5, seed = 42, scoring = rocAuc} = options;
  if (X.length !== y.length || X.length === 0) throw new Error(`permutationImportance: ${X.length} rows but ${y.length} targets`);
  const d = X[0].length;
  const names = options.featureNames ?? Array.from({length: d}, (_, j) => `x${j}`);
  const groups = options.groups ?? names.map((name, j) => ({name, columns: [j]}));
  const baseline = scoring(y, model.predictProba(X));
  const random = randomSource(seed);
  const rowIndex = X.map((_, i) => i);
  const importances = groups.map(({name, columns}) => {
    const values: number[] = [];
    for (let r = 0; r < nRepeats; r++) {
      const order = shuffled(rowIndex, random);
      const permuted = X.map((row, i) => {
        const copy = row.slice();
        for (const j of columns) copy[j] = X[order[i]][j];
        return copy;
      });
      values.push(baseline - scoring(y, model.predictProba(permuted)));
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    return {feature: name, columns: [...columns], mean, sd, values};
  });
  return {baseline, importances};
}
