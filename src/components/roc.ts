/**
 * ROC curve on the test part (ModelReport.roc) with each family's best candidate in grey
 * (ModelReport.families) and, optionally, the operating point of a chosen threshold.
 *
 *   ${resize((width) => RocCurve(model, {width, threshold}))}
 */
import * as Plot from "@observablehq/plot";
import type {ModelReport, ThresholdRow} from "../../loaders/analysis/types.ts";
import {CHOSEN, MUTED} from "./palette.js";
import {fixed, pct} from "./format.js";
import {pageLang, tr} from "./i18n.js";

const ru = pageLang === "ru";

export function RocCurve(model: ModelReport, {width = 480, threshold}: {width?: number; threshold?: number} = {}) {
  const size = Math.min(width, 520);
  const others = model.families.filter((f) => f.family !== model.chosen.family).flatMap((f) => f.roc.map((p) => ({...p, name: `${tr(f.familyLabels ?? f.familyLabel)} (${ru ? "AUC на тесте" : "test AUC"} ${fixed(f.testAuc, 3)})`})));
  const point = threshold === undefined ? null : model.thresholds.reduce((best: ThresholdRow, r) => (Math.abs(r.threshold - threshold) < Math.abs(best.threshold - threshold) ? r : best), model.thresholds[0]);
  const fprOf = (r: ThresholdRow) => r.fp / Math.max(1, r.fp + r.tn);
  return Plot.plot({
    width: size,
    height: size,
    x: {label: ru ? "Доля ложных срабатываний (среди случаев без события) →" : "False positive rate (share of non-events flagged) →", domain: [0, 1], grid: true, tickFormat: "%"},
    y: {label: ru ? "↑ Доля верно найденных событий (полнота)" : "↑ True positive rate (recall)", domain: [0, 1], grid: true, tickFormat: "%"},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: MUTED, strokeDasharray: "4 4"}),
      Plot.line(others, {x: "fpr", y: "tpr", z: "name", stroke: MUTED, strokeWidth: 1.2, tip: true, title: "name"}),
      Plot.line(model.roc, {x: "fpr", y: "tpr", stroke: CHOSEN, strokeWidth: 2.5}),
      Plot.dot(model.roc, Plot.pointer({x: "fpr", y: "tpr", fill: CHOSEN, r: 4, tip: true, title: (p) => ru
        ? `${tr(model.chosen.familyLabels ?? model.chosen.familyLabel)}\nпорог ${fixed(p.threshold, 3)}\nложные срабатывания ${pct(p.fpr)}  найдено событий ${pct(p.tpr)}`
        : `${model.chosen.familyLabel}\nthreshold ${p.threshold.toFixed(3)}\nFPR ${(p.fpr * 100).toFixed(1)}%  TPR ${(p.tpr * 100).toFixed(1)}%`})),
      point ? Plot.dot([point], {x: fprOf, y: "recall", r: 6, stroke: "black", strokeWidth: 2, fill: CHOSEN}) : null,
      Plot.text([`${tr(model.chosen.familyLabels ?? model.chosen.familyLabel)}: ${ru ? "AUC на тесте" : "test AUC"} ${fixed(model.test.auc.value, 3)}`], {frameAnchor: "bottom-right", dx: -8, dy: -8, fill: CHOSEN, fontWeight: "bold"})
    ]
  });
}
