/**
 * Exploration of features against a binary target, for any case: every feature's distribution
 * split by outcome (shared nice histogram bins from group-distributions.ts — unit bins for
 * small-range integers — and outcome rates per level for binary/categorical ones), means and medians per
 * outcome, the Pearson correlation matrix of the features and the target, and the collinear
 * pairs (|r| ≥ threshold) a linear model would struggle to separate, and the feature set with
 * one of each pair left out (for reading odds ratios, not for predicting).
 */
import {featureText, levelText, targetTexts} from "./labels.ts";
import {formats} from "../../src/components/format.ts";
import type {Text} from "../../src/components/i18n.ts";
import {correlationMatrixOfColumns, median} from "../stats/index.ts";
import {binEdges, binIndex} from "./group-distributions.ts";
import type {ExplorationReport, FeatureDistribution, FeatureSpec, HistogramBin, TargetSpec} from "./types.ts";

export interface ExploreOptions {
  /** Bins of a continuous feature's histogram (when not small-range integers). Default 20. */
  bins?: number;
  /** |r| at or above which two features are flagged as collinear. Default 0.8. */
  collinearThreshold?: number;
}

const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;

function histogram(values: readonly number[], y: readonly number[], bins: number): HistogramBin[] {
  const edges = binEdges(values, {discrete: values.every(Number.isInteger), bins});
  const out: HistogramBin[] = edges.slice(0, -1).map((x0, k) => ({x0, x1: edges[k + 1], negative: 0, positive: 0}));
  values.forEach((v, i) => {
    const bin = out[binIndex(edges, v)];
    if (y[i] === 1) bin.positive++;
    else bin.negative++;
  });
  return out;
}

interface Correlations {
  /** Features then the target (last). */
  names: string[];
  labels: string[];
  labelTexts?: Text[];
  values: number[][];
}

/** Feature pairs with |r| ≥ threshold (the target, last, excluded), strongest first. */
function collinearPairs({names, labels, values}: Correlations, threshold: number): ExplorationReport["collinear"] {
  const pairs: ExplorationReport["collinear"] = [];
  for (let a = 0; a < names.length - 1; a++) {
    for (let b = a + 1; b < names.length - 1; b++) {
      if (Math.abs(values[a][b]) >= threshold) pairs.push({a: names[a], b: names[b], aLabel: labels[a], bLabel: labels[b], r: values[a][b]});
    }
  }
  return pairs.sort((p, q) => Math.abs(q.r) - Math.abs(p.r));
}

export function exploreByTarget(
  rows: readonly Record<string, unknown>[], features: readonly FeatureSpec[], target: TargetSpec, {bins = 20, collinearThreshold = 0.8}: ExploreOptions = {}
): ExplorationReport {
  const y = rows.map((r) => Number(r[target.field]));
  const positives = y.reduce((a, b) => a + b, 0);
  const columns = features.map((f) => rows.map((r) => Number(r[f.field])));
  const distributions: FeatureDistribution[] = features.map((f, j) => {
    const values = columns[j];
    const neg = values.filter((_, i) => y[i] === 0), pos = values.filter((_, i) => y[i] === 1);
    const base = {feature: f.field, label: f.label, labels: featureText(f), kind: f.kind, meanNegative: mean(neg), meanPositive: mean(pos), medianNegative: median(neg), medianPositive: median(pos)};
    if (f.kind === "continuous") return {...base, bins: histogram(values, y, bins)};
    const levels = [...new Set(values)].sort((a, b) => a - b).map((level) => {
      let negative = 0, positive = 0;
      values.forEach((v, i) => v === level && (y[i] === 1 ? positive++ : negative++));
      return {level: String(level), label: f.levels?.[String(level)] ?? String(level), labels: levelText(f, String(level)), negative, positive, rate: positive / (negative + positive)};
    });
    return {...base, levels};
  });
  const names = [...features.map((f) => f.field), target.field];
  const labels = [...features.map((f) => f.label), target.label];
  const values = correlationMatrixOfColumns([...columns, y]);
  const collinear = collinearPairs({names, labels, values}, collinearThreshold);
  const t = features.length;
  const targetCorrelations = features
    .map((f, j) => ({feature: f.field, label: f.label, labels: featureText(f), r: values[j][t]}))
    .sort((p, q) => Math.abs(q.r) - Math.abs(p.r) || p.feature.localeCompare(q.feature));
  const labelTexts = [...features.map((f) => featureText(f)), targetTexts(target).label];
  return {target, n: rows.length, positives, negatives: rows.length - positives, distributions, correlation: {names, labels, labelTexts, values}, collinear, collinearThreshold, targetCorrelations};
}

