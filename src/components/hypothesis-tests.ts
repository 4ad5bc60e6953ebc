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
import {pageLang, tr, type Text} from "./i18n.js";
import {magnitudes, testNames} from "./glossary.js";

type Label = string | Text;
type Family = Pick<HypothesisReport, "alpha"> & {correctionName: Label; tests: (TestResult & {question?: Label})[]};

const shortNames: Record<TestName, Text> = {
  "Welch t-test": {en: "Welch t-test", ru: "t-критерий Уэлча"},
  "Student t-test": {en: "Student t-test", ru: "t-критерий Стьюдента"},
  "Mann–Whitney U test": {en: "Mann–Whitney U", ru: "Манна — Уитни"},
  "chi-square test of independence": {en: "Chi-square", ru: "Хи-квадрат"},
  "chi-square test of independence with Yates' correction": {en: "Chi-square (Yates)", ru: "Хи-квадрат (Йейтс)"},
  "two-proportion z-test": {en: "Two-proportion z", ru: "z для двух долей"},
  "Kruskal–Wallis H test": {en: "Kruskal–Wallis H", ru: "Краскела — Уоллиса"},
  "log-rank test": {en: "Log-rank", ru: "Логранговый"},
  "stratified log-rank test": {en: "Log-rank (stratified)", ru: "Логранговый (страты)"}
};

/** The test's full name in the page's language ("Welch t-test", «t-критерий Уэлча»). */
export function testName(t: Pick<TestResult, "test">): string {
  return tr(testNames[t.test] ?? t.test);
}

/** An effect size's magnitude in the page's language ("medium", «средний»). */
export function magnitudeText(m: string): string {
  return tr(magnitudes[m] ?? m);
}

/** The adjusted p's name: "Holm-adjusted p", «p с поправкой Холма». */
export function adjustedPLabel(correctionName: Label): string {
  return pageLang === "ru" ? `p с поправкой ${tr(correctionName)}` : `${tr(correctionName)}-adjusted p`;
}

/** The test's name, short enough for a table column ("Chi-square (Yates)"); hyphens do not break
 *  ("Welch t-test" wraps at its space, never after "t-"). */
export function shortTestName(t: TestResult): string {
  return (shortNames[t.test] ? tr(shortNames[t.test]) : upperFirst(t.test)).replace(/-/g, "\u2011");
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
  return `${tr(t.effect.names ?? t.effect.name)} = ${fixed(t.effect.value, 3)}`;
}

/** One line per group: "churned: mean 1.04, median 0.98 (n = 1,061)" for numbers, and for counts by
 *  level "churned (n = 1,061) — 1: 934 · 6: 104 · 12: 23", so a level never runs into its count. */
export function groupLines(t: TestResult): string[] {
  const ru = pageLang === "ru";
  return t.groups.map((g) => {
    const n = `n = ${grouped(g.n)}`;
    const label = tr(g.labels ?? g.label);
    if (g.mean !== undefined) return `${label}: ${ru ? "среднее" : "mean"} ${formatValue(g.mean)}${g.median !== undefined ? `, ${ru ? "медиана" : "median"} ${formatValue(g.median)}` : ""} (${n})`;
    if (g.counts) return `${label} (${n}) — ${Object.entries(g.counts).map(([level, count]) => `${level}: ${grouped(count)}`).join(" · ")}`;
    return `${label} (${n})`;
  });
}

/** Why this test, said once: the reason it was chosen for this variable, then what it assumes. The
 *  test's general description ("Compares two means …", "Tests whether …") repeats the reason, so
 *  only the assumptions that follow it are kept. */
export function testRationale(t: TestResult): string {
  const why = tr(t.why);
  if (!t.chosenBecause) return upperFirst(why);
  const assumptions = why.replace(/^(Compares|Tests whether|Сравнивает|Проверяет)[^;.]*[;.]\s*/, "");
  return `${upperFirst(tr(t.chosenBecause).trim())} ${upperFirst(assumptions)}`.trim();
}

/** The decision in words (after correction when there is one); loaders already write its p-value in the report's style. */
export function decisionText(t: TestResult): string {
  return upperFirst(tr(t.decisionAdjusted ?? t.decision));
}

