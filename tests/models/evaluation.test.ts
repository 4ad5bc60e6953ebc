import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {bootstrap, bootstrapEstimates} from "../../loaders/evaluation/bootstrap.ts";
import {brierScore, calibrationCurve} from "../../loaders/evaluation/calibration.ts";
import {rocAuc} from "../../loaders/evaluation/curves.ts";
import {permutationImportance} from "../../loaders/evaluation/permutation.ts";
import {percentile} from "../../loaders/evaluation/quantile.ts";
import {fitLogistic, logisticModel} from "../../loaders/models/logistic.ts";
import {randomSource} from "../../loaders/random.ts";
import {calibrationBins, permutationImportance as importanceRows} from "../../loaders/analysis/model-comparison.ts";
import {golden, maxAbsDiff} from "./golden.ts";

const r = golden.ranking;
/** tests/golden/evaluation.py: scikit-learn's calibration_curve and permutation_importance, scipy.stats.bootstrap. */
const reference = JSON.parse(readFileSync(new URL("../golden/evaluation.json", import.meta.url), "utf8"));

test("calibration curve equals scikit-learn's calibration_curve (uniform and quantile bins)", () => {
  for (const [name, ref] of Object.entries(r.calibration) as [string, any][]) {
    const strategy = name.startsWith("uniform") ? "uniform" : "quantile";
    const nBins = Number(name.replace(/\D/g, ""));
    const {bins} = calibrationCurve(r.y, r.prob, {nBins, strategy});
    assert.equal(bins.length, ref.probTrue.length, name);
    assert.ok(maxAbsDiff(bins.map((b) => b.observed), ref.probTrue) < 1e-15 && maxAbsDiff(bins.map((b) => b.predicted), ref.probPred) < 1e-15, name);
    assert.equal(bins.reduce((a, b) => a + b.n, 0), r.y.length);
  }
  assert.equal(brierScore([0, 1], [0.5, 1]), 0.125);
});

test("the model report's calibration bins put probabilities on a bin edge where scikit-learn does (the bin below)", () => {
  const g = reference.calibrationEdges;
  const bins = calibrationBins(g.y, g.p);
  assert.equal(bins.length, g.observed.length);
  assert.ok(maxAbsDiff(bins.map((b) => b.observed), g.observed) < 1e-12, "observed shares");
  assert.ok(maxAbsDiff(bins.map((b) => b.predicted), g.predicted) < 1e-12, "mean predicted probabilities");
  const half = bins.find((b) => b.lo < 0.5 && 0.5 <= b.hi)!;
  assert.ok(Math.abs(half.hi - 0.5) < 1e-12, "p = 0.5 falls in the bin (0.4, 0.5]");
});

test("percentile equals numpy.percentile (linear)", () => {
  r.percentile.q.forEach((q: number, k: number) => assert.equal(percentile(r.percentile.values, q), r.percentile.p[k]));
});

test("bootstrap percentile interval of a mean agrees with scipy.stats.bootstrap within Monte Carlo error", () => {
  const g = reference.bootstrapMean;
  const x: number[] = g.x;
  const mean = (idx: number[]) => ({mean: idx.reduce((a, i) => a + x[i], 0) / idx.length});
  const {mean: ci} = bootstrap(x.length, mean, {resamples: g.resamples, seed: 5});
  assert.deepEqual(bootstrap(x.length, mean, {resamples: g.resamples, seed: 5}).mean, ci, "seeded");
  // With 20000 resamples on each side the two 2.5% quantiles differ by ~0.03 standard errors (sd);
  // a 90% interval taken for a 95% one would be 0.3 standard errors off.
  const tol = 0.12 * g.standardError;
  assert.ok(Math.abs(ci.lo - g.lo) < tol && Math.abs(ci.hi - g.hi) < tol, `${ci.lo}–${ci.hi} vs scipy ${g.lo}–${g.hi} (tolerance ${tol})`);
  assert.equal(ci.resamples, g.resamples);
});

