import {test} from "node:test";
import assert from "node:assert/strict";
import {linearShap} from "../../loaders/explain/linear.ts";
import {groupShap, meanAbsShap, topReasons} from "../../loaders/explain/reasons.ts";
import {treeShap, treesShap} from "../../loaders/explain/tree-shap.ts";
import {fitForest} from "../../loaders/models/forest.ts";
import {fitLogistic, logisticRegression} from "../../loaders/models/logistic.ts";
import {linearShap as reportLinearShap} from "../../loaders/analysis/model-comparison.ts";
import {standardised} from "../../loaders/analysis/pipeline.ts";
import {fitTree, type TreeStructure} from "../../loaders/models/tree.ts";
import {randomSource} from "../../loaders/random.ts";
import {golden, readFitness, standardise} from "./golden.ts";

/** v(S) of path-dependent TreeSHAP: features in S follow x, others average the children by cover. */
function conditionalValue(tree: TreeStructure, x: number[], S: Set<number>, node = 0): number {
  if (tree.left[node] === -1) return tree.value[node];
  const f = tree.feature[node], l = tree.left[node], r = tree.right[node];
  if (S.has(f)) return conditionalValue(tree, x, S, x[f] <= tree.threshold[node] ? l : r);
  return (tree.cover[l] * conditionalValue(tree, x, S, l) + tree.cover[r] * conditionalValue(tree, x, S, r)) / tree.cover[node];
}

/** Shapley values by the definition: a weighted sum over all 2^(M−1) coalitions. */
function bruteShapley(tree: TreeStructure, x: number[], M: number): number[] {
  const fact = (n: number): number => (n <= 1 ? 1 : n * fact(n - 1));
  const phi = new Array<number>(M).fill(0);
  for (let i = 0; i < M; i++) {
    const others = [...Array(M).keys()].filter((j) => j !== i);
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const S = new Set(others.filter((_, b) => mask & (1 << b)));
      const w = (fact(S.size) * fact(M - S.size - 1)) / fact(M);
      phi[i] += w * (conditionalValue(tree, x, new Set([...S, i])) - conditionalValue(tree, x, S));
    }
  }
  return phi;
}

const {X: tX, y: tY} = golden.tree;

test("TreeSHAP equals the Shapley values computed by definition, for every row", () => {
  // a deeper tree on 3 features, and one with repeated features along paths
  for (const options of [{maxDepth: 4}, {maxDepth: 7, minSamplesLeaf: 3}]) {
    const m = fitTree(tX, tY, options);
    const shap = treeShap(m, tX);
    tX.slice(0, 60).forEach((x: number[], r: number) => {
      const brute = bruteShapley(m.tree, x, 3);
      brute.forEach((v, j) => assert.ok(Math.abs(v - shap.values[r][j]) < 1e-12, `row ${r} feature ${j}: ${shap.values[r][j]} vs ${v}`));
    });
  }
  // 13 features of the real fitness table (2^12 coalitions each)
  const fitness = readFitness();
  const m = fitTree(fitness.X, fitness.y, {maxDepth: 5});
  const shap = treeShap(m, fitness.X.slice(0, 4));
  fitness.X.slice(0, 4).forEach((x, r) => {
    const brute = bruteShapley(m.tree, x, 13);
    brute.forEach((v, j) => assert.ok(Math.abs(v - shap.values[r][j]) < 1e-12, `fitness row ${r} feature ${j}`));
  });
});

test("TreeSHAP on a forest: values plus expected value add up to predictProba for every row", () => {
  const fitness = readFitness();
  const X = fitness.X.slice(0, 800), y = fitness.y.slice(0, 800);
  const forest = fitForest(X, y, {nEstimators: 25, seed: 2, minSamplesLeaf: 2});
  const shap = treeShap(forest, X);
  const p = forest.predictProba(X);
  assert.equal(shap.scale, "probability");
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  assert.ok(Math.abs(shap.expectedValue - mean) < 0.03); // bootstrap covers average the base rate
  shap.values.forEach((phi, r) => {
    const total = shap.expectedValue + phi.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(total - p[r]) < 1e-12, `row ${r}: ${total} vs ${p[r]}`);
  });
  // a feature never split on gets exactly 0
  const single = treesShap([forest.trees[0]], 13, X.slice(0, 5));
  const used = new Set(forest.trees[0].feature.filter((f) => f >= 0));
  for (let j = 0; j < 13; j++) if (!used.has(j)) assert.ok(single.values.every((phi) => phi[j] === 0));
});

