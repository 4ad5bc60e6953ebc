/** Customer profiles read from the customer tables (loaders/cases/ecommerce/tables.ts): everyone over the whole log
 * (readCustomers), or the customers RFM scores and profiles describe, with their scores (readScoredCustomers: as of the
 * repeat cutoff when there is one).
 *
 * A log of ten million lines has millions of customers, and a plain object per customer with its category records
 * and time texts takes close to a kilobyte. So the figures are kept column by column (CustomerColumns: one typed
 * array per figure, a shared string per label) and each customer is a small view of one row of them (CustomerRow: the
 * columns and a row number, its figures read on demand) — about 20 bytes each, with the same fields as a plain
 * CustomerProfile / ScoredCustomer, which code and tests may also pass in. */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {ident, queryColumns, queryTyped} from "../../io/duckdb.ts";
import {orderedByKey} from "../../io/order-by-key.ts";
import {isoMs} from "../../io/datetime.ts";
import type {AnalysisCategory} from "./tables.ts";
import type {SegmentId} from "./rfm.ts";

/** A customer's figures over the orders of the table read (the whole log, or those before the repeat cutoff). */
export interface CustomerProfile {
  readonly customerId: string;
  readonly orders: number;
  /** Purchase occasions, 1 to MAX_OCCASIONS ("or more"): orders more than RETURN_MIN_HOURS apart (loaders/cases/ecommerce/occasions.ts). */
  readonly occasions: number;
  readonly revenue: number;
  /** Average order value (revenue / orders). */
  readonly aov: number;
  readonly recencyDays: number;
  readonly tenureDays: number;
  /** First and last order time, ISO without a zone ("2019-03-01T10:00:00"). */
  readonly firstTime: string;
  readonly lastTime: string;
  readonly firstCategory: AnalysisCategory;
  readonly firstOrderValue: number;
  readonly mainCategory: AnalysisCategory;
  /** Revenue and share of the customer's revenue per category. */
  readonly categoryRevenue: Record<AnalysisCategory, number>;
  readonly shares: Record<AnalysisCategory, number>;
}

/** A customer with RFM scores and segment (loaders/cases/ecommerce/rfm.ts). */
export interface ScoredCustomer extends CustomerProfile {
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly segment: SegmentId;
}

const FIGURES = ["revenue", "aov", "recencyDays", "tenureDays", "firstMs", "lastMs", "firstOrderValue"] as const;
type Figure = (typeof FIGURES)[number];
/** Whole numbers: orders (Int32Array), occasions and the R, F, M scores (1–3: Uint8Array). */
const COUNTS = ["orders", "occasions", "r", "f", "m"] as const;
type Count = (typeof COUNTS)[number];

/** The customers' figures, one column per figure, in customer id order. */
export interface CustomerColumns {
  size: number;
  ids: string[];
  figures: Record<Figure, Float64Array>;
  counts: Record<Count, Int32Array | Uint8Array>;
  firstCategory: string[];
  mainCategory: string[];
  segment: string[];
  /** The categories of the scheme in use, in its order, with a revenue column each (a share is revenue ÷ the
   * customer's revenue, as the table computes it, not a second column of millions of values). */
  categories: string[];
  categoryRevenue: Float64Array[];
}

const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 19);

/** One customer: a row of CustomerColumns read on demand. */
export class CustomerRow implements ScoredCustomer {
  constructor(readonly table: CustomerColumns, readonly row: number) {}
  get customerId() { return this.table.ids[this.row]; }
  get orders() { return this.table.counts.orders[this.row]; }
  get occasions() { return this.table.counts.occasions[this.row]; }
  get revenue() { return this.table.figures.revenue[this.row]; }
  get aov() { return this.table.figures.aov[this.row]; }
  get recencyDays() { return this.table.figures.recencyDays[this.row]; }
  get tenureDays() { return this.table.figures.tenureDays[this.row]; }
  get firstTime() { return isoOf(this.table.figures.firstMs[this.row]); }
  get lastTime() { return isoOf(this.table.figures.lastMs[this.row]); }
  get firstCategory() { return this.table.firstCategory[this.row]; }
  get firstOrderValue() { return this.table.figures.firstOrderValue[this.row]; }
  get mainCategory() { return this.table.mainCategory[this.row]; }
  get categoryRevenue() { return this.byCategory((revenue) => revenue); }
  /** Each category's revenue ÷ the customer's revenue (0 when they spent nothing), as the SQL divides. */
  get shares() {
    const total = this.revenue;
    return this.byCategory((revenue) => (total === 0 ? 0 : revenue / total));
  }
  get r() { return this.table.counts.r[this.row]; }
  get f() { return this.table.counts.f[this.row]; }
  get m() { return this.table.counts.m[this.row]; }
  get segment() { return this.table.segment[this.row] as SegmentId; }