test("bootstrap of a paired ROC-AUC (the model page's test intervals) agrees with scipy.stats.bootstrap", () => {
  const g = reference.bootstrapAuc;
  const ci = bootstrapEstimates(g.y, g.p, (y, p) => ({auc: rocAuc(y, p)}), {resamples: g.resamples, seed: 9}).auc;
  assert.ok(Math.abs(ci.value - g.auc) < 1e-12);
  // 4000 resamples a side: the quantiles differ by ~0.06 standard errors (sd).
  const tol = 0.25 * g.standardError;
  assert.ok(Math.abs(ci.lo - g.lo) < tol && Math.abs(ci.hi - g.hi) < tol, `${ci.lo}–${ci.hi} vs scipy ${g.lo}–${g.hi} (tolerance ${tol})`);
});

test("bootstrap skips the resamples where the statistic is undefined and counts them", () => {
  const y = [1, 0, 0, 0, 0, 0], s = [0.9, 0.1, 0.2, 0.3, 0.4, 0.5];
  const {auc} = bootstrap(y.length, (idx) => ({auc: rocAuc(idx.map((i) => y[i]), idx.map((i) => s[i]))}), {resamples: 200, seed: 2});
  // P(no positive among 6 draws) = (5/6)^6 ≈ 0.33, P(all positive) ≈ 0: about 67 of 200 skipped.
  assert.ok(auc.skipped > 40 && auc.skipped < 95 && auc.resamples + auc.skipped === 200, `${auc.skipped} skipped`);
  assert.equal(auc.value, 1);
});

test("permutation importance agrees with scikit-learn's permutation_importance within Monte Carlo error", () => {
  const g = reference.permutation;
  const m = logisticModel(g.coef, g.intercept);
  const {baseline, importances} = permutationImportance(m, g.X, g.y, {nRepeats: g.repeats, seed: 1});
  assert.ok(Math.abs(baseline - g.baseline) < 1e-12);
  importances.forEach((imp, j) => {
    // Standard error of a mean of 300 drops, on both sides: sd·√(2/300); allow four of them.
    const tol = 4 * g.sd[j] * Math.sqrt(2 / g.repeats) + 1e-12;
    assert.ok(Math.abs(imp.mean - g.mean[j]) <= tol, `feature ${j}: ${imp.mean} vs ${g.mean[j]} (tolerance ${tol})`);
    assert.ok(Math.abs(imp.sd - g.sd[j]) <= 0.2 * g.sd[j] + 1e-12, `feature ${j} sd: ${imp.sd} vs ${g.sd[j]}`);
  });
  // The model report's rows are the same drops, named and ranked.
  const rows = importanceRows(m, g.X, g.y, ["a", "b", "c"].map((f) => ({feature: f, label: f.toUpperCase()})), {repeats: g.repeats, seed: 1});
  assert.deepEqual(rows.map((row) => [row.feature, row.mean]), [["a", importances[0].mean], ["b", importances[1].mean], ["c", importances[2].mean]]);
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

test("a paired bootstrap hands each resample sorted by score, with the same rows and intervals as the drawn order", () => {
  const g = reference.bootstrapAuc;
  const seen: number[][] = [];
  const sorted = bootstrapEstimates(g.y, g.p, (y, p) => (seen.push(p), {auc: rocAuc(y, p)}), {resamples: 200, seed: 9}).auc;
  // The first call is the point estimate on the rows as given; every resample after it is sorted.
  assert.ok(seen.slice(1).every((p) => p.every((v, i) => i === 0 || p[i - 1] >= v)), "each resample in decreasing score order");
  // The same draws listed in their drawn order give the same multiset of rows, hence the same interval.
  const drawn = bootstrap(g.y.length, (idx) => ({auc: rocAuc(idx.map((i: number) => g.y[i]), idx.map((i: number) => g.p[i]))}), {resamples: 200, seed: 9}).auc;
  assert.deepEqual({value: drawn.value, lo: drawn.lo, hi: drawn.hi}, sorted);
});
