/**
 * One hypothesis question's chart (loaders/cases/fitness/questions.ts): the two outcome groups'
 * means (or medians), or the churn rate at each value of a yes/no or category column. Bars start at
 * zero; the chart's title says what and its unit.
 */
import * as Plot from "@observablehq/plot";
import type {AnsweredQuestion} from "../../loaders/cases/fitness/questions.ts";
import {MUTED, NEGATIVE, POSITIVE} from "./palette.js";
import {grouped, pct, wrappedAxis} from "./format.js";

export function QuestionChart(chart: AnsweredQuestion["chart"], {width = 400, positive = "churned"}: {width?: number; positive?: string} = {}) {
  const rate = chart.kind === "rate";
  const axis = wrappedAxis(chart.bars.map((b) => b.label), width * 0.4);
  const value = (b: {value: number}) => (rate ? b.value * 100 : b.value);
  const text = (b: {value: number}) => (rate ? pct(b.value) : Math.abs(b.value) >= 10 ? b.value.toFixed(1) : b.value.toFixed(2));
  return Plot.plot({
    title: chart.title,
    ariaLabel: chart.title,
    ariaDescription: chart.bars.map((b) => `${b.label}: ${text(b)} (${grouped(b.n)} members)`).join("; "),
    width,
    height: 40 + chart.bars.length * axis.rowHeight(28),
    marginLeft: axis.marginLeft,
    marginRight: 48,
    x: {label: chart.axis, zero: true, grid: true},
    y: {label: null, domain: chart.bars.map((b) => b.label), tickFormat: axis.tickFormat},
    marks: [
      Plot.barX(chart.bars, {y: "label", x: value, fill: rate ? POSITIVE : (b) => (b.label.endsWith(positive) ? POSITIVE : NEGATIVE),
        title: (b) => `${b.label}: ${text(b)} (${grouped(b.n)} members)`}),
      Plot.text(chart.bars, {y: "label", x: value, text, dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0], {stroke: MUTED})
    ]
  });
}
