/**
 * A family of hypothesis tests (HypothesisReport):
 *   TestResultsTable   table: question, test, statistic, p, corrected p, effect, decision
 *   TestCard           one question in full: hypotheses, why this test, groups, result, decision
 *   PValueChart        −log10 of the corrected p-values against −log10(alpha), coloured by decision
 * and the wording both use, for pages that lay a test out their own way: statisticText, effectText,
 * groupLines, testRationale, decisionText (one p-value style, formatP, everywhere).
 *
 *   ${TestResultsTable(hypotheses)}
 *   ${html`${hypotheses.tests.map((t) => TestCard(t, hypotheses))}`}
 */
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import type {HypothesisReport} from "../../loaders/analysis/types.ts";
import type {TestName, TestResult} from "../../loaders/stats/types.ts";
import {MUTED, NEGATIVE, POSITIVE} from "./palette.js";
import {fixed, formatDf, formatP, formatStatistic, formatValue, grouped, pEquals, upperFirst, wrappedAxis} from "./format.js";


type Family = Pick<HypothesisReport, "correctionName" | "alpha"> & {tests: (TestResult & {question?: string})[]};

const shortNames: Record<TestName, string> = {
  "Welch t-test": "Welch t-test",
  "Student t-test": "Student t-test",
  "Mann–Whitney U test": "Mann–Whitney U",
  "chi-square test of independence": "Chi-square",
  "chi-square test of independence with Yates' correction": "Chi-square (Yates)",
  "two-proportion z-test": "Two-proportion z",
  "Kruskal–Wallis H test": "Kruskal–Wallis H",
  "log-rank test": "Log-rank",
  "stratified log-rank test": "Log-rank (stratified)"
};

/** The test's name, short enough for a table column ("Chi-square (Yates)"); hyphens do not break
 *  ("Welch t-test" wraps at its space, never after "t-"). */
export function shortTestName(t: TestResult): string {
  return (shortNames[t.test] ?? upperFirst(t.test)).replace(/-/g, "\u2011");
}

/** "t = -32.55", "U = 381,171", "χ² = 653.6". */
export function statisticText(t: TestResult): string {
  return `${t.statisticName} = ${formatStatistic(t.statistic)}`;
}

/** "df = 2" or "" when the test has no degrees of freedom. */
export function dfText(t: TestResult): string {
  return t.df === undefined ? "" : `df = ${formatDf(t.df)}`;
}

/** "Cohen's d = -1.03". */
export function effectText(t: TestResult): string {
  return `${t.effect.name} = ${fixed(t.effect.value, 3)}`;
}

/** One line per group: "churned: mean 1.04, median 0.98 (n = 1,061)" for numbers, and for counts by
 *  level "churned (n = 1,061) — 1: 934 · 6: 104 · 12: 23", so a level never runs into its count. */
export function groupLines(t: TestResult): string[] {
  return t.groups.map((g) => {
    const n = `n = ${grouped(g.n)}`;
    if (g.mean !== undefined) return `${g.label}: mean ${formatValue(g.mean)}${g.median !== undefined ? `, median ${formatValue(g.median)}` : ""} (${n})`;
    if (g.counts) return `${g.label} (${n}) — ${Object.entries(g.counts).map(([level, count]) => `${level}: ${grouped(count)}`).join(" · ")}`;
    return `${g.label} (${n})`;
  });
}

/** Why this test, said once: the reason it was chosen for this variable, then what it assumes. The
 *  test's general description ("Compares two means …", "Tests whether …") repeats the reason, so
 *  only the assumptions that follow it are kept. */
export function testRationale(t: TestResult): string {
  if (!t.chosenBecause) return upperFirst(t.why);
  const assumptions = t.why.replace(/^(Compares|Tests whether)[^;.]*[;.]\s*/, "");
  return `${upperFirst(t.chosenBecause.trim())} ${upperFirst(assumptions)}`.trim();
}

/** The decision in words (after correction when there is one); loaders already write its p-value in the report's style. */
export function decisionText(t: TestResult): string {
  return upperFirst(t.decisionAdjusted ?? t.decision);
}

