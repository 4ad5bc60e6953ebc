/**
 * The e-commerce analysis tables, built in DuckDB SQL on top of the clean order lines keyed by
 * integers (loaders/clean/ecommerce.ts → KeyedLines: lines with product hashes, each order's owner
 * as a customer hash, and the texts they stand for), so the whole chain scales to logs of millions
 * of lines:
 *
 *   eco_products   one row per distinct product name: number, normalised name, category, rule number
 *                  (the category from the rule table in use, or — when the export has a category column —
 *                  the one most of the product's lines carry, and no rule number)
 *   eco_customer_ids customer key `cust` (the 64-bit hash of the id, checked free of
 *                  collisions by the cleaning), id, and k: its place in id order (readers order by it)
 *   eco_order_customers (view) each order's customer key (its owner)
 *   eco_lines      clean lines with revenue (quantity × price), product number and category ("other"
 *                  for goods outside the named categories, NULL when uncategorised) and cat (the
 *                  category analysed: uncategorised lines under "other")
 *   eco_order_cats lines and revenue per order and category, with the order's customer (wholesale
 *                  lines left out)
 *   eco_orders     one row per order, wholesale lines left out (eco_orders_all: with them, built by
 *                  buildOrdersWithWholesale): customer, time of the order (its first line),
 *                  revenue, lines, units, main category (the category with the most lines; ties →
 *                  higher revenue → table order), categories as a bit mask
 *   eco_customers  one row per customer (wholesale lines left out): orders, purchase occasions (orders more
 *                  than RETURN_MIN_HOURS apart, up to MAX_OCCASIONS: loaders/cases/ecommerce/occasions.ts), revenue, average
 *                  order value, first/last order time, recency in days to the end of the log,
 *                  categories bought (bit mask), category and value of the first order (earliest,
 *                  then lowest order id)
 *   eco_customer_categories one row per customer: revenue and share per category, main
 *                  category (most revenue; ties → table order)
 *   eco_scored_customers, eco_scored_categories  the same two tables as RFM scores and profiles see
 *                  customers: as of the repeat cutoff when there is one (orders before it, recency to
 *                  it — buildScoredCustomers), else views of the two above
 *
 * Wholesale lines stay in eco_lines (flagged) so coverage and revenue can be shown with and
 * without them; every consumption profile is computed without them.
 */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {ident, literal, queryOne, queryRows, run} from "../../io/duckdb.ts";
import type {KeyedLines} from "../../clean/ecommerce.ts";
import {same} from "../../../src/components/i18n.ts";
import {terms} from "../../../src/components/glossary.ts";
import {BUILT_IN, categorySql, MAX_CATEGORIES, normaliseSql, OTHER, ruleIndexSql, rulesScheme, type CategoryChoice, type CategoryScheme} from "./categories.ts";
import {buildOccasions} from "./occasions.ts";

/** A category id analysed (those of the scheme in use; "other" last). */
export type AnalysisCategory = string;

const categoryRank = (ids: readonly string[]) => `CASE cat ${ids.map((c, i) => `WHEN ${literal(c)} THEN ${i}`).join(" ")} ELSE 99 END`;

/** Lines, revenue, units and first time per order and category, from eco_lines rows matching
 * `where`, with the order's customer (joined once here, so orders and customers need no join). */
function orderCatsSql(name: string, where: string, ids: readonly string[]): string {
  return `CREATE OR REPLACE TABLE ${name} AS
    SELECT oc.*, w.cust FROM (
      SELECT orderId, cat, count(*) AS n, sum(revenue) AS r, sum(quantity) AS units, min(time) AS time, ${categoryRank(ids)} AS rank
      FROM eco_lines WHERE ${where} GROUP BY orderId, cat) oc
    JOIN eco_order_customers w USING (orderId)`;
}

/** One row per order from its per-category rows (one pass over order × category, not over lines),
 * with its customer: the main category has the most lines, then revenue, then table order;
 * bit i of categoryMask is set when the order has a line in the scheme's i-th category. */
