/**
 * Generic model comparison for a binary target — used by every case with a churn-like outcome
 * (fitness, one-click). One call does the whole honest evaluation and returns a JSON artifact for
 * the model page plus the out-of-fold probabilities that segments and recommendations must use:
 *
 *   const {report, oof} = compareModels({X, y, features, target, families: [logisticFamily(), ...]});
 *
 * 1. A stratified test part (default 20%) is held out; it is used only for the final figures.
 * 2. Every family × hyperparameter candidate is scored by stratified k-fold (default 5) ROC-AUC on
 *    the training part, all on the same folds (loaders/models gridSearch).
 * 3. The chosen candidate: the one rule of every case (model-choice.ts), the one-standard-error
 *    rule — the simplest family (families are given simplest first) whose best mean CV ROC-AUC is
 *    within one standard error of the top score; the rule and its outcome are written out, and a
 *    non-linear winner's gain over the best logistic regression (fold-wise, and on the test part).
 * 4. It is refitted on the training part and evaluated on the test part: ROC-AUC, average
 *    precision, accuracy / precision / recall / F1 at 0.5 with percentile-bootstrap 95% CIs, Brier
 *    score, ROC / PR / calibration curves, and a confusion-count table at thresholds 0.00..1.00 for
 *    a live threshold slider. Each family's best candidate is also scored on the test part.
 * 5. Explanations: per-sd odds ratios with 95% Wald CIs from a logistic regression WITHOUT penalty
 *    fitted on the training part (on the columns `interpretationColumns` keeps, chosen from the
 *    training rows, when given; penalised fits give biased, too narrow intervals), a SHAP
 *    summary (linear SHAP for logistic; a family may supply its own `shap`), and permutation
 *    importance (ROC-AUC drop on the test part) of the chosen model.
 * 6. Out-of-fold probabilities over ALL rows from k-fold CV of the chosen candidate: each row is
 *    scored by a model that never saw it. Only these go into segments and recommendations.
 *
 * X is numeric (encode categorical columns first); features[j] names column j. Everything is
 * seeded, so the same input gives the same report.
 */
import {inverse, Matrix} from "ml-matrix";
import {averagePrecision, precisionRecallCurve, rocAuc, rocCurve} from "../evaluation/curves.ts";
import {metricsAtThreshold} from "../evaluation/metrics.ts";
import {logisticRegression, sigmoid, type LogisticModel} from "../models/logistic.ts";
import {crossValidate, gridSearch, type LeaderboardEntry, type SearchSpace} from "../models/select.ts";
import {stratifiedTrainTestSplit, take, type Split} from "../models/split.ts";
import type {Classifier, Estimator, Row} from "../models/types.ts";
import {bootstrapEstimates} from "../evaluation/bootstrap.ts";
import {calibrationCurve} from "../evaluation/calibration.ts";
import {permutationImportance as permutationDrops} from "../evaluation/permutation.ts";
import {linearShap as linearShapValues} from "../explain/linear.ts";
import {chooseModel, familyName, gainOverLinear, paramsText} from "./model-choice.ts";
import {featureText} from "./labels.ts";
import {both, type Text} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";

/** A family's name in both languages. */
const familyText = (f: {label: string; labelRu?: string}): Text => ({en: f.label, ru: f.labelRu ?? f.label});
import {standardised, type StandardisedModel} from "./pipeline.ts";
import type {CalibrationBin, FamilyTestResult, ImportanceRow, LeaderboardRow, ModelReport, OddsRatio, ShapFeature, TargetSpec, ThresholdRow} from "./types.ts";

export interface ModelFamily {
  /** Key, e.g. "logistic", "forest". */
  family: string;
  /** Display name, e.g. "Logistic regression". */
  label: string;
  /** The name in Russian, e.g. «Логистическая регрессия». */
  labelRu?: string;
  make: (params: Record<string, any>) => Estimator<Row>;
  /** Hyperparameter name → values; the grid is their Cartesian product. Keep it modest. */
  grid: Record<string, readonly unknown[]>;
  /** Fit on standardised features (scaler fitted on each training part only). */
  standardise?: boolean;
  /** Linear model on standardised features: enables odds ratios and linear SHAP. */
  linear?: boolean;
  /** SHAP values of a fitted model for rows X, given its training rows, in `shapScale` units. */
  shap?: (model: Classifier, X: readonly Row[], train: readonly Row[]) => number[][];
  /** Units of `shap`: contributions to the log-odds (default) or to the probability (TreeSHAP). */
  shapScale?: "log-odds" | "probability";
}

