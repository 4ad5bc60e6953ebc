/**
 * One Click segments: every customer's out-of-fold probability of decline against their monthly
 * profit, cut by two thresholds into four named segments, and a portrait of each high-risk segment
 * against everyone else.
 *
 * The portraits describe, they do not test: the segments are cut from the model's predictions,
 * which are computed from the very features portrayed, and from profit. A group built from a
 * variable differs on it by construction, so a test's p-value would be small whatever the truth
 * and would mean nothing. Each variable gets an effect size instead (Cohen's d for a mean, Cohen's h
 * for the share of a level), and one threshold, `distinctiveEffect`, says which differences the
 * portrait calls distinctive and the offers may act on. Every portrayed variable is an input of the
 * grouping (the model uses all customer features), so none is left to test.
 *
 * The scatter reaches the page as a grid of cells (probability × profit) with counts and sums, so
 * no customer row is needed to move the thresholds: the page's sliders step along the cell edges
 * and every count is exact. Customer points (with ids) are added only when customer rows are
 * allowed.
 */
import {cohensD, cohensH, describe, magnitudeOf, type EffectSize} from "../../stats/index.ts";
import {cohensDEffect} from "../../stats/effects.ts";
import {binEdges, binIndex} from "../../analysis/group-distributions.ts";
import type {Text} from "../../../src/components/i18n.ts";
import {column, features, levelsByFrequency, profitInfo, type CustomerRow, type FeatureDef, type FeatureId} from "./features.ts";

/**
 * The smallest difference a portrait calls distinctive, and the only kind an offer acts on:
 * Cohen's "medium" effect, |d| ≥ 0.5 for a difference of means in pooled standard deviations and
 * |h| ≥ 0.5 for a difference of shares on the arcsine scale (Cohen 1988, Statistical Power
 * Analysis for the Behavioral Sciences, 2nd ed., ch. 2 for d and ch. 6 for h).
 */
export const distinctiveEffect = 0.5;

export type SegmentId = "risk-high-profit" | "risk-low-profit" | "safe-high-profit" | "safe-low-profit";

export interface SegmentDef {
  id: SegmentId;
  name: string;
  highRisk: boolean;
  highProfit: boolean;
  description: string;
}

export const segmentDefs: SegmentDef[] = [
  {id: "risk-high-profit", name: "High risk, high profit", highRisk: true, highProfit: true,
    description: "likely to be labelled as declining and among the store's more profitable customers: the first candidates for a personal offer"},
  {id: "risk-low-profit", name: "High risk, lower profit", highRisk: true, highProfit: false,
    description: "likely to be labelled as declining but bringing less profit: worth only low-cost, automated retention"},
  {id: "safe-high-profit", name: "Low risk, high profit", highRisk: false, highProfit: true,
    description: "profitable and unlikely to be labelled as declining: keep them happy without discounts"},
  {id: "safe-low-profit", name: "Low risk, lower profit", highRisk: false, highProfit: false,
    description: "stable, less profitable customers: business as usual"}
];

export function segmentOf(probability: number, profit: number, probabilityThreshold: number, profitThreshold: number): SegmentId {
  const highRisk = probability >= probabilityThreshold;
  const highProfit = profit >= profitThreshold;
  return segmentDefs.find((s) => s.highRisk === highRisk && s.highProfit === highProfit)!.id;
}

export interface GridCell {
  /** Probability bin [p0, p1) and profit bin [m0, m1). */
  p0: number;
  p1: number;
  m0: number;
  m1: number;
  n: number;
  declined: number;
  profit: number;
  /** Σ probability × monthly profit ("probability-weighted monthly profit"): profit weighted by the risk of decline, not a loss; what a decline costs is an assumption (offers.ts). */
  expectedProfitAtRisk: number;
}

export interface PortraitVariable {
  id: FeatureId | "profit";
  label: string;
  kind: "numeric" | "categorical";
  unit: string;
  /** Numeric: mean and median of the segment and of everyone else. */
  segment?: {mean: number; median: number};
  rest?: {mean: number; median: number};
  /** Categorical: share of each level in the segment and in everyone else, and Cohen's h of the two shares. */
  levels?: {level: string; segment: number; rest: number; h: number}[];
  /**
   * Segment against everyone else: Cohen's d (segment mean − rest mean, pooled sd) for a numeric
   * variable; for a categorical one, Cohen's h of the level whose share differs most (`level`).
   */
  effect: EffectSize & {level?: string};
  /** "higher" / "lower" (numeric) or "different" (categorical) when |effect| ≥ distinctiveEffect, else "similar". */
  finding: "higher" | "lower" | "different" | "similar";
}

