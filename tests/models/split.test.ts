import {test} from "node:test";
import assert from "node:assert/strict";
import {stratifiedKFold, stratifiedTrainTestSplit} from "../../loaders/models/split.ts";
import {golden, readFitness} from "./golden.ts";

const {y} = readFitness();
const classCounts = (idx: number[]) => [idx.filter((i) => y[i] === 0).length, idx.filter((i) => y[i] === 1).length];

test("stratifiedKFold without shuffling equals scikit-learn's StratifiedKFold fold for fold", () => {
  const {folds} = stratifiedKFold(y, {nSplits: 5, shuffle: false});
  assert.deepEqual(folds, golden.fitness.kfold5);
});

test("stratifiedKFold with shuffling keeps scikit-learn's fold sizes and class balance; seeded", () => {
  const a = stratifiedKFold(y, {nSplits: 5, seed: 1});
  assert.deepEqual(a.splits.map((s) => classCounts(s.test)), golden.fitness.kfold5ShuffledCounts);
  assert.deepEqual(stratifiedKFold(y, {nSplits: 5, seed: 1}).folds, a.folds);
  assert.notDeepEqual(stratifiedKFold(y, {nSplits: 5, seed: 2}).folds, a.folds);
  for (const s of a.splits) {
    assert.equal(s.train.length + s.test.length, y.length);
    const inTest = new Set(s.test);
    assert.ok(s.train.every((i) => !inTest.has(i)));
  }
  // each row is in exactly one test fold
  assert.deepEqual(a.splits.flatMap((s) => s.test).sort((p, q) => p - q), y.map((_, i) => i));
});

test("stratifiedKFold handles string labels and three classes like scikit-learn's allocation", () => {
  const labels = ["b", "a", "a", "c", "b", "a", "a", "b", "c", "a", "b", "a"];
  const {splits} = stratifiedKFold(labels, {nSplits: 3, shuffle: false});
  // scikit-learn 1.2's StratifiedKFold(3).split(labels, labels) test folds
  assert.deepEqual(splits.map((s) => s.test), [[0, 1, 2, 4], [3, 5, 6, 7], [8, 9, 10, 11]]);
  assert.throws(() => stratifiedKFold([0, 1, 0], {nSplits: 3}), /no class/);
});

test("stratifiedTrainTestSplit has scikit-learn's class counts and is seeded", () => {
  const s = stratifiedTrainTestSplit(y, {testSize: 0.25, seed: 3});
  assert.deepEqual({test: classCounts(s.test), train: classCounts(s.train)}, golden.fitness.trainTestCounts);
  assert.deepEqual(stratifiedTrainTestSplit(y, {testSize: 0.25, seed: 3}), s);
  assert.notDeepEqual(stratifiedTrainTestSplit(y, {testSize: 0.25, seed: 4}).test, s.test);
  assert.equal(new Set([...s.train, ...s.test]).size, y.length);
});