test("linear SHAP: w·(x − mean) on the log-odds scale, adding up to the decision function", () => {
  const fitness = readFitness();
  const Z = standardise(fitness.X);
  const m = fitLogistic(Z, fitness.y);
  const shap = linearShap(m, Z.slice(0, 100), {background: Z});
  const z = m.decisionFunction(Z.slice(0, 100));
  shap.values.forEach((phi, r) => assert.ok(Math.abs(shap.expectedValue + phi.reduce((a, b) => a + b, 0) - z[r]) < 1e-12));
  assert.ok(Math.abs(shap.expectedValue - m.intercept) < 1e-12); // standardised background: mean 0
  assert.equal(shap.values[3][5], m.coef[5] * (Z[3][5] - Z.reduce((a, r) => a + r[5], 0) / Z.length));
  const ref = linearShap({coef: [2, -1], intercept: 0.5}, [[3, 1]], {mean: [1, 1]});
  assert.deepEqual(ref, {expectedValue: 1.5, values: [[4, -0]], scale: "log-odds"});
});

test("the model report's SHAP of a standardised logistic model: raw rows in, log-odds out, adding up", () => {
  const fitness = readFitness();
  const model = standardised(logisticRegression({C: 1})).fit(fitness.X, fitness.y);
  const z = (rows: number[][]) => rows.map((row) => row.map((v, j) => (v - model.scaler.mean[j]) / model.scaler.scale[j]));
  const rows = fitness.X.slice(0, 50);
  const phi = reportLinearShap(model, rows, fitness.X);
  const logOdds = model.inner.decisionFunction(z(rows));
  const base = model.inner.decisionFunction(z(fitness.X)).reduce((a, b) => a + b, 0) / fitness.X.length;
  phi.forEach((p, r) => assert.ok(Math.abs(base + p.reduce((a, b) => a + b, 0) - logOdds[r]) < 1e-9, `row ${r}`));
});

test("top reasons: k largest |φ| with sign and value; grouping; mean |SHAP|", () => {
  const shap = [[0.1, -0.5, 0.3, 0], [0, 0, 0, 0.2]];
  const names = ["a", "b", "c", "d"];
  const reasons = topReasons(shap, names, {k: 2, X: [[1, 2, 3, 4], [5, 6, 7, 8]]});
  assert.deepEqual(reasons[0], [
    {feature: "b", index: 1, shap: -0.5, direction: "lowers", value: 2},
    {feature: "c", index: 2, shap: 0.3, direction: "raises", value: 3}
  ]);
  assert.deepEqual(reasons[1].map((r) => r.feature), ["d"]);
  assert.deepEqual(topReasons(shap, names, {direction: "raises"})[0].map((r) => r.feature), ["c", "a"]);
  const g = groupShap(shap, ["age", "tier", "tier", "age"]);
  assert.deepEqual(g.names, ["age", "tier"]);
  assert.ok(Math.abs(g.values[0][0] - 0.1) < 1e-15 && Math.abs(g.values[0][1] - -0.2) < 1e-15);
  assert.deepEqual(meanAbsShap(shap, names).map((r) => r.feature), ["b", "c", "d", "a"]);
  const rand = randomSource(1);
  const many = Array.from({length: 50}, () => names.map(() => rand.normal()));
  for (const row of topReasons(many, names, {k: 3})) {
    assert.equal(row.length, 3);
    assert.ok(Math.abs(row[0].shap) >= Math.abs(row[1].shap) && Math.abs(row[1].shap) >= Math.abs(row[2].shap));
  }
});