export function TestResultsTable(report: Family) {
  const ru = pageLang === "ru";
  // The box scrolls sideways on a narrow screen, never the page.
  return html`<div class="table-scroll"><table class="clientele-tests">
    <thead><tr><th>${ru ? "Вопрос" : "Question"}</th><th>${ru ? "Критерий" : "Test"}</th><th>${ru ? "Статистика" : "Statistic"}</th><th class="num">p</th><th class="num">${ru ? `p (поправка ${tr(report.correctionName)})` : `${tr(report.correctionName)} p`}</th><th>${ru ? "Размер эффекта" : "Effect size"}</th><th>${ru ? "Решение" : "Decision"}</th></tr></thead>
    <tbody>${report.tests.map((t) => html`<tr>
      <td class="question">${tr(t.question ?? t.variable)}</td>
      <td title=${upperFirst(testName(t))}>${shortTestName(t)}</td>
      <td><span class="nowrap">${statisticText(t)}</span>${t.df !== undefined ? html`<br><span class="nowrap muted">${dfText(t)}</span>` : ""}</td>
      <td class="num">${formatP(t.pValue)}</td>
      <td class="num">${formatP(t.pAdjusted ?? t.pValue)}</td>
      <td><span class="nowrap">${effectText(t)}</span><br><span class="muted">${magnitudeText(t.effect.magnitude)}</span></td>
      <td class="nowrap">${t.rejectAdjusted ?? t.reject ? (ru ? "H0 отвергнута" : "reject H0") : (ru ? "H0 не отвергнута" : "keep H0")}</td>
    </tr>`)}</tbody>
  </table></div>`;
}

/** One question in full, as a card. */
export function TestCard(t: TestResult & {question?: Label}, report: {correctionName: Label}) {
  const ru = pageLang === "ru";
  return html`<div class="card clientele-test" style="max-width: none">
    <h2>${tr(t.question ?? t.variable)}</h2>
    <p><b>H0:</b> ${upperFirst(tr(t.h0))}<br><b>H1:</b> ${upperFirst(tr(t.h1))}</p>
    <p><b>${ru ? "Критерий" : "Test"}:</b> ${upperFirst(testName(t))}. ${testRationale(t)}</p>
    <p><b>${ru ? "Группы" : "Groups"}:</b> ${groupLines(t).map((line, i) => html`${i ? html`<br>` : ""}${line}`)}</p>
    <p><b>${ru ? "Результат" : "Result"}:</b> ${statisticText(t)}${t.df !== undefined ? ` (${dfText(t)})` : ""}, ${pEquals(t.pValue)}${t.pAdjusted !== undefined ? `, ${pEquals(t.pAdjusted!, adjustedPLabel(report.correctionName))}` : ""}; ${effectText(t)} (${magnitudeText(t.effect.magnitude)}; ${tr(t.effect.convention)}).</p>
    <p><b>${ru ? "Решение" : "Decision"}:</b> ${decisionText(t)}</p>
  </div>`;
}

export function PValueChart(report: Family, {width = 640}: {width?: number} = {}) {
  const ru = pageLang === "ru";
  const rows = report.tests.map((t) => ({label: tr(t.variable), p: t.pAdjusted ?? t.pValue, score: -Math.log10(Math.max(t.pAdjusted ?? t.pValue, 1e-300)), reject: !!(t.rejectAdjusted ?? t.reject)}));
  const cut = -Math.log10(report.alpha);
  const axis = wrappedAxis(rows.map((r) => r.label), width * 0.42);
  return Plot.plot({
    title: ru ? "Свидетельства против каждой нулевой гипотезы" : "Evidence against each null hypothesis",
    width,
    height: 50 + rows.length * axis.rowHeight(24),
    marginTop: 24,
    marginLeft: axis.marginLeft,
    x: {label: ru ? `Свидетельства против H0: −log₁₀ p-значения с поправкой ${tr(report.correctionName)} →` : `Evidence against H0: −log₁₀ of the ${tr(report.correctionName)}-adjusted p-value →`, domain: [0, Math.max(cut * 1.5, ...rows.map((r) => r.score)) * 1.05], grid: true},
    y: {label: null, domain: rows.map((r) => r.label), tickFormat: axis.tickFormat},
    marks: [
      Plot.ruleX([cut], {stroke: MUTED, strokeDasharray: "4 4"}),
      Plot.text([`α = ${ru ? grouped(report.alpha, 4) : report.alpha}`], {x: cut, frameAnchor: "top", dy: -14, dx: 4, textAnchor: "start", fill: MUTED}),
      Plot.barX(rows, {y: "label", x: "score", fill: (r) => (r.reject ? POSITIVE : NEGATIVE), fillOpacity: 0.8, tip: true, title: (r) => ru ? `${r.label}\np с поправкой ${formatP(r.p)}\n${r.reject ? "значимо" : "не значимо"}` : `${r.label}\nadjusted p ${formatP(r.p)}\n${r.reject ? "significant" : "not significant"}`}),
      Plot.ruleX([0])
    ]
  });
}
