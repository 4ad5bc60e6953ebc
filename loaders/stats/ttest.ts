/**
 * Two-sample t-tests (two-sided). @stdlib/stats-ttest2 computes the statistic, Welch–Satterthwaite
 * df and a p-value from the exact t CDF (2·F(−|t|), accurate in the tails), so it is used as is.
 */
import ttest2 from "@stdlib/stats-ttest2";
import type {TestResult} from "./types.ts";
import {type Cell, present} from "./descriptives.ts";
import {cohensD, cohensDEffect} from "./effects.ts";
import {numericSummary} from "./summaries.ts";
import {asText, decisionText, inLang, type Label} from "./words.ts";
import {both, type Lang} from "../../src/components/i18n.ts";

export interface TwoSampleOptions {
  /** Label of the variable compared, e.g. "Lifetime (months)" (or both languages). */
  variable?: Label;
  /** Labels of the two groups, e.g. ["churned", "stayed"]. */
  labels?: readonly [Label, Label];
  alpha?: number;
}

function tTest(a: readonly Cell[], b: readonly Cell[], equalVariance: boolean, {variable = "the value", labels = ["group 1", "group 2"], alpha = 0.05}: TwoSampleOptions): TestResult {
  const x = present(a);
  const y = present(b);
  if (x.length < 2 || y.length < 2) throw new Error(`t-test on ${inLang(variable, "en")}: each group needs at least 2 values (got ${x.length} and ${y.length})`);
  const r = ttest2(x, y, {variance: equalVariance ? "equal" : "unequal"});
  const d = cohensD(x, y);
  const t = (lang: Lang) => ({v: inLang(variable, lang), la: inLang(labels[0], lang), lb: inLang(labels[1], lang)});
  const direction = d > 0 ? "higher" : "lower";
  return {
    test: equalVariance ? "Student t-test" : "Welch t-test",
    why: equalVariance
      ? {en: "Compares two means assuming both groups share one variance; needs independent observations and roughly normal group means (true for large samples).",
        ru: "Сравнивает два средних в предположении, что у обеих групп одна дисперсия; требует независимых наблюдений и примерно нормального распределения средних в группах (выполняется на больших выборках)."}
      : {en: "Compares two means without assuming equal variances; needs independent observations and roughly normal group means — by the central limit theorem, fine for large, not too skewed samples.",
        ru: "Сравнивает два средних, не предполагая равенства дисперсий; требует независимых наблюдений и примерно нормального распределения средних в группах — по центральной предельной теореме это выполняется на больших и не слишком асимметричных выборках."},
    h0: both((lang) => {
      const {v, la, lb} = t(lang);
      return lang === "ru" ? `Среднее значение показателя «${v}» одинаково в группах «${la}» и «${lb}».` : `The mean ${v} is the same for ${la} and ${lb}.`;
    }),
    h1: both((lang) => {
      const {v, la, lb} = t(lang);
      return lang === "ru" ? `Среднее значение показателя «${v}» различается в группах «${la}» и «${lb}».` : `The mean ${v} differs between ${la} and ${lb}.`;
    }),
    alpha,
    statistic: r.statistic,
    statisticName: "t",
    df: r.df,
    pValue: r.pValue,
    effect: cohensDEffect(d),
    groups: [numericSummary(labels[0], x), numericSummary(labels[1], y)],
    reject: r.pValue < alpha,
    decision: decisionText(
      r.pValue,
      alpha,
      both((lang) => {
        const {v, la, lb} = t(lang);
        return lang === "ru" ? `в группе «${la}» среднее значение показателя «${v}» ${d > 0 ? "выше" : "ниже"}, чем в группе «${lb}».` : `the mean ${v} is ${direction} for ${la} than for ${lb}.`;
      }),
      both((lang) => {
        const {v, la, lb} = t(lang);
        return lang === "ru" ? `нет свидетельств, что среднее значение показателя «${v}» различается в группах «${la}» и «${lb}».` : `no evidence that the mean ${v} differs between ${la} and ${lb}.`;
      }),
    ),
    variable: asText(variable),
  };
}

/** Welch's unequal-variance t-test (scipy.stats.ttest_ind(equal_var=False)). */
export function welchTTest(a: readonly Cell[], b: readonly Cell[], options: TwoSampleOptions = {}): TestResult {
  return tTest(a, b, false, options);
}

/** Student's pooled-variance t-test (scipy.stats.ttest_ind(equal_var=True)). */
export function studentTTest(a: readonly Cell[], b: readonly Cell[], options: TwoSampleOptions = {}): TestResult {
  return tTest(a, b, true, options);
}
