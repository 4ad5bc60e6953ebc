/**
 * Generic report layer (loaders/analysis/): Wilson intervals and calibration bins against
 * statsmodels / scikit-learn (tests/golden/report.py), collinear pruning,
 * and the one-standard-error choice of compareModels on a small synthetic problem.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {wilson} from "../../loaders/analysis/intervals.ts";
import {calibrationBins, compareModels, logisticFamily, unpenalisedOddsRatios} from "../../loaders/analysis/model-comparison.ts";
import {foldStandardError} from "../../loaders/analysis/model-choice.ts";
import {exploreByTarget, pruneCollinear} from "../../loaders/analysis/exploration.ts";
import {standardFamilies} from "../../loaders/analysis/families.ts";
import {randomSource} from "../../loaders/random.ts";

const golden = JSON.parse(readFileSync(new URL("../golden/report.json", import.meta.url), "utf8"));

test("Wilson intervals match statsmodels", () => {
  for (const g of golden.wilson) {
    const e = wilson(g.successes, g.n);
    assert.ok(Math.abs(e.lo - g.lo) < 1e-12 && Math.abs(e.hi - g.hi) < 1e-12, `${g.successes}/${g.n}: ${e.lo}–${e.hi} vs ${g.lo}–${g.hi}`);
  }
});

test("calibration bins match scikit-learn's calibration_curve", () => {
  const bins = calibrationBins(golden.calibration.y, golden.calibration.p);
  assert.equal(bins.length, golden.calibration.observed.length);
  bins.forEach((b, i) => {
    assert.ok(Math.abs(b.observed - golden.calibration.observed[i]) < 1e-12);
    assert.ok(Math.abs(b.predicted - golden.calibration.predicted[i]) < 1e-12);
  });
});

test("pruneCollinear drops the member of a collinear pair less related to the target", () => {
  const random = randomSource(5);
  const rows = Array.from({length: 400}, () => {
    const a = random.normal();
    const b = a + 0.1 * random.normal();
    const c = random.normal();
    return {a, b, c, t: random() < 1 / (1 + Math.exp(-2 * a)) ? 1 : 0};
  });
  const explore = exploreByTarget(rows, [
    {field: "a", label: "A", kind: "continuous"},
    {field: "b", label: "B", kind: "continuous"},
    {field: "c", label: "C", kind: "continuous"}
  ], {field: "t", label: "t", positive: "yes", negative: "no"});
  assert.equal(explore.collinear.length, 1);
  const {keep, dropped} = pruneCollinear(explore);
  const drop = Math.abs(explore.correlation.values[0][3]) < Math.abs(explore.correlation.values[1][3]) ? "a" : "b";
  assert.deepEqual(dropped.map((d) => d.feature), [drop]);
  assert.deepEqual(keep, ["a", "b", "c"].filter((f) => f !== drop));
});

test("compareModels prefers the simpler family within one standard error and explains why", () => {
  const random = randomSource(11);
  const X = Array.from({length: 600}, () => [random.normal(), random.normal(), random.normal()]);
  const y = X.map(([a, b]) => (random() < 1 / (1 + Math.exp(-(1.5 * a - b))) ? 1 : 0));
  const features = ["x1", "x2", "x3"].map((f) => ({feature: f, label: f}));
  const target = {field: "y", label: "y", positive: "yes", negative: "no"};
  const families = [logisticFamily({C: [1]}), ...standardFamilies({only: ["forest"], forestTrees: 30, grids: {forest: {maxDepth: [null], minSamplesLeaf: [5]}}})];
  const {report, oof} = compareModels({X, y, features, target, families}, {resamples: 100});
  const top = report.leaderboard[0];
  const logistic = report.leaderboard.find((r) => r.family === "logistic")!;
  const se = foldStandardError(top.foldScores);
  assert.equal(report.chosen.family, logistic.mean >= top.mean - se ? "logistic" : top.family);
  assert.match(report.chosen.reason.en, /ROC-AUC/);
  assert.equal(oof.length, X.length);
  assert.ok(oof.every((p) => p >= 0 && p <= 1));
  assert.deepEqual(report.driverRanking.slice(0, 2), ["x1", "x2"]);
  assert.equal(report.thresholds.length, 101);
  const at = report.thresholds[50];
  assert.equal(at.tp + at.fp + at.tn + at.fn, report.nTest);
});

test("odds ratios and intervals are statsmodels' unpenalised Logit even when the candidates are strongly penalised; a full one-hot set keeps its last level as the reference", () => {
  // tests/golden/odds_ratios.py → odds-ratios.json. Before: the penalised (C = 0.01) fit's ratios,
  // pulled toward 1 with narrowed intervals, and a singular Hessian for the one-hot columns.
  const g = JSON.parse(readFileSync(new URL("../golden/odds-ratios.json", import.meta.url), "utf8"));
  const features = (g.features as string[]).map((f) => ({feature: f, label: f}));
  const target = {field: "y", label: "y", positive: "yes", negative: "no"};
  // The computation, on all rows as the reference script has them.
  const view = unpenalisedOddsRatios(g.X, g.y, features, features.map((_, j) => j));
  assert.deepEqual(view.odds.map((o) => o.feature), g.kept);
  assert.deepEqual(view.penalty, {en: "without penalty", ru: "без штрафа"});
  assert.match(view.reference.en, /level=c left out as the reference/);
  view.odds.forEach((o, j) => {
    assert.ok(Math.abs(o.coef - g.coef[j]) < 1e-6, `${o.feature} coefficient ${o.coef} vs ${g.coef[j]}`);
    assert.ok(Math.abs(Math.log(o.lo) - g.lo[j]) < 1e-6, `${o.feature} lower limit`);
    assert.ok(Math.abs(Math.log(o.hi) - g.hi[j]) < 1e-6, `${o.feature} upper limit`);
  });
  // And compareModels uses it, not its strongly penalised candidate (C = 0.01), on the training part.
  const {report, split} = compareModels({X: g.X, y: g.y, features, target, families: [logisticFamily({C: [0.01]})]}, {resamples: 20});
  const train = unpenalisedOddsRatios(split.train.map((i) => g.X[i]), split.train.map((i) => g.y[i]), features, features.map((_, j) => j));
  assert.deepEqual(report.oddsRatios, train.odds);
  assert.match(report.oddsRatiosModel!.en, /without penalty.*level=c left out as the reference/);
});