export interface SegmentSummary extends SegmentDef {
  n: number;
  share: number;
  declinedObserved: number;
  meanProbability: number;
  profit: number;
  expectedProfitAtRisk: number;
  meanProfit: number;
}

export interface Portrait {
  segment: SegmentId;
  name: string;
  n: number;
  restN: number;
  variables: PortraitVariable[];
}

export interface CustomerPoint {
  id: number;
  probability: number;
  profit: number;
  declined: 0 | 1;
  segment: SegmentId;
}

export interface Segments {
  probabilityLabel: string;
  profitLabel: string;
  profitUnit: string;
  n: number;
  /** Cell edges; thresholds move along them. */
  probabilityEdges: number[];
  profitEdges: number[];
  cells: GridCell[];
  defaults: {probability: number; profit: number; profitMedian: number; why: Text};
  segments: SegmentSummary[];
  portraits: Portrait[];
  /** The |effect| from which a portrait calls a difference distinctive (and offers act on it). */
  distinctiveEffect: number;
  /** Customer points, only when customer rows are allowed (else null). */
  customers: CustomerPoint[] | null;
}

export interface SegmentOptions {
  /** Default probability threshold: "more likely to decline than not". Default 0.5. */
  probabilityThreshold?: number;
  /** Width of the probability cells. Default 0.05. */
  probabilityStep?: number;
  /** Approximate number of profit cells (nice edges). Default 25. */
  profitBins?: number;
  /** Variables of the portrait. */
  portraitFeatures?: FeatureId[];
  customerRows?: boolean;
  /** The features with their labels (default: the case's own words). */
  vocabulary?: readonly FeatureDef[];
}

export const defaultPortraitFeatures: FeatureId[] = [
  "serviceType", "marketingConsent", "favouriteCategory", "promoShare", "unpaidItemsQuarter", "pagesPerVisit",
  "categoriesPerVisit", "marketingContacts6m", "marketingContactsCurrent", "minutesCurrent", "revenueCurrent", "serviceErrors"
];

/** Cohen's h of two shares with Cohen's magnitudes (the same 0.2, 0.5, 0.8 as for d; Cohen 1988, ch. 6). */
function hEffect(h: number): EffectSize {
  return {name: "Cohen's h", value: h, magnitude: magnitudeOf(h, [0.2, 0.5, 0.8]), convention: {en: "|h|: 0.2 small, 0.5 medium, 0.8 large (Cohen 1988)", ru: "|h|: 0,2 — малый, 0,5 — средний, 0,8 — большой (Коэн, 1988)"}};
}

/** A segment described against everyone else by effect sizes (no tests: see the module comment). */
export function portrait(rows: readonly CustomerRow[], inSegment: readonly boolean[], def: SegmentDef, variables: readonly FeatureId[], vocabulary: readonly FeatureDef[] = features): Portrait {
  const nSeg = inSegment.filter(Boolean).length;
  const nRest = rows.length - nSeg;
  const specs = [
    ...variables.map((id) => {
      const f = vocabulary.find((v) => v.id === id)!;
      return {id: id as PortraitVariable["id"], label: f.label, kind: f.kind, unit: f.unit, values: column(rows, id)};
    }),
    {id: "profit" as const, label: profitInfo.label, kind: "numeric" as const, unit: profitInfo.unit, values: rows.map((r) => r.profit)}
  ];
  const out = specs.map((s): PortraitVariable => {
    if (s.kind === "numeric") {
      const v = s.values as number[];
      const a = v.filter((_, i) => inSegment[i]);
      const b = v.filter((_, i) => !inSegment[i]);
      const da = describe(a), db = describe(b);
      const effect = cohensDEffect(cohensD(a, b));
      return {
        id: s.id, label: s.label, kind: "numeric", unit: s.unit,
        segment: {mean: da.mean, median: da.median}, rest: {mean: db.mean, median: db.median},
        effect, finding: Math.abs(effect.value) >= distinctiveEffect ? (effect.value > 0 ? "higher" : "lower") : "similar"
      };
    }
    const values = s.values.map(String);
    const levels = levelsByFrequency(rows, s.id as FeatureId).map((level) => {
      const segment = values.filter((x, i) => inSegment[i] && x === level).length / nSeg;
      const rest = values.filter((x, i) => !inSegment[i] && x === level).length / nRest;
      return {level, segment, rest, h: cohensH(segment, rest)};
    });
    const most = levels.reduce((m, l) => (Math.abs(l.h) > Math.abs(m.h) ? l : m), levels[0]);
    return {
      id: s.id, label: s.label, kind: "categorical", unit: "", levels,
      effect: {...hEffect(most.h), level: most.level}, finding: Math.abs(most.h) >= distinctiveEffect ? "different" : "similar"
    };
  });
  return {segment: def.id, name: def.name, n: nSeg, restN: nRest, variables: out};
}

