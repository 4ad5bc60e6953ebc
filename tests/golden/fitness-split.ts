/**
 * Writes tests/golden/fitness-split.json: the stratified 20% test split, the 5 CV folds of the
 * training part, and the 5 folds over all rows (out-of-fold probabilities) that the fitness model
 * uses on the real export (seed 42), as row positions in the clean member table (file order). The
 * reference script tests/golden/fitness.py reads it so scikit-learn scores the same rows.
 *   npx tsx tests/golden/fitness-split.ts [path/to/shared/datasets]
 */
import {writeFileSync} from "node:fs";
import {resolve} from "node:path";
import {loadFitness} from "../../loaders/clean/fitness.ts";
import {stratifiedKFold, stratifiedTrainTestSplit, take} from "../../loaders/models/split.ts";

export async function fitnessSplit(datasets: string) {
  const {members} = await loadFitness(resolve(datasets));
  const y = members.map((m) => m.churn);
  const split = stratifiedTrainTestSplit(y, {testSize: 0.2, seed: 42});
  const {folds} = stratifiedKFold(take(y, split.train), {nSplits: 5, seed: 42});
  const {folds: allFolds} = stratifiedKFold(y, {nSplits: 5, seed: 42});
  return {n: y.length, lines: members.map((m) => m.line), train: split.train, test: split.test, folds, allFolds};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const datasets = process.argv[2] ?? process.env.SHARED_DATASETS ?? "../shared/datasets";
  writeFileSync(new URL("./fitness-split.json", import.meta.url), JSON.stringify(await fitnessSplit(datasets)) + "\n");
}
