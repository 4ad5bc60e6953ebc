/** Customer profiles read from the customer tables (loaders/cases/ecommerce/tables.ts) into plain rows (one per customer):
 * everyone over the whole log (readCustomers), or the customers RFM scores and profiles describe, with their scores
 * (readScoredCustomers: as of the repeat cutoff when there is one). */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {ident, queryRows} from "../../io/duckdb.ts";
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

async function readProfiles(connection: DuckDBConnection, customers: string, categories: string, scores: string | null): Promise<{profile: CustomerProfile; row: Record<string, unknown>}[]> {
  const rows = await queryRows<Record<string, unknown>>(connection, `SELECT c.* EXCLUDE (cust), cc.* EXCLUDE (cust), ids.customerId, strftime(c.firstTime, '%Y-%m-%dT%H:%M:%S') AS firstTimeText,
      strftime(c.lastTime, '%Y-%m-%dT%H:%M:%S') AS lastTimeText${scores ? ", s.r, s.f, s.m, s.segment" : ""}
    FROM ${ident(customers)} c JOIN ${ident(categories)} cc USING (cust)${scores ? ` JOIN ${ident(scores)} s USING (cust)` : ""} JOIN eco_customer_ids ids USING (cust) ORDER BY ids.customerId`);
  return rows.map((row) => {
    const categoryRevenue = {} as Record<AnalysisCategory, number>;
    const shares = {} as Record<AnalysisCategory, number>;
    // One rev_<category> and share_<category> column per category of the scheme in use, in its order (tables.ts).
    for (const key of Object.keys(row)) {
      if (!key.startsWith("rev_")) continue;
      const c = key.slice("rev_".length);
      categoryRevenue[c] = Number(row[key] ?? 0);
      shares[c] = Number(row[`share_${c}`] ?? 0);
    }
    const profile: CustomerProfile = {
      customerId: String(row.customerId), orders: Number(row.orders), occasions: Number(row.occasions), revenue: Number(row.revenue), aov: Number(row.aov),
      recencyDays: Number(row.recencyDays), tenureDays: Number(row.tenureDays), firstTime: String(row.firstTimeText), lastTime: String(row.lastTimeText),
      firstCategory: row.firstCategory as AnalysisCategory, firstOrderValue: Number(row.firstOrderValue), mainCategory: row.mainCategory as AnalysisCategory,
      categoryRevenue, shares
    };
    return {profile, row};
  });
}

/** Every customer, over the whole log (first orders, time to a second order). */
export async function readCustomers(connection: DuckDBConnection): Promise<CustomerProfile[]> {
  return (await readProfiles(connection, "eco_customers", "eco_customer_categories", null)).map((x) => x.profile);
}

/** The customers RFM scored (eco_scored_customers, as of the repeat cutoff when there is one), with their scores from eco_rfm. */
export async function readScoredCustomers(connection: DuckDBConnection): Promise<ScoredCustomer[]> {
  return (await readProfiles(connection, "eco_scored_customers", "eco_scored_categories", "eco_rfm")).map(({profile, row}) => ({
    ...profile, r: Number(row.r), f: Number(row.f), m: Number(row.m), segment: row.segment as SegmentId
  }));
}

/** Orders (without wholesale lines) as plain rows: the customer's id and the order's time (its first line,
 * ISO text) let the customer, not the order, be the unit of a test and give each customer's order sequence. */
export interface OrderRow {
  orderId: number;
  customerId: string;
  time: string;
  revenue: number;
  lines: number;
  mainCategory: AnalysisCategory;
}

export async function readOrders(connection: DuckDBConnection, table = "eco_orders"): Promise<OrderRow[]> {
  return queryRows<OrderRow>(connection, `SELECT o.orderId, ids.customerId, strftime(o.time, '%Y-%m-%dT%H:%M:%S') AS time, o.revenue, o.lines, o.mainCategory
    FROM ${ident(table)} o JOIN eco_customer_ids ids USING (cust) ORDER BY o.orderId`);
}
