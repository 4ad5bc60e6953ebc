/**
 * Mann–Whitney U test, two-sided, normal approximation with tie correction and continuity
 * correction — the same as scipy.stats.mannwhitneyu(x, y, method="asymptotic",
 * use_continuity=True). Written here because no JS package in use gives its p-value.
 */
import type {TestResult} from "./types.ts";
import {type Cell, present} from "./descriptives.ts";
import {rankSums, tieTerm} from "./ranks.ts";
import {rankBiserial, rankBiserialEffect} from "./effects.ts";
import {numericSummary} from "./summaries.ts";
import {asText, decisionText, inLang} from "./words.ts";
import {both, type Lang} from "../../src/components/i18n.ts";
import {normalSf} from "./distributions.ts";
import type {TwoSampleOptions} from "./ttest.ts";

export interface MannWhitneyStatistic {
  /** U of the first sample (scipy's returned statistic). */
  u1: number;
  u2: number;
  z: number;
  pValue: number;
  meanRank1: number;
  meanRank2: number;
}

export function mannWhitneyStatistic(x: readonly number[], y: readonly number[]): MannWhitneyStatistic {
  const n1 = x.length;
  const n2 = y.length;
  const n = n1 + n2;
  const {sums: [r1], ties} = rankSums([x, y]);
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = Math.max(u1, u2);
  const mu = (n1 * n2) / 2;
  const s = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm(ties) / (n * (n - 1))));
  const z = (u - mu - 0.5) / s;
  // U is the larger of U1, U2, so z ≥ 0 except for U1 = U2 (scipy then clips 2·sf(z) > 1 to 1).
  return {u1, u2, z, pValue: Math.min(1, 2 * normalSf(z)), meanRank1: r1 / n1, meanRank2: (n * (n + 1) / 2 - r1) / n2};
}

export function mannWhitneyU(a: readonly Cell[], b: readonly Cell[], {variable = "the value", labels = ["group 1", "group 2"], alpha = 0.05}: TwoSampleOptions = {}): TestResult {
  const x = present(a);
  const y = present(b);
  if (x.length < 1 || y.length < 1) throw new Error(`Mann–Whitney test on ${inLang(variable, "en")}: each group needs at least one value`);
  const s = mannWhitneyStatistic(x, y);
  const r = rankBiserial(s.u1, x.length, y.length);
  const t = (lang: Lang) => ({v: inLang(variable, lang), la: inLang(labels[0], lang), lb: inLang(labels[1], lang)});
  return {
    test: "Mann–Whitney U test",
    why: {en: "Compares two groups by ranks, so skew and outliers (typical of money and visit counts) do not dominate; needs independent observations. With large samples the U statistic is referred to a normal distribution (tie- and continuity-corrected).",
      ru: "Сравнивает две группы по рангам, поэтому асимметрия и выбросы (обычные для денег и числа посещений) не перевешивают; требует независимых наблюдений. На больших выборках статистика U сравнивается с нормальным распределением (с поправками на совпадающие ранги и на непрерывность)."},
    h0: both((lang) => {
      const {v, la, lb} = t(lang);
      return lang === "ru" ? `Показатель «${v}» распределён одинаково в группах «${la}» и «${lb}» (ни в одной он не склонен быть больше).` : `${v} is distributed the same for ${la} and ${lb} (neither tends to be larger).`;
    }),
    h1: both((lang) => {
      const {v, la, lb} = t(lang);
      return lang === "ru" ? `Показатель «${v}» склонен быть больше в одной из групп «${la}» и «${lb}».` : `${v} tends to be larger in one of ${la} and ${lb}.`;
    }),
    alpha,
    statistic: s.u1,
    statisticName: "U",
    pValue: s.pValue,
    effect: rankBiserialEffect(r),
    groups: [
      {...numericSummary(labels[0], x), meanRank: s.meanRank1},
      {...numericSummary(labels[1], y), meanRank: s.meanRank2},
    ],
    reject: s.pValue < alpha,
    decision: decisionText(
      s.pValue,
      alpha,
      both((lang) => {
        const {v, la, lb} = t(lang);
        return lang === "ru" ? `показатель «${v}» склонен быть ${r > 0 ? "выше" : "ниже"} в группе «${la}», чем в группе «${lb}».` : `${v} tends to be ${r > 0 ? "higher" : "lower"} for ${la} than for ${lb}.`;
      }),
      both((lang) => {
        const {v, la, lb} = t(lang);
        return lang === "ru" ? `нет свидетельств, что показатель «${v}» различается в группах «${la}» и «${lb}».` : `no evidence that ${v} differs between ${la} and ${lb}.`;
      }),
    ),
    variable: asText(variable),
  };
}
