/**
 * Precision–recall curve on the test part (ModelReport.pr) with the no-skill baseline (the
 * positive rate) and, optionally, the operating point of a chosen threshold.
 *
 *   ${resize((width) => PrCurve(model, {width, threshold}))}
 */
import * as Plot from "@observablehq/plot";
import type {ModelReport, ThresholdRow} from "../../loaders/analysis/types.ts";
import {CHOSEN, MUTED} from "./palette.js";
import {fixed, pct} from "./format.js";
import {pageLang} from "./i18n.js";

const ru = pageLang === "ru";

export function PrCurve(model: ModelReport, {width = 480, threshold}: {width?: number; threshold?: number} = {}) {
  const size = Math.min(width, 520);
  const point = threshold === undefined ? null : model.thresholds.reduce((best: ThresholdRow, r) => (Math.abs(r.threshold - threshold) < Math.abs(best.threshold - threshold) ? r : best), model.thresholds[0]);
  return Plot.plot({
    width: size,
    height: size,
    x: {label: ru ? "Полнота (доля найденных событий) →" : "Recall (share of events caught) →", domain: [0, 1], grid: true, tickFormat: "%"},
    y: {label: ru ? "↑ Точность (доля событий среди отмеченных)" : "↑ Precision (share of flagged that are events)", domain: [0, 1], grid: true, tickFormat: "%"},
    marks: [
      Plot.ruleY([model.test.positiveRate], {stroke: MUTED, strokeDasharray: "4 4"}),
      Plot.text([ru ? `без модели: ${pct(model.test.positiveRate)}` : `no skill: ${(model.test.positiveRate * 100).toFixed(1)}%`], {x: 0.02, y: model.test.positiveRate, dy: -8, textAnchor: "start", fill: MUTED}),
      Plot.line(model.pr, {x: "recall", y: "precision", stroke: CHOSEN, strokeWidth: 2.5, curve: "step-before"}),
      Plot.dot(model.pr, Plot.pointer({x: "recall", y: "precision", fill: CHOSEN, r: 4, tip: true, title: (p) => ru ? `полнота ${pct(p.recall)}\nточность ${pct(p.precision)}` : `recall ${(p.recall * 100).toFixed(1)}%\nprecision ${(p.precision * 100).toFixed(1)}%`})),
      point && point.tp + point.fp > 0 ? Plot.dot([point], {x: "recall", y: "precision", r: 6, stroke: "black", strokeWidth: 2, fill: CHOSEN}) : null,
      Plot.text([`${ru ? "средняя точность (AP)" : "average precision"} ${fixed(model.test.averagePrecision.value, 3)}`], {frameAnchor: "bottom-left", dx: 8, dy: -8, fill: CHOSEN, fontWeight: "bold"})
    ]
  });
}
