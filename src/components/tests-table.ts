/**
 * A family of hypothesis tests (HypothesisReport):
 *   TestResultsTable   table: question, test, statistic, p, corrected p, effect, decision
 *   PValueChart        −log10 of the corrected p-values against −log10(alpha), coloured by decision
 *
 *   ${TestResultsTable(hypotheses)}
 */
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import type {HypothesisReport} from "../../loaders/report/types.ts";
import {MUTED, NEGATIVE, POSITIVE} from "./palette.js";

export function formatP(p: number | undefined): string {
  if (p === undefined || !Number.isFinite(p)) return "–";
  if (p < 0.0001) return p === 0 ? "< 1e-300" : p.toExponential(1);
  return p.toFixed(4);
}

export function TestResultsTable(report: HypothesisReport) {
  return html`<table class="clientele-tests">
    <thead><tr><th>Question</th><th>Test</th><th>Statistic</th><th>p</th><th>${report.correctionName} p</th><th>Effect size</th><th>Decision</th></tr></thead>
    <tbody>${report.tests.map((t) => html`<tr>
      <td>${t.question}</td>
      <td>${t.test}</td>
      <td>${t.statisticName} = ${+t.statistic.toPrecision(4)}${t.df !== undefined ? ` (df ${+t.df.toPrecision(4)})` : ""}</td>
      <td>${formatP(t.pValue)}</td>
      <td>${formatP(t.pAdjusted ?? t.pValue)}</td>
      <td>${t.effect.name} = ${t.effect.value.toFixed(3)} (${t.effect.magnitude})</td>
      <td>${t.rejectAdjusted ? "reject H0" : "keep H0"}</td>
    </tr>`)}</tbody>
  </table>`;
}

export function PValueChart(report: HypothesisReport, {width = 640}: {width?: number} = {}) {
  const rows = report.tests.map((t) => ({label: t.variable, p: t.pAdjusted ?? t.pValue, score: -Math.log10(Math.max(t.pAdjusted ?? t.pValue, 1e-300)), reject: !!t.rejectAdjusted}));
  const cut = -Math.log10(report.alpha);
  return Plot.plot({
    width,
    height: 50 + rows.length * 24,
    marginTop: 24,
    marginLeft: Math.min(width * 0.42, 10 + 6.3 * Math.max(...rows.map((r) => r.label.length))),
    x: {label: `Evidence against H0: −log₁₀ of the ${report.correctionName}-adjusted p-value →`, domain: [0, Math.max(cut * 1.5, ...rows.map((r) => r.score)) * 1.05], grid: true},
    y: {label: null, domain: rows.map((r) => r.label)},
    marks: [
      Plot.ruleX([cut], {stroke: MUTED, strokeDasharray: "4 4"}),
      Plot.text([`α = ${report.alpha}`], {x: cut, frameAnchor: "top", dy: -14, dx: 4, textAnchor: "start", fill: MUTED}),
      Plot.barX(rows, {y: "label", x: "score", fill: (r) => (r.reject ? POSITIVE : NEGATIVE), fillOpacity: 0.8, tip: true, title: (r) => `${r.label}\nadjusted p ${formatP(r.p)}\n${r.reject ? "significant" : "not significant"}`}),
      Plot.ruleX([0])
    ]
  });
}