  /** A record of `value(revenue in the category)` per category. */
  private byCategory(value: (revenue: number) => number): Record<AnalysisCategory, number> {
    const out: Record<AnalysisCategory, number> = {};
    const {categories, categoryRevenue} = this.table;
    for (let j = 0; j < categories.length; j++) out[categories[j]] = value(categoryRevenue[j][this.row]);
    return out;
  }

  /** The customer as a plain object (every field of a ScoredCustomer; scores absent when the table has none). */
  toObject(): ScoredCustomer {
    const {customerId, orders, occasions, revenue, aov, recencyDays, tenureDays, firstTime, lastTime, firstCategory, firstOrderValue, mainCategory, categoryRevenue, shares} = this;
    const profile = {customerId, orders, occasions, revenue, aov, recencyDays, tenureDays, firstTime, lastTime, firstCategory, firstOrderValue, mainCategory, categoryRevenue, shares};
    return (this.table.segment.length ? {...profile, r: this.r, f: this.f, m: this.m, segment: this.segment} : profile) as ScoredCustomer;
  }
}

/** A numeric column with missing values as 0 (as the tables' sums of nothing). */
const zeroFilled = (values: Float64Array | undefined, size: number) => {
  const out = values ?? new Float64Array(size);
  for (let i = 0; i < size; i++) if (Number.isNaN(out[i])) out[i] = 0;
  return out;
};

/** Every customer's id in id order: customer number k (eco_customer_ids.k, from 1) at k − 1. Read once, and shared by
 * the lists of customers read after it (each names its customers by number: millions of ids are not decoded twice). */
export async function readCustomerIds(connection: DuckDBConnection): Promise<string[]> {
  // Ids such as UUIDs are too long for DuckDB to keep inline, and one call into it per id is most of the time of
  // reading millions: so they come joined, ID_BLOCK to a text, and are split here.
  const {columns} = await queryColumns<{n: number[]; ids: string[]}>(connection, `SELECT count(*) AS n, string_agg(customerId, chr(1) ORDER BY k) AS ids
    FROM eco_customer_ids GROUP BY (k - 1) // ${ID_BLOCK} ORDER BY (k - 1) // ${ID_BLOCK}`);
  const blocks = columns.ids.map((text) => String(text).split(ID_SEPARATOR));
  if (blocks.some((ids, b) => ids.length !== columns.n[b])) {
    // An id holds the separator: read them one by one.
    const {columns: one} = await queryColumns(connection, "SELECT customerId FROM eco_customer_ids ORDER BY k");
    return one.customerId.map(String);
  }
  return blocks.flat();
}

/** Ids joined per text when read (readCustomerIds), and what joins them (chr(1): a control character, not expected in an id). */
const ID_BLOCK = 16_384;
const ID_SEPARATOR = "\u0001";

