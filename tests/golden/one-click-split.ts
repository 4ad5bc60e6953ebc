/**
 * Writes tests/golden/one-click-split.json: the stratified 25% test split and the 5 CV folds of the
 * training part that the One Click model uses on the real exports (seed 42), as row positions in
 * the modelling table (customers in market_file.csv order, excluded customers left out). The
 * reference script tests/golden/one-click.py reads it so scikit-learn scores the same rows.
 *   npx tsx tests/golden/one-click-split.ts [path/to/shared/datasets]
 */
import {writeFileSync} from "node:fs";
import {resolve} from "node:path";
import {loadOneClick} from "../../loaders/clean/one-click.ts";
import {customerTable} from "../../loaders/cases/one-click/features.ts";
import {designMatrix} from "../../loaders/cases/one-click/model.ts";
import {stratifiedKFold, stratifiedTrainTestSplit, take} from "../../loaders/models/split.ts";

export async function oneClickSplit(datasets: string) {
  const rows = customerTable((await loadOneClick(resolve(datasets))).modelling);
  const {y, columns} = designMatrix(rows);
  const split = stratifiedTrainTestSplit(y, {testSize: 0.25, seed: 42});
  const {folds} = stratifiedKFold(take(y, split.train), {nSplits: 5, seed: 42});
  return {n: y.length, columns: columns.map((c) => c.feature), train: split.train, test: split.test, folds};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const datasets = process.argv[2] ?? process.env.SHARED_DATASETS ?? "../shared/datasets";
  writeFileSync(new URL("./one-click-split.json", import.meta.url), JSON.stringify(await oneClickSplit(datasets)) + "\n");
}
