/**
 * One Click segments: every customer's out-of-fold probability of decline against their monthly
 * profit, cut by two thresholds into four named segments, and a portrait of each high-risk segment
 * against everyone else with tests of the differences (Holm-corrected per segment).
 *
 * The scatter reaches the page as a grid of cells (probability × profit) with counts and sums, so
 * no customer row is needed to move the thresholds: the page's sliders step along the cell edges
 * and every count is exact. Customer points (with ids) are added only when customer rows are
 * allowed.
 */
import {describe, type TestResult} from "../../stats/index.ts";
import {testFamily} from "../../report/hypotheses.ts";
import {binEdges, binIndex} from "../../report/group-distributions.ts";
import {column, featureById, levelsByFrequency, profitInfo, type CustomerRow, type FeatureId} from "./features.ts";

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
    description: "likely to buy less soon and among the store's more profitable customers: the first candidates for a personal offer"},
  {id: "risk-low-profit", name: "High risk, lower profit", highRisk: true, highProfit: false,
    description: "likely to buy less soon but bring less profit: worth only low-cost, automated retention"},
  {id: "safe-high-profit", name: "Low risk, high profit", highRisk: false, highProfit: true,
    description: "profitable and not expected to decline: keep them happy without discounts"},
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
  /** Σ probability × profit: the profit expected to be hit if these customers decline. */
  expectedProfitAtRisk: number;
}

export interface PortraitVariable {
  id: FeatureId | "profit" | "probability";
  label: string;
  kind: "numeric" | "categorical";
  unit: string;
  /** Numeric: mean and median of the segment and of everyone else. */
  segment?: {mean: number; median: number};
  rest?: {mean: number; median: number};
  /** Categorical: share of each level in the segment and in everyone else. */
  levels?: {level: string; segment: number; rest: number}[];
  /** Standardised difference (segment mean − rest mean) / sd of everyone (numeric only). */
  standardisedDifference?: number;
  test: TestResult;
  /** "higher" / "lower" (numeric, significant after correction), "different" (categorical), or "no evidence". */
  finding: "higher" | "lower" | "different" | "no evidence";
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
  defaults: {probability: number; profit: number; profitMedian: number; why: string};
  segments: SegmentSummary[];
  portraits: Portrait[];
  alpha: number;
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
  alpha?: number;
  customerRows?: boolean;
}

export const defaultPortraitFeatures: FeatureId[] = [
  "serviceType", "marketingConsent", "favouriteCategory", "promoShare", "unpaidItemsQuarter", "pagesPerVisit",
  "categoriesPerVisit", "marketingContacts6m", "marketingContactsCurrent", "minutesCurrent", "revenueCurrent", "serviceErrors"
];

function portrait(rows: readonly CustomerRow[], inSegment: readonly boolean[], def: SegmentDef, variables: FeatureId[], alpha: number): Portrait {
  const specs = [
    ...variables.map((id) => {
      const f = featureById.get(id)!;
      return {id: id as PortraitVariable["id"], label: f.label, kind: f.kind, unit: f.unit, values: column(rows, id)};
    }),
    {id: "profit" as const, label: profitInfo.label, kind: "numeric" as const, unit: profitInfo.unit, values: rows.map((r) => r.profit)}
  ];
  // The segment against everyone else: one family per segment, Holm-corrected (report layer).
  const records = rows.map((_, i) => Object.fromEntries([["inSegment", inSegment[i] ? 1 : 0], ...specs.map((s) => [s.id, s.values[i]])]));
  const family = testFamily(records, {field: "inSegment", label: "segment membership", positive: def.name, negative: "everyone else"},
    specs.map((s) => ({field: s.id, label: s.label, kind: s.kind === "numeric" ? "continuous" as const : "categorical" as const,
      question: `Does ${s.label.toLowerCase()} differ between the ${def.name.toLowerCase()} segment and everyone else?`})),
    {correction: "holm", alpha});
  const corrected = family.tests;
  const out = specs.map((s, k): PortraitVariable => {
    const test = corrected[k];
    const significant = test.rejectAdjusted ?? test.reject;
    if (s.kind === "numeric") {
      const v = s.values as number[];
      const a = describe(v.filter((_, i) => inSegment[i]));
      const b = describe(v.filter((_, i) => !inSegment[i]));
      const all = describe(v);
      return {
        id: s.id, label: s.label, kind: "numeric", unit: s.unit,
        segment: {mean: a.mean, median: a.median}, rest: {mean: b.mean, median: b.median},
        standardisedDifference: all.sd > 0 ? (a.mean - b.mean) / all.sd : 0,
        test, finding: significant ? (a.mean > b.mean ? "higher" : "lower") : "no evidence"
      };
    }
    const values = s.values.map(String);
    const nSeg = inSegment.filter(Boolean).length;
    const nRest = rows.length - nSeg;
    const levels = levelsByFrequency(rows, s.id as FeatureId).map((level) => ({
      level,
      segment: values.filter((x, i) => inSegment[i] && x === level).length / nSeg,
      rest: values.filter((x, i) => !inSegment[i] && x === level).length / nRest
    }));
    return {id: s.id, label: s.label, kind: "categorical", unit: "", levels, test, finding: significant ? "different" : "no evidence"};
  });
  return {segment: def.id, name: def.name, n: inSegment.filter(Boolean).length, restN: rows.length - inSegment.filter(Boolean).length, variables: out};
}

/** Segments of the customers (artifact) and each row's segment (kept in the loader: row-level). */
export function segmentCustomers(rows: readonly CustomerRow[], probability: readonly number[], options: SegmentOptions = {}): {segments: Segments; membership: SegmentId[]} {
  const {probabilityThreshold = 0.5, probabilityStep = 0.05, profitBins = 25, portraitFeatures = defaultPortraitFeatures, alpha = 0.05, customerRows = false} = options;
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
    why: "A customer is high risk when the model, scoring them out of fold, finds a decline more likely than not; high profit means at or above the profit cell edge nearest the median profit."
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
    .map((def) => portrait(rows, segmentIds.map((s) => s === def.id), def, portraitFeatures, alpha));

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
    alpha,
    customers: customerRows
      ? rows.map((r, i) => ({id: r.id, probability: probability[i], profit: r.profit, declined: r.declined, segment: segmentIds[i]}))
      : null
  };
  return {segments: segmentsArtifact, membership: segmentIds};
}
