/**
 * Feature effects of a model comparison:
 *   OddsRatioChart   per-sd odds ratios with 95% CIs on a log axis (ModelReport.oddsRatios)
 *   ShapSummary      mean SHAP by feature-value group (low → high values coloured light → dark),
 *                    features ordered by mean |SHAP| (ModelReport.shap)
 *   ImportanceChart  permutation importance: drop in test ROC-AUC when a feature is shuffled
 *
 *   ${resize((width) => OddsRatioChart(model.oddsRatios, {width}))}
 */
import * as Plot from "@observablehq/plot";
import {format as d3format} from "d3";
import type {ImportanceRow, OddsRatio, ShapFeature} from "../../loaders/analysis/types.ts";
import {MUTED, NEGATIVE, POSITIVE} from "./palette.js";
import {count, fixed, wrappedAxis} from "./format.js";
import {pageLang, tr, type Text} from "./i18n.js";
import {nouns} from "./glossary.js";

const ru = pageLang === "ru";
/** Rows with their label in the page's language. */
const shown = <T extends {label: string; labels?: Text}>(rows: readonly T[]): T[] => rows.map((r) => ({...r, label: tr(r.labels ?? r.label)}));

/** Ticks at powers of the coarsest ratio (2, 1.5, 1.25, 1.1) that puts at least four in the domain:
 * odds ratios read symmetrically around 1 (0.5 and 2 are the same size of effect). */
function oddsTicks([lo, hi]: number[]): number[] {
  let ticks: number[] = [];
  for (const step of [2, 1.5, 1.25, 1.1]) {
    ticks = [];
    for (let k = Math.ceil(Math.log(lo) / Math.log(step)); k <= Math.floor(Math.log(hi) / Math.log(step)); k++) ticks.push(step ** k);
    if (ticks.length >= 4) break;
  }
  // Plot labels log ticks only up to a leading digit of 5 (6.25e-2 would show as a bare tick).
  return ticks.filter((t) => Number(t.toExponential(0)[0]) <= 5);
}

/** Tick labels with an explicit sign, and a plain "0". */
const signed = (specifier: string) => (d: number) => (d === 0 ? "0" : (d > 0 ? "+" : "") + d3format(specifier)(d));

/** Feature labels on the left, wrapped to at most 42% of the width. */
const axisFor = (labels: string[], width: number) => wrappedAxis(labels, width * 0.42);

/** Red (raises the odds) or blue (lowers them) only when the 95% interval excludes 1; grey otherwise. */
const colourOf = (r: OddsRatio) => (r.lo > 1 ? POSITIVE : r.hi < 1 ? NEGATIVE : MUTED);

export function OddsRatioChart(odds: OddsRatio[], {width = 640, outcome = "the event"}: {width?: number; outcome?: string} = {}) {
  const rows = shown(odds).sort((a, b) => b.coef - a.coef);
  const lo = Math.min(...rows.map((r) => r.lo)), hi = Math.max(...rows.map((r) => r.hi));
  const domain = [Math.min(lo, 0.9) / 1.1, Math.max(hi, 1.1) * 1.1];
  const axis = axisFor(rows.map((r) => r.label), width);
  return Plot.plot({
    title: ru ? "Отношение шансов на +1 стандартное отклонение каждого признака, с 95-процентным интервалом" : "Odds ratio per +1 standard deviation of each feature, with its 95% interval",
    width,
    height: 40 + rows.length * axis.rowHeight(24),
    marginLeft: axis.marginLeft,
    x: {type: "log", label: ru ? `Отношение шансов (${outcome}) на +1 стандартное отклонение (логарифмическая шкала) →` : `Odds ratio of ${outcome} per +1 standard deviation (log scale) →`, domain, grid: true, ticks: oddsTicks(domain), tickFormat: (d: number) => (ru ? String(+d.toPrecision(2)).replace(".", ",") : `${+d.toPrecision(2)}`)},
    y: {label: null, domain: rows.map((r) => r.label), tickFormat: axis.tickFormat},
    marks: [
      Plot.ruleX([1], {stroke: MUTED}),
      Plot.ruleY(rows, {y: "label", x1: "lo", x2: "hi", stroke: colourOf, strokeWidth: 2}),
      Plot.dot(rows, {y: "label", x: "oddsRatio", r: 4.5, fill: colourOf, tip: true,
        title: (r: OddsRatio) => ru
          ? `${r.label}\nотношение шансов на ст. откл. (${String(+r.sd.toPrecision(3)).replace(".", ",")}): ${fixed(r.oddsRatio, 3)} (95-процентный ДИ ${fixed(r.lo, 3)}–${fixed(r.hi, 3)})\nна единицу: ${fixed(r.oddsRatioPerUnit, 3)}`
          : `${r.label}\nodds ratio per sd (${+r.sd.toPrecision(3)}): ${r.oddsRatio.toFixed(3)} (95% CI ${r.lo.toFixed(3)}–${r.hi.toFixed(3)})\nper unit: ${r.oddsRatioPerUnit.toFixed(3)}`})
    ]
  });
}

