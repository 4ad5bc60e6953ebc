/**
 * One Click model: the design matrix (numeric features as they are, yes/no features as 0/1, the
 * favourite category one-hot) and the comparison of model families through the generic report
 * layer (loaders/analysis/model-comparison.ts): stratified 25% test part, stratified 5-fold CV grid
 * search on ROC-AUC, chosen model's test metrics with bootstrap CIs, SHAP summary, and
 * out-of-fold probabilities for every customer (what the segments use).
 */
import {compareModels, linearShap, type CompareModelsResult, type ModelFamily} from "../../analysis/model-comparison.ts";
import {standardFamilies} from "../../analysis/families.ts";
import type {StandardisedModel} from "../../analysis/pipeline.ts";
import type {LogisticModel} from "../../models/logistic.ts";
import type {Row} from "../../models/types.ts";
import {groupShap, meanAbsShap} from "../../explain/reasons.ts";
import {both, type Lang, type Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";
import {features, levelsByFrequency, target, type CustomerRow, type FeatureDef, type FeatureId} from "./features.ts";

export interface DesignColumn {
  /** Column name, e.g. "pagesPerVisit" or "favouriteCategory=Kitchenware". */
  feature: string;
  label: string;
  /** The customer feature the column comes from (one-hot columns share it). */
  source: FeatureId;
}

export interface Design {
  X: Row[];
  y: number[];
  columns: DesignColumn[];
}

/** Level coded as 1 for a yes/no feature. */
const binaryPositive: Partial<Record<FeatureId, string>> = {serviceType: "premium", marketingConsent: "yes"};

export function designMatrix(rows: readonly CustomerRow[], vocabulary: readonly FeatureDef[] = features): Design {
  const columns: DesignColumn[] = [];
  const getters: ((r: CustomerRow) => number)[] = [];
  for (const f of vocabulary) {
    if (f.kind === "numeric") {
      columns.push({feature: f.id, label: f.label, source: f.id});
      getters.push((r) => r.values[f.id] as number);
    } else if (binaryPositive[f.id]) {
      const level = binaryPositive[f.id]!;
      columns.push({feature: f.id, label: `${f.label}: ${level}`, source: f.id});
      getters.push((r) => (r.values[f.id] === level ? 1 : 0));
    } else {
      for (const level of levelsByFrequency(rows, f.id).slice().sort()) {
        columns.push({feature: `${f.id}=${level}`, label: `${f.label}: ${level}`, source: f.id});
        getters.push((r) => (r.values[f.id] === level ? 1 : 0));
      }
    }
  }
  return {X: rows.map((r) => getters.map((g) => g(r))), y: rows.map((r) => r.declined), columns};
}

/**
 * The standard families (loaders/analysis/families.ts) with One Click's grids: a wider kNN search
 * (scaling, k and weights) and deeper trees, still small enough for a fast build.
 */
export function oneClickFamilies({seed = 42}: {seed?: number} = {}): ModelFamily[] {
  return standardFamilies({
    seed,
    grids: {
      knn: {scaler: ["standard", "minmax"], k: [5, 15, 35], weights: ["uniform", "distance"]},
      tree: {maxDepth: [3, 5, 8], minSamplesLeaf: [1, 10, 30]},
      forest: {maxDepth: [6, null], minSamplesLeaf: [3, 10]}
    }
  });
}

export interface OneClickModel extends CompareModelsResult {
  design: Design;
  /**
   * SHAP values of the chosen model (fitted on the training part) for the customers at `rows`
   * (indices into design.X): every customer when `allRows`, else the test part only.
   */
  shap: {rows: number[]; values: number[][]; scale: "log-odds" | "probability"} | null;
}

export interface ModelOptions {
  seed?: number;
  testSize?: number;
  resamples?: number;
  families?: ModelFamily[];
  /** Explain every customer (only needed for customer-level artifacts). Default false. */
  allRows?: boolean;
  /** The features with their labels (default: the case's own words). */
  vocabulary?: readonly FeatureDef[];
}

export function fitOneClickModel(rows: readonly CustomerRow[], {seed = 42, testSize = 0.25, resamples = 1000, families = oneClickFamilies({seed}), allRows = false, vocabulary = features}: ModelOptions = {}): OneClickModel {
  const design = designMatrix(rows, vocabulary);
  const result = compareModels(
    {X: design.X, y: design.y, features: design.columns.map(({feature, label}) => ({feature, label})), target: {field: "activity", label: target.label, positive: target.positive, negative: target.negative}, families},
    {seed, testSize, nSplits: 5, resamples}
  );
  const family = families.find((f) => f.family === result.report.chosen.family)!;
  const train = result.split.train.map((i) => design.X[i]);
  const explained = allRows ? design.X.map((_, i) => i) : result.split.test;
  const X = explained.map((i) => design.X[i]);
  // The test rows' values are the model report's own (computed once); every row's only with allRows.
  const values = !allRows ? result.testShap
    : family.shap
      ? family.shap(result.model, X, train)
      : family.linear
        ? linearShap(result.model as StandardisedModel<LogisticModel>, X, train)
        : null;
  const shap = values && {rows: explained, values, scale: family.linear ? "log-odds" as const : "probability" as const};
  return {...result, design, shap};
}

export interface SourceImportance {
  feature: FeatureId;
  label: string;
  /** Mean |SHAP| (log-odds) of the feature's columns summed per customer, over the given rows. */
  meanAbs: number;
}

/** SHAP per customer feature: one-hot columns of a feature are summed per row. */
export function shapBySource(shap: readonly number[][], columns: readonly DesignColumn[]): {sources: FeatureId[]; values: number[][]} {
  const {names, values} = groupShap(shap, columns.map((c) => c.source));
  return {sources: names as FeatureId[], values};
}

/** Customer features by mean |SHAP| over the given rows of SHAP values, strongest first. */
export function sourceImportance(shap: readonly number[][], columns: readonly DesignColumn[], vocabulary: readonly FeatureDef[] = features): SourceImportance[] {
  const {sources, values} = shapBySource(shap, columns);
  return meanAbsShap(values, sources).map(({index, meanAbs}) => ({feature: sources[index], label: vocabulary.find((f) => f.id === sources[index])!.label, meanAbs}));
}

/** A candidate's hyperparameters in words for stakeholders (the leaderboard keeps `k=15`-style labels). */
export function settingsInWords(params: Record<string, unknown>): Text {
  return both((lang) => Object.entries(params).map(([key, v]) => settingInWords(key, v, lang)).join(", "));
}

function settingInWords(key: string, v: unknown, lang: Lang): string {
  const ru = formats("ru");
  if (lang === "ru") {
    switch (key) {
      case "maxDepth": return v === null ? "деревья без ограничения глубины" : `деревья глубиной не более ${ru.plural(Number(v), "уровня", "уровней", "уровней")}`;
      case "minSamplesLeaf": return `не менее ${ru.plural(Number(v), "покупателя", "покупателей", "покупателей")} в каждом листе`;
      case "k": return `голоса ${ru.plural(Number(v), "самого похожего покупателя", "самых похожих покупателей", "самых похожих покупателей")}`;
      case "weights": return v === "distance" ? "более близкие покупатели весят больше" : "все соседи весят одинаково";
      case "scaler": return v === "minmax" ? "признаки приведены к шкале 0–1" : "стандартизованные признаки";
      case "C": return `регуляризация C = ${typeof v === "number" ? ru.formatValue(v) : String(v)}, чем меньше, тем проще модель`;
      default: return `${key} ${v === null ? "нет" : String(v)}`;
    }
  }
  switch (key) {
    case "maxDepth": return v === null ? "trees grown without a depth limit" : `trees at most ${v} levels deep`;
    case "minSamplesLeaf": return `at least ${v} customer${v === 1 ? "" : "s"} in every leaf`;
    case "k": return `votes of the ${v} most similar customers`;
    case "weights": return v === "distance" ? "nearer customers weigh more" : "every neighbour weighs the same";
    case "scaler": return v === "minmax" ? "features rescaled to 0–1" : "standardised features";
    case "C": return `regularisation C = ${v}, where smaller means simpler`;
    default: return `${key} ${v === null ? "none" : String(v)}`;
  }
}

/**
 * Rewrites the report layer's sentences ("Random forest (maxDepth=none, minSamplesLeaf=3) has …")
 * with each candidate's settings in words, in each language (a plain string is an English text
 * whose Russian is not yet written: both languages get it).
 */
export function inWords(text: string | Text, candidates: readonly {paramsLabel: string; params: Record<string, unknown>}[]): Text {
  const source: Text = typeof text === "string" ? {en: text, ru: text} : text;
  return both((lang) => candidates.reduce((t, c) => (c.paramsLabel ? t.split(`(${c.paramsLabel})`).join(`(${settingsInWords(c.params)[lang]})`) : t), source[lang]));
}
