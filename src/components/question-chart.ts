/**
 * One hypothesis question's chart (loaders/cases/fitness/questions.ts): the two outcome groups'
 * means (or medians), or the churn rate at each value of a yes/no or category column. Bars start at
 * zero; the chart's title says what and its unit. Texts are shown in the page's language.
 */
import * as Plot from "@observablehq/plot";
import type {AnsweredQuestion} from "../../loaders/cases/fitness/questions.ts";
import {tr, type Text} from "./i18n.js";
import {count, fixed, pct, wrappedAxis} from "./format.js";
import {nouns} from "./glossary.js";
import {MUTED, NEGATIVE, POSITIVE} from "./palette.js";

type Chart = AnsweredQuestion["chart"];
/** The chart as the loader writes it, or with its texts already in the page's language. */
type ChartIn = Omit<Chart, "title" | "axis" | "bars"> & {title: Text | string; axis: Text | string; bars: (Omit<Chart["bars"][number], "label"> & {label: Text | string})[]};

export function QuestionChart(chart: ChartIn, {width = 400}: {width?: number} = {}) {
  const rate = chart.kind === "rate";
  const bars = chart.bars.map((b) => ({...b, label: tr(b.label)}));
  const title = tr(chart.title);
  const axis = wrappedAxis(bars.map((b) => b.label), width * 0.4);
  const value = (b: {value: number}) => (rate ? b.value * 100 : b.value);
  const text = (b: {value: number}) => (rate ? pct(b.value) : fixed(b.value, Math.abs(b.value) >= 10 ? 1 : 2));
  return Plot.plot({
    title,
    ariaLabel: title,
    ariaDescription: bars.map((b) => `${b.label}: ${text(b)} (${count(b.n, nouns.member)})`).join("; "),
    width,
    height: 40 + bars.length * axis.rowHeight(28),
    marginLeft: axis.marginLeft,
    marginRight: 48,
    x: {label: tr(chart.axis), zero: true, grid: true},
    y: {label: null, domain: bars.map((b) => b.label), tickFormat: axis.tickFormat},
    marks: [
      Plot.barX(bars, {y: "label", x: value, fill: rate ? POSITIVE : (b) => (b.positive ? POSITIVE : NEGATIVE),
        title: (b) => `${b.label}: ${text(b)} (${count(b.n, nouns.member)})`}),
      Plot.text(bars, {y: "label", x: value, text, dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0], {stroke: MUTED})
    ]
  });
}