export function ShapSummary(shapRows: ShapFeature[], {width = 640, scale = "log-odds"}: {width?: number; scale?: string | null} = {}) {
  const shap = shown(shapRows);
  const labels = shap.map((s) => s.label);
  const points = shap.flatMap((s) => s.byQuantile.map((q) => ({...q, label: s.label, level: q.groups > 1 ? q.group / (q.groups - 1) : 0.5})));
  const axis = axisFor(labels, width);
  return Plot.plot({
    title: ru ? "Как каждый признак сдвигает прогноз (значения SHAP)" : "How each feature pushes the prediction (SHAP values)",
    width,
    height: 50 + shap.length * axis.rowHeight(26),
    marginLeft: axis.marginLeft,
    x: {label: ru ? `Значение SHAP: вклад в ${scale === "probability" ? "предсказанную вероятность" : "логарифм шансов"} →` : `SHAP value: contribution to the ${scale === "probability" ? "predicted probability" : "log-odds"} →`, grid: true, nice: true, inset: 8, tickFormat: signed(scale === "probability" ? ".0%" : "~g")},
    y: {label: null, domain: labels, tickFormat: axis.tickFormat},
    color: {type: "linear", domain: [0, 1], range: ["#c6dbef", "#08306b"], label: ru ? "значение признака (от низкого к высокому)" : "feature value (low → high)", legend: true, ticks: 2, tickFormat: (d: number) => (d === 0 ? (ru ? "низкое" : "low") : d === 1 ? (ru ? "высокое" : "high") : "")},
    marks: [
      Plot.ruleX([0], {stroke: MUTED}),
      Plot.dot(points, {y: "label", x: "shap", fill: "level", r: (p) => 3 + 4 * Math.sqrt(p.n / Math.max(...points.map((q) => q.n))), stroke: "white", strokeWidth: 0.5, tip: true,
        title: (p) => ru
          ? `${p.label}\nзначения ${String(+p.valueLo.toPrecision(3)).replace(".", ",")}${p.valueHi !== p.valueLo ? `–${String(+p.valueHi.toPrecision(3)).replace(".", ",")}` : ""} (${count(p.n, nouns.customer)})\nсреднее SHAP ${fixed(p.shap, 3)}`
          : `${p.label}\nvalues ${+p.valueLo.toPrecision(3)}${p.valueHi !== p.valueLo ? `–${+p.valueHi.toPrecision(3)}` : ""} (${p.n} members)\nmean SHAP ${p.shap.toFixed(3)}`})
    ]
  });
}

export function ImportanceChart(importance: ImportanceRow[], {width = 640}: {width?: number} = {}) {
  const rows = shown(importance);
  const axis = axisFor(rows.map((r) => r.label), width);
  return Plot.plot({
    title: ru ? "Важность каждого признака по перестановкам" : "Permutation importance of each feature",
    width,
    height: 40 + rows.length * axis.rowHeight(24),
    marginLeft: axis.marginLeft,
    x: {label: ru ? "Падение ROC-AUC на тесте, если перемешать признак →" : "Drop in test ROC-AUC when the feature is shuffled →", grid: true},
    y: {label: null, domain: rows.map((r) => r.label), tickFormat: axis.tickFormat},
    marks: [
      Plot.barX(rows, {y: "label", x: "mean", fill: NEGATIVE, tip: true, title: (r: ImportanceRow) => ru ? `${r.label}\nпадение AUC ${fixed(r.mean, 4)} ± ${fixed(r.sd, 4)}` : `${r.label}\nAUC drop ${r.mean.toFixed(4)} ± ${r.sd.toFixed(4)}`}),
      Plot.ruleY(rows, {y: "label", x1: (r: ImportanceRow) => r.mean - r.sd, x2: (r: ImportanceRow) => r.mean + r.sd, stroke: "black"}),
      Plot.ruleX([0])
    ]
  });
}
