/**
 * E-commerce case: clean the order-line log in DuckDB SQL, so a 10-million-line log stays fast.
 *
 * Rules, applied in this order (each counted in the quality report):
 *  1. Exact duplicates — a line identical in every column (same hour too) to an earlier line is
 *     dropped.
 *  2. Orders shared by several customers — an order belongs to the customer of its first line
 *     (earliest hour, then earliest line in the file); its other lines are reassigned to them.
 *  3. Lines repeated at another hour — the log re-records an order's lines when the order is
 *     updated; for each order + product only the lines at the first hour it appears are kept.
 *  4. Wholesale quantities — a line is flagged `wholesale` when its quantity exceeds
 *     exp(Q3 + k × IQR) of ln(quantity) over the kept lines with more than one unit (k = 3),
 *     i.e. far beyond what multi-unit household purchases look like in this log.
 *
 * `cleanEcommerceInto(connection, dataDir)` leaves the clean lines in a table or view of the
 * given connection (columns: line, time TIMESTAMP, customerId, orderId, product, quantity, price,
 * wholesale) for further SQL; `loadEcommerce(dataDir)` returns them as plain rows.
 */
import {settings} from "../settings.ts";
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne, queryRows, run, withDatabase} from "../io/duckdb.ts";
import {readCase} from "../io/read-case.ts";
import {datetimeSql} from "../io/datetime.ts";
import {ecommerceSchema} from "../io/schemas/ecommerce.ts";
import type {Exclusion, Finding, QualityReport, Repair} from "../quality/types.ts";
import {robustOutliers} from "../quality/outliers.ts";
import {markupInText} from "../quality/markup.ts";
import {examples} from "../quality/sql-examples.ts";
import {buildReport} from "../quality/report.ts";
import {count} from "../quality/words.ts";

export interface OrderLine {
  /** Line in ecom_dataset_upd.csv (header = line 1). */
  line: number;
  /** Local date and hour, "YYYY-MM-DDTHH:00:00". */
  time: string;
  /** The order's customer after resolving shared orders. */
  customerId: string;
  orderId: number;
  product: string;
  quantity: number;
  price: number;
  /** Quantity beyond the computed wholesale threshold. */
  wholesale: boolean;
}

export interface EcommerceOptions {
  /** Name of the clean table/view created in the connection (default "order_lines_clean"). */
  name?: string;
  /** Materialise the clean lines as a table (default false: a view over the annotated table). */
  materialize?: boolean;
  /** Tukey multiplier for the wholesale threshold on ln(quantity) (default 3). */
  wholesaleK?: number;
}

export interface EcommerceClean {
  /** Table or view holding the clean lines. */
  name: string;
  /** Quantity above which a line is wholesale (null if quantities do not vary enough). */
  wholesaleThreshold: number | null;
  quality: QualityReport;
}

const file = "ecom_dataset_upd.csv";

