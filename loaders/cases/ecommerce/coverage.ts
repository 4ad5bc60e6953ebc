/**
 * How well the rule table categorises the log: share of lines and revenue categorised (with and
 * without wholesale lines), totals per category, how often each rule fired, the best-selling
 * products per category and the largest names no rule matched. All in SQL over eco_lines.
 */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {ident, queryOne, queryRows} from "../../io/duckdb.ts";
import {categoryLabel, categoryTable, type CategoryOrOther} from "./categories.ts";
import {ANALYSIS_CATEGORIES, countsByCategorySql, type AnalysisCategory} from "./tables.ts";

export interface CoverageShares {
  lines: number;
  revenue: number;
  /** Share of lines / revenue given one of the eight categories. */
  linesCategorised: number;
  revenueCategorised: number;
  /** Share given "other" (home goods outside the eight). */
  linesOther: number;
  revenueOther: number;
  /** Share no rule matched. */
  linesUncategorised: number;
  revenueUncategorised: number;
}

export interface CategoryTotal {
  category: CategoryOrOther;
  label: string;
  lines: number;
  orders: number;
  customers: number;
  products: number;
  /** Revenue without wholesale lines, and with them. */
  revenue: number;
  revenueWithWholesale: number;
  /** Share of all revenue (without wholesale). */
  revenueShare: number;
  lineShare: number;
  medianPrice: number;
  topProducts: {product: string; lines: number; revenue: number}[];
}

export interface RuleUse {
  rule: number;
  category: CategoryOrOther;
  label: string;
  note: string;
  stems: string[];
  /** Each pattern with its description in words (readers see the words). */
  patterns: {pattern: string; reads: string}[];
  /** Distinct product names, lines and revenue (without wholesale) this rule categorised. */
  products: number;
  lines: number;
  revenue: number;
}

export interface CoverageReport {
  /** All clean lines, wholesale included. */
  withWholesale: CoverageShares;
  /** Clean lines without wholesale lines (what profiles use). */
  withoutWholesale: CoverageShares;
  distinctProducts: number;
  categorisedProducts: number;
  categories: CategoryTotal[];
  rules: RuleUse[];
  uncategorised: {product: string; lines: number; revenue: number}[];
  about: string[];
}

async function shares(connection: DuckDBConnection, where: string): Promise<CoverageShares> {
  const r = await queryOne<Record<string, number>>(connection, `SELECT count(*) AS lines, sum(revenue) AS revenue,
      count(*) FILTER (WHERE category IS NOT NULL AND category <> 'other') AS lc, coalesce(sum(revenue) FILTER (WHERE category IS NOT NULL AND category <> 'other'), 0) AS rc,
      count(*) FILTER (WHERE category = 'other') AS lo, coalesce(sum(revenue) FILTER (WHERE category = 'other'), 0) AS ro,
      count(*) FILTER (WHERE category IS NULL) AS lu, coalesce(sum(revenue) FILTER (WHERE category IS NULL), 0) AS ru
    FROM eco_lines WHERE ${where}`);
  return {
    lines: r.lines, revenue: r.revenue,
    linesCategorised: r.lc / r.lines, revenueCategorised: r.rc / r.revenue,
    linesOther: r.lo / r.lines, revenueOther: r.ro / r.revenue,
    linesUncategorised: r.lu / r.lines, revenueUncategorised: r.ru / r.revenue
  };
}

