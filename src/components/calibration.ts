/**
 * Calibration (reliability) plot: mean predicted probability against the observed share of
 * events per probability bin (ModelReport.calibration); dot area = members in the bin; the
 * diagonal is perfect calibration.
 *
 *   ${resize((width) => CalibrationPlot(model.calibration, {width}))}
 */
import * as Plot from "@observablehq/plot";
import type {CalibrationBin} from "../../loaders/analysis/types.ts";
import {CHOSEN, MUTED} from "./palette.js";
import {count, fixed, pct} from "./format.js";
import {pageLang} from "./i18n.js";
import {nouns} from "./glossary.js";

const ru = pageLang === "ru";

export function CalibrationPlot(bins: CalibrationBin[], {width = 480}: {width?: number} = {}) {
  const size = Math.min(width, 520);
  return Plot.plot({
    width: size,
    height: size,
    x: {label: ru ? "Средняя предсказанная вероятность →" : "Mean predicted probability →", domain: [0, 1], grid: true, tickFormat: "%", inset: 10},
    y: {label: ru ? "↑ Наблюдаемая доля событий" : "↑ Observed share of events", domain: [0, 1], grid: true, tickFormat: "%", inset: 10},
    r: {range: [3, 14]},
    marks: [
      Plot.line([[0, 0], [1, 1]], {stroke: MUTED, strokeDasharray: "4 4"}),
      Plot.line(bins, {x: "predicted", y: "observed", stroke: CHOSEN}),
      Plot.dot(bins, {x: "predicted", y: "observed", r: "n", fill: CHOSEN, fillOpacity: 0.7, tip: true,
        title: (b) => ru
          ? `прогноз ${fixed(b.lo * 100, 0)}–${pct(b.hi, 0)}: ${count(b.n, nouns.customer)}\nсредний прогноз ${pct(b.predicted)}\nнаблюдается ${pct(b.observed)}`
          : `predicted ${(b.lo * 100).toFixed(0)}–${(b.hi * 100).toFixed(0)}%: ${b.n} members\nmean predicted ${(b.predicted * 100).toFixed(1)}%\nobserved ${(b.observed * 100).toFixed(1)}%`})
    ]
  });
}
