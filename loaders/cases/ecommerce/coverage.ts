/**
 * How well the categories cover the log: where they come from (the export's column, a rule file in
 * DATA_DIR or the built-in rules), share of lines and revenue categorised (with and without wholesale
 * lines), totals per category, how often each rule fired, the best-selling products per category and
 * the largest uncategorised names; a warning when most revenue stays uncategorised. SQL over eco_lines.
 */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {ident, queryOne, queryRows} from "../../io/duckdb.ts";
import {both, type Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";
import {BUILT_IN_SCHEME, DATA_DIR_RULES, labelTextsOf, OTHER, type CategoryOrOther, type CategoryScheme, type CategorySource} from "./categories.ts";
import {countsByCategorySql, type AnalysisCategory} from "./tables.ts";

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
  label: Text;
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
  label: Text;
  note: Text;
  stems: string[];
  /** Each pattern with its description in words (readers see the words). */
  patterns: {pattern: string; reads: Text}[];
  /** Distinct product names, lines and revenue (without wholesale) this rule categorised. */
  products: number;
  lines: number;
  revenue: number;
}

/** Share of revenue (wholesale lines left out) uncategorised above which the pages warn that category findings do not cover the store. */
export const COVERAGE_WARNING_SHARE = 0.5;

export interface CategoriesSource {
  kind: CategorySource;
  /** The export column's header, the rule file, or the built-in table's path. */
  from: string;
  /** Where the categories come from, in a sentence for readers. */
  text: Text;
  /** Export categories merged into "other" (only the largest are kept apart). */
  merged: number;
  /** Named categories the source declares ("other" aside), whether or not any line falls in them. */
  declared: number;
}