/**
 * Penalised logistic regression on standardised features, C over a log grid. Newton stops when
 * its step is below 1e-8 (relative): coefficients then agree with a 1e-12 fit to ~1e-10, and some
 * fits at 1e-12 spin through 100 line-searched iterations at rounding level (~100× slower).
 */
export function logisticFamily(grid: {C: readonly number[]} = {C: [0.01, 0.1, 1, 10]}): ModelFamily {
  return {family: "logistic", label: "Logistic regression", labelRu: "Логистическая регрессия", make: (p) => logisticRegression({C: p.C, tol: 1e-8}), grid, standardise: true, linear: true};
}

export interface CompareModelsInput {
  X: readonly Row[];
  y: readonly number[];
  /** One per column of X: name (field) and display label (`labels`: both languages, when the case has them). */
  features: readonly {feature: string; label: string; labels?: Text}[];
  target: TargetSpec;
  /** Simplest first (the order breaks near-ties under the one-standard-error rule). */
  families: readonly ModelFamily[];
}

export interface CompareModelsOptions {
  seed?: number;
  /** Share held out for the final test. Default 0.2. */
  testSize?: number;
  nSplits?: number;
  /** Bootstrap resamples for the test CIs. Default 1000. */
  resamples?: number;
  /** Shuffles per feature for permutation importance. Default 5. */
  permutationRepeats?: number;
  /**
   * Interpretation view: the columns (indices into X) the odds ratios are estimated on, chosen
   * from the training rows only (e.g. one feature of each collinear pair left out, so that the
   * odds ratios are stable). Predictions, metrics and out-of-fold probabilities always use all
   * columns. Default: all columns.
   */
  interpretationColumns?: (Xtrain: readonly Row[], ytrain: readonly number[]) => {keep: number[]; dropped: {feature: string; label: string; partner: string; partnerLabel: string; reason: string | Text}[]};
}

export interface CompareModelsResult {
  report: ModelReport;
  /** Out-of-fold P(positive) of the chosen candidate for every row of X. */
  oof: number[];
  /** The train/test split used. */
  split: Split;
  /** Chosen candidate fitted on the training part, and its test-part probabilities. */
  model: Classifier;
  testProba: number[];
  /** Best logistic candidate fitted on the training part (when a linear family is present). */
  logistic: StandardisedModel<LogisticModel> | null;
  /** SHAP values of the chosen model for the test rows (split.test order, the report's `shapScale` units); null when the chosen family has none. */
  testShap: number[][] | null;
}

function thresholdTable(y: readonly number[], p: readonly number[]): ThresholdRow[] {
  const rows: ThresholdRow[] = [];
  for (let k = 0; k <= 100; k++) {
    const threshold = k / 100;
    const m = metricsAtThreshold(y, p, threshold);
    rows.push({threshold, tp: m.tp, fp: m.fp, tn: m.tn, fn: m.fn, precision: m.precision, recall: m.recall, f1: m.f1, accuracy: m.accuracy, flagged: m.positiveRate});
  }
  return rows;
}

/** Uniform-width calibration bins (scikit-learn's calibration_curve, strategy "uniform"). */
export function calibrationBins(y: readonly number[], p: readonly number[], bins = 10): CalibrationBin[] {
  return calibrationCurve(y, p, {nBins: bins}).bins;
}

/**
 * Columns (in the given order) that are not linear combinations of the intercept and the columns
 * kept before them, on the given rows (Gram–Schmidt on centred columns, relative tolerance 1e-9).
 * A full set of one-hot columns sums to 1, so its last level is left out: it becomes the reference
 * level the others are compared with. Without this an unpenalised fit has no unique solution.
 */
