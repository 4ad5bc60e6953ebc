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
import {decisionText} from "./words.ts";

export interface ChiSquareOptions {
  /** Yates' continuity correction, applied only to 2×2 tables. Default true (as scipy). */
  yates?: boolean;
  /** Label of the variable on the rows (the grouping, e.g. "Contract period"). */
  rowVariable?: string;
  /** Label of the variable on the columns (the outcome, e.g. "churn"). */
  columnVariable?: string;
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
  if (r < 2 || c < 2) throw new Error(`chi-square test of ${rowVariable} × ${columnVariable}: needs at least 2 non-empty levels of each (got ${r} × ${c})`);
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
  return {
    test: corrected ? "chi-square test of independence with Yates' correction" : "chi-square test of independence",
    why:
      `Tests whether two categorical variables are associated by comparing observed counts with those expected under independence; needs independent observations and expected counts of at least about 5 (smallest here ${+minExpected.toFixed(1)}${small ? `; ${small} cell(s) below 5, treat p with caution` : ""}).` +
      (corrected ? " A 2×2 table gets Yates' continuity correction, which makes the test slightly conservative." : ""),
    h0: `${columnVariable} is independent of ${rowVariable} (the ${columnVariable} mix is the same in every ${rowVariable} group).`,
    h1: `${columnVariable} and ${rowVariable} are associated (the ${columnVariable} mix differs between ${rowVariable} groups).`,
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
      `${columnVariable} is associated with ${rowVariable}.`,
      `no evidence that ${columnVariable} and ${rowVariable} are associated.`,
    ),
    variable: rowVariable,
  };
}

/** Test on two aligned categorical columns (missing pairs dropped). */
export function chiSquareTest(rowValues: readonly Category[], columnValues: readonly Category[], options: ChiSquareOptions = {}): TestResult {
  const t = crosstab(rowValues, columnValues);
  return chiSquareTestTable(t.counts, {rowLabels: t.rows, columnLabels: t.columns, ...options});
}
