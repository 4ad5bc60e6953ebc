/** Customer profiles read from the customer tables (loaders/cases/ecommerce/tables.ts) into plain rows (one per customer):
 * everyone over the whole log (readCustomers), or the customers RFM scores and profiles describe, with their scores
 * (readScoredCustomers: as of the repeat cutoff when there is one). */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {ident, queryColumns, type Plain} from "../../io/duckdb.ts";
import type {AnalysisCategory} from "./tables.ts";
import type {SegmentId} from "./rfm.ts";

/** A customer's figures over the orders of the table read (the whole log, or those before the repeat cutoff). */
export interface CustomerProfile {
  customerId: string;
  orders: number;
  /** Purchase occasions, 1 to MAX_OCCASIONS ("or more"): orders more than RETURN_MIN_HOURS apart (loaders/cases/ecommerce/occasions.ts). */
  occasions: number;
  revenue: number;
  /** Average order value (revenue / orders). */
  aov: number;
  recencyDays: number;
  tenureDays: number;
  firstTime: string;
  lastTime: string;
  firstCategory: AnalysisCategory;
  firstOrderValue: number;
  mainCategory: AnalysisCategory;
  /** Revenue and share of the customer's revenue per category. */
  categoryRevenue: Record<AnalysisCategory, number>;
  shares: Record<AnalysisCategory, number>;
}

/** A customer with RFM scores and segment (loaders/cases/ecommerce/rfm.ts). */
export interface ScoredCustomer extends CustomerProfile {
  r: number;
  f: number;
  m: number;
  segment: SegmentId;
}

/** Profiles built straight from the query's columns (no object per row on the way: millions of customers). */
async function readProfiles(connection: DuckDBConnection, customers: string, categories: string, scores: string | null): Promise<{profiles: CustomerProfile[]; columns: Record<string, Plain[]>}> {
  const {rows, columns: c} = await queryColumns(connection, `SELECT c.* EXCLUDE (cust, firstTime, lastTime, lines, categoryMask), cc.* EXCLUDE (cust), ids.customerId, strftime(c.firstTime, '%Y-%m-%dT%H:%M:%S') AS firstTimeText,
      strftime(c.lastTime, '%Y-%m-%dT%H:%M:%S') AS lastTimeText${scores ? ", s.r, s.f, s.m, s.segment" : ""}
    FROM ${ident(customers)} c JOIN ${ident(categories)} cc USING (cust)${scores ? ` JOIN ${ident(scores)} s USING (cust)` : ""} JOIN eco_customer_ids ids USING (cust) ORDER BY ids.customerId`);
  // One rev_<category> and share_<category> column per category of the scheme in use, in its order (tables.ts).
  const categoryIds = Object.keys(c).filter((key) => key.startsWith("rev_")).map((key) => key.slice("rev_".length));
  const profiles = new Array<CustomerProfile>(rows);
  for (let i = 0; i < rows; i++) {
    const categoryRevenue = {} as Record<AnalysisCategory, number>;
    const shares = {} as Record<AnalysisCategory, number>;
    for (const k of categoryIds) {
      categoryRevenue[k] = Number(c[`rev_${k}`][i] ?? 0);
      shares[k] = Number(c[`share_${k}`][i] ?? 0);
    }
    profiles[i] = {
      customerId: String(c.customerId[i]), orders: Number(c.orders[i]), occasions: Number(c.occasions[i]), revenue: Number(c.revenue[i]), aov: Number(c.aov[i]),
      recencyDays: Number(c.recencyDays[i]), tenureDays: Number(c.tenureDays[i]), firstTime: String(c.firstTimeText[i]), lastTime: String(c.lastTimeText[i]),
      firstCategory: c.firstCategory[i] as AnalysisCategory, firstOrderValue: Number(c.firstOrderValue[i]), mainCategory: c.mainCategory[i] as AnalysisCategory,
      categoryRevenue, shares
    };
  }
  return {profiles, columns: c};
}

/** Every customer, over the whole log (first orders, time to a second order). */
export async function readCustomers(connection: DuckDBConnection): Promise<CustomerProfile[]> {
  return (await readProfiles(connection, "eco_customers", "eco_customer_categories", null)).profiles;
}

/** The customers RFM scored (eco_scored_customers, as of the repeat cutoff when there is one), with their scores from eco_rfm. */
export async function readScoredCustomers(connection: DuckDBConnection): Promise<ScoredCustomer[]> {
  const {profiles, columns: c} = await readProfiles(connection, "eco_scored_customers", "eco_scored_categories", "eco_rfm");
  // The scores are added to each profile in place (no second object per customer: millions of them).
  return profiles.map((profile, i) => Object.assign(profile, {r: Number(c.r[i]), f: Number(c.f[i]), m: Number(c.m[i]), segment: c.segment[i] as SegmentId}));
}
