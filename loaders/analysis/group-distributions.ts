/**
 * Distributions of one variable split by a grouping (typically the target: churned / stayed,
 * declined / unchanged), aggregated so that no individual row reaches an artifact:
 * - numeric → shared histogram bins with each group's counts and within-group shares, plus a
 *   five-number summary, mean and sd per group;
 * - categorical → counts per level and group, within-group shares, and the share of the first
 *   ("positive") group within each level.
 * Used by the exploration pages of the cases (chart: src/components/group-distribution.ts).
 */
import {ticks} from "d3";
import {describe, type Descriptives} from "../stats/descriptives.ts";
import type {FeatureDistribution, FeatureKind} from "./types.ts";

export interface HistogramBin {
  x0: number;
  x1: number;
  /** Rows per group, in `groups` order. */
  counts: number[];
  /** counts / group size. */
  shares: number[];
}

export interface NumericDistribution {
  kind: "numeric";
  variable: string;
  unit: string;
  groups: string[];
  bins: HistogramBin[];
  /** Descriptives per group, in `groups` order. */
  summaries: Descriptives[];
  /** Descriptives of everyone. */
  overall: Descriptives;
}

export interface CategoricalDistribution {
  kind: "categorical";
  variable: string;
  groups: string[];
  /** Levels, most frequent first. */
  levels: string[];
  /** counts[level][group]. */
  counts: number[][];
  /** Share of each group's rows in the level: shares[level][group]. */
  shares: number[][];
  /** Share of the first group among the level's rows (e.g. the decline rate of a category). */
  firstGroupRate: number[];
}

export type GroupDistribution = NumericDistribution | CategoricalDistribution;

export interface DistributionOptions {
  /** Display label of the variable. */
  variable: string;
  /** Group levels in display order; rows whose group is not listed are ignored. */
  groups: readonly string[];
  unit?: string;
  /** Whole-number variable: one bin per value when there are at most `maxDiscreteBins` values. */
  discrete?: boolean;
  maxDiscreteBins?: number;
  /** Approximate number of bins for continuous variables (rounded to nice edges). Default 20. */
  bins?: number;
}

/** Nice bin edges covering [min, max]. */
export function binEdges(values: readonly number[], {discrete = false, maxDiscreteBins = 30, bins = 20} = {}): number[] {
  let min = Infinity, max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min)) return [];
  if (discrete && Number.isInteger(min) && Number.isInteger(max) && max - min + 1 <= maxDiscreteBins) {
    return Array.from({length: max - min + 2}, (_, k) => min - 0.5 + k);
  }
  if (min === max) return [min - 0.5, max + 0.5];
  const t = ticks(min, max, bins);
  const step = t.length > 1 ? t[1] - t[0] : 1;
  const edges = t.slice();
  while (edges[0] > min) edges.unshift(edges[0] - step);
  while (edges[edges.length - 1] <= max) edges.push(edges[edges.length - 1] + step);
  // Remove float noise (0.30000000000000004 → 0.3).
  return edges.map((e) => Number(e.toPrecision(12)));
}

/** Index of the bin [edges[k], edges[k + 1]) holding v (the last bin is closed). */
export function binIndex(edges: readonly number[], v: number): number {
  let lo = 0, hi = edges.length - 2;
  if (v >= edges[hi]) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function numericDistribution(values: readonly number[], groupOf: readonly string[], options: DistributionOptions): NumericDistribution {
  const {variable, groups, unit = ""} = options;
  if (values.length !== groupOf.length) throw new Error(`numericDistribution(${variable}): ${values.length} values but ${groupOf.length} groups`);
  const g = groupOf.map((x) => groups.indexOf(x));
  const kept = values.filter((_, i) => g[i] >= 0);
  const edges = binEdges(kept, options);
  const counts = Array.from({length: Math.max(0, edges.length - 1)}, () => new Array<number>(groups.length).fill(0));
  values.forEach((v, i) => {
    if (g[i] >= 0 && Number.isFinite(v)) counts[binIndex(edges, v)][g[i]]++;
  });
  const sizes = groups.map((_, k) => g.filter((x) => x === k).length);
  const bins = counts.map((c, k) => ({x0: edges[k], x1: edges[k + 1], counts: c, shares: c.map((n, j) => (sizes[j] ? n / sizes[j] : 0))}));
  const summaries = groups.map((_, k) => describe(values.filter((__, i) => g[i] === k)));
  return {kind: "numeric", variable, unit, groups: [...groups], bins, summaries, overall: describe(kept)};
}

export function categoricalDistribution(values: readonly string[], groupOf: readonly string[], options: DistributionOptions): CategoricalDistribution {
  const {variable, groups} = options;
  if (values.length !== groupOf.length) throw new Error(`categoricalDistribution(${variable}): ${values.length} values but ${groupOf.length} groups`);
  const g = groupOf.map((x) => groups.indexOf(x));
  const totals = new Map<string, number>();
  values.forEach((v, i) => g[i] >= 0 && totals.set(v, (totals.get(v) ?? 0) + 1));
  const levels = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([l]) => l);
  const counts = levels.map(() => new Array<number>(groups.length).fill(0));
  values.forEach((v, i) => g[i] >= 0 && counts[levels.indexOf(v)][g[i]]++);
  const sizes = groups.map((_, k) => g.filter((x) => x === k).length);
  const shares = counts.map((c) => c.map((n, j) => (sizes[j] ? n / sizes[j] : 0)));
  const firstGroupRate = counts.map((c) => c[0] / c.reduce((a, b) => a + b, 0));
  return {kind: "categorical", variable, groups: [...groups], levels, counts, shares, firstGroupRate};
}

/**
 * The same distribution in the report layer's FeatureDistribution shape (loaders/analysis/types.ts),
 * drawn by DistributionByTarget (src/components/distribution.ts). `groups` must be
 * [positive, negative] (the order used by the case's call).
 */
export function asFeatureDistribution(d: GroupDistribution, feature: string, kind: FeatureKind, levelLabels: Record<string, string> = {}): FeatureDistribution {
  if (d.groups.length !== 2) throw new Error(`asFeatureDistribution(${feature}): needs two groups, got ${d.groups.length}`);
  if (d.kind === "numeric") {
    return {
      feature, label: d.variable, kind,
      bins: d.bins.map((b) => ({x0: b.x0, x1: b.x1, positive: b.counts[0], negative: b.counts[1]})),
      meanPositive: d.summaries[0].mean, meanNegative: d.summaries[1].mean,
      medianPositive: d.summaries[0].median, medianNegative: d.summaries[1].median
    };
  }
  return {
    feature, label: d.variable, kind,
    levels: d.levels.map((level, i) => ({level, label: levelLabels[level] ?? level, positive: d.counts[i][0], negative: d.counts[i][1], rate: d.firstGroupRate[i]})),
    meanPositive: NaN, meanNegative: NaN, medianPositive: NaN, medianNegative: NaN
  };
}
