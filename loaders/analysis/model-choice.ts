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

export interface RuleFamily {
  family: string;
  label: string;
}

export interface ModelChoice {
  entry: LeaderboardEntry;
  reason: string;
}

/** What the chosen (non-linear) candidate adds over the best logistic candidate. */
export interface GainOverLinear {
  /** The logistic candidate compared, in words (e.g. "Logistic regression (C=0.1)"). */
  linear: string;
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
  text: string;
}

const fmt = (x: number) => x.toFixed(3);
const signed = (x: number) => `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(3)}`;

/** Standard error of a mean fold score: sample sd (ddof 1) of the fold scores / √folds. */
export function foldStandardError(foldScores: readonly number[]): number {
  const n = foldScores.length;
  const mean = foldScores.reduce((a, b) => a + b, 0) / n;
  const sampleSd = Math.sqrt(foldScores.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  return sampleSd / Math.sqrt(n);
}

export function paramsText(params: Record<string, unknown>): string {
  return Object.entries(params).map(([k, v]) => `${k}=${v === null ? "none" : String(v)}`).join(", ");
}

/** The rule in one sentence, naming the families in their order. */
export function ruleText(families: readonly RuleFamily[], nSplits: number): string {
  const order = families.map((f) => f.label.toLowerCase()).join(", ");
  return `Rule: among the families ordered simplest first (${order}), the simplest whose best mean ${nSplits}-fold cross-validated ROC-AUC lies within one standard error of the top score is chosen (one-standard-error rule).`;
}

/** The one-standard-error rule over each family's best candidate (`bestByFamily`: best mean first). */
export function chooseModel(bestByFamily: readonly LeaderboardEntry[], families: readonly RuleFamily[], nSplits: number): ModelChoice {
  const order = (e: LeaderboardEntry) => families.findIndex((f) => f.family === e.family);
  const label = (e: LeaderboardEntry) => families[order(e)].label;
  const describe = (e: LeaderboardEntry) => `${label(e)}${Object.keys(e.params).length ? ` (${paramsText(e.params)})` : ""}`;
  const top = bestByFamily[0];
  const se = foldStandardError(top.foldScores);
  const chosen = bestByFamily.filter((e) => e.mean >= top.mean - se).sort((a, b) => order(a) - order(b))[0];
  const rule = ruleText(families, nSplits);
  const simpler = bestByFamily.filter((e) => order(e) < order(chosen));
  let outcome: string;
  if (chosen === top) {
    const rest = bestByFamily.filter((e) => e !== top).map((e) => `${label(e)} ${fmt(e.mean)}`).join(", ");
    outcome = `${describe(top)} has the top score (${fmt(top.mean)} over ${nSplits} folds; one standard error = ${se.toFixed(4)}, the folds' sample sd / √${nSplits})`
      + (simpler.length ? `; every simpler family falls short by more than that: ${simpler.map((e) => `${label(e)} ${fmt(e.mean)}`).join(", ")}.` : rest ? `; the other families: ${rest}.` : ".");
  } else {
    outcome = `${describe(top)} has the top score (${fmt(top.mean)}; one standard error = ${se.toFixed(4)}, the folds' sample sd / √${nSplits}), but ${describe(chosen)} reaches ${fmt(chosen.mean)}, within one standard error of it, and is simpler, so it is chosen.`;
  }
  return {entry: chosen, reason: `${rule} ${outcome}`};
}

/** Paired comparison of the chosen candidate with the best logistic candidate. */
export function gainOverLinear(chosen: LeaderboardEntry, linear: LeaderboardEntry, linearLabel: string, testAuc: number, linearTestAuc: number): GainOverLinear {
  const settings = paramsText(linear.params);
  const diffs = chosen.foldScores.map((s, k) => s - linear.foldScores[k]);
  const cvDifference = diffs.reduce((a, b) => a + b, 0) / diffs.length;
  const cvDifferenceSd = Math.sqrt(diffs.reduce((a, b) => a + (b - cvDifference) ** 2, 0) / diffs.length);
  const foldsBetter = diffs.filter((d) => d > 0).length;
  const text = `Over the best logistic regression${settings ? ` (${settings})` : ""} it adds ${signed(cvDifference)} in cross-validated ROC-AUC `
    + `(fold-wise differences: sd ${fmt(cvDifferenceSd)}, higher on ${foldsBetter} of ${diffs.length} folds); `
    + `on the test part ${fmt(testAuc)} against ${fmt(linearTestAuc)}. The gain is in ranking by risk; the per-feature odds ratios shown come from a separate logistic regression fitted without penalty.`;
  return {linear: linearLabel, cvDifference, cvDifferenceSd, foldsBetter, folds: diffs.length, testAuc, linearTestAuc, text};
}
