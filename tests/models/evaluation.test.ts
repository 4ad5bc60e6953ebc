import {test} from "node:test";
import assert from "node:assert/strict";
import {bootstrapCi, bootstrapMetric} from "../../loaders/evaluation/bootstrap.ts";
import {brierScore, calibrationCurve} from "../../loaders/evaluation/calibration.ts";
import {rocAuc} from "../../loaders/evaluation/curves.ts";
import {permutationImportance} from "../../loaders/evaluation/permutation.ts";
import {percentile} from "../../loaders/evaluation/quantile.ts";
import {fitLogistic, logisticModel} from "../../loaders/models/logistic.ts";
import {randomSource} from "../../loaders/random.ts";
import {golden, maxAbsDiff} from "./golden.ts";

const r = golden.ranking;

test("calibration curve equals scikit-learn's calibration_curve (uniform and quantile bins)", () => {
  for (const [name, ref] of Object.entries(r.calibration) as [string, any][]) {
    const strategy = name.startsWith("uniform") ? "uniform" : "quantile";
    const nBins = Number(name.replace(/\D/g, ""));
    const c = calibrationCurve(r.y, r.prob, {nBins, strategy});
    assert.equal(c.probTrue.length, ref.probTrue.length, name);
    assert.ok(maxAbsDiff(c.probTrue, ref.probTrue) < 1e-15 && maxAbsDiff(c.probPred, ref.probPred) < 1e-15, name);
    assert.equal(c.counts.reduce((a, b) => a + b, 0), r.y.length);
  }
  assert.equal(brierScore([0, 1], [0.5, 1]), 0.125);
});

test("percentile equals numpy.percentile (linear)", () => {
  r.percentile.q.forEach((q: number, k: number) => assert.equal(percentile(r.percentile.values, q), r.percentile.p[k]));
});

test("bootstrap: seeded, covers a known mean, interval width as theory says", () => {
  const rand = randomSource(1);
  const x = Array.from({length: 400}, () => 10 + 2 * rand.normal());
  const mean = (idx: number[]) => idx.reduce((a, i) => a + x[i], 0) / idx.length;
  const ci = bootstrapCi(x.length, mean, {resamples: 2000, seed: 5});
  assert.deepEqual(bootstrapCi(x.length, mean, {resamples: 2000, seed: 5}), ci);
  assert.ok(ci.lower < ci.estimate && ci.estimate < ci.upper);
  assert.ok(ci.lower < 10 + 0.4 && ci.upper > 10 - 0.4);
  // sd of the sample mean ≈ 2/√400 = 0.1 → 95% width ≈ 0.392
  const width = ci.upper - ci.lower;
  assert.ok(Math.abs(width - 0.392) < 0.06, `width ${width}`);
  assert.equal(ci.resamples, 2000);
});

test("bootstrap of ROC-AUC skips one-class resamples; stratified resampling keeps class counts", () => {
  const y = [1, 0, 0, 0, 0, 0], s = [0.9, 0.1, 0.2, 0.3, 0.4, 0.5];
  const ci = bootstrapMetric(rocAuc, y, s, {resamples: 200, seed: 2});
  assert.ok(ci.skipped > 0 && ci.resamples + ci.skipped === 200);
  assert.equal(ci.estimate, 1);
  const strat = bootstrapMetric(rocAuc, y, s, {resamples: 200, seed: 2, strata: y});
  assert.equal(strat.skipped, 0);
  const counts = bootstrapCi(6, (idx) => idx.filter((i) => y[i] === 1).length, {resamples: 50, strata: y});
  assert.equal(counts.lower, 1);
  assert.equal(counts.upper, 1);
});

test("permutation importance ranks planted effects; an unused feature scores exactly 0", () => {
  const rand = randomSource(3);
  const X = Array.from({length: 1500}, () => [rand.normal(), rand.normal(), rand.normal()]);
  const y = X.map(([a, b]) => (rand() < 1 / (1 + Math.exp(-(2 * a + 0.5 * b))) ? 1 : 0));
  const m = fitLogistic(X, y);
  const {baseline, importances} = permutationImportance(m, X, y, {nRepeats: 5, seed: 1, featureNames: ["strong", "weak", "noise"]});
  assert.ok(Math.abs(baseline - rocAuc(y, m.predictProba(X))) < 1e-15);
  const [strong, weak, noise] = importances;
  assert.ok(strong.mean > 0.15 && weak.mean > 0.005 && strong.mean > weak.mean && Math.abs(noise.mean) < 0.005, JSON.stringify(importances.map((i) => i.mean)));
  const ignoresThird = logisticModel([1, 1, 0], 0);
  const imp = permutationImportance(ignoresThird, X, y, {seed: 4}).importances;
  assert.deepEqual(imp[2].values, [0, 0, 0, 0, 0]);
  const grouped = permutationImportance(m, X, y, {seed: 1, groups: [{name: "first two", columns: [0, 1]}]});
  assert.ok(grouped.importances[0].mean > strong.mean);
  assert.deepEqual(permutationImportance(m, X, y, {seed: 1}).importances[0].values, strong.values);
});
