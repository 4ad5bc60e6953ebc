/**
 * One Click on the overview (dashboard.json): customers, the share the model predicts to decline and
 * the monthly profit of those customers, filtered by favourite category and service tier. "Predicted
 * to decline" is the Segments page's high risk: out-of-fold probability at or above the default
 * threshold (segments.ts), so the dashboard and the segments count the same customers.
 */
import {caseById} from "../registry.ts";
import {dashboardCube, levelsOf, type Dashboard, type DimensionSpec} from "../../analysis/dashboard.ts";
import {profitInfo, type CustomerRow, type FeatureDef, type FeatureId} from "./features.ts";
import {segmentDefs, type SegmentId} from "./segments.ts";

export interface OneClickDashboardInput {
  rows: readonly CustomerRow[];
  /** Segment per customer (rows' order). */
  membership: readonly SegmentId[];
  /** The features with the labels the mapping gives them. */
  vocabulary: readonly FeatureDef[];
  /** The probability threshold of high risk (segments' default), for the definition in words. */
  threshold: number;
  profitUnit: string;
}

interface Row {
  row: CustomerRow;
  highRisk: boolean;
}

/** The filters: the two categorical features every behaviour export of the template has. */
const FILTERS: FeatureId[] = ["favouriteCategory", "serviceType"];

export function oneClickDashboard({rows, membership, vocabulary, threshold, profitUnit}: OneClickDashboardInput): Dashboard {
  const highRisk = new Set(segmentDefs.filter((s) => s.highRisk).map((s) => s.id));
  const data: Row[] = rows.map((row, i) => ({row, highRisk: highRisk.has(membership[i])}));
  const dimensions: DimensionSpec<Row>[] = FILTERS.map((id) => ({
    id,
    label: vocabulary.find((f) => f.id === id)!.label,
    levels: levelsOf(rows.map((r) => String(r.values[id]))),
    of: (r: Row) => String(r.row.values[id])
  }));
  const cube = dashboardCube(data, dimensions, {
    highRisk: (r) => Number(r.highRisk),
    profitAtRisk: (r) => (r.highRisk ? r.row.profit : 0)
  });
  const percent = `${Math.round(threshold * 100)} %`;
  const {title, question} = caseById("one-click");
  return {
    title,
    question,
    unit: "customers",
    period: null,
    periodNote: "the last three months, no dates",
    kpis: [
      {label: "Customers", measure: null, show: "count", unit: "customers", note: "regular customers modelled"},
      {label: "Predicted to decline", measure: "highRisk", show: "share", unit: "customers", note: `model: a decline more likely than not (probability ≥ ${percent})`},
      {label: "Profit at risk", measure: "profitAtRisk", show: "money", unit: `${profitUnit} per month`, note: `${profitInfo.short.toLowerCase()} of the customers predicted to decline`}
    ],
    atRisk: {label: "predicted to decline", measure: "highRisk", rule: "model: a decline more likely than not", definition: `customers the activity model, scoring each customer out of fold, finds more likely than not to be labelled "declined" (probability ≥ ${percent}); the label describes the current month, it is not a forecast`, fixedShare: null},
    valueAtRisk: {measure: "profitAtRisk", unit: `${profitUnit} per month`, label: "Monthly profit of customers predicted to decline",
      definition: `their ${profitInfo.label.toLowerCase()}: what the store earns from them in a month, not a loss that has happened`},
    cube
  };
}