export function independentColumns(X: readonly Row[], columns: readonly number[]): {keep: number[]; dependent: number[]} {
  const basis: Float64Array[] = [];
  const keep: number[] = [], dependent: number[] = [];
  for (const j of columns) {
    const mean = X.reduce((a, row) => a + row[j], 0) / X.length;
    const v = Float64Array.from(X, (row) => row[j] - mean);
    const norm0 = Math.hypot(...v);
    for (const b of basis) {
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i] * b[i];
      for (let i = 0; i < v.length; i++) v[i] -= dot * b[i];
    }
    const norm = Math.hypot(...v);
    if (norm0 === 0 || norm <= 1e-9 * norm0) {
      dependent.push(j);
      continue;
    }
    basis.push(v.map((x) => x / norm));
    keep.push(j);
  }
  return {keep, dependent};
}

/**
 * The logistic regression the odds ratios are read from: no penalty (C = ∞) on the given columns of
 * the training rows (less any column the others fix, see `independentColumns`), standardised on
 * them. If Newton does not converge (separation: some coefficient runs off to infinity), a very
 * weak penalty, C = 1e4, keeps the estimates finite.
 */
export function oddsRatioFit(Xtrain: readonly Row[], ytrain: readonly number[], candidates: readonly number[]): {model: StandardisedModel<LogisticModel>; X: Row[]; columns: number[]; reference: number[]; penalty: Text} {
  const {keep: columns, dependent: reference} = independentColumns(Xtrain, candidates);
  const X = Xtrain.map((row) => columns.map((j) => row[j]));
  const fit = (C: number) => standardised(logisticRegression({C, tol: 1e-10, maxIter: 200})).fit(X, ytrain) as StandardisedModel<LogisticModel>;
  const plain = fit(Infinity);
  if (plain.inner.converged && plain.inner.coef.every(Number.isFinite)) return {model: plain, X, columns, reference, penalty: {en: "without penalty", ru: "без штрафа"}};
  return {model: fit(1e4), X, columns, reference, penalty: {en: "with a very weak penalty (C = 10000, the data separate the outcomes)", ru: "с очень слабым штрафом (C = 10 000: данные разделяют исходы)"}};
}

/** Odds ratios of `oddsRatioFit` on rows X (the training part), with the model and reference in words. */
export function unpenalisedOddsRatios(X: readonly Row[], y: readonly number[], features: CompareModelsInput["features"], columns: readonly number[]): {odds: OddsRatio[]; penalty: Text; reference: Text} {
  const fit = oddsRatioFit(X, y, columns);
  const reference: Text = fit.reference.length ? {
    en: `; ${fit.reference.map((j) => features[j].label).join(", ")} left out as the reference (fixed by the other columns), so the ratios of its alternatives compare with it`,
    ru: `; ${fit.reference.map((j) => `«${featureText(features[j]).ru}»`).join(", ")} ${fit.reference.length === 1 ? "оставлен" : "оставлены"} вне модели как точка отсчёта (${fit.reference.length === 1 ? "он задан" : "они заданы"} остальными столбцами), так что отношения шансов альтернатив сравнивают с ${fit.reference.length === 1 ? "ним" : "ними"}`
  } : {en: "", ru: ""};
  return {odds: oddsRatios(fit.model, fit.X, fit.columns.map((j) => features[j])), penalty: fit.penalty, reference};
}

/** Per-sd odds ratios with 95% Wald intervals from the Hessian of the (penalised, if C < ∞) fit. */
function oddsRatios(model: StandardisedModel<LogisticModel>, Xtrain: readonly Row[], features: CompareModelsInput["features"]): OddsRatio[] {
  const {scaler, inner} = model;
  const Z = Xtrain.map((row) => row.map((v, j) => (v - scaler.mean[j]) / scaler.scale[j]));
  const d = inner.coef.length;
  const D = d + 1;
  const H = new Matrix(D, D);
  const invC = Number.isFinite(inner.C) ? 1 / inner.C : 0;
  for (const z of Z) {
    let s = inner.intercept;
    for (let j = 0; j < d; j++) s += inner.coef[j] * z[j];
    const p = sigmoid(s);
    const w = p * (1 - p);
    const x = [1, ...z];
    for (let a = 0; a < D; a++) for (let b = a; b < D; b++) H.set(a, b, H.get(a, b) + w * x[a] * x[b]);
  }
  for (let a = 0; a < D; a++) for (let b = 0; b < a; b++) H.set(a, b, H.get(b, a));
  for (let j = 1; j < D; j++) H.set(j, j, H.get(j, j) + invC);
  const cov = inverse(H);
  return inner.coef.map((coef, j) => {
    const se = Math.sqrt(Math.max(0, cov.get(j + 1, j + 1)));
    return {
      feature: features[j].feature,
      label: features[j].label,
      labels: featureText(features[j]),
      coef,
      oddsRatio: Math.exp(coef),
      lo: Math.exp(coef - 1.959963984540054 * se),
      hi: Math.exp(coef + 1.959963984540054 * se),
      sd: scaler.scale[j],
      oddsRatioPerUnit: Math.exp(coef / scaler.scale[j])
    };
  });
}

