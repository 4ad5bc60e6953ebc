/**
 * compareGroups: pick the right test for a variable across groups and say why, so the case
 * pages share one rule.
 * - binary / categorical variable → chi-square test of independence (Yates' correction on 2×2);
 * - numeric, two groups → Welch t-test when both groups are roughly symmetric (|skew| ≤ 1),
 *   otherwise Mann–Whitney U (skewed, money-like data, where means are driven by a few large values);
 * - numeric, three or more groups → Kruskal–Wallis.
 */
import type {TestResult} from "./types.ts";
import {type Category, isMissingCategory, levelsOf} from "./contingency.ts";
import {describe, isPresent} from "./descriptives.ts";
import {welchTTest} from "./ttest.ts";
import {mannWhitneyU} from "./mannWhitney.ts";
import {chiSquareTest} from "./chiSquare.ts";
import {kruskalWallis} from "./kruskal.ts";
import {inLang, type Label} from "./words.ts";
import {both, type Lang} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";

export type VariableType = "binary" | "categorical" | "numeric";

export interface CompareOptions {
  /** Label of the compared variable, e.g. "Lifetime (months)". */
  variable?: Label;
  /** Label of the grouping, e.g. "churn status". */
  groupVariable?: Label;
  /** Display label per group level, e.g. {"0": "stayed", "1": "churned"} (or both languages). */
  groupLabels?: Record<string, Label>;
  /** Order of the group levels (as strings); default sorted. The first is "group 1". */
  groupOrder?: readonly string[];
  /** Variable type; detected when omitted (see detectType). */
  type?: VariableType;
  /** |skew| above which a numeric variable is compared by ranks. Default 1. */
  skewThreshold?: number;
  alpha?: number;
}

/** Strings/booleans → categorical (binary when two levels); numbers with two distinct values →
 *  binary; other numbers → numeric. */
export function detectType(values: readonly Category[]): VariableType {
  const present = values.filter((v) => !isMissingCategory(v));
  const distinct = new Set(present.map(String)).size;
  if (present.every((v) => typeof v === "number")) return distinct <= 2 ? "binary" : "numeric";
  return distinct <= 2 ? "binary" : "categorical";
}

export function compareGroups(values: readonly Category[], groups: readonly Category[], options: CompareOptions = {}): TestResult {
  const {variable = "the value", groupVariable = "group", groupLabels = {}, skewThreshold = 1, alpha = 0.05} = options;
  const type = options.type ?? detectType(values);
  const order = options.groupOrder ?? levelsOf(groups);
  const label = (level: string): Label => groupLabels[level] ?? both((lang) => `${inLang(groupVariable, lang)} ${level}`);
  const key = (level: string) => inLang(label(level), "en");
  const v = (lang: Lang) => inLang(variable, lang);
  const g = (lang: Lang) => inLang(groupVariable, lang);
  if (order.length < 2) throw new Error(`compareGroups on ${v("en")}: needs at least two groups (got ${order.length})`);

  if (type !== "numeric") {
    // Rows: groups in the requested order; columns: the variable's levels.
    const keep = groups.map((g) => !isMissingCategory(g) && order.includes(String(g)));
    const rowValues = groups.filter((_, i) => keep[i]).map((g) => key(String(g)));
    const colValues = values.filter((_, i) => keep[i]);
    const result = chiSquareTest(rowValues, colValues, {rowVariable: groupVariable, columnVariable: variable, alpha});
    const ordered = order.map(key);
    result.groups.sort((a, b) => ordered.indexOf(a.label) - ordered.indexOf(b.label));
    for (const summary of result.groups) {
      const l = label(order[ordered.indexOf(summary.label)]);
      if (typeof l !== "string") summary.labels = l;
    }
    return {...result, chosenBecause: both((lang) => lang === "ru"
      ? `«${v(lang)}» — ${type === "binary" ? "переменная «да/нет»" : "категориальная переменная"}, поэтому группы по «${g(lang)}» сравниваются по распределению её значений в таблице сопряжённости.`
      : `${v(lang)} is ${type === "binary" ? "a yes/no" : "a categorical"} variable, so the ${g(lang)} groups are compared by their mix of ${v(lang)} levels in a contingency table.`)};
  }

  const samples = order.map((level) => {
    const out: number[] = [];
    groups.forEach((g, i) => {
      const v = values[i];
      if (!isMissingCategory(g) && String(g) === level && typeof v === "number" && isPresent(v)) out.push(v);
    });
    return out;
  });
  const labels = order.map(label);
  if (order.length > 2) {
    const result = kruskalWallis(samples, {variable, groupVariable, labels, alpha});
    return {...result, chosenBecause: both((lang) => lang === "ru"
      ? `«${v(lang)}» — числовая переменная, а групп по «${g(lang)}» ${order.length}, поэтому ранговое сравнение всех групп сразу обходится и без предположения о нормальности, и без множества попарных тестов.`
      : `${v(lang)} is numeric and there are ${order.length} ${g(lang)} groups, so a rank-based comparison of all groups at once avoids both normality assumptions and multiple pairwise tests.`)};
  }
  const skews = samples.map((s) => describe(s).skew);
  const worst = skews.reduce((w, s, i) => (Math.abs(s) > Math.abs(skews[w]) ? i : w), 0);
  const pair = [labels[0], labels[1]] as const;
  const ru = formats("ru");
  if (Math.abs(skews[worst]) > skewThreshold) {
    const result = mannWhitneyU(samples[0], samples[1], {variable, labels: pair, alpha});
    return {...result, chosenBecause: both((lang) => lang === "ru"
      ? `«${v(lang)}» — асимметричная переменная (коэффициент асимметрии ${ru.fixed(skews[worst], 2)} в группе «${inLang(labels[worst], lang)}», за пределами ±${ru.grouped(skewThreshold, 2)}), поэтому средние определялись бы немногими крайними значениями; группы сравниваются по рангам.`
      : `${v(lang)} is skewed (skewness ${skews[worst].toFixed(2)} among ${inLang(labels[worst], lang)}, beyond ±${skewThreshold}), so means would be driven by a few extreme values; the groups are compared by ranks.`)};
  }
  const result = welchTTest(samples[0], samples[1], {variable, labels: pair, alpha});
  return {...result, chosenBecause: both((lang) => lang === "ru"
    ? `«${v(lang)}» — числовая переменная, примерно симметричная в обеих группах (коэффициенты асимметрии ${skews.map((s) => ru.fixed(s, 2)).join(" и ")}), поэтому сравниваются средние; вариант Уэлча не предполагает равенства дисперсий.`
    : `${v(lang)} is numeric and roughly symmetric in both groups (skewness ${skews.map((s) => s.toFixed(2)).join(" and ")}), so the means are compared; Welch's version does not assume equal variances.`)};
}
