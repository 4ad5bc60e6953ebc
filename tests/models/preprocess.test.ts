import {test} from "node:test";
import assert from "node:assert/strict";
import {fitLogistic, logisticRegression} from "../../loaders/models/logistic.ts";
import {crossValidate} from "../../loaders/models/select.ts";
import {stratifiedKFold, take} from "../../loaders/models/split.ts";
import {fitOneHotEncoder, fitOrdinalEncoder} from "../../loaders/preprocess/encoders.ts";
import {columnTransformer, fitColumns, pipeline} from "../../loaders/preprocess/pipeline.ts";
import {fitMinMaxScaler, fitStandardScaler, standardScaler} from "../../loaders/preprocess/scalers.ts";
import {golden, maxAbsDiff, readFitness} from "./golden.ts";

const fitness = readFitness();

test("standard scaler equals scikit-learn's StandardScaler on the fitness table (population sd)", () => {
  const s = fitStandardScaler(fitness.X);
  assert.ok(maxAbsDiff(s.mean, golden.fitness.scalerMean) < 1e-12);
  assert.ok(maxAbsDiff(s.scale, golden.fitness.scalerScale) < 1e-12);
  const Z = s.transform(fitness.X);
  assert.ok(maxAbsDiff(s.inverseTransform(Z)[5], fitness.X[5]) < 1e-12);
  assert.deepEqual(fitStandardScaler([[1, 5], [3, 5]]).transform([[2, 5]]), [[0, 0]]); // constant column → 0
});

test("min-max scaler equals scikit-learn's MinMaxScaler", () => {
  const s = fitMinMaxScaler(fitness.X);
  assert.deepEqual(s.min, golden.fitness.minMax.min);
  assert.deepEqual(s.max, golden.fitness.minMax.max);
  assert.ok(maxAbsDiff(s.transform([fitness.X[0]])[0], golden.fitness.minMax.row0) < 1e-15);
  assert.deepEqual(fitMinMaxScaler([[2], [4]], {range: [-1, 1]}).transform([[3], [4]]), [[0], [1]]);
});

test("one-hot and ordinal encoders equal scikit-learn's", () => {
  const g = golden.encoders;
  const oh = fitOneHotEncoder(g.rows, {columns: ["letter", "tail"]});
  assert.deepEqual(oh.categories, g.categories);
  assert.deepEqual(oh.featureNames, g.featureNames);
  assert.deepEqual(oh.transform([["c", "y"], ["d", "x"]]), g.oneHot); // "d" unseen → zeros
  assert.deepEqual(fitOrdinalEncoder(g.rows).transform(g.rows), g.ordinal);
  assert.deepEqual(fitOneHotEncoder(g.rows, {drop: "first"}).transform([["a", "x"]]), [[0, 0, 0, 0]]);
  assert.throws(() => fitOneHotEncoder(g.rows, {handleUnknown: "error"}).transform([["q", "x"]]), /unknown category "q"/);
  assert.throws(() => fitOrdinalEncoder([["a"], [null]]), /row 1, column 0 is missing/);
  const ord = fitOrdinalEncoder([["low"], ["high"]], {categories: [["low", "mid", "high"]]});
  assert.deepEqual(ord.transform([["mid"], ["high"]]), [[1], [2]]);
});

test("column transformer: numeric scaled, ordinal coded, one-hot appended, names and sources", () => {
  const rows = [
    {age: 20, tier: "basic", size: "S", spend: 1},
    {age: 30, tier: "premium", size: "L", spend: 3},
    {age: 40, tier: "basic", size: "M", spend: 5}
  ];
  const f = fitColumns(rows, {numeric: ["age", "spend"], ordinal: {size: ["S", "M", "L"]}, oneHot: ["tier"]});
  assert.deepEqual(f.featureNames, ["age", "spend", "size", "tier_basic", "tier_premium"]);
  assert.deepEqual(f.sourceColumn, ["age", "spend", "size", "tier", "tier"]);
  const z = f.transform([{age: 30, tier: "premium", size: "L", spend: 3}])[0];
  assert.ok(Math.abs(z[0]) < 1e-15 && Math.abs(z[1]) < 1e-15);
  assert.ok(Math.abs(z[2] - (2 - 1) / Math.sqrt(2 / 3)) < 1e-12); // size L = 2; codes 0,2,1 have mean 1, sd √(2/3)
  assert.deepEqual(z.slice(3), [0, 1]);
  assert.throws(() => f.transform([{age: "x", tier: "basic", size: "S", spend: 1}]), /row 0, column "age"/);
});

test("pipeline refits its steps inside each fold: CV equals scaling by hand per fold", () => {
  const records = fitness.X.map((r) => Object.fromEntries(fitness.features.map((name, j) => [name, r[j]])));
  const est = pipeline([columnTransformer({numeric: fitness.features})], logisticRegression({C: 0.5}));
  const {splits} = stratifiedKFold(fitness.y, {nSplits: 4, seed: 9});
  const cv = crossValidate(est, records, fitness.y, {splits});
  // by hand: scaler fitted on each training part
  for (const {train, test} of splits.slice(0, 2)) {
    const s = fitStandardScaler(take(fitness.X, train));
    const m = fitLogistic(s.transform(take(fitness.X, train)), take(fitness.y, train), {C: 0.5});
    const p = m.predictProba(s.transform(take(fitness.X, test)));
    assert.ok(maxAbsDiff(take(cv.oof, test), p) < 1e-12);
  }
  const model = est.fit(records, fitness.y);
  assert.deepEqual(model.featureNames, fitness.features);
  assert.equal(model.model.coef.length, fitness.features.length);
  // numeric matrices work with plain transformer chains too
  const chain = pipeline([standardScaler()], logisticRegression({C: 0.5})).fit(fitness.X, fitness.y);
  assert.ok(maxAbsDiff(chain.predictProba(fitness.X.slice(0, 50)), model.predictProba(records.slice(0, 50))) < 1e-9);
});