export async function coverageReport(connection: DuckDBConnection, {topProducts = 5, uncategorised = 15} = {}): Promise<CoverageReport> {
  const withWholesale = await shares(connection, "true");
  const withoutWholesale = await shares(connection, "NOT wholesale");
  const {distinctProducts, categorisedProducts} = await queryOne<{distinctProducts: number; categorisedProducts: number}>(connection,
    `SELECT count(*) AS distinctProducts, count(*) FILTER (WHERE category IS NOT NULL) AS categorisedProducts FROM eco_products`);
  const totals = await queryRows<{cat: string; lines: number; revenue: number; revenueAll: number; medianPrice: number}>(connection,
    `SELECT cat, count(*) FILTER (WHERE NOT wholesale) AS lines, coalesce(sum(revenue) FILTER (WHERE NOT wholesale), 0) AS revenue,
       sum(revenue) AS revenueAll, median(price) FILTER (WHERE NOT wholesale) AS medianPrice
     FROM eco_lines GROUP BY cat`);
  const orders = await countByCategory(connection, "eco_orders");
  const customers = await countByCategory(connection, "eco_customers");
  const products = await queryRows<{cat: string; products: number}>(connection,
    `SELECT coalesce(category, 'other') AS cat, count(*) AS products FROM eco_products GROUP BY 1`);
  const top = await queryRows<{cat: string; product: string; lines: number; revenue: number}>(connection,
    `SELECT t.cat, p.product, t.lines, t.revenue FROM (
       SELECT cat, productId, count(*) AS lines, sum(revenue) AS revenue,
         row_number() OVER (PARTITION BY cat ORDER BY sum(revenue) DESC, productId) AS k
       FROM eco_lines WHERE NOT wholesale GROUP BY cat, productId) t JOIN eco_products p USING (productId)
     WHERE t.k <= ${topProducts} ORDER BY t.cat, t.k`);
  const totalRevenue = withoutWholesale.revenue;
  const totalLines = withoutWholesale.lines;
  const categories: CategoryTotal[] = ANALYSIS_CATEGORIES.flatMap((c) => {
    const t = totals.find((x) => x.cat === c);
    if (!t) return [];
    return [{
      category: c, label: categoryLabel[c], lines: t.lines, orders: orders[c], customers: customers[c],
      products: products.find((p) => p.cat === c)?.products ?? 0,
      revenue: t.revenue, revenueWithWholesale: t.revenueAll, revenueShare: t.revenue / totalRevenue, lineShare: t.lines / totalLines,
      medianPrice: t.medianPrice ?? 0,
      topProducts: top.filter((p) => p.cat === c).map(({product, lines, revenue}) => ({product, lines, revenue}))
    }];
  });
  const hits = await queryRows<{rule: number; products: number; lines: number; revenue: number}>(connection,
    `SELECT p.rule, count(*) AS products, sum(coalesce(u.lines, 0)) AS lines, sum(coalesce(u.revenue, 0)) AS revenue
     FROM eco_products p LEFT JOIN (SELECT productId, count(*) AS lines, sum(revenue) AS revenue FROM eco_lines WHERE NOT wholesale GROUP BY productId) u USING (productId)
     WHERE p.rule IS NOT NULL GROUP BY p.rule`);
  const rules: RuleUse[] = categoryTable.rules.map((r, i) => {
    const h = hits.find((x) => x.rule === i + 1);
    return {rule: i + 1, category: r.category, label: categoryLabel[r.category], note: r.note, stems: r.stems, patterns: (r.patterns ?? []).map((pattern, j) => ({pattern, reads: r.patternsRead![j]})),
      products: h?.products ?? 0, lines: h?.lines ?? 0, revenue: h?.revenue ?? 0};
  });
  const unmatched = await queryRows<{product: string; lines: number; revenue: number}>(connection,
    `SELECT p.product, u.lines, u.revenue FROM (SELECT productId, count(*) AS lines, sum(revenue) AS revenue FROM eco_lines WHERE category IS NULL GROUP BY productId) u
     JOIN eco_products p USING (productId) ORDER BY u.revenue DESC, p.product LIMIT ${uncategorised}`);
  return {withWholesale, withoutWholesale, distinctProducts, categorisedProducts, categories, rules, uncategorised: unmatched, about: categoryTable.about};
}

/** Rows of `table` (eco_orders or eco_customers) per category they have a line in, from their category masks. */
async function countByCategory(connection: DuckDBConnection, table: string): Promise<Record<AnalysisCategory, number>> {
  return queryOne<Record<AnalysisCategory, number>>(connection,
    `SELECT ${countsByCategorySql()} FROM ${ident(table)}`);
}

/** Clean lines per category as {category: count} (wholesale lines included unless asked). */
export async function linesByCategory(connection: DuckDBConnection, {wholesale = true} = {}): Promise<Record<string, number>> {
  const rows = await queryRows<{cat: string; n: number}>(connection, `SELECT cat, count(*) AS n FROM eco_lines ${wholesale ? "" : "WHERE NOT wholesale"} GROUP BY cat`);
  return Object.fromEntries(rows.map((r) => [r.cat, r.n]));
}

