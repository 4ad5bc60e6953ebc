/**
 * RFM scores and named segments, in SQL over eco_scored_customers (so they scale with the log): every
 * customer of the log, or — when the log ends in a window of re-used customer ids — the customers as of
 * the repeat cutoff, from their orders before it (loaders/cases/ecommerce/tables.ts, buildScoredCustomers):
 * an order in the window cannot be attributed to a customer reliably, so it counts towards no one's F or M,
 * recency runs to the cutoff, and customers first seen in the window are not scored.
 *
 *   R (recency)   3 = the most recent third of customers by days since their last order (to the
 *                 end of the log, or to the repeat cutoff),
 *                 2 = the middle third, 1 = the longest ago (cut points: tertiles of recency)
 *   F (frequency) purchase occasions: 1 = one, 2 = two, 3 = three or more — counts, not quantiles,
 *                 because most customers of an online store buy once; orders of one customer
 *                 within RETURN_MIN_HOURS of an occasion's first order are that occasion
 *                 (loaders/cases/ecommerce/occasions.ts), so a basket split over two order ids or placed
 *                 twice does not make a repeat buyer
 *   M (monetary)  3 = the top third by revenue, 2 = the middle third, 1 = the bottom third
 *
 * The segment is the first rule of SEGMENT_RULES that matches: the rule table is shown as is
 * on the Profiles page, and editing it here changes the report.
 */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {literal, queryOne, run} from "../../io/duckdb.ts";
import type {Text} from "../../../src/components/i18n.ts";
import {terms} from "../../../src/components/glossary.ts";

export type SegmentId = "best" | "loyal" | "at-risk" | "promising" | "one-time" | "lost";

export interface SegmentRule {
  id: SegmentId;
  /** The English name, which code and tests match on; `labels` is the name in both languages (the glossary's). */
  label: string;
  labels: Text;
  /** The rule in words, for the page. */
  rule: string;
  /** Conditions on the scores (all must hold). */
  fMin?: number;
  fMax?: number;
  r?: number[];
  m?: number[];
  /** What the segment is, in one line (English; `meanings` in both languages). */
  meaning: string;
  meanings: Text;
}

export const SEGMENT_RULES: SegmentRule[] = [
  {id: "best", label: "Best", labels: terms.rfmBest, rule: "F ≥ 2, R = 3, M = 3", fMin: 2, r: [3], m: [3], meaning: "repeat buyers, recently active, in the top third by spend",
    meanings: {en: "repeat buyers, recently active, in the top third by spend", ru: "повторные покупатели, недавно покупавшие, в верхней трети по сумме покупок"}},
  {id: "loyal", label: "Loyal", labels: terms.rfmLoyal, rule: "F ≥ 2, R ≥ 2", fMin: 2, r: [2, 3], meaning: "repeat buyers who have not lapsed",
    meanings: {en: "repeat buyers who have not lapsed", ru: "повторные покупатели, которые не перестали покупать"}},
  {id: "at-risk", label: "At risk", labels: terms.rfmAtRisk, rule: "F ≥ 2, R = 1", fMin: 2, r: [1], meaning: "repeat buyers whose last order is among the oldest",
    meanings: {en: "repeat buyers whose last order is among the oldest", ru: "повторные покупатели, чей последний заказ — среди самых давних"}},
  {id: "promising", label: "Promising", labels: terms.rfmPromising, rule: "F = 1, R = 3", fMax: 1, r: [3], meaning: "first order recently — the chance to make a second",
    meanings: {en: "first order recently — the chance to make a second", ru: "первый заказ недавно — шанс получить второй"}},
  {id: "one-time", label: "One-time", labels: terms.rfmOneTime, rule: "F = 1, R = 2", fMax: 1, r: [2], meaning: "a single order some months ago",
    meanings: {en: "a single order some months ago", ru: "один заказ несколько месяцев назад"}},
  {id: "lost", label: "Lost", labels: terms.rfmLost, rule: "F = 1, R = 1", fMax: 1, r: [1], meaning: "a single order long ago",
    meanings: {en: "a single order long ago", ru: "один заказ давно"}}
];

export const SEGMENT_IDS = SEGMENT_RULES.map((s) => s.id);
export const segmentLabel = Object.fromEntries(SEGMENT_RULES.map((s) => [s.id, s.label])) as Record<SegmentId, string>;
/** Each segment's name in both languages. */
export const segmentLabels = Object.fromEntries(SEGMENT_RULES.map((s) => [s.id, s.labels])) as Record<SegmentId, Text>;

export interface RfmThresholds {
  /** Recency (days): R = 3 when ≤ recent, R = 2 when ≤ middle, else 1. */
  recencyRecent: number;
  recencyMiddle: number;
  /** Revenue: M = 1 when ≤ low, M = 2 when ≤ high, else 3. */
  revenueLow: number;
  revenueHigh: number;
}

function ruleSql(rule: SegmentRule): string {
  const parts: string[] = [];
  if (rule.fMin !== undefined) parts.push(`f >= ${rule.fMin}`);
  if (rule.fMax !== undefined) parts.push(`f <= ${rule.fMax}`);
  if (rule.r) parts.push(`r IN (${rule.r.join(", ")})`);
  if (rule.m) parts.push(`m IN (${rule.m.join(", ")})`);
  return parts.length ? parts.join(" AND ") : "true";
}

/** Score every customer into eco_rfm(cust, r, f, m, segment) and return the cut points. */
export async function scoreRfm(connection: DuckDBConnection): Promise<RfmThresholds> {
  // Both cut points of a measure from one sort (the list form of quantile_cont).
  const q = await queryOne<{recency: number[]; revenue: number[]}>(connection,
    `SELECT quantile_cont(recencyDays, [1 / 3, 2 / 3]) AS recency, quantile_cont(revenue, [1 / 3, 2 / 3]) AS revenue FROM eco_scored_customers`);
  const t: RfmThresholds = {recencyRecent: q.recency[0], recencyMiddle: q.recency[1], revenueLow: q.revenue[0], revenueHigh: q.revenue[1]};
  const cases = SEGMENT_RULES.map((s) => `WHEN ${ruleSql(s)} THEN ${literal(s.id)}`).join(" ");
  // The segments as a type, as eco_category (tables.ts): read as a small number per customer.
  await run(connection, `DROP TYPE IF EXISTS eco_segment`);
  await run(connection, `CREATE TYPE eco_segment AS ENUM (${SEGMENT_RULES.map((s) => literal(s.id)).join(", ")})`);
  await run(connection, `CREATE OR REPLACE TABLE eco_rfm AS
    WITH s AS (SELECT cust,
        CASE WHEN recencyDays <= ${t.recencyRecent} THEN 3 WHEN recencyDays <= ${t.recencyMiddle} THEN 2 ELSE 1 END AS r,
        occasions AS f,
        CASE WHEN revenue <= ${t.revenueLow} THEN 1 WHEN revenue <= ${t.revenueHigh} THEN 2 ELSE 3 END AS m
      FROM eco_scored_customers)
    SELECT *, CASE ${cases} ELSE NULL END AS segment FROM s`);
  const {unassigned} = await queryOne<{unassigned: number}>(connection, `SELECT count(*) AS unassigned FROM eco_rfm WHERE segment IS NULL`);
  if (unassigned) throw new Error(`RFM segment rules leave ${unassigned} customers without a segment: make the rules cover every R/F/M combination`);
  return t;
}
