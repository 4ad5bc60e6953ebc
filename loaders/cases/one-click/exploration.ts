/**
 * One Click exploration: each feature group split by the target (declined vs unchanged), a test of
 * the difference for every feature (corrected as one family), the mixed-type association matrix of
 * features, target and profit, collinear pairs, and the month-by-month revenue and minutes of each
 * target group. Everything is aggregated: no customer row leaves this module.
 */
import {associationMatrix, collinearPairs, describe, type AssociationMatrix, type CollinearPair, type Descriptives, type TestResult} from "../../stats/index.ts";
import {asFeatureDistribution, categoricalDistribution, numericDistribution} from "../../analysis/group-distributions.ts";
import type {FeatureDistribution, HypothesisReport} from "../../analysis/types.ts";
import {testFamily} from "../../analysis/hypotheses.ts";
import {column, features, groups, numericColumn, profitInfo, target, type CustomerRow, type FeatureDef, type FeatureGroup, type FeatureId} from "./features.ts";

export interface FeatureExploration {
  id: FeatureId | "profit";
  label: string;
  short: string;
  group: FeatureGroup | "profit";
  kind: "numeric" | "categorical";
  unit: string;
  /** Histogram / level counts by target, in the report layer's shape (DistributionByTarget). */
  distribution: FeatureDistribution;
  /** Numeric features: descriptives of the declined and the unchanged customers. */
  summaries: {declined: Descriptives; unchanged: Descriptives} | null;
  /** Declined vs unchanged, corrected (Holm) across every feature and profit. */
  test: TestResult;
}

export interface PeriodTrend {
  measure: "revenue" | "minutes";
  period: string;
  /** Period order on the chart (0 = earliest). */
  order: number;
  activity: string;
  mean: number;
  median: number;
  n: number;
}

export interface Exploration {
  target: {label: string; positive: string; negative: string; n: number; positives: number; rate: number};
  groups: {id: FeatureGroup; label: string; description: string; features: FeatureId[]}[];
  features: FeatureExploration[];
  profit: FeatureExploration;
  association: AssociationMatrix & {ids: string[]; short: string[]; threshold: number};
  collinear: CollinearPair[];
  /** The strongest association of each feature with the target. */
  targetAssociation: {id: string; label: string; value: number; measure: string}[];
  trends: PeriodTrend[];
  /** Every feature and profit, declined vs unchanged, as one Holm-corrected family. */
  hypotheses: HypothesisReport;
  alpha: number;
  correction: "holm";
}

export interface ExplorationOptions {
  alpha?: number;
  /** Association at or above which two columns are flagged as collinear. Default 0.8. */
  collinearThreshold?: number;
  /** The features with their labels (default: the case's own words). */
  vocabulary?: readonly FeatureDef[];
}

const activityOf = (r: CustomerRow) => (r.declined ? target.positive : target.negative);

type Def = {id: FeatureId | "profit"; label: string; short: string; group: FeatureGroup | "profit"; kind: "numeric" | "categorical"; unit: string; discrete?: boolean};

function distributionOf(rows: readonly CustomerRow[], def: Def) {
  const values = def.id === "profit" ? rows.map((r) => r.profit) : column(rows, def.id);
  const options = {variable: def.label, groups: [target.positive, target.negative], unit: def.unit, discrete: def.discrete, bins: 16};
  const groupsOf = rows.map(activityOf);
  const grouped = def.kind === "numeric" ? numericDistribution(values as number[], groupsOf, options) : categoricalDistribution(values.map(String), groupsOf, options);
  const distribution = asFeatureDistribution(grouped, def.id, def.kind === "numeric" ? "continuous" : "categorical");
  const summaries = grouped.kind === "numeric" ? {declined: grouped.summaries[0], unchanged: grouped.summaries[1]} : null;
  return {distribution, summaries};
}

