/**
 * Confusion matrix at one threshold (a ModelReport.thresholds row): four cells with counts and
 * shares, coloured by count; rows are the actual outcome, columns the prediction.
 *
 *   const row = thresholdRow(model, threshold);
 *   ${resize((width) => ConfusionMatrix(row, {width, negative: "stayed", positive: "churned"}))}
 */
import * as Plot from "@observablehq/plot";
import type {ModelReport, ThresholdRow} from "../../loaders/analysis/types.ts";

/** The precomputed row nearest to a threshold. */
export function thresholdRow(model: ModelReport, threshold: number): ThresholdRow {
  return model.thresholds.reduce((best, r) => (Math.abs(r.threshold - threshold) < Math.abs(best.threshold - threshold) ? r : best), model.thresholds[0]);
}

export function ConfusionMatrix(row: ThresholdRow, {width = 420, negative = "negative", positive = "positive"}: {width?: number; negative?: string; positive?: string} = {}) {
  const n = row.tp + row.fp + row.tn + row.fn;
  const cells = [
    {actual: negative, predicted: negative, count: row.tn, what: "correctly left"},
    {actual: negative, predicted: positive, count: row.fp, what: "false alarms"},
    {actual: positive, predicted: negative, count: row.fn, what: "missed"},
    {actual: positive, predicted: positive, count: row.tp, what: "caught"}
  ];
  const size = Math.min(width, 420);
  return Plot.plot({
    width: size,
    height: Math.max(220, size * 0.7),
    marginLeft: 70,
    marginTop: 40,
    x: {label: "Predicted", axis: "top", domain: [negative, positive]},
    y: {label: "Actual", domain: [negative, positive]},
    color: {scheme: "blues", type: "sqrt"},
    marks: [
      Plot.cell(cells, {x: "predicted", y: "actual", fill: "count", inset: 1, tip: true, title: (c) => `${c.what}: ${c.count} of ${n}`}),
      Plot.text(cells, {x: "predicted", y: "actual", text: (c) => `${c.count}\n${c.what}`, fill: (c) => (c.count > n / 4 ? "white" : "black"), fontSize: 13, lineHeight: 1.3})
    ]
  });
}
