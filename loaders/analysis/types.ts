/**
 * Artifact types of the generic report layer (loaders/analysis/), shared by every case that has a
 * binary target (fitness, one-click). These are plain JSON-serialisable objects written by a case
 * loader and read by pages and by the chart components in src/components/ (which import these
 * types with `import type`, erased at bundling).
 *
 *   FeatureSpec        how a case describes one input column (label with unit, kind, words)
 *   ModelReport        compareModels(): leaderboard, chosen model + why, test metrics with CIs,
 *                      ROC/PR/calibration, threshold table, odds ratios, SHAP and permutation summary
 *   HypothesisReport   testFamily(): a family of tests with Holm/BH correction
 *   ClusterReport      clusterReport(): Ward dendrogram choosing k, k-means groups for every k, portraits, names
 *   ExplorationReport  exploreByTarget(): distributions by target, means table, correlations
 */
import type {TestResult} from "../stats/types.ts";
import type {TreeBand} from "../cluster/treeK.ts";
import type {GainOverLinear} from "./model-choice.ts";
import type {Text} from "../../src/components/i18n.ts";
import type {Label} from "../stats/words.ts";

export type FeatureKind = "continuous" | "binary" | "categorical";

export interface FeatureSpec {
  /** Key in the case's clean rows, e.g. "lifetime". */
  field: string;
  /** Display label with unit, e.g. "Lifetime (months)". */
  label: string;
  kind: FeatureKind;
  /** Short noun for names and sentences, e.g. "lifetime". Defaults to the label in lower case. */
  short?: string;
  /** Words describing a group well above / below average, for cluster names ("long-standing"). */
  high?: string;
  low?: string;
  /** Display label per level of a binary/categorical feature, e.g. {"0": "no", "1": "yes"}. */
  levels?: Record<string, string>;
  /** The same words in Russian, where they differ (absent: the English ones, e.g. an export's own header). */
  ru?: {label?: string; short?: string; high?: string; low?: string; levels?: Record<string, string>};
}

/** The binary target: its field and the words for its two outcomes. */
export interface TargetSpec {
  field: string;
  /** e.g. "churn". */
  label: string;
  /** Outcome 1, e.g. "churned"; outcome 0, e.g. "stayed". */
  positive: string;
  negative: string;
  /** The same words in Russian (e.g. {label: "отток", positive: "ушедшие", negative: "оставшиеся"}). */
  ru?: {label: string; positive: string; negative: string};
}

/** A point estimate with a percentile bootstrap interval. */
export interface Estimate {
  value: number;
  lo: number;
  hi: number;
}

export interface LeaderboardRow {
  rank: number;
  family: string;
  familyLabel: string;
  /** The family's name in both languages. */
  familyLabels?: Text;
  params: Record<string, unknown>;
  /** e.g. "C=0.1". */
  paramsLabel: string;
  /** The settings in both languages (Russian in words: «глубина = 8»). */
  paramsLabels?: Text;
  /** Mean and population sd of ROC-AUC over the CV folds (training part only). */
  mean: number;
  sd: number;
  foldScores: number[];
  /** Best candidate of its family. */
  bestOfFamily: boolean;
  chosen: boolean;
}

export interface FamilyTestResult {
  family: string;
  familyLabel: string;
  familyLabels?: Text;
  paramsLabel: string;
  /** The settings in both languages (Russian in words: «глубина = 8»). */
  paramsLabels?: Text;
  cvMean: number;
  /** ROC-AUC on the held-out test part, fitted on the whole training part. */
  testAuc: number;
  /** ROC points on the test part (for overlaying the families). */
  roc: {fpr: number; tpr: number}[];
}

export interface ThresholdRow {
  threshold: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Share of rows flagged positive. */
  flagged: number;
}

/** One bin of a calibration curve (scikit-learn's calibration_curve): loaders/evaluation/calibration.ts. */
export type {CalibrationBin} from "../evaluation/calibration.ts";
import type {CalibrationBin} from "../evaluation/calibration.ts";

export interface OddsRatio {
  feature: string;
  label: string;
  /** The label in both languages (FeatureSpec.ru), for readers. */
  labels?: Text;
  /** Coefficient per standard deviation of the feature (log-odds). */
  coef: number;
  /** exp(coef): multiplicative change in the odds of the positive outcome per +1 sd. */
  oddsRatio: number;
  /** 95% Wald interval of the odds ratio (penalised Hessian). */
  lo: number;
  hi: number;
  /** Standard deviation of the feature in the training part (the unit of "per sd"). */
  sd: number;
  /** Odds ratio per one unit of the feature in its own units. */
  oddsRatioPerUnit: number;
}

export interface ShapFeature {
  feature: string;
  label: string;
  labels?: Text;
  /** Mean |SHAP| over the test rows (units: ModelReport.shapScale). */
  meanAbs: number;
  /** Mean SHAP value by feature-value quantile group (low → high), for the summary plot. */
  byQuantile: {group: number; groups: number; valueLo: number; valueHi: number; shap: number; n: number}[];
}

export interface ImportanceRow {
  feature: string;
  label: string;
  labels?: Text;
  /** Mean drop in test ROC-AUC when the feature is shuffled, and its sd over repeats. */
  mean: number;
  sd: number;
}