export interface CoverageReport {
  source: CategoriesSource;
  /** Set when more than COVERAGE_WARNING_SHARE of revenue is uncategorised: what it means and what to do. */
  warning: Text | null;
  /** All clean lines, wholesale included. */
  withWholesale: CoverageShares;
  /** Clean lines without wholesale lines (what profiles use). */
  withoutWholesale: CoverageShares;
  distinctProducts: number;
  categorisedProducts: number;
  categories: CategoryTotal[];
  rules: RuleUse[];
  uncategorised: {product: string; lines: number; revenue: number}[];
  about: Text[];
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

/** Where the categories come from, in words. */
export function sourceText(scheme: CategoryScheme): Text {
  const rules = scheme.rules?.rules.length ?? 0;
  const ru = formats("ru");
  switch (scheme.source) {
    case "export-column": {
      const other = scheme.categories[scheme.categories.length - 1].label;
      return {
        en: `Categories come from the export's own column “${scheme.from}”: each product takes the category most of its lines carry` +
          (scheme.merged ? `; beyond the ${scheme.categories.length - 1} largest by revenue, ${scheme.merged} smaller categories are shown together as “${other.en}”.` : "."),
        ru: `Категории взяты из собственного столбца выгрузки «${scheme.from}»: каждый товар получает категорию, которая стоит в большинстве его строк` +
          (scheme.merged ? `; кроме ${scheme.categories.length - 1} крупнейших по выручке, остальные категории (${ru.int(scheme.merged)}) показаны вместе как «${other.ru}».` : ".")
      };
    }
    case "rule-file":
      return {
        en: `Categories come from the rule file ${DATA_DIR_RULES} in the data folder (${rules} rules written for this store).`,
        ru: `Категории заданы файлом правил ${DATA_DIR_RULES} в папке данных (${ru.plural(rules, "правило", "правила", "правил")}, написанных для этого магазина).`
      };
    default:
      return {
        en: `Categories come from the built-in rules (${rules} rules), written for one garden and household store: another store's products need their own category column or rule file.`,
        ru: `Категории заданы встроенными правилами (${ru.plural(rules, "правило", "правила", "правил")}), написанными для одного магазина товаров для дома и сада: товарам другого магазина нужен собственный столбец категорий или файл правил.`
      };
  }
}

/** The warning when most revenue stays uncategorised (null otherwise). */
export function coverageWarning(scheme: CategoryScheme, revenueUncategorised: number): Text | null {
  if (!(revenueUncategorised > COVERAGE_WARNING_SHARE)) return null;
  return both((lang) => {
    const pct = (x: number) => formats(lang).pct(x, 0);
    if (lang === "en") {
      const todo = scheme.source === "export-column"
        ? `fill in the category column “${scheme.from}” for the products left blank, or map another column that holds the category`
        : `map the export's product category column to the role "category" in clientele-mapping.json, or write rules for this store's products in DATA_DIR/${DATA_DIR_RULES} (same format as the built-in table)`;
      return `${Math.round(revenueUncategorised * 100)} % of revenue is in products with no category, so figures by category describe only ${Math.round((1 - revenueUncategorised) * 100)} % of the store's revenue, not the store. To fix: ${todo}.`;
    }
    const todo = scheme.source === "export-column"
      ? `заполните столбец категорий «${scheme.from}» для товаров, где он пуст, или сопоставьте другой столбец, в котором есть категория`
      : `сопоставьте столбец категории товара из выгрузки роли «category» в clientele-mapping.json или напишите правила для товаров этого магазина в DATA_DIR/${DATA_DIR_RULES} (в том же формате, что и встроенная таблица)`;
    return `${pct(revenueUncategorised)} выручки приходится на товары без категории, поэтому цифры по категориям описывают только ${pct(1 - revenueUncategorised)} выручки магазина, а не весь магазин. Как исправить: ${todo}.`;
  });
}

export async function coverageReport(connection: DuckDBConnection, scheme: CategoryScheme = BUILT_IN_SCHEME, {topProducts = 5, uncategorised = 15} = {}): Promise<CoverageReport> {
  const ids = scheme.categories.map((c) => c.id);
  const categoryLabel = labelTextsOf(scheme);
  const withWholesale = await shares(connection, "true");
  const withoutWholesale = await shares(connection, "NOT wholesale");
  const {distinctProducts, categorisedProducts} = await queryOne<{distinctProducts: number; categorisedProducts: number}>(connection,
    `SELECT count(*) AS distinctProducts, count(*) FILTER (WHERE category IS NOT NULL) AS categorisedProducts FROM eco_products`);
  const totals = await queryRows<{cat: string; lines: number; revenue: number; revenueAll: number; medianPrice: number}>(connection,
    `SELECT cat, count(*) FILTER (WHERE NOT wholesale) AS lines, coalesce(sum(revenue) FILTER (WHERE NOT wholesale), 0) AS revenue,
       sum(revenue) AS revenueAll, median(price) FILTER (WHERE NOT wholesale) AS medianPrice
     FROM eco_lines GROUP BY cat`);
  const orders = await countByCategory(connection, "eco_orders", ids);
  const customers = await countByCategory(connection, "eco_customers", ids);
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
  const categories: CategoryTotal[] = ids.flatMap((c) => {
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
  const rules: RuleUse[] = (scheme.rules?.rules ?? []).map((r, i) => {
    const h = hits.find((x) => x.rule === i + 1);
    return {rule: i + 1, category: r.category, label: categoryLabel[r.category], note: r.note, stems: r.stems, patterns: (r.patterns ?? []).map((pattern, j) => ({pattern, reads: r.patternsRead![j]})),
      products: h?.products ?? 0, lines: h?.lines ?? 0, revenue: h?.revenue ?? 0};
  });
  const unmatched = await queryRows<{product: string; lines: number; revenue: number}>(connection,
    `SELECT p.product, u.lines, u.revenue FROM (SELECT productId, count(*) AS lines, sum(revenue) AS revenue FROM eco_lines WHERE category IS NULL GROUP BY productId) u
     JOIN eco_products p USING (productId) ORDER BY u.revenue DESC, p.product LIMIT ${uncategorised}`);
  const source: CategoriesSource = {kind: scheme.source, from: scheme.from, text: sourceText(scheme), merged: scheme.merged, declared: ids.filter((id) => id !== OTHER).length};
  return {source, warning: coverageWarning(scheme, withoutWholesale.revenueUncategorised), withWholesale, withoutWholesale, distinctProducts, categorisedProducts, categories, rules, uncategorised: unmatched, about: scheme.rules?.about ?? []};
}

/** Rows of `table` (eco_orders or eco_customers) per category they have a line in, from their category masks. */
async function countByCategory(connection: DuckDBConnection, table: string, ids: readonly string[]): Promise<Record<AnalysisCategory, number>> {
  return queryOne<Record<AnalysisCategory, number>>(connection,
    `SELECT ${countsByCategorySql(ids)} FROM ${ident(table)}`);
}

/** Clean lines per category as {category: count} (wholesale lines included unless asked). */
export async function linesByCategory(connection: DuckDBConnection, {wholesale = true} = {}): Promise<Record<string, number>> {
  const rows = await queryRows<{cat: string; n: number}>(connection, `SELECT cat, count(*) AS n FROM eco_lines ${wholesale ? "" : "WHERE NOT wholesale"} GROUP BY cat`);
  return Object.fromEntries(rows.map((r) => [r.cat, r.n]));
}