export function TestResultsTable(report: Family) {
  // The box scrolls sideways on a narrow screen, never the page.
  return html`<div class="table-scroll"><table class="clientele-tests">
    <thead><tr><th>Question</th><th>Test</th><th>Statistic</th><th class="num">p</th><th class="num">${report.correctionName} p</th><th>Effect size</th><th>Decision</th></tr></thead>
    <tbody>${report.tests.map((t) => html`<tr>
      <td class="question">${t.question ?? t.variable}</td>
      <td title=${upperFirst(t.test)}>${shortTestName(t)}</td>
      <td><span class="nowrap">${statisticText(t)}</span>${t.df !== undefined ? html`<br><span class="nowrap muted">${dfText(t)}</span>` : ""}</td>
      <td class="num">${formatP(t.pValue)}</td>
      <td class="num">${formatP(t.pAdjusted ?? t.pValue)}</td>
      <td><span class="nowrap">${effectText(t)}</span><br><span class="muted">${t.effect.magnitude}</span></td>
      <td class="nowrap">${t.rejectAdjusted ?? t.reject ? "reject H0" : "keep H0"}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

/** One question in full, as a card. */
export function TestCard(t: TestResult & {question?: string}, report: Pick<HypothesisReport, "correctionName">) {
  return html`<div class="card clientele-test" style="max-width: none">
    <h2>${t.question ?? t.variable}</h2>
    <p><b>H0:</b> ${upperFirst(t.h0)}<br><b>H1:</b> ${upperFirst(t.h1)}</p>
    <p><b>Test:</b> ${upperFirst(t.test)}. ${testRationale(t)}</p>
    <p><b>Groups:</b> ${groupLines(t).map((line, i) => html`${i ? html`<br>` : ""}${line}`)}</p>
    <p><b>Result:</b> ${statisticText(t)}${t.df !== undefined ? ` (${dfText(t)})` : ""}, ${pEquals(t.pValue)}${t.pAdjusted !== undefined ? `, ${pEquals(t.pAdjusted!, `${report.correctionName}-adjusted p`)}` : ""}; ${effectText(t)} (${t.effect.magnitude}; ${t.effect.convention}).</p>
    <p><b>Decision:</b> ${decisionText(t)}</p>
  </div>`;
}

export function PValueChart(report: Family, {width = 640}: {width?: number} = {}) {
  const rows = report.tests.map((t) => ({label: t.variable, p: t.pAdjusted ?? t.pValue, score: -Math.log10(Math.max(t.pAdjusted ?? t.pValue, 1e-300)), reject: !!(t.rejectAdjusted ?? t.reject)}));
  const cut = -Math.log10(report.alpha);
  const axis = wrappedAxis(rows.map((r) => r.label), width * 0.42);
  return Plot.plot({
    title: "Evidence against each null hypothesis",
    width,
    height: 50 + rows.length * axis.rowHeight(24),
    marginTop: 24,
    marginLeft: axis.marginLeft,
    x: {label: `Evidence against H0: −log₁₀ of the ${report.correctionName}-adjusted p-value →`, domain: [0, Math.max(cut * 1.5, ...rows.map((r) => r.score)) * 1.05], grid: true},
    y: {label: null, domain: rows.map((r) => r.label), tickFormat: axis.tickFormat},
    marks: [
      Plot.ruleX([cut], {stroke: MUTED, strokeDasharray: "4 4"}),
      Plot.text([`α = ${report.alpha}`], {x: cut, frameAnchor: "top", dy: -14, dx: 4, textAnchor: "start", fill: MUTED}),
      Plot.barX(rows, {y: "label", x: "score", fill: (r) => (r.reject ? POSITIVE : NEGATIVE), fillOpacity: 0.8, tip: true, title: (r) => `${r.label}\nadjusted p ${formatP(r.p)}\n${r.reject ? "significant" : "not significant"}`}),
      Plot.ruleX([0])
    ]
  });
}