/** Linear SHAP of a standardised logistic model in log-odds: coef_j · (z_j − mean of z_j over training rows). */
export function linearShap(model: StandardisedModel<LogisticModel>, X: readonly Row[], train: readonly Row[]): number[][] {
  const z = (rows: readonly Row[]) => rows.map((row) => row.map((v, j) => (v - model.scaler.mean[j]) / model.scaler.scale[j]));
  return linearShapValues(model.inner, z(X), {background: z(train)}).values;
}

/** Mean |SHAP| per feature, and mean SHAP by feature-value group (distinct values when ≤ groups, else equal-count groups). */
export function shapSummary(shap: readonly number[][], X: readonly Row[], features: CompareModelsInput["features"], groups = 10): ShapFeature[] {
  return features
    .map(({feature, label}, j) => {
      const order = X.map((_, i) => i).sort((a, b) => X[a][j] - X[b][j] || a - b);
      const distinct = [...new Set(order.map((i) => X[i][j]))];
      const buckets: number[][] = [];
      if (distinct.length <= groups) {
        for (const v of distinct) buckets.push(order.filter((i) => X[i][j] === v));
      } else {
        for (let g = 0; g < groups; g++) buckets.push(order.slice(Math.floor((g * order.length) / groups), Math.floor(((g + 1) * order.length) / groups)));
      }
      const byQuantile = buckets.filter((b) => b.length).map((b, g, all) => ({
        group: g,
        groups: all.length,
        valueLo: X[b[0]][j],
        valueHi: X[b[b.length - 1]][j],
        shap: b.reduce((s, i) => s + shap[i][j], 0) / b.length,
        n: b.length
      }));
      const meanAbs = shap.reduce((s, row) => s + Math.abs(row[j]), 0) / shap.length;
      return {feature, label, labels: featureText(features[j]), meanAbs, byQuantile};
    })
    .sort((a, b) => b.meanAbs - a.meanAbs);
}

/** Drop in ROC-AUC on (X, y) when each column is shuffled, averaged over seeded repeats; largest first. */
export function permutationImportance(
  model: Classifier, X: readonly Row[], y: readonly number[], features: CompareModelsInput["features"], {repeats = 5, seed = 42}: {repeats?: number; seed?: number} = {}
): ImportanceRow[] {
  const {importances} = permutationDrops(model, X, y, {nRepeats: repeats, seed, featureNames: features.map((f) => f.feature)});
  return importances
    .map(({mean, sd}, j) => ({feature: features[j].feature, label: features[j].label, labels: featureText(features[j]), mean, sd}))
    .sort((a, b) => b.mean - a.mean || a.feature.localeCompare(b.feature));
}

/** The estimator of one candidate: the family's model with its settings, standardised if the family says so. */
export function estimatorOf(family: ModelFamily, params: Record<string, unknown>): Estimator<Row> {
  const estimator = family.make(params);
  return family.standardise ? standardised(estimator) : estimator;
}