function ordersSql(name: string, orderCats: string): string {
  return `CREATE OR REPLACE TABLE ${name} AS
    WITH o AS (SELECT orderId, any_value(cust) AS cust, min(time) AS time, sum(r) AS revenue, CAST(sum(n) AS BIGINT) AS lines, sum(units) AS units,
        arg_max(cat, {n: n, r: r, k: -rank}) AS mainCategory, bit_or(CAST(1 AS INTEGER) << rank) AS categoryMask
      FROM ${orderCats} GROUP BY orderId)
    SELECT o.*, dayofweek(o.time) AS weekday, hour(o.time) AS hour, strftime(o.time, '%Y-%m') AS month, month(o.time) AS calendarMonth FROM o`;
}

/** SQL select list: per category, the number of rows whose categoryMask includes it (one column per category). */
export function countsByCategorySql(ids: readonly string[]): string {
  return ids.map((c, i) => `count(*) FILTER (WHERE (categoryMask & ${1 << i}) <> 0) AS ${ident(c)}`).join(", ");
}

export interface TablesInfo {
  /** End of the log: the last clean line's time (recency is measured to it). */
  end: string;
  start: string;
  /** Who eco_scored_customers describes. */
  scope: ScoringScope;
  /** The categories the tables use and where they come from. */
  scheme: CategoryScheme;
}

/** Build the tables listed above from the keyed clean lines. `asOf`: the repeat cutoff (ISO date; the audit of
 * re-used customer ids, loaders/quality/reused-ids.ts) — eco_scored_customers then describes customers as of it. */
export async function buildTables(connection: DuckDBConnection, keyed: KeyedLines, {asOf = null, categories = BUILT_IN}: {asOf?: string | null; categories?: CategoryChoice} = {}): Promise<TablesInfo> {
  // Product numbers in name order (reproducible); lines carry them instead of the name, so the long
  // text column stays out of every later pass (grouping by integers is several times faster).
  const scheme = await buildProducts(connection, keyed, categories);
  const ids = scheme.categories.map((c) => c.id);
  // The scheme's categories as a type: readers of millions of rows read a category column cast to it as a small
  // number per row (loaders/io/chunk-columns.ts), not as a text decoded each time.
  await run(connection, `DROP TYPE IF EXISTS eco_category`);
  await run(connection, `CREATE TYPE eco_category AS ENUM (${ids.map(literal).join(", ")})`);
  // Customers are keyed by the hash of their id: no numbering pass over millions of ids.
  // …with each id's place in id order (`k`): readers of millions of customers order by it, not by sorting the texts again.
  await run(connection, `CREATE OR REPLACE TABLE eco_customer_ids AS SELECT ch AS cust, customerId, CAST(row_number() OVER (ORDER BY customerId) AS INTEGER) AS k FROM ${keyed.customers}`);
  // Customers are attached per order (its owner), not per line.
  await run(connection, `CREATE OR REPLACE VIEW eco_order_customers AS SELECT orderId, ownerCh AS cust FROM ${keyed.owners}`);
  await run(connection, `CREATE OR REPLACE TABLE eco_lines AS
    SELECT l.time, l.orderId, p.productId, l.quantity, l.price, CAST(l.quantity * l.price AS DECIMAL(18, 6)) AS revenue, l.wholesale,
      p.category, coalesce(p.category, 'other') AS cat
    FROM ${keyed.lines} l JOIN eco_products p USING (ph)`);
  const {start, end} = await queryOne<{start: string; end: string}>(connection,
    `SELECT strftime(min(time), '%Y-%m-%dT%H:%M:%S') AS start, strftime(max(time), '%Y-%m-%dT%H:%M:%S') AS "end" FROM eco_lines`);
  await run(connection, orderCatsSql("eco_order_cats", "NOT wholesale", ids));
  await run(connection, ordersSql("eco_orders", "eco_order_cats"));
  await buildCustomerTables(connection, {customers: "eco_customers", categories: "eco_customer_categories", asOf: null, end, ids});
  return {start, end, scope: await buildScoredCustomers(connection, end, asOf, ids), scheme};
}