export interface ModelReport {
  target: TargetSpec;
  features: {feature: string; label: string; labels: Text}[];
  n: number;
  nTrain: number;
  nTest: number;
  positives: number;
  testShare: number;
  nSplits: number;
  seed: number;
  scoring: "roc_auc";
  leaderboard: LeaderboardRow[];
  families: FamilyTestResult[];
  chosen: {
    family: string;
    familyLabel: string;
    familyLabels?: Text;
    params: Record<string, unknown>;
    paramsLabel: string;
  /** The settings in both languages (Russian in words: «глубина = 8»). */
  paramsLabels?: Text;
    cvMean: number;
    cvSd: number;
    /** The rule and why it picked this candidate, in words (computed). */
    reason: Text;
    /** When the chosen family is not linear: what it adds over the best logistic regression. */
    gainOverLinear: GainOverLinear | null;
  };
  /** Test-part metrics of the chosen model refitted on the training part; CIs by bootstrap. */
  test: {
    threshold: number;
    bootstrap: number;
    auc: Estimate;
    averagePrecision: Estimate;
    accuracy: Estimate;
    precision: Estimate;
    recall: Estimate;
    f1: Estimate;
    brier: number;
    positiveRate: number;
  };
  roc: {fpr: number; tpr: number; threshold: number}[];
  pr: {recall: number; precision: number}[];
  calibration: CalibrationBin[];
  thresholds: ThresholdRow[];
  /** From the best logistic regression (per-sd odds ratios); null without a logistic family. */
  oddsRatios: OddsRatio[] | null;
  oddsRatiosModel: Text | null;
  /** Why the odds ratios come from a separate, unpenalised fit, and how to read their intervals. */
  oddsRatiosWhy: Text | null;
  /** SHAP summary of the model named in shapModel, on the test rows. */
  shap: ShapFeature[] | null;
  shapModel: Text | null;
  /** Units of the SHAP values: log-odds (linear models) or probability (TreeSHAP of trees/forests). */
  shapScale?: "log-odds" | "probability" | null;
  /** Permutation importance of the chosen model on the test part. */
  importance: ImportanceRow[];
  /** ROC-AUC of the out-of-fold probabilities over all rows (what segments are built on). */
  oofAuc: number;
  /** Feature names ranked by the strongest evidence available: |odds-ratio coef| when present. */
  driverRanking: string[];
  /**
   * Interpretation view: the features the odds ratios are estimated on (chosen from the training
   * rows) and those left out of it, with why; null when the odds ratios use every feature.
   * Predictions always use every feature.
   */
  interpretation: {features: string[]; dropped: {feature: string; label: string; partner: string; partnerLabel: string; reason: string | Text}[]} | null;
}

/** A family of hypothesis tests with their correction. */
export interface HypothesisReport {
  correction: "holm" | "bh";
  /** The correction's name: en "Holm", ru «Холма» (genitive, after «поправка»). */
  correctionName: Text;
  alpha: number;
  tests: (TestResult & {field: string; kind: FeatureKind; question: Label})[];
  /** Counts for the summary. */
  significant: number;
  significantUncorrected: number;
}

export interface ClusterFeature {
  feature: string;
  label: string;
  labels?: Text;
  mean: number;
  median: number;
  overallMean: number;
  standardisedDifference: number;
}

export interface ClusterProfile {
  cluster: number;
  /** Derived from the cluster's most distinctive standardised differences (English; `names` in both languages). */
  name: string;
  names?: Text;
  size: number;
  share: number;
  /** Share of the positive target outcome, with a 95% Wilson interval. */
  targetRate: Estimate;
  targetCount: number;
  features: ClusterFeature[];
  /**
   * Most distinctive features (|standardised difference| ≥ threshold, strong = true), strongest
   * first; a group with none lists its few strongest differences with strong = false.
   */
  distinctive: {feature: string; label: string; labels?: Text; difference: number; words: string; wordsText?: Text; strong: boolean}[];
}

export interface ClusterSolution {
  k: number;
  silhouette: number;
  inertia: number;
  clusters: ClusterProfile[];
}

export interface ClusterReport {
  method: Text;
  features: {feature: string; label: string; labels: Text}[];
  n: number;
  dendrogram: {
    segments: {x1: number; y1: number; x2: number; y2: number}[];
    leaves: {x: number; size: number}[];
    maxHeight: number;
  };
  /** How k was read off the Ward tree: merge-height band per k, and the smallest group share allowed. */
  kChoice: {bands: TreeBand[]; minShare: number};
  scores: {k: number; silhouette: number; inertia: number}[];
  chosenK: number;
  reason: Text;
  solutions: ClusterSolution[];
  overallTargetRate: number;
  /** |standardised difference| from which a feature counts as distinctive (names, portraits). */
  distinctiveThreshold: number;
}

export interface HistogramBin {
  x0: number;
  x1: number;
  /** Count per target outcome. */
  negative: number;
  positive: number;
}

export interface FeatureDistribution {
  feature: string;
  label: string;
  labels?: Text;
  kind: FeatureKind;
  /** Continuous: shared bins. */
  bins?: HistogramBin[];
  /** Binary/categorical: one row per level. */
  levels?: {level: string; label: string; labels?: Text; negative: number; positive: number; rate: number}[];
  meanNegative: number;
  meanPositive: number;
  medianNegative: number;
  medianPositive: number;
}

export interface ExplorationReport {
  target: TargetSpec;
  n: number;
  positives: number;
  negatives: number;
  distributions: FeatureDistribution[];
  /** Pearson correlations between every feature and the target (target last). */
  correlation: {names: string[]; labels: string[]; labelTexts?: Text[]; values: number[][]};
  /** Feature pairs with |r| at or above the threshold. */
  collinear: {a: string; b: string; aLabel: string; bLabel: string; r: number}[];
  collinearThreshold: number;
  /** Features by |r| with the target, strongest first. */
  targetCorrelations: {feature: string; label: string; labels?: Text; r: number}[];
}
