import {test} from "node:test";
import assert from "node:assert/strict";
import {averagePrecision, precisionRecallCurve, rocAuc, rocCurve} from "../../loaders/evaluation/curves.ts";
import {metricsAtThreshold} from "../../loaders/evaluation/metrics.ts";
import {golden, maxAbsDiff} from "./golden.ts";

const r = golden.ranking;

test("ROC-AUC equals scikit-learn's roc_auc_score to 1e-12, with and without ties", () => {
  assert.ok(Math.abs(rocAuc(r.y, r.score) - r.aucScore) < 1e-12);
  assert.ok(Math.abs(rocAuc(r.y, r.prob) - r.aucProb) < 1e-12);
  assert.equal(rocAuc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]), 0.75);
  assert.equal(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5]), 0.5);
  assert.throws(() => rocAuc([1, 1], [0.2, 0.3]), /both classes/);
});

test("ROC curve equals scikit-learn's roc_curve point for point", () => {
  const c = rocCurve(r.y, r.score);
  assert.deepEqual(c.thresholds, r.roc.thresholds);
  assert.ok(maxAbsDiff(c.fpr, r.roc.fpr) < 1e-15 && maxAbsDiff(c.tpr, r.roc.tpr) < 1e-15);
});

test("precision–recall curve and average precision equal scikit-learn's", () => {
  const c = precisionRecallCurve(r.y, r.score);
  assert.deepEqual(c.thresholds, r.pr.thresholds);
  assert.ok(maxAbsDiff(c.precision, r.pr.precision) < 1e-15 && maxAbsDiff(c.recall, r.pr.recall) < 1e-15);
  assert.ok(Math.abs(averagePrecision(r.y, r.score) - r.apScore) < 1e-12);
  assert.ok(Math.abs(averagePrecision(r.y, r.prob) - r.apProb) < 1e-12);
});

test("confusion matrix, accuracy, precision, recall and F1 at thresholds equal scikit-learn's", () => {
  for (const [t, ref] of Object.entries(r.thresholds) as [string, any][]) {
    const m = metricsAtThreshold(r.y, r.prob, Number(t));
    assert.deepEqual({tn: m.tn, fp: m.fp, fn: m.fn, tp: m.tp}, {tn: ref.tn, fp: ref.fp, fn: ref.fn, tp: ref.tp});
    for (const k of ["accuracy", "precision", "recall", "f1"] as const) assert.ok(Math.abs(m[k] - ref[k]) < 1e-15, `${k} at ${t}`);
  }
  const none = metricsAtThreshold([0, 1], [0.1, 0.2], 0.9);
  assert.equal(none.precision, 0);
  assert.equal(none.f1, 0);
});
