/**
 * Chi-square test of independence of two categorical variables (scipy.stats.chi2_contingency,
 * with `correction` = Yates for 2×2 tables). The statistic is computed here rather than with
 * @stdlib/stats-chi2test because that returns p = 1 − CDF (no precision below ~1e-16) and fails
 * on empty levels; empty rows/columns are dropped before testing.
 */
import type {GroupSummary, TestResult} from "./types.ts";
import {type Category, chiSquareStatistic, crosstab, dropEmpty} from "./contingency.ts";
import {cramersVTable} from "./association.ts";
import {cramersVEffect} from "./effects.ts";
import {chiSquareSf} from "./distributions.ts";
import {asText, decisionText, inLang, type Label} from "./words.ts";
import {both, type Lang} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";

export interface ChiSquareOptions {
  /** Yates' continuity correction, applied only to 2×2 tables. Default true (as scipy). */
  yates?: boolean;
  /** Label of the variable on the rows (the grouping, e.g. "Contract period"). */
  rowVariable?: Label;
  /** Label of the variable on the columns (the outcome, e.g. "churn"). */
  columnVariable?: Label;
  /** Display labels of the row and column levels (default: the levels themselves). */
  rowLabels?: readonly string[];
  columnLabels?: readonly string[];
  alpha?: number;
}

/** Test on a contingency table counts[row][column]. */
export function chiSquareTestTable(
  counts: readonly (readonly number[])[],
  {yates = true, rowVariable = "the row variable", columnVariable = "the column variable", rowLabels, columnLabels, alpha = 0.05}: ChiSquareOptions = {},
): TestResult {
  const table = dropEmpty(counts);
  const r = table.length;
  const c = r ? table[0].length : 0;
  if (r < 2 || c < 2) throw new Error(`chi-square test of ${inLang(rowVariable, "en")} × ${inLang(columnVariable, "en")}: needs at least 2 non-empty levels of each (got ${r} × ${c})`);
  const {statistic, df, expected} = chiSquareStatistic(table, yates);
  const pValue = chiSquareSf(statistic, df);
  const corrected = yates && df === 1;
  const v = cramersVTable(table);
  const rowNames = (rowLabels ?? counts.map((_, i) => String(i))).filter((_, i) => counts[i].some((x) => x > 0));
  const colTotals = counts[0].map((_, j) => counts.reduce((s, row) => s + row[j], 0));
  const colNames = (columnLabels ?? counts[0].map((_, j) => String(j))).filter((_, j) => colTotals[j] > 0);
  const groups: GroupSummary[] = table.map((row, i) => {
    const n = row.reduce((s, x) => s + x, 0);
    const summary: GroupSummary = {label: rowNames[i], n, counts: Object.fromEntries(colNames.map((name, j) => [name, row[j]]))};
    if (c === 2) summary.proportion = row[1] / n; // share of the second column level (e.g. churn = 1)
    return summary;
  });
  const minExpected = Math.min(...expected.flat());
  const small = expected.flat().filter((e) => e < 5).length;
  const t = (lang: Lang) => ({col: inLang(columnVariable, lang), row: inLang(rowVariable, lang)});
  const ru = formats("ru");
  return {
    test: corrected ? "chi-square test of independence with Yates' correction" : "chi-square test of independence",
    why: {
      en: `Tests whether two categorical variables are associated by comparing observed counts with those expected under independence; needs independent observations and expected counts of at least about 5 (smallest here ${+minExpected.toFixed(1)}${small ? `; ${small} cell(s) below 5, treat p with caution` : ""}).` +
        (corrected ? " A 2×2 table gets Yates' continuity correction, which makes the test slightly conservative." : ""),
      ru: `Проверяет, связаны ли две категориальные переменные, сравнивая наблюдаемые частоты с ожидаемыми при независимости; требует независимых наблюдений и ожидаемых частот не меньше примерно 5 (наименьшая здесь ${ru.grouped(+minExpected.toFixed(1), 1)}${small ? `; ${ru.plural(small, "ячейка", "ячейки", "ячеек")} меньше 5 — к p стоит относиться с осторожностью` : ""}).` +
        (corrected ? " К таблице 2×2 применена поправка Йейтса на непрерывность, которая делает критерий немного консервативным." : "")
    },
    h0: both((lang) => {
      const {col, row} = t(lang);
      return lang === "ru" ? `«${col}» не зависит от «${row}» (распределение значений «${col}» одинаково во всех группах по «${row}»).` : `${col} is independent of ${row} (the ${col} mix is the same in every ${row} group).`;
    }),
    h1: both((lang) => {
      const {col, row} = t(lang);
      return lang === "ru" ? `«${col}» и «${row}» связаны (распределение значений «${col}» различается между группами по «${row}»).` : `${col} and ${row} are associated (the ${col} mix differs between ${row} groups).`;
    }),
    alpha,
    statistic,
    statisticName: "χ²",
    df,
    pValue,
    effect: cramersVEffect(v, r, c),
    groups,
    reject: pValue < alpha,
    decision: decisionText(
      pValue,
      alpha,
      both((lang) => {
        const {col, row} = t(lang);
        return lang === "ru" ? `между «${col}» и «${row}» есть связь.` : `${col} is associated with ${row}.`;
      }),
      both((lang) => {
        const {col, row} = t(lang);
        return lang === "ru" ? `нет свидетельств связи между «${col}» и «${row}».` : `no evidence that ${col} and ${row} are associated.`;
      }),
    ),
    variable: asText(rowVariable),
  };
}

/** Test on two aligned categorical columns (missing pairs dropped). */
export function chiSquareTest(rowValues: readonly Category[], columnValues: readonly Category[], options: ChiSquareOptions = {}): TestResult {
  const t = crosstab(rowValues, columnValues);
  return chiSquareTestTable(t.counts, {rowLabels: t.rows, columnLabels: t.columns, ...options});
}