export function exploreOneClick(rows: readonly CustomerRow[], {alpha = 0.05, collinearThreshold = 0.8, vocabulary = features}: ExplorationOptions = {}): Exploration {
  const positives = rows.filter((r) => r.declined).length;
  const defs: Def[] = [
    ...vocabulary.map((f) => ({...f})),
    {id: "profit" as const, label: profitInfo.label, short: profitInfo.short, group: "profit" as const, kind: "numeric" as const, unit: profitInfo.unit}
  ];
  // Every feature and profit, declined vs unchanged: one family, Holm-corrected (report layer).
  const records = rows.map((r) => ({...r.values, profit: r.profit, declined: r.declined}));
  const hypotheses = testFamily(records, {field: "declined", label: "purchase activity", positive: target.positive, negative: target.negative},
    defs.map((d) => ({field: d.id, label: d.label, kind: d.kind === "numeric" ? "continuous" as const : "categorical" as const,
      question: `Does ${d.label.toLowerCase()} differ between customers whose activity ${target.positive} and those whose activity stayed ${target.negative}?`})),
    {correction: "holm", alpha});
  const all: FeatureExploration[] = defs.map((def, k) => ({
    id: def.id, label: def.label, short: def.short, group: def.group, kind: def.kind, unit: def.unit, ...distributionOf(rows, def), test: hypotheses.tests[k]
  }));

  // Association matrix: every feature, the target and profit.
  const columns = [
    ...vocabulary.map((f) => ({name: f.label, kind: f.kind, values: f.kind === "numeric" ? numericColumn(rows, f.id) : column(rows, f.id).map(String)})),
    {name: profitInfo.label, kind: "numeric" as const, values: rows.map((r) => r.profit)},
    {name: target.label, kind: "categorical" as const, values: rows.map(activityOf)}
  ];
  const matrix = associationMatrix(columns);
  const ids = [...vocabulary.map((f) => f.id as string), "profit", "activity"];
  const short = [...vocabulary.map((f) => f.short), profitInfo.short, target.label];
  const targetIndex = ids.length - 1;
  const collinear = collinearPairs(
    {...matrix, names: matrix.names.slice(0, targetIndex), values: matrix.values.slice(0, targetIndex).map((r) => r.slice(0, targetIndex)), measures: matrix.measures.slice(0, targetIndex).map((r) => r.slice(0, targetIndex))},
    collinearThreshold
  );
  const targetAssociation = ids.slice(0, targetIndex)
    .map((id, k) => ({id, label: matrix.names[k], value: matrix.values[targetIndex][k], measure: matrix.measures[targetIndex][k] as string}))
    .sort((a, b) => b.value - a.value);

  // Month by month: revenue (three months) and minutes (two months) per target group.
  const periods: [PeriodTrend["measure"], FeatureId, string, number][] = [
    ["revenue", "revenueBeforePrevious", "two months ago", 0], ["revenue", "revenuePrevious", "last month", 1], ["revenue", "revenueCurrent", "this month", 2],
    ["minutes", "minutesPrevious", "last month", 1], ["minutes", "minutesCurrent", "this month", 2]
  ];
  const trends: PeriodTrend[] = periods.flatMap(([measure, id, period, order]) =>
    [target.positive, target.negative].map((activity) => {
      const d: Descriptives = describe(rows.filter((r) => activityOf(r) === activity).map((r) => r.values[id] as number));
      return {measure, period, order, activity, mean: d.mean, median: d.median, n: d.n};
    })
  );

  return {
    target: {label: target.label, positive: target.positive, negative: target.negative, n: rows.length, positives, rate: positives / rows.length},
    groups: groups.map((g) => ({...g, features: vocabulary.filter((f) => f.group === g.id).map((f) => f.id)})),
    features: all.slice(0, -1),
    profit: all[all.length - 1],
    association: {...matrix, ids, short, threshold: collinearThreshold},
    collinear,
    targetAssociation,
    trends,
    hypotheses,
    alpha,
    correction: "holm"
  };
}