export function compareModels(input: CompareModelsInput, options: CompareModelsOptions = {}): CompareModelsResult {
  const {X, y, features, target, families} = input;
  const {seed = 42, testSize = 0.2, nSplits = 5, resamples = 1000, permutationRepeats = 5, interpretationColumns} = options;
  if (!families.length) throw new Error("compareModels: no model families");
  if (X.length && X[0].length !== features.length) throw new Error(`compareModels: ${X[0].length} columns but ${features.length} feature names`);
  const familyOf = (name: string) => families.find((f) => f.family === name)!;

  const split = stratifiedTrainTestSplit(y, {testSize, seed});
  const Xtrain = take(X, split.train), ytrain = take(y, split.train);
  const Xtest = take(X, split.test), ytest = take(y, split.test);

  const spaces: SearchSpace<Row>[] = families.map((f) => ({family: f.family, grid: f.grid, make: (params) => estimatorOf(f, params)}));
  const board = gridSearch(spaces, Xtrain, ytrain, {nSplits, seed, refit: false});
  const {entry: chosen, reason: ruleReason} = chooseModel(board.bestByFamily, families, nSplits);

  const fitted = new Map<LeaderboardEntry, {model: Classifier; proba: number[]}>();
  const fitOnTrain = (e: LeaderboardEntry) => {
    let f = fitted.get(e);
    if (!f) {
      const model = estimatorOf(familyOf(e.family), e.params).fit(Xtrain, ytrain);
      f = {model, proba: model.predictProba(Xtest)};
      fitted.set(e, f);
    }
    return f;
  };

  const familyResults: FamilyTestResult[] = board.bestByFamily.map((e) => {
    const {proba} = fitOnTrain(e);
    const roc = rocCurve(ytest, proba);
    return {
      family: e.family,
      familyLabel: familyOf(e.family).label,
      familyLabels: familyText(familyOf(e.family)),
      paramsLabel: paramsText(e.params), paramsLabels: both((l) => paramsText(e.params, l)),
      cvMean: e.mean,
      testAuc: rocAuc(ytest, proba),
      roc: roc.fpr.map((fpr, k) => ({fpr, tpr: roc.tpr[k]}))
    };
  });

  const {model, proba} = fitOnTrain(chosen);
  const threshold = 0.5;
  const ci = bootstrapEstimates(ytest, proba, (yy, pp) => {
    const m = metricsAtThreshold(yy, pp, threshold);
    return {auc: rocAuc(yy, pp), averagePrecision: averagePrecision(yy, pp), accuracy: m.accuracy, precision: m.precision, recall: m.recall, f1: m.f1};
  }, {resamples, seed});
  const brier = proba.reduce((s, p, i) => s + (p - ytest[i]) ** 2, 0) / proba.length;
  const roc = rocCurve(ytest, proba);
  const pr = precisionRecallCurve(ytest, proba);

  // Explanations.
  const linearEntry = board.bestByFamily.find((e) => familyOf(e.family).linear);
  const logistic = linearEntry ? (fitOnTrain(linearEntry).model as StandardisedModel<LogisticModel>) : null;
  const describeEntry = (e: LeaderboardEntry): Text => both((lang) => `${familyName(familyOf(e.family), lang)}${Object.keys(e.params).length ? ` (${paramsText(e.params, lang)})` : ""}`);
  const gain = linearEntry && !familyOf(chosen.family).linear
    ? gainOverLinear(chosen, linearEntry, describeEntry(linearEntry), rocAuc(ytest, proba), rocAuc(ytest, fitOnTrain(linearEntry).proba))
    : null;
  const reason = gain ? both((lang) => `${ruleReason[lang]} ${gain.text[lang]}`) : ruleReason;
  // Odds ratios: a logistic regression without penalty, fitted on the training part (on the
  // interpretation view's columns when given), so that its Wald intervals are ordinary confidence
  // intervals; a penalised fit pulls the estimates toward 1 and narrows the intervals.
  const view = linearEntry && interpretationColumns ? interpretationColumns(Xtrain, ytrain) : null;
  const oddsView = linearEntry ? unpenalisedOddsRatios(Xtrain, ytrain, features, view ? view.keep : features.map((_, j) => j)) : null;
  const odds = oddsView ? oddsView.odds : null;
  const oddsRatiosModel: Text | null = !oddsView ? null : {
    en: `a logistic regression ${oddsView.penalty.en}${view && view.dropped.length ? ` on ${view.keep.length} of ${features.length} features (interpretation view)` : ""}, fitted on the training part${oddsView.reference.en}`,
    ru: `логистической регрессии ${oddsView.penalty.ru}${view && view.dropped.length ? ` на ${view.keep.length} из ${formats("ru").plural(features.length, "признака", "признаков", "признаков")} (вид для интерпретации)` : ""}, обученной на обучающей части${oddsView.reference.ru}`
  };
  const oddsRatiosWhy: Text | null = !oddsView ? null : {
    en: "It is fitted separately from the model used for predictions: a penalty pulls odds ratios toward 1 and narrows their intervals, so \"the interval crosses 1\" would not be a test; without one, each interval is an ordinary 95% confidence interval (unadjusted, one per feature).",
    ru: "Она обучена отдельно от модели, дающей прогнозы: штраф тянет отношения шансов к 1 и сужает их интервалы, и тогда «интервал накрывает 1» не было бы проверкой; без штрафа каждый интервал — обычный 95-процентный доверительный интервал (без поправки на множественность, по одному на признак)."
  };
  let shap: ShapFeature[] | null = null;
  let shapModel: Text | null = null;
  let shapScale: "log-odds" | "probability" | null = null;
  const chosenFamily = familyOf(chosen.family);
  const testShap = chosenFamily.shap ? chosenFamily.shap(model, Xtest, Xtrain)
    : chosenFamily.linear ? linearShap(model as StandardisedModel<LogisticModel>, Xtest, Xtrain)
    : null;
  if (testShap) {
    shap = shapSummary(testShap, Xtest, features);
    shapModel = describeEntry(chosen);
    shapScale = chosenFamily.shap ? chosenFamily.shapScale ?? "log-odds" : "log-odds";
  } else if (logistic && linearEntry) {
    shap = shapSummary(linearShap(logistic, Xtest, Xtrain), Xtest, features);
    shapModel = describeEntry(linearEntry);
    shapScale = "log-odds";
  }
  const importance = permutationImportance(model, Xtest, ytest, features, {repeats: permutationRepeats, seed});

  // Out-of-fold probabilities over all rows, for segments and recommendations.
  const cv = crossValidate(estimatorOf(chosenFamily, chosen.params), X, y, {nSplits, seed});

  const leaderboard: LeaderboardRow[] = board.entries.map((e) => ({
    rank: e.rank,
    family: e.family,
    familyLabel: familyOf(e.family).label,
    familyLabels: familyText(familyOf(e.family)),
    params: e.params,
    paramsLabel: paramsText(e.params), paramsLabels: both((l) => paramsText(e.params, l)),
    mean: e.mean,
    sd: e.sd,
    foldScores: e.foldScores,
    bestOfFamily: board.bestByFamily.includes(e),
    chosen: e === chosen
  }));
  const driverRanking = odds
    ? odds.slice().sort((a, b) => Math.abs(b.coef) - Math.abs(a.coef)).map((o) => o.feature)
    : importance.map((r) => r.feature);

  const report: ModelReport = {
    target,
    features: features.map((f) => ({feature: f.feature, label: f.label, labels: featureText(f)})),
    n: y.length,
    nTrain: split.train.length,
    nTest: split.test.length,
    positives: y.reduce((a, b) => a + b, 0),
    testShare: testSize,
    nSplits,
    seed,
    scoring: "roc_auc",
    leaderboard,
    families: familyResults,
    chosen: {family: chosen.family, familyLabel: chosenFamily.label, familyLabels: familyText(chosenFamily), params: chosen.params, paramsLabel: paramsText(chosen.params), paramsLabels: both((l) => paramsText(chosen.params, l)), cvMean: chosen.mean, cvSd: chosen.sd, reason, gainOverLinear: gain},
    test: {
      threshold,
      bootstrap: resamples,
      ...ci,
      brier,
      positiveRate: ytest.reduce((a, b) => a + b, 0) / ytest.length
    },
    roc: roc.fpr.map((fpr, k) => ({fpr, tpr: roc.tpr[k], threshold: Math.min(1, roc.thresholds[k])})),
    pr: pr.recall.map((recall, k) => ({recall, precision: pr.precision[k]})),
    calibration: calibrationBins(ytest, proba),
    thresholds: thresholdTable(ytest, proba),
    oddsRatios: odds,
    oddsRatiosModel,
    oddsRatiosWhy,
    interpretation: view ? {features: view.keep.map((j) => features[j].feature), dropped: view.dropped.map(({feature, label, partner, partnerLabel, reason}) => ({feature, label, partner, partnerLabel, reason}))} : null,
    shap,
    shapModel,
    shapScale,
    importance,
    oofAuc: rocAuc(y, cv.oof),
    driverRanking
  };
  return {report, oof: cv.oof, split, model, testProba: proba, logistic, testShap};
}
