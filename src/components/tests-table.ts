/**
 * A family of hypothesis tests (HypothesisReport):
 *   TestResultsTable   searchable table: question, test, statistic, p, corrected p, effect, decision
 *   PValueChart        corrected p-values on a log axis against alpha, coloured by decision
 *
 *   ${TestResultsTable(hypotheses)}
 */
import * as Inputs from "@observablehq/inputs";
import * as Plot from "@observablehq/plot";
import type {HypothesisReport} from "../../loaders/report/types.ts";
import {MUTED, NEGATIVE, POSITIVE} from "./palette.js";

export function formatP(p: number | undefined): string {
  if (p === undefined || !Number.isFinite(p)) return "–";
  if (p < 0.0001) return p === 0 ? "< 1e-300" : p.toExponential(1);
  return p.toFixed(4);
}

export function TestResultsTable(report: HypothesisReport, {width}: {width?: number} = {}) {
  const rows = report.tests.map((t) => ({
    question: t.question,
    test: t.test,
    statistic: `${t.statisticName} = ${+t.statistic.toPrecision(4)}${t.df !== undefined ? ` (df ${+t.df.toPrecision(4)})` : ""}`,
    p: t.pValue,
    pAdjusted: t.pAdjusted ?? t.pValue,
    effect: `${t.effect.name} = ${t.effect.value.toFixed(3)} (${t.effect.magnitude})`,
    decision: t.rejectAdjusted ? "reject H0" : "keep H0"
  }));
  return Inputs.table(rows, {
    width,
    rows: rows.length + 1,
    header: {question: "Question", test: "Test", statistic: "Statistic", p: "p", pAdjusted: `${report.correctionName} p`, effect: "Effect size", decision: "Decision"},
    format: {p: formatP, pAdjusted: formatP},
    layout: "auto"
  });
}

export function PValueChart(report: HypothesisReport, {width = 640}: {width?: number} = {}) {
  const rows = report.tests.map((t) => ({label: t.variable, p: Math.max(t.pAdjusted ?? t.pValue, 1e-300), reject: !!t.rejectAdjusted}));
  const lo = Math.min(report.alpha / 10, ...rows.map((r) => r.p));
  return Plot.plot({
    width,
    height: 40 + rows.length * 24,
    marginLeft: Math.min(width * 0.42, 10 + 6.3 * Math.max(...rows.map((r) => r.label.length))),
    x: {type: "log", label: `${report.correctionName}-adjusted p-value (log scale) →`, domain: [lo, 1], grid: true},
    y: {label: null, domain: rows.map((r) => r.label)},
    marks: [
      Plot.ruleX([report.alpha], {stroke: MUTED, strokeDasharray: "4 4"}),
      Plot.text([`α = ${report.alpha}`], {x: report.alpha, frameAnchor: "top", dy: -2, dx: 4, textAnchor: "start", fill: MUTED}),
      Plot.dot(rows, {y: "label", x: "p", r: 5, fill: (r) => (r.reject ? POSITIVE : NEGATIVE), tip: true, title: (r) => `${r.label}\nadjusted p ${formatP(r.p)}\n${r.reject ? "significant" : "not significant"}`})
    ]
  });
}