/** Segments of the customers (artifact) and each row's segment (kept in the loader: row-level). */
export function segmentCustomers(rows: readonly CustomerRow[], probability: readonly number[], options: SegmentOptions = {}): {segments: Segments; membership: SegmentId[]} {
  const {probabilityThreshold = 0.5, probabilityStep = 0.05, profitBins = 25, portraitFeatures = defaultPortraitFeatures, customerRows = false, vocabulary = features} = options;
  if (rows.length !== probability.length) throw new Error(`segmentCustomers: ${rows.length} customers but ${probability.length} probabilities`);
  const nP = Math.round(1 / probabilityStep);
  const probabilityEdges = Array.from({length: nP + 1}, (_, k) => Number((k * probabilityStep).toPrecision(12)));
  const profits = rows.map((r) => r.profit);
  const profitEdges = binEdges(profits, {bins: profitBins});
  const profitMedian = describe(profits).median;
  // Thresholds sit on cell edges: the profit edge nearest the median, the probability edge nearest the rule.
  const nearest = (edges: number[], v: number) => edges.reduce((best, e) => (Math.abs(e - v) < Math.abs(best - v) ? e : best), edges[0]);
  const defaults = {
    probability: nearest(probabilityEdges, probabilityThreshold),
    profit: nearest(profitEdges, profitMedian),
    profitMedian,
    why: {
      en: "A customer is high risk when the model, scoring them out of fold, finds a decline more likely than not; high profit means at or above the profit cell edge nearest the median profit.",
      ru: "Покупатель в зоне высокого риска, когда модель, оценивая его вне выборки обучения, считает снижение активности более вероятным, чем его отсутствие; высокая прибыль — прибыль не ниже границы ячейки, ближайшей к медианной прибыли."
    }
  };

  const cellMap = new Map<number, GridCell>();
  const pIndex = (p: number) => Math.min(nP - 1, Math.floor(p / probabilityStep + 1e-9));
  rows.forEach((r, i) => {
    const a = pIndex(probability[i]);
    const b = binIndex(profitEdges, r.profit);
    const key = a * 10000 + b;
    let cell = cellMap.get(key);
    if (!cell) cellMap.set(key, (cell = {p0: probabilityEdges[a], p1: probabilityEdges[a + 1], m0: profitEdges[b], m1: profitEdges[b + 1], n: 0, declined: 0, profit: 0, expectedProfitAtRisk: 0}));
    cell.n++;
    cell.declined += r.declined;
    cell.profit += r.profit;
    cell.expectedProfitAtRisk += probability[i] * r.profit;
  });
  const cells = [...cellMap.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);

  // Membership by cell (so build-time segments agree exactly with the page's live counts).
  const segmentIds = rows.map((r, i) => segmentOf(probabilityEdges[pIndex(probability[i])], profitEdges[binIndex(profitEdges, r.profit)], defaults.probability, defaults.profit));
  const segments: SegmentSummary[] = segmentDefs.map((def) => {
    const idx = segmentIds.flatMap((s, i) => (s === def.id ? [i] : []));
    const profit = idx.reduce((s, i) => s + rows[i].profit, 0);
    return {
      ...def,
      n: idx.length,
      share: idx.length / rows.length,
      declinedObserved: idx.filter((i) => rows[i].declined).length,
      meanProbability: idx.length ? idx.reduce((s, i) => s + probability[i], 0) / idx.length : NaN,
      profit,
      meanProfit: idx.length ? profit / idx.length : NaN,
      expectedProfitAtRisk: idx.reduce((s, i) => s + probability[i] * rows[i].profit, 0)
    };
  });
  const portraits = segmentDefs
    .filter((def) => def.highRisk)
    .filter((def) => {
      const n = segments.find((s) => s.id === def.id)!.n;
      return n >= 2 && rows.length - n >= 2;
    })
    .map((def) => portrait(rows, segmentIds.map((s) => s === def.id), def, portraitFeatures, vocabulary));

  const segmentsArtifact: Segments = {
    probabilityLabel: "Out-of-fold probability of decline",
    profitLabel: profitInfo.label,
    profitUnit: profitInfo.unit,
    n: rows.length,
    probabilityEdges,
    profitEdges,
    cells,
    defaults,
    segments,
    portraits,
    distinctiveEffect,
    customers: customerRows
      ? rows.map((r, i) => ({id: r.id, probability: probability[i], profit: r.profit, declined: r.declined, segment: segmentIds[i]}))
      : null
  };
  return {segments: segmentsArtifact, membership: segmentIds};
}