/** The customers of `customers` and `categories` (and scores, when given), column by column, in customer id order. */
async function readColumns(connection: DuckDBConnection, customers: string, categories: string, scores: string | null, allIds: readonly string[]): Promise<CustomerColumns> {
  // Money is a DECIMAL in the tables (exact sums); read as DOUBLE, as the report computes with it. Labels are read as
  // their types (eco_category, eco_segment: tables.ts, rfm.ts). Rows are put in customer order here (orderedByKey), not
  // sorted by DuckDB.
  const {rows: size, numbers, texts} = orderedByKey(await queryTyped(connection, `SELECT ids.k AS customer, c.orders, c.occasions, CAST(c.revenue AS DOUBLE) AS revenue,
      CAST(c.aov AS DOUBLE) AS aov, c.recencyDays, c.tenureDays, epoch_ms(date_trunc('second', c.firstTime)) AS firstMs, epoch_ms(date_trunc('second', c.lastTime)) AS lastMs,
      CAST(c.firstCategory AS eco_category) AS firstCategory, CAST(c.firstOrderValue AS DOUBLE) AS firstOrderValue, CAST(cc.mainCategory AS eco_category) AS mainCategory,
      CAST(COLUMNS('^rev_') AS DOUBLE)${scores ? ", CAST(s.r AS DOUBLE) AS r, CAST(s.f AS DOUBLE) AS f, CAST(s.m AS DOUBLE) AS m, CAST(s.segment AS eco_segment) AS segment" : ""}
    FROM ${ident(customers)} c JOIN ${ident(categories)} cc USING (cust)${scores ? ` JOIN ${ident(scores)} s USING (cust)` : ""} JOIN eco_customer_ids ids USING (cust)`), "customer");
  // One rev_<category> column per category of the scheme in use, in its order (tables.ts).
  const categoryIds = Object.keys(numbers).filter((key) => key.startsWith("rev_")).map((key) => key.slice("rev_".length));
  const text = (name: string) => (texts[name] ?? []) as string[];
  return {
    size, ids: Array.from(numbers.customer ?? [], (k) => allIds[k - 1]),
    figures: Object.fromEntries(FIGURES.map((f) => [f, zeroFilled(numbers[f], size)])) as Record<Figure, Float64Array>,
    counts: Object.fromEntries(COUNTS.map((f) => [f, (f === "orders" ? Int32Array : Uint8Array).from(zeroFilled(numbers[f], size))])) as Record<Count, Int32Array | Uint8Array>,
    firstCategory: text("firstCategory"), mainCategory: text("mainCategory"), segment: scores ? text("segment") : [],
    categories: categoryIds, categoryRevenue: categoryIds.map((k) => zeroFilled(numbers[`rev_${k}`], size))
  };
}

/** The table behind `customers` when they are its rows in order (as read), else null (plain objects, a subset). */
export function tableOf(customers: readonly CustomerProfile[]): CustomerColumns | null {
  const first = customers[0];
  if (!(first instanceof CustomerRow) || first.table.size !== customers.length) return null;
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    if (!(c instanceof CustomerRow) || c.table !== first.table || c.row !== i) return null;
  }
  return first.table;
}

/** Customer i's first or last order time in epoch ms: from the table's column when `customers` are its rows, else parsed
 * from firstTime / lastTime (no text made and parsed again per customer of millions). */
export function orderMsOf(customers: readonly CustomerProfile[], which: "first" | "last"): (i: number) => number {
  const table = tableOf(customers);
  const column = table?.figures[which === "first" ? "firstMs" : "lastMs"];
  return column ? (i) => column[i] : which === "first" ? (i) => isoMs(customers[i].firstTime) : (i) => isoMs(customers[i].lastTime);
}

const rowsOf = (table: CustomerColumns): CustomerRow[] => Array.from({length: table.size}, (_, i) => new CustomerRow(table, i));

/** Every customer, over the whole log (first orders, time to a second order). */
export async function readCustomers(connection: DuckDBConnection, ids?: readonly string[]): Promise<CustomerRow[]> {
  return rowsOf(await readColumns(connection, "eco_customers", "eco_customer_categories", null, ids ?? (await readCustomerIds(connection))));
}

/** The customers RFM scored (eco_scored_customers, as of the repeat cutoff when there is one), with their scores from eco_rfm
 * (`ids`: readCustomerIds, when already read). */
export async function readScoredCustomers(connection: DuckDBConnection, ids?: readonly string[]): Promise<CustomerRow[]> {
  return rowsOf(await readColumns(connection, "eco_scored_customers", "eco_scored_categories", "eco_rfm", ids ?? (await readCustomerIds(connection))));
}
