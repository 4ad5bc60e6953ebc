/**
 * Confusion matrix at one threshold (a ModelReport.thresholds row): four cells with counts and
 * shares, coloured by count; rows are the actual outcome, columns the prediction.
 *
 *   const row = thresholdRow(model, threshold);
 *   ${resize((width) => ConfusionMatrix(row, {width, negative: "stayed", positive: "churned"}))}
 */
import * as Plot from "@observablehq/plot";
import type {ModelReport, ThresholdRow} from "../../loaders/analysis/types.ts";
import {grouped} from "./format.js";
import {pageLang} from "./i18n.js";

const ru = pageLang === "ru";

/** The precomputed row nearest to a threshold. */
export function thresholdRow(model: ModelReport, threshold: number): ThresholdRow {
  return model.thresholds.reduce((best, r) => (Math.abs(r.threshold - threshold) < Math.abs(best.threshold - threshold) ? r : best), model.thresholds[0]);
}

export function ConfusionMatrix(row: ThresholdRow, {width = 420, negative = "negative", positive = "positive"}: {width?: number; negative?: string; positive?: string} = {}) {
  const n = row.tp + row.fp + row.tn + row.fn;
  const cells = [
    {actual: negative, predicted: negative, count: row.tn, what: ru ? "верно не отмечены" : "correctly left"},
    {actual: negative, predicted: positive, count: row.fp, what: ru ? "ложные тревоги" : "false alarms"},
    {actual: positive, predicted: negative, count: row.fn, what: ru ? "пропущены" : "missed"},
    {actual: positive, predicted: positive, count: row.tp, what: ru ? "найдены" : "caught"}
  ];
  const size = Math.min(width, 420);
  return Plot.plot({
    width: size,
    height: Math.max(220, size * 0.7),
    marginLeft: 70,
    marginTop: 40,
    x: {label: ru ? "Прогноз" : "Predicted", axis: "top", domain: [negative, positive]},
    y: {label: ru ? "Факт" : "Actual", domain: [negative, positive]},
    color: {scheme: "blues", type: "sqrt"},
    marks: [
      Plot.cell(cells, {x: "predicted", y: "actual", fill: "count", inset: 1, tip: true, title: (c) => ru ? `${c.what}: ${grouped(c.count)} из ${grouped(n)}` : `${c.what}: ${c.count} of ${n}`}),
      Plot.text(cells, {x: "predicted", y: "actual", text: (c) => `${ru ? grouped(c.count) : c.count}\n${c.what}`, fill: (c) => (c.count > n / 4 ? "white" : "black"), fontSize: 13, lineHeight: 1.3})
    ]
  });
}
