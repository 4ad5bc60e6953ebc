/**
 * One Click exploration: each feature group split by the target (declined vs unchanged), a test of
 * the difference for every feature (corrected as one family), the mixed-type association matrix of
 * features, target and profit, collinear pairs, and the month-by-month revenue and minutes of each
 * target group. Everything is aggregated: no customer row leaves this module.
 */
import {associationMatrix, collinearPairs, compareGroups, correctFamily, describe, type AssociationMatrix, type CollinearPair, type Descriptives, type TestResult} from "../../stats/index.ts";
import {categoricalDistribution, numericDistribution, type GroupDistribution} from "../../report/group-distributions.ts";
import {column, features, groups, numericColumn, profitInfo, target, type CustomerRow, type FeatureGroup, type FeatureId} from "./features.ts";

export interface FeatureExploration {
  id: FeatureId | "profit";
  label: string;
  short: string;
  group: FeatureGroup | "profit";
  kind: "numeric" | "categorical";
  unit: string;
  distribution: GroupDistribution;
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
  alpha: number;
  correction: "holm";
}

export interface ExplorationOptions {
  alpha?: number;
  /** Association at or above which two columns are flagged as collinear. Default 0.8. */
  collinearThreshold?: number;
}

const groupLabels = {"1": target.positive, "0": target.negative};
const groupOrder = ["1", "0"];
const activityOf = (r: CustomerRow) => (r.declined ? target.positive : target.negative);

function explore(rows: readonly CustomerRow[], def: {id: FeatureId | "profit"; label: string; short: string; kind: "numeric" | "categorical"; unit: string; discrete?: boolean}, alpha: number) {
  const values = def.id === "profit" ? rows.map((r) => r.profit) : column(rows, def.id);
  const groupsOf = rows.map(activityOf);
  const distribution = def.kind === "numeric"
    ? numericDistribution(values as number[], groupsOf, {variable: def.label, groups: [target.positive, target.negative], unit: def.unit, discrete: def.discrete})
    : categoricalDistribution(values.map(String), groupsOf, {variable: def.label, groups: [target.positive, target.negative]});
  const test = compareGroups(def.kind === "numeric" ? values : values.map(String), rows.map((r) => String(r.declined)), {
    variable: def.label, groupVariable: "purchase activity", groupLabels, groupOrder, alpha,
    type: def.kind === "numeric" ? "numeric" : undefined
  });
  return {distribution, test};
}

export function exploreOneClick(rows: readonly CustomerRow[], {alpha = 0.05, collinearThreshold = 0.8}: ExplorationOptions = {}): Exploration {
  const positives = rows.filter((r) => r.declined).length;
  const defs = [
    ...features.map((f) => ({...f})),
    {id: "profit" as const, label: profitInfo.label, short: profitInfo.short, group: "profit" as const, kind: "numeric" as const, unit: profitInfo.unit}
  ];
  const explored = defs.map((d) => ({def: d, ...explore(rows, d, alpha)}));
  const corrected = correctFamily(explored.map((e) => e.test), "holm");
  const all: FeatureExploration[] = explored.map(({def, distribution}, k) => ({
    id: def.id, label: def.label, short: def.short, group: def.group, kind: def.kind, unit: def.unit, distribution, test: corrected[k]
  }));

  // Association matrix: every feature, the target and profit.
  const columns = [
    ...features.map((f) => ({name: f.label, kind: f.kind, values: f.kind === "numeric" ? numericColumn(rows, f.id) : column(rows, f.id).map(String)})),
    {name: profitInfo.label, kind: "numeric" as const, values: rows.map((r) => r.profit)},
    {name: target.label, kind: "categorical" as const, values: rows.map(activityOf)}
  ];
  const matrix = associationMatrix(columns);
  const ids = [...features.map((f) => f.id as string), "profit", "activity"];
  const short = [...features.map((f) => f.short), profitInfo.short, target.label];
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
    groups: groups.map((g) => ({...g, features: features.filter((f) => f.group === g.id).map((f) => f.id)})),
    features: all.slice(0, -1),
    profit: all[all.length - 1],
    association: {...matrix, ids, short, threshold: collinearThreshold},
    collinear,
    targetAssociation,
    trends,
    alpha,
    correction: "holm"
  };
}