export interface PrunedFeature {
  feature: string;
  label: string;
  /** The feature it is collinear with (kept), and their correlation. */
  partner: string;
  partnerLabel: string;
  r: number;
  /** Correlation of each with the target. */
  targetR: number;
  partnerTargetR: number;
  reason: Text;
}

/**
 * Collinear pairs make a linear model's coefficients unstable and its odds ratios misleading
 * (two near-copies can get large opposite effects). For each flagged pair, strongest first, the
 * feature less correlated with the target is left out (a pair already broken by an earlier drop
 * is skipped). Predictions keep every feature (the penalty copes with collinearity); the pruned
 * set is for reading odds ratios (the interpretation view).
 */
function prune(c: Correlations, collinear: ExplorationReport["collinear"], targetLabel: string | Text): {keep: string[]; dropped: PrunedFeature[]} {
  const names = c.names.slice(0, -1);
  const t = names.length;
  const index = new Map(names.map((n, j) => [n, j]));
  const targetR = (f: string) => c.values[index.get(f)!][t];
  const label = (f: string) => c.labels[index.get(f)!];
  const labelRu = (f: string) => c.labelTexts?.[index.get(f)!]?.ru ?? label(f);
  const ru = formats("ru");
  const target = typeof targetLabel === "string" ? {en: targetLabel, ru: targetLabel} : targetLabel;
  const dropped: PrunedFeature[] = [];
  const gone = new Set<string>();
  for (const pair of collinear) {
    if (gone.has(pair.a) || gone.has(pair.b)) continue;
    const [drop, keep] = Math.abs(targetR(pair.a)) < Math.abs(targetR(pair.b)) ? [pair.a, pair.b] : [pair.b, pair.a];
    gone.add(drop);
    dropped.push({
      feature: drop, label: label(drop), partner: keep, partnerLabel: label(keep), r: pair.r, targetR: targetR(drop), partnerTargetR: targetR(keep),
      reason: {
        en: `${label(drop)} correlates with ${label(keep)} at r = ${pair.r.toFixed(2)} and less with ${target.en} (r = ${targetR(drop).toFixed(2)} against ${targetR(keep).toFixed(2)}), so it is left out of the interpretation view.`,
        ru: `«${labelRu(drop)}» коррелирует с признаком «${labelRu(keep)}» (r = ${ru.fixed(pair.r, 2)}) и слабее связан с показателем «${target.ru}» (r = ${ru.fixed(targetR(drop), 2)} против ${ru.fixed(targetR(keep), 2)}), поэтому он исключён из модели для интерпретации.`
      }
    });
  }
  return {keep: names.filter((n) => !gone.has(n)), dropped};
}

/** The pruned feature set from an exploration's correlations (all its rows). */
export function pruneCollinear(explore: ExplorationReport): {keep: string[]; dropped: PrunedFeature[]} {
  const n = explore.correlation.labels.length;
  return prune(explore.correlation, explore.collinear, explore.correlation.labelTexts?.[n - 1] ?? explore.target.label);
}

/**
 * The pruned feature set from a numeric matrix — e.g. the training rows only, so that the test
 * rows play no part in choosing it. `keep` holds column indices into X.
 */
export function pruneCollinearColumns(
  X: readonly (readonly number[])[], y: readonly number[], features: readonly FeatureSpec[], target: TargetSpec, threshold = 0.8
): {keep: number[]; dropped: PrunedFeature[]} {
  const names = [...features.map((f) => f.field), target.field];
  const labels = [...features.map((f) => f.label), target.label];
  const values = correlationMatrixOfColumns([...features.map((_, j) => X.map((r) => r[j])), [...y]]);
  const labelTexts = [...features.map((f) => featureText(f)), targetTexts(target).label];
  const c = {names, labels, labelTexts, values};
  const {keep, dropped} = prune(c, collinearPairs(c, threshold), labelTexts[labelTexts.length - 1]);
  return {keep: keep.map((f) => names.indexOf(f)), dropped};
}