/** eco_products with each product's category, by the rule table or from the export's category column, and the
 * scheme that results. An export's categories are ranked by revenue (clean lines); beyond the MAX_CATEGORIES − 1
 * largest they are merged into "other" (counted in `merged`). */
async function buildProducts(connection: DuckDBConnection, keyed: KeyedLines, choice: CategoryChoice): Promise<CategoryScheme> {
  const numbered = (category: string, rule: string) => `CREATE OR REPLACE TABLE eco_products AS
    WITH n AS (SELECT ph, product, ${normaliseSql("product")} AS norm FROM ${keyed.products})
    SELECT CAST(row_number() OVER (ORDER BY product) AS INTEGER) AS productId, ph, product, norm, ${category} AS category, ${rule} AS rule FROM n`;
  if (choice.source !== "export-column") {
    await run(connection, numbered(categorySql("norm", choice.table), ruleIndexSql("norm", choice.table)));
    return rulesScheme(choice);
  }
  if (!keyed.productCategories) throw new Error("the order log has no category column to read categories from");
  const ranked = await queryRows<{category: string}>(connection,
    `SELECT c.category FROM ${keyed.lines} l JOIN ${keyed.productCategories} c USING (ph)
     GROUP BY c.category ORDER BY sum(l.quantity * l.price) DESC, c.category`);
  const own = ranked.map((r) => r.category).filter((c) => c !== OTHER);
  const kept = own.slice(0, MAX_CATEGORIES - 1);
  const keptSql = kept.length ? kept.map(literal).join(", ") : "NULL";
  await run(connection, numbered(`(SELECT CASE WHEN c.category IN (${keptSql}) THEN c.category ELSE ${literal(OTHER)} END FROM ${keyed.productCategories} c WHERE c.ph = n.ph)`, "CAST(NULL AS INTEGER)"));
  return {source: "export-column", from: choice.column, categories: [...kept.map((id) => ({id, label: same(id)})), {id: OTHER, label: terms.otherCategories}], rules: null, merged: own.length - kept.length};
}

const timestampSql = (iso: string) => `TIMESTAMP '${iso.replace("T", " ")}'`;

/** A customer table and its category table, in the shape of eco_customers and eco_customer_categories, from the
 * orders placed before `asOf` (every order when null; an order's time is its first line's). Recency and tenure are
 * measured to `asOf`, or to `end` (the log's last line) when there is none. */
async function buildCustomerTables(connection: DuckDBConnection, {customers, categories, asOf, end, ids}: {customers: string; categories: string; asOf: string | null; end: string; ids: readonly string[]}): Promise<void> {
  const orders = asOf === null ? "eco_orders" : `(SELECT * FROM eco_orders WHERE time < ${timestampSql(asOf)})`;
  const orderCats = asOf === null ? "eco_order_cats" : `(SELECT * FROM eco_order_cats WHERE orderId IN (SELECT orderId FROM ${orders}))`;
  const endTs = timestampSql(asOf ?? end);
  // The first order: earliest time, then lowest order id — one exact integer key (microseconds, then the id).
  const firstKey = "(CAST(epoch_us(time) AS HUGEINT) * 1000000000000 + orderId)";
  await buildOccasions(connection, `${customers}_occasions`, orders);
  await run(connection, `CREATE OR REPLACE TABLE ${customers} AS
    WITH o AS (SELECT cust, count(*) AS orders, sum(revenue) AS revenue, min(time) AS firstTime, max(time) AS lastTime, sum(lines) AS lines,
        arg_min({category: mainCategory, value: revenue}, ${firstKey}) AS firstOrder, bit_or(categoryMask) AS categoryMask
      FROM ${orders} GROUP BY cust)
    SELECT cust, orders, occ.occasions, revenue, revenue / orders AS aov, firstTime, lastTime, lines, categoryMask,
      firstOrder.category AS firstCategory, firstOrder.value AS firstOrderValue,
      (epoch(${endTs}) - epoch(lastTime)) / 86400 AS recencyDays,
      (epoch(${endTs}) - epoch(firstTime)) / 86400 AS tenureDays
    FROM o JOIN ${customers}_occasions occ USING (cust)`);
  // Revenue per category straight from the order × category rows (a pivot per order first would
  // cost more); main category = most revenue, ties → table order.
  const revenueByCategory = ids.map((c, i) => `sum(CASE WHEN rank = ${i} THEN r ELSE 0 END) AS ${ident(`rev_${c}`)}`).join(", ");
  const revList = `[${ids.map((c) => ident(`rev_${c}`)).join(", ")}]`;
  const catList = `[${ids.map((c) => literal(c)).join(", ")}]`;
  const shares = ids.map((c) => `${ident(`rev_${c}`)} / nullif(revenue, 0) AS ${ident(`share_${c}`)}`).join(", ");
  await run(connection, `CREATE OR REPLACE TABLE ${categories} AS
    WITH r AS (SELECT cust, sum(r) AS revenue, ${revenueByCategory} FROM ${orderCats} GROUP BY cust)
    SELECT cust, ${catList}[list_position(${revList}, list_max(${revList}))] AS mainCategory,
      ${ids.map((c) => ident(`rev_${c}`)).join(", ")}, ${shares}
    FROM r`);
}

