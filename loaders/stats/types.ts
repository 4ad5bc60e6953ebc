/** Shared result types of the hypothesis tests. Every text a reader sees is a Text (English and Russian). */
import type {Text} from "../../src/components/i18n.ts";

export type Magnitude = "negligible" | "small" | "medium" | "large";

export interface EffectSize {
  /** e.g. "Cohen's d", "rank-biserial r", "Cramér's V", "epsilon²", "difference in proportions" (English: what code matches). */
  name: string;
  /** The name in both languages, for readers. */
  names?: Text;
  value: number;
  magnitude: Magnitude;
  /** How the magnitude was judged (the convention and thresholds used). */
  convention: Text;
}

/** A per-group summary shown next to a test. Numeric groups carry mean/sd/median; categorical
 *  groups carry counts per category and (for binary outcomes) the share of the positive level. */
export interface GroupSummary {
  /** The group's label as code matches it (English, or the export's own value). */
  label: string;
  /** The same in both languages, for readers (absent: `label` in both). */
  labels?: Text;
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
  why: Text;
  /** Null and alternative hypotheses in words, using the caller's labels. */
  h0: Text;
  h1: Text;
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
  chosenBecause?: Text;
  /** The decision in words. */
  decision: Text;
  /** Variable compared (label) — lets a family of results be tabulated. */
  variable: Text;
  /** Present once a multiple-testing correction has been applied to a family containing this test. */
  correction?: Correction;
  pAdjusted?: number;
  rejectAdjusted?: boolean;
  decisionAdjusted?: Text;
}
