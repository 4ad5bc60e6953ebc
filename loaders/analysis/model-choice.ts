/**
 * The one model-choice rule of every case: the one-standard-error rule over model families
 * ordered simplest first. Among each family's best candidate (mean cross-validated ROC-AUC on the
 * training part), take the top score; the chosen candidate is the one of the simplest family whose
 * mean lies within one standard error of that top score: the sample standard deviation (ddof 1) of
 * the top candidate's fold scores over √folds. (The leaderboard's `sd` is the population sd, ddof 0,
 * like scikit-learn's `std_test_score`; the rule does not use it.) A more complex family
 * is chosen only when it beats every simpler one by more than fold-to-fold noise.
 *
 * `ruleText` states the rule in words (shown on every model page through `chosen.reason`);
 * `gainOverLinear` says what a non-linear winner adds over the best logistic regression, paired
 * fold by fold (every candidate is scored on the same folds).
 */
import type {LeaderboardEntry} from "../models/select.ts";
import {both, type Lang, type Text} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";

export interface RuleFamily {
  family: string;
  label: string;
  /** The family's name in Russian (absent: the English one). */
  labelRu?: string;
}

export interface ModelChoice {
  entry: LeaderboardEntry;
  reason: Text;
}

/** What the chosen (non-linear) candidate adds over the best logistic candidate. */
export interface GainOverLinear {
  /** The logistic candidate compared, in words (e.g. "Logistic regression (C=0.1)"). */
  linear: Text;
  /** Mean of the fold-wise differences in ROC-AUC (chosen − logistic), same folds. */
  cvDifference: number;
  /** Population sd of those fold-wise differences. */
  cvDifferenceSd: number;
  /** Folds on which the chosen candidate scored higher. */
  foldsBetter: number;
  folds: number;
  /** Test-part ROC-AUC of both, each refitted on the whole training part. */
  testAuc: number;
  linearTestAuc: number;
  /** The same in a sentence. */
  text: Text;
}

const fmtIn = (x: number, lang: Lang, digits = 3) => formats(lang).fixed(x, digits);
const fmt = (x: number) => x.toFixed(3);
const signedIn = (x: number, lang: Lang) => `${x >= 0 ? "+" : "−"}${fmtIn(Math.abs(x), lang)}`;

