/** Shared result types of the hypothesis tests. */

export type Magnitude = "negligible" | "small" | "medium" | "large";

export interface EffectSize {
  /** e.g. "Cohen's d", "rank-biserial r", "Cramér's V", "epsilon²", "difference in proportions". */
  name: string;
  value: number;
  magnitude: Magnitude;
  /** How the magnitude was judged (the convention and thresholds used). */
  convention: string;
}

/** A per-group summary shown next to a test. Numeric groups carry mean/sd/median; categorical
 *  groups carry counts per category and (for binary outcomes) the share of the positive level. */
export interface GroupSummary {
  label: string;
  n: number;
  mean?: number;
  sd?: number;
  median?: number;
  q1?: number;
  q3?: number;
  meanRank?: number;
  /** Share of the "positive" outcome (binary variables, proportions test). */
  proportion?: number;
  /** Counts per category (categorical variables). */
  counts?: Record<string, number>;
}

export type TestName =
  | "Welch t-test"
  | "Student t-test"
  | "Mann–Whitney U test"
  | "chi-square test of independence"
  | "chi-square test of independence with Yates' correction"
  | "two-proportion z-test"
  | "Kruskal–Wallis H test"
  | "log-rank test"
  | "stratified log-rank test";

export type Correction = "holm" | "bh";

export interface TestResult {
  test: TestName;
  /** When this test fits and what it assumes. */
  why: string;
  /** Null and alternative hypotheses in words, using the caller's labels. */
  h0: string;
  h1: string;
  alpha: number;
  statistic: number;
  /** Name of the statistic: "t", "U", "χ²", "z", "H". */
  statisticName: string;
  df?: number;
  pValue: number;
  effect: EffectSize;
  groups: GroupSummary[];
  /** True when pValue < alpha. */
  reject: boolean;
  /** Why compareGroups picked this test for this variable (absent when called directly). */
  chosenBecause?: string;
  /** The decision in words. */
  decision: string;
  /** Variable compared (label) — lets a family of results be tabulated. */
  variable: string;
  /** Present once a multiple-testing correction has been applied to a family containing this test. */
  correction?: Correction;
  pAdjusted?: number;
  rejectAdjusted?: boolean;
  decisionAdjusted?: string;
}
