/**
 * Two-proportion z-test with the pooled proportion under H0, two-sided (as
 * statsmodels.stats.proportion.proportions_ztest; z² equals the uncorrected 2×2 chi-square).
 */
import type {TestResult} from "./types.ts";
import {proportionDifferenceEffect} from "./effects.ts";
import {normalTwoSided} from "./distributions.ts";
import {asText, decisionText, inLang, type Label} from "./words.ts";
import {both, type Lang} from "../../src/components/i18n.ts";
import {groupLabel} from "./summaries.ts";

export interface ProportionsOptions {
  /** What a "success" is, e.g. "the churn rate". */
  outcome?: Label;
  labels?: readonly [Label, Label];
  alpha?: number;
}

export function twoProportionZTest(
  successes: readonly [number, number],
  totals: readonly [number, number],
  {outcome = "the proportion", labels = ["group 1", "group 2"], alpha = 0.05}: ProportionsOptions = {},
): TestResult {
  const [x1, x2] = successes;
  const [n1, n2] = totals;
  if (!(n1 > 0 && n2 > 0)) throw new Error(`two-proportion z-test on ${inLang(outcome, "en")}: both groups need observations`);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  const z = se > 0 ? (p1 - p2) / se : 0;
  const pValue = se > 0 ? normalTwoSided(z) : 1;
  const t = (lang: Lang) => ({o: inLang(outcome, lang), la: inLang(labels[0], lang), lb: inLang(labels[1], lang)});
  return {
    test: "two-proportion z-test",
    why: {en: "Compares a yes/no rate between two independent groups with the normal approximation (pooled proportion under H0); needs at least about 5 successes and 5 failures in each group.",
      ru: "Сравнивает долю ответов «да» в двух независимых группах по нормальному приближению (с объединённой долей при H0); требует примерно не меньше 5 успехов и 5 неудач в каждой группе."},
    h0: both((lang) => {
      const {o, la, lb} = t(lang);
      return lang === "ru" ? `Показатель «${o}» одинаков в группах «${la}» и «${lb}».` : `${o} is the same for ${la} and ${lb}.`;
    }),
    h1: both((lang) => {
      const {o, la, lb} = t(lang);
      return lang === "ru" ? `Показатель «${o}» различается в группах «${la}» и «${lb}».` : `${o} differs between ${la} and ${lb}.`;
    }),
    alpha,
    statistic: z,
    statisticName: "z",
    pValue,
    effect: proportionDifferenceEffect(p1, p2),
    groups: [
      {...groupLabel(labels[0]), n: n1, proportion: p1},
      {...groupLabel(labels[1]), n: n2, proportion: p2},
    ],
    reject: pValue < alpha,
    decision: decisionText(pValue, alpha,
      both((lang) => {
        const {o, la, lb} = t(lang);
        return lang === "ru" ? `в группе «${la}» показатель «${o}» ${p1 > p2 ? "выше" : "ниже"}, чем в группе «${lb}».` : `${o} is ${p1 > p2 ? "higher" : "lower"} for ${la} than for ${lb}.`;
      }),
      both((lang) => {
        const {o, la, lb} = t(lang);
        return lang === "ru" ? `нет свидетельств, что показатель «${o}» различается в группах «${la}» и «${lb}».` : `no evidence that ${o} differs between ${la} and ${lb}.`;
      })),
    variable: asText(outcome),
  };
}