/** Standard error of a mean fold score: sample sd (ddof 1) of the fold scores / √folds. */
export function foldStandardError(foldScores: readonly number[]): number {
  const n = foldScores.length;
  const mean = foldScores.reduce((a, b) => a + b, 0) / n;
  const sampleSd = Math.sqrt(foldScores.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return sampleSd / Math.sqrt(n);
}

/** The search's settings in Russian words (English keeps the settings' own names). */
const settingRu: Record<string, string> = {maxDepth: "глубина", minSamplesLeaf: "мин. объектов в листе", nEstimators: "деревьев", weights: "веса", scaler: "масштаб", k: "k", C: "C"};
const settingValueRu: Record<string, string> = {distance: "по расстоянию", uniform: "равные", standard: "стандартизация", minmax: "к [0, 1]"};

export function paramsText(params: Record<string, unknown>, lang: Lang = "en"): string {
  const ru = lang === "ru";
  const value = (v: unknown) => (v === null ? (ru ? "без ограничения" : "none") : typeof v === "number" ? (ru ? String(v).replace(".", ",") : String(v)) : ru ? settingValueRu[String(v)] ?? String(v) : String(v));
  return Object.entries(params).map(([k, v]) => `${ru ? settingRu[k] ?? k : k}${ru ? " = " : "="}${value(v)}`).join(ru ? "; " : ", ");
}

/** A family's name in a language. */
export const familyName = (f: RuleFamily, lang: Lang) => (lang === "ru" ? f.labelRu ?? f.label : f.label);

/** The rule in one sentence, naming the families in their order. */
export function ruleText(families: readonly RuleFamily[], nSplits: number, lang: Lang = "en"): string {
  const order = families.map((f) => familyName(f, lang).toLowerCase()).join(", ");
  return lang === "ru"
    ? `Правило: из семейств моделей, упорядоченных от простых к сложным (${order}), выбирается самое простое, чей лучший средний ROC-AUC на ${nSplits}-блочной перекрёстной проверке отстоит от лучшего результата не больше чем на одну стандартную ошибку (правило одной стандартной ошибки).`
    : `Rule: among the families ordered simplest first (${order}), the simplest whose best mean ${nSplits}-fold cross-validated ROC-AUC lies within one standard error of the top score is chosen (one-standard-error rule).`;
}

/** The one-standard-error rule over each family's best candidate (`bestByFamily`: best mean first). */
export function chooseModel(bestByFamily: readonly LeaderboardEntry[], families: readonly RuleFamily[], nSplits: number): ModelChoice {
  const order = (e: LeaderboardEntry) => families.findIndex((f) => f.family === e.family);
  const top = bestByFamily[0];
  const se = foldStandardError(top.foldScores);
  const chosen = bestByFamily.filter((e) => e.mean >= top.mean - se).sort((a, b) => order(a) - order(b))[0];
  const simpler = bestByFamily.filter((e) => order(e) < order(chosen));
  const reason = both((lang) => {
    const label = (e: LeaderboardEntry) => familyName(families[order(e)], lang);
    const describe = (e: LeaderboardEntry) => `${label(e)}${Object.keys(e.params).length ? ` (${paramsText(e.params, lang)})` : ""}`;
    const f = (x: number) => fmtIn(x, lang);
    const scores = (list: LeaderboardEntry[]) => list.map((e) => `${label(e)} ${f(e.mean)}`).join(lang === "ru" ? "; " : ", ");
    const rest = scores(bestByFamily.filter((e) => e !== top));
    let outcome: string;
    if (lang === "ru") {
      const seText = `одна стандартная ошибка = ${fmtIn(se, lang, 4)} — выборочное стандартное отклонение по блокам / √${nSplits}`;
      outcome = chosen === top
        ? `Лучший результат у модели «${describe(top)}» (${f(top.mean)} по ${nSplits} блокам; ${seText})`
          + (simpler.length ? `; каждое более простое семейство отстаёт больше чем на неё: ${scores(simpler)}.` : rest ? `; остальные семейства: ${rest}.` : ".")
        : `Лучший результат у модели «${describe(top)}» (${f(top.mean)}; ${seText}), но модель «${describe(chosen)}» достигает ${f(chosen.mean)}, в пределах одной стандартной ошибки от него, и она проще, поэтому выбрана она.`;
    } else {
      outcome = chosen === top
        ? `${describe(top)} has the top score (${fmt(top.mean)} over ${nSplits} folds; one standard error = ${se.toFixed(4)}, the folds' sample sd / √${nSplits})`
          + (simpler.length ? `; every simpler family falls short by more than that: ${scores(simpler)}.` : rest ? `; the other families: ${rest}.` : ".")
        : `${describe(top)} has the top score (${fmt(top.mean)}; one standard error = ${se.toFixed(4)}, the folds' sample sd / √${nSplits}), but ${describe(chosen)} reaches ${fmt(chosen.mean)}, within one standard error of it, and is simpler, so it is chosen.`;
    }
    return `${ruleText(families, nSplits, lang)} ${outcome}`;
  });
  return {entry: chosen, reason};
}

/** Paired comparison of the chosen candidate with the best logistic candidate. */
export function gainOverLinear(chosen: LeaderboardEntry, linear: LeaderboardEntry, linearLabel: Text, testAuc: number, linearTestAuc: number): GainOverLinear {
  const diffs = chosen.foldScores.map((s, k) => s - linear.foldScores[k]);
  const cvDifference = diffs.reduce((a, b) => a + b, 0) / diffs.length;
  const cvDifferenceSd = Math.sqrt(diffs.reduce((a, b) => a + (b - cvDifference) ** 2, 0) / diffs.length);
  const foldsBetter = diffs.filter((d) => d > 0).length;
  const text = both((lang) => {
    const settings = paramsText(linear.params, lang);
    const f = (x: number) => fmtIn(x, lang);
    return lang === "ru"
      ? `По сравнению с лучшей логистической регрессией${settings ? ` (${settings})` : ""} она добавляет ${signedIn(cvDifference, lang)} к ROC-AUC на перекрёстной проверке `
        + `(разности по блокам: стандартное отклонение ${f(cvDifferenceSd)}, выше на ${foldsBetter} из ${diffs.length} блоков); `
        + `на тестовой части ${f(testAuc)} против ${f(linearTestAuc)}. Выигрыш — в ранжировании по риску; отношения шансов по признакам получены из отдельной логистической регрессии без штрафа.`
      : `Over the best logistic regression${settings ? ` (${settings})` : ""} it adds ${signedIn(cvDifference, lang)} in cross-validated ROC-AUC `
        + `(fold-wise differences: sd ${f(cvDifferenceSd)}, higher on ${foldsBetter} of ${diffs.length} folds); `
        + `on the test part ${f(testAuc)} against ${f(linearTestAuc)}. The gain is in ranking by risk; the per-feature odds ratios shown come from a separate logistic regression fitted without penalty.`;
  });
  return {linear: linearLabel, cvDifference, cvDifferenceSd, foldsBetter, folds: diffs.length, testAuc, linearTestAuc, text};
}
