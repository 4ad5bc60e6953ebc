import {test} from "node:test";
import assert from "node:assert/strict";
import {applyTree, fitTree} from "../../loaders/models/tree.ts";
import {golden, maxAbsDiff} from "./golden.ts";

const {X, y, fits} = golden.tree;

for (const ref of fits) {
  test(`decision tree maxDepth=${ref.maxDepth}${ref.minSamplesLeaf ? `, minSamplesLeaf=${ref.minSamplesLeaf}` : ""} grows scikit-learn's tree`, () => {
    const m = fitTree(X, y, {maxDepth: ref.maxDepth, minSamplesLeaf: ref.minSamplesLeaf ?? 1, seed: 0});
    // Same nodes in the same (depth-first, left-first) order: features, sizes, impurities.
    assert.deepEqual(m.tree.feature, ref.feature.map((f: number) => (f < 0 ? -1 : f)));
    assert.deepEqual(m.tree.nSamples, ref.nNodeSamples);
    assert.ok(maxAbsDiff(m.tree.impurity, ref.impurity) < 1e-12);
    // Thresholds: exact on the integer features; scikit-learn's float32 copy of X shifts the
    // midpoints of the continuous feature in the 7th digit.
    assert.ok(maxAbsDiff(m.tree.threshold, ref.threshold) < 1e-6);
    assert.ok(maxAbsDiff(m.predictProba(X), ref.proba) < 1e-12);
    assert.ok(maxAbsDiff(m.featureImportances, ref.importance) < 1e-12);
    assert.ok(m.depth <= ref.maxDepth);
  });
}

test("decision tree: pure leaves when unlimited; seeded feature sampling; leaf lookup", () => {
  const m = fitTree(X, y);
  const predicted = m.predictProba(X);
  // X has no duplicated rows with different labels? Every training row is then fitted exactly.
  const key = (r: number[]) => r.join(",");
  const labels = new Map<string, Set<number>>();
  X.forEach((r: number[], i: number) => labels.set(key(r), (labels.get(key(r)) ?? new Set()).add(y[i])));
  X.forEach((r: number[], i: number) => {
    if (labels.get(key(r))!.size === 1) assert.equal(predicted[i], y[i]);
  });
  const a = fitTree(X, y, {maxFeatures: 1, seed: 5}), b = fitTree(X, y, {maxFeatures: 1, seed: 5});
  assert.deepEqual(a.tree, b.tree);
  const leaf = applyTree(m.tree, X[0]);
  assert.equal(m.tree.left[leaf], -1);
  assert.throws(() => m.predictProba([[1, 2]]), /features/);
});