/** Read, audit and clean DATA_DIR/ecommerce/ into `name` in the given connection. */
export async function cleanEcommerceInto(connection: DuckDBConnection, dataDir: string = settings.dataDir, {name = "order_lines_clean", materialize = false, wholesaleK = 3}: EcommerceOptions = {}): Promise<EcommerceClean> {
  const read = await readCase(connection, dataDir, ecommerceSchema);
  const findings: Finding[] = [];
  const repairs: Repair[] = [];
  const exclusions: Exclusion[] = [];

  const validation = read.files.order_lines.validation;
  const missing = Object.entries(validation.nulls).filter(([, n]) => n > 0);
  findings.push({kind: "missing", file, rows: missing.reduce((s, [, n]) => s + n, 0), groups: missing.length, examples: [],
    summary: missing.length ? `values are missing (${missing.map(([f, n]) => `${f}: ${n}`).join(", ")})` : `no value is missing in ${file}`});

  // One pass groups exact copies; two window partitions find each order's owner (the customer of
  // its first line) and each order + product's first hour.
  await run(connection, `CREATE OR REPLACE TABLE order_lines_annotated AS
    WITH copies AS (
      SELECT min(line) AS line, max(line) AS lastCopy, count(*) - 1 AS copies, time, customerId, orderId, product, quantity, price
      FROM (SELECT rowid + ${read.files.order_lines.lineOffset} AS line, ${datetimeSql("date")} AS time, customerId,
              CAST(orderId AS BIGINT) AS orderId, product, CAST(quantity AS BIGINT) AS quantity, price FROM order_lines)
      GROUP BY time, customerId, orderId, product, quantity, price)
    SELECT line, lastCopy, copies, time, customerId AS sourceCustomerId, orderId, product, quantity, price,
      arg_min(customerId, (time, line)) OVER (PARTITION BY orderId) AS customerId,
      min(time) OVER (PARTITION BY orderId, product) AS firstTime
    FROM copies`);
  await run(connection, "DROP TABLE order_lines");
  const a = "order_lines_annotated";

  const totals = await queryOne<{dupRows: number; dupGroups: number; distinctRows: number; moved: number; repeatedRows: number; repeatedGroups: number; repeatedOrders: number}>(connection,
    `SELECT coalesce(sum(copies), 0) AS dupRows, count(*) FILTER (WHERE copies > 0) AS dupGroups, count(*) AS distinctRows,
       count(*) FILTER (WHERE sourceCustomerId <> customerId) AS moved,
       count(*) FILTER (WHERE time > firstTime) AS repeatedRows,
       count(DISTINCT (orderId, product)) FILTER (WHERE time > firstTime) AS repeatedGroups,
       count(DISTINCT orderId) FILTER (WHERE time > firstTime) AS repeatedOrders
     FROM ${a}`);

  // 1. exact duplicates
  const dupRows = totals.dupRows;
  const dupExamples = dupRows ? await examples(connection,
    `SELECT lastCopy AS line, orderId AS id, 'copy of line ' || line AS note FROM ${a} WHERE copies > 0 ORDER BY line LIMIT 5`, file) : [];
  findings.push({kind: "exact-duplicate", file, rows: dupRows, groups: totals.dupGroups,
    summary: dupRows ? `${count(dupRows, "line repeats", "lines repeat")} an earlier line exactly` : "no line repeats another exactly",
    method: "lines equal in all six columns", examples: dupExamples});
  repairs.push({id: "drop-exact-duplicates", file, action: "removed", rows: dupRows, description: "Lines identical in every column to an earlier line are counted once.", examples: dupExamples});

  // 2. orders shared by several customers
  await run(connection, `CREATE OR REPLACE TEMP TABLE shared_orders AS
    SELECT orderId, count(DISTINCT sourceCustomerId) AS customers, count(*) AS lines, min(line) AS first FROM ${a} GROUP BY orderId HAVING count(DISTINCT sourceCustomerId) > 1`);
  const shared = await queryOne<{orders: number; rows: number}>(connection, "SELECT count(*) AS orders, coalesce(sum(lines), 0) AS rows FROM shared_orders");
  const sharedExamples = shared.orders ? await examples(connection,
    `SELECT a.line, a.orderId AS id, 'order of ' || s.customers || ' customers; reassigned to the customer of line ' || s.first AS note
     FROM ${a} a JOIN shared_orders s USING (orderId) WHERE a.sourceCustomerId <> a.customerId ORDER BY a.line LIMIT 5`, file) : [];
  findings.push({kind: "shared-key", file, field: "orderId", rows: shared.rows, groups: shared.orders,
    summary: shared.orders ? `${count(shared.orders, "order appears", "orders appear")} under more than one customer (${count(shared.rows, "line")})` : "every order belongs to one customer",
    method: "orders with more than one distinct customer id", examples: sharedExamples});
  repairs.push({id: "reassign-shared-orders", file, field: "customerId", action: "changed", rows: totals.moved,
    description: "An order belongs to the customer of its first line (earliest hour, then earliest line); its lines under other customers are reassigned to that customer.",
    examples: sharedExamples});

  // 3. lines repeated at a later hour
  const repeated = {rows: totals.repeatedRows, groups: totals.repeatedGroups, orders: totals.repeatedOrders};
  const repeatedExamples = repeated.rows ? await examples(connection,
    `SELECT line, orderId AS id, strftime(time, '%Y-%m-%d %H:00') AS found, 'first logged ' || strftime(firstTime, '%Y-%m-%d %H:00') AS note
     FROM ${a} WHERE time > firstTime ORDER BY line LIMIT 5`, file, "time") : [];
  findings.push({kind: "near-duplicate", file, field: "time", rows: repeated.rows, groups: repeated.groups,
    summary: repeated.rows ? `${count(repeated.rows, "line repeats", "lines repeat")} an order's product at a later hour (${count(repeated.orders, "order")})` : "no order's product is logged at more than one hour",
    method: "same order + product at a later hour than its first", examples: repeatedExamples});
  repairs.push({id: "collapse-repeated-lines", file, action: "removed", rows: repeated.rows,
    description: "The log re-records an order's lines when the order is updated; for each order and product only the lines of the first hour are kept.",
    examples: repeatedExamples});

  // 4. wholesale threshold on kept lines
  const kept = "time = firstTime";
  const q = await queryOne<{q1: number | null; q3: number | null}>(connection,
    `SELECT quantile_cont(ln(quantity), 0.25) AS q1, quantile_cont(ln(quantity), 0.75) AS q3 FROM ${a} WHERE ${kept} AND quantity > 1`);
  const threshold = q.q1 !== null && q.q3 !== null && q.q3 > q.q1 ? Math.exp(q.q3 + wholesaleK * (q.q3 - q.q1)) : null;
  const wholesaleCond = threshold === null ? "false" : `quantity > ${threshold}`;
  await run(connection, `CREATE OR REPLACE ${materialize ? "TABLE" : "VIEW"} ${ident(name)} AS
    SELECT line, time, customerId, orderId, product, quantity, price, ${wholesaleCond} AS wholesale FROM ${a} WHERE ${kept}${materialize ? " ORDER BY line" : ""}`);
  const mixedPattern = "[A-Za-z][А-яЁё]|[А-яЁё][A-Za-z]";
  const scan = await queryOne<{rows: number; customers: number; wholesaleRows: number; wholesaleOrders: number; mixed: number}>(connection,
    `SELECT count(*) AS rows, count(DISTINCT customerId) AS customers, count(*) FILTER (WHERE wholesale) AS wholesaleRows,
       count(DISTINCT orderId) FILTER (WHERE wholesale) AS wholesaleOrders, count(*) FILTER (WHERE regexp_matches(product, '${mixedPattern}')) AS mixed
     FROM ${ident(name)}`);
  const wholesale = {rows: scan.wholesaleRows, orders: scan.wholesaleOrders};
  const wholesaleExamples = wholesale.rows ? await examples(connection,
    `SELECT line, orderId AS id, quantity AS found, product AS note FROM ${ident(name)} WHERE wholesale ORDER BY quantity DESC, line LIMIT 5`, file, "quantity") : [];
  const thresholdText = threshold === null ? "none (quantities do not vary)" : `more than ${Math.floor(threshold)} units`;
  findings.push({kind: "wholesale", file, field: "quantity", rows: wholesale.rows, groups: wholesale.orders,
    summary: `${count(wholesale.rows, "line has", "lines have")} wholesale-sized quantities (${thresholdText})`,
    method: `quantity > exp(Q3 + ${wholesaleK} × IQR) of ln(quantity) over lines with more than one unit`, examples: wholesaleExamples});
  exclusions.push({id: "wholesale", unit: "order lines", rows: wholesale.rows, examples: wholesaleExamples,
    reason: `Wholesale-sized lines (${thresholdText}) are kept but flagged (wholesale = true), to be left out of consumption profiles.`});

  // Other audits on the clean lines.
  const clean = {table: name, file, line: "line"};
  const price = await robustOutliers(connection, clean, "price", {log: true, idField: "orderId", subject: "unit price (log scale)"});
  if (price.rows) findings.push(price);
  const markup = await markupInText(connection, clean, "product");
  if (markup) findings.push(markup);
  const mixed = scan.mixed;
  if (mixed) findings.push({kind: "lookalike", file, field: "product", rows: mixed,
    summary: `${count(mixed, "product name mixes", "product names mix")} Latin and Cyrillic letters inside a word (kept as written)`,
    examples: await examples(connection, `SELECT line, product AS found FROM ${ident(name)} WHERE regexp_matches(product, '${mixedPattern}') ORDER BY line LIMIT 3`, file, "product")});
  const gaps = await queryRows<{month: string}>(connection,
    `WITH m AS (SELECT DISTINCT date_trunc('month', time) AS month FROM ${ident(name)}),
          span AS (SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH)) AS month FROM m)
     SELECT strftime(month, '%Y-%m') AS month FROM span WHERE month NOT IN (SELECT month FROM m) ORDER BY 1`);
  findings.push({kind: "zero-activity", file, field: "time", rows: 0, groups: gaps.length,
    summary: gaps.length ? `${count(gaps.length, "month")} between the first and last order ${gaps.length === 1 ? "has" : "have"} no order line` : "every month between the first and last order has order lines",
    examples: gaps.slice(0, 5).map((g) => ({file, line: 0, field: "time", found: g.month}))});

  const firstCopies = totals.distinctRows;
  const cleanRows = scan.rows;
  const customers = scan.customers;
  const quality = buildReport("ecommerce", read, {
    findings, repairs, exclusions,
    clean: {orderLines: cleanRows, customers},
    modelling: {unit: "order lines", rows: cleanRows - wholesale.rows},
    flow: [
      {stage: "Order lines read", rows: read.files.order_lines.report.rows},
      {stage: "After removing exact duplicates", rows: firstCopies},
      {stage: "After collapsing repeated lines", rows: cleanRows},
      {stage: "Without wholesale lines (used for profiles)", rows: cleanRows - wholesale.rows}
    ]
  });
  return {name, wholesaleThreshold: threshold, quality};
}

/** Clean order lines from DATA_DIR/ecommerce/ as plain rows (for logs that fit in memory). */
export async function loadEcommerce(dataDir: string = settings.dataDir, options: EcommerceOptions = {}): Promise<{lines: OrderLine[]; wholesaleThreshold: number | null; quality: QualityReport}> {
  return withDatabase(async (connection) => {
    const clean = await cleanEcommerceInto(connection, dataDir, options);
    const lines = await queryRows<OrderLine>(connection,
      `SELECT line, strftime(time, '%Y-%m-%dT%H:%M:%S') AS time, customerId, orderId, product, quantity, price, wholesale FROM ${ident(clean.name)} ORDER BY line`);
    return {lines, wholesaleThreshold: clean.wholesaleThreshold, quality: clean.quality};
  });
}