/** Who the RFM scores and the consumption profiles describe, and what was left out. */
export interface ScoringScope {
  /** Customers are described as of this day (ISO date: the repeat cutoff), from their orders before it; null: the whole log. */
  asOf: string | null;
  /** Customers described (with an order before asOf). */
  customers: number;
  /** Customers first seen on or after asOf: not scored, not profiled. */
  customersLeftOut: number;
  /** Orders (wholesale lines left out) on or after asOf, not counted in anyone's scores. */
  ordersLeftOut: number;
}

/** eco_scored_customers and eco_scored_categories: the customers as RFM scores and profiles see them — as of
 * `asOf` (the repeat cutoff: from then on customer ids look re-used, so an order cannot be attributed to a customer
 * reliably), from the orders before it; with no cutoff, views of eco_customers and eco_customer_categories (no
 * extra work, the same figures). */
async function buildScoredCustomers(connection: DuckDBConnection, end: string, asOf: string | null, ids: readonly string[]): Promise<ScoringScope> {
  if (asOf === null) {
    await run(connection, `CREATE OR REPLACE VIEW eco_scored_customers AS SELECT * FROM eco_customers`);
    await run(connection, `CREATE OR REPLACE VIEW eco_scored_categories AS SELECT * FROM eco_customer_categories`);
  } else await buildCustomerTables(connection, {customers: "eco_scored_customers", categories: "eco_scored_categories", asOf, end, ids});
  const n = await queryOne<{customers: number; everyone: number; ordersLeftOut: number}>(connection, `SELECT
      (SELECT count(*) FROM eco_scored_customers) AS customers, (SELECT count(*) FROM eco_customers) AS everyone,
      ${asOf === null ? "0" : `(SELECT count(*) FROM eco_orders WHERE time >= ${timestampSql(asOf)})`} AS ordersLeftOut`);
  return {asOf, customers: Number(n.customers), customersLeftOut: Number(n.everyone) - Number(n.customers), ordersLeftOut: Number(n.ordersLeftOut)};
}

/** eco_orders_all: orders with their wholesale lines too (for the sensitivity of order-value tests). Only the orders with
 * a wholesale line differ from eco_orders (or are absent from it: wholesale lines only), and they are few: they are
 * rebuilt from their lines (eco_orders_wholesale), the others taken from eco_orders as they are. */
export async function buildOrdersWithWholesale(connection: DuckDBConnection, scheme: CategoryScheme): Promise<void> {
  await run(connection, orderCatsSql("eco_order_cats_all", "orderId IN (SELECT orderId FROM eco_lines WHERE wholesale)", scheme.categories.map((c) => c.id)));
  await run(connection, ordersSql("eco_orders_wholesale", "eco_order_cats_all"));
  await run(connection, `CREATE OR REPLACE VIEW eco_orders_all AS
    SELECT * FROM eco_orders WHERE orderId NOT IN (SELECT orderId FROM eco_orders_wholesale) UNION ALL SELECT * FROM eco_orders_wholesale`);
}
