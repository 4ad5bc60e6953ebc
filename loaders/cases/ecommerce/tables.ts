/**
 * The e-commerce analysis tables, built in DuckDB SQL on top of the clean order lines
 * (loaders/clean/ecommerce.ts → a view with line, time, customerId, orderId, product, quantity,
 * price, wholesale), so the whole chain scales to logs of millions of lines:
 *
 *   eco_products   one row per distinct product name: normalised name, category, rule number
 *   eco_lines      clean lines with revenue (quantity × price) and category ("other" for home
 *                  goods outside the eight categories, NULL when no rule matched)
 *   eco_orders     one row per order, wholesale lines left out (eco_orders_all: with them): customer, time of the order
 *                  (its first line), revenue, lines, units, main category (the category with the
 *                  most lines; ties → higher revenue → table order)
 *   eco_customers  one row per customer (wholesale lines left out): orders, revenue, average order
 *                  value, first/last order, recency in days to the end of the log, revenue and
 *                  share per category, main category, category of the first order
 *
 * Wholesale lines stay in eco_lines (flagged) so coverage and revenue can be shown with and
 * without them; every consumption profile is computed without them.
 */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {ident, literal, queryOne, run} from "../../io/duckdb.ts";
import {CATEGORY_IDS, categorySql, normaliseSql, ruleIndexSql} from "./categories.ts";

/** Category order used for ties and display: the eight categories, then "other". */
export const ANALYSIS_CATEGORIES = [...CATEGORY_IDS, "other"] as const;
export type AnalysisCategory = (typeof ANALYSIS_CATEGORIES)[number];

const categoryRank = `CASE cat ${ANALYSIS_CATEGORIES.map((c, i) => `WHEN ${literal(c)} THEN ${i}`).join(" ")} ELSE 99 END`;

function ordersSql(name: string, where: string): string {
  return `CREATE OR REPLACE TABLE ${name} AS
    WITH l AS (SELECT * FROM eco_lines WHERE ${where}),
    byCat AS (SELECT orderId, cat, count(*) AS n, sum(revenue) AS r, ${categoryRank} AS rank FROM l GROUP BY orderId, cat)
    SELECT o.orderId, o.customerId, o.time, o.revenue, o.lines, o.units, m.mainCategory,
      dayofweek(o.time) AS weekday, hour(o.time) AS hour, strftime(o.time, '%Y-%m') AS month, month(o.time) AS calendarMonth
    FROM (SELECT orderId, any_value(customerId) AS customerId, min(time) AS time, sum(revenue) AS revenue, count(*) AS lines, sum(quantity) AS units
          FROM l GROUP BY orderId) o
    JOIN (SELECT orderId, first(cat ORDER BY n DESC, r DESC, rank) AS mainCategory FROM byCat GROUP BY orderId) m USING (orderId)`;
}

export interface TablesInfo {
  /** End of the log: the last clean line's time (recency is measured to it). */
  end: string;
  start: string;
}

/** Build eco_products, eco_lines, eco_orders and eco_customers from the clean lines `clean`. */
export async function buildTables(connection: DuckDBConnection, clean: string): Promise<TablesInfo> {
  const src = ident(clean);
  await run(connection, `CREATE OR REPLACE TABLE eco_products AS
    WITH d AS (SELECT DISTINCT product FROM ${src}), n AS (SELECT product, ${normaliseSql("product")} AS norm FROM d)
    SELECT product, norm, ${categorySql("norm")} AS category, ${ruleIndexSql("norm")} AS rule FROM n`);
  await run(connection, `CREATE OR REPLACE TABLE eco_lines AS
    SELECT l.line, l.time, l.customerId, l.orderId, l.product, l.quantity, l.price, l.quantity * l.price AS revenue, l.wholesale,
      p.category, p.rule, coalesce(p.category, 'other') AS cat
    FROM ${src} l JOIN eco_products p USING (product)`);
  const {start, end} = await queryOne<{start: string; end: string}>(connection,
    `SELECT strftime(min(time), '%Y-%m-%dT%H:%M:%S') AS start, strftime(max(time), '%Y-%m-%dT%H:%M:%S') AS "end" FROM eco_lines`);
  await run(connection, ordersSql("eco_orders", "NOT wholesale"));
  await run(connection, ordersSql("eco_orders_all", "true"));
  const perCat = ANALYSIS_CATEGORIES.map((c) => `coalesce(sum(revenue) FILTER (WHERE cat = ${literal(c)}), 0) AS ${ident(`rev_${c}`)}`).join(",\n      ");
  const shares = ANALYSIS_CATEGORIES.map((c) => `${ident(`rev_${c}`)} / nullif(c.revenue, 0) AS ${ident(`share_${c}`)}`).join(", ");
  await run(connection, `CREATE OR REPLACE TABLE eco_customers AS
    WITH o AS (SELECT customerId, count(*) AS orders, sum(revenue) AS revenue, min(time) AS firstTime, max(time) AS lastTime,
        sum(lines) AS lines, first(mainCategory ORDER BY time, orderId) AS firstCategory, first(revenue ORDER BY time, orderId) AS firstOrderValue
      FROM eco_orders GROUP BY customerId),
    r AS (SELECT customerId, ${perCat} FROM eco_lines WHERE NOT wholesale GROUP BY customerId),
    main AS (SELECT customerId, first(cat ORDER BY rev DESC, ${categoryRank}) AS mainCategory
      FROM (SELECT customerId, cat, sum(revenue) AS rev FROM eco_lines WHERE NOT wholesale GROUP BY customerId, cat) GROUP BY customerId),
    c AS (SELECT o.*, r.* EXCLUDE (customerId), main.mainCategory FROM o JOIN r USING (customerId) JOIN main USING (customerId))
    SELECT customerId, orders, revenue, revenue / orders AS aov, firstTime, lastTime, lines, firstCategory, firstOrderValue, mainCategory,
      (epoch(TIMESTAMP '${end.replace("T", " ")}') - epoch(lastTime)) / 86400 AS recencyDays,
      (epoch(TIMESTAMP '${end.replace("T", " ")}') - epoch(firstTime)) / 86400 AS tenureDays,
      ${ANALYSIS_CATEGORIES.map((cat) => ident(`rev_${cat}`)).join(", ")}, ${shares}
    FROM c`);
  return {start, end};
}
