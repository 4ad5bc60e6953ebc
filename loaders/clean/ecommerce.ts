/**
 * E-commerce case: clean the order-line log in DuckDB SQL, so a 10-million-line log stays fast.
 *
 * Rules, applied in this order (each counted in the quality report):
 *  1. Exact duplicates — a line identical in every column (same hour too) to an earlier line is
 *     dropped.
 *  2. Orders shared by several customers — an order belongs to the customer of its first line
 *     (earliest hour, then earliest line in the file); its other lines are reassigned to them.
 *  3. Lines repeated at another hour — the log re-records an order's lines when the order is
 *     updated, and later versions may change quantity or price: for each order + product only the
 *     lines at the last hour it appears (its latest version) are kept, dated at the first hour it
 *     appears (when it was ordered; so an order's time is when it was placed). Both readings are
 *     counted: products with several versions, those whose quantity or price changed, and revenue
 *     read at the first versions against the last.
 *  4. Wholesale quantities — a line is flagged `wholesale` when its quantity exceeds
 *     exp(Q3 + k × IQR) of ln(quantity) over the kept lines with more than one unit (k = 3),
 *     i.e. far beyond what multi-unit household purchases look like in this log.
 *
 * One customer's orders within RETURN_MIN_HOURS of an earlier order of theirs are counted (identical baskets
 * apart from split ones: loaders/quality/same-occasion.ts) and kept: they are one purchase, not a return.
 *
 * The calendar audit for re-used customer ids (loaders/quality/reused-ids.ts) runs on the orders
 * (their owner, first hour and revenue) and its window, if any, is returned as `repeatCutoff`.
 *
 * `cleanEcommerceInto(connection, dataDir)` leaves the clean lines in a view (or table) of the
 * given connection — columns line, time TIMESTAMP, customerId, orderId, product, quantity, price,
 * wholesale — for further SQL; `loadEcommerce(dataDir)` returns them as plain rows.
 *
 * To stay fast on 10-million-line logs, strings are touched as little as possible: the raw
 * `order_lines` table is kept as read; `order_line_flags` (one row per line: line, orderId, time,
 * firstTime, lastTime, isCopy, keep, superseded, quantity, price and the 64-bit hashes of product
 * and customer, compared only within one order) comes from one window sort over integer keys; `order_owners`
 * (orderId, ownerCh, shared, time, lines, revenue) from one hash aggregate; `customer_texts` and
 * `product_texts` turn a hash back into its text (one row per distinct value). The result's `keyed`
 * names the clean lines by those integer keys, the owners, and the texts of the kept products and
 * owning customers; the analysis tables are built from them (loaders/cases/ecommerce/tables.ts).
 * Two texts with one hash stop the cleaning with an error rather than merge. For logs of millions
 * of lines, `openScratchDatabase()` (loaders/io/duckdb.ts) bounds peak memory at some cost in speed.
 */
import {settings} from "../settings.ts";
import type {DuckDBConnection} from "../io/duckdb.ts";
import {exactSum, ident, queryOne, queryRows, run, withDatabase} from "../io/duckdb.ts";
import {readCase} from "../io/read-case.ts";
import {asCaseInput, type InputSource} from "../inputs/resolve.ts";
import {datetimeSql} from "../io/datetime.ts";
import {ecommerceSchema} from "../io/schemas/ecommerce.ts";
import type {Exclusion, Finding, QualityReport, Repair} from "../quality/types.ts";
import {robustOutliers} from "../quality/outliers.ts";
import {markupPattern} from "../quality/markup.ts";
import type {Bin} from "../quality/weighted-quantile.ts";
import {histogramQuantiles} from "../quality/weighted-quantile.ts";
import {examples} from "../quality/sql-examples.ts";
import {buildReport} from "../quality/report.ts";
import {count, ru} from "../quality/words.ts";
import {nouns} from "../../src/components/glossary.ts";
import {sameOccasionAudit} from "../quality/same-occasion.ts";
import {RETURN_MIN_HOURS} from "../cases/ecommerce/occasions.ts";
import {monthlyFlow, reusedIdsFinding, reusedIdWindow, type ReusedIdsAudit} from "../quality/reused-ids.ts";

export interface OrderLine {
  /** Line in the order-log export (header = line 1). */
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
  /** Materialise the clean lines as a table (default false: a view over the flags, owners and texts). */
  materialize?: boolean;
  /** Tukey multiplier for the wholesale threshold on ln(quantity) (default 3). */
  wholesaleK?: number;
}

/** Clean lines by integer keys, with the texts the keys stand for (see cleanEcommerceInto). */
export interface KeyedLines {
  /** View: line, time, orderId, ph (product hash), quantity, price, wholesale. */
  lines: string;
  /** Table: orderId → ownerCh (hash of the customer the order belongs to), shared, time (first hour), lines and revenue (kept lines). */
  owners: string;
  /** Table: ph → product, lines (kept lines). */
  products: string;
  /** View: ch → customerId (customers owning at least one order). */
  customers: string;
  /** Table: ph → category, the one most of the product's lines carry in the export's category column (ties → the
   * first in text order); null when the export has no category column. */
  productCategories: string | null;
}

const KEYED = {lines: "clean_lines_keyed", owners: "order_owners", products: "clean_products", customers: "clean_customers"};

export interface EcommerceClean {
  /** Table or view holding the clean lines. */
  name: string;
  keyed: KeyedLines;
  /** Quantity above which a line is wholesale (null if quantities do not vary enough). */
  wholesaleThreshold: number | null;
  /** First day of a window of re-used customer ids (ISO date): repeat-purchase figures end there; null when none. */
  repeatCutoff: string | null;
  reusedIds: ReusedIdsAudit;
  quality: QualityReport;
  /** The export's header of the column mapped to the role `category`, or null when there is none. */
  categoryColumn: string | null;
}

const mixedPattern = "[A-Za-z][А-яЁё]|[А-яЁё][A-Za-z]";

/** Read, audit and clean the order log (of DATA_DIR, or inputs resolved already) into `name` in the given connection. */
export async function cleanEcommerceInto(connection: DuckDBConnection, source: InputSource = settings.dataDir, {name = "order_lines_clean", materialize = false, wholesaleK = 3}: EcommerceOptions = {}): Promise<EcommerceClean> {
  const read = await readCase(connection, asCaseInput(source, "ecommerce"));
  const file = read.files.order_lines.spec.file;
  const categoryColumn = read.files.order_lines.spec.columns.find((c) => c.field === "category")?.source ?? null;
  const keyed: KeyedLines = {...KEYED, productCategories: categoryColumn === null ? null : "product_categories"};
  const offset = read.files.order_lines.lineOffset;
  const findings: Finding[] = [];
  const repairs: Repair[] = [];
  const exclusions: Exclusion[] = [];

  const validation = read.files.order_lines.validation;
  const missing = Object.entries(validation.nulls).filter(([, n]) => n > 0);
  findings.push({kind: "missing", file, rows: missing.reduce((s, [, n]) => s + n, 0), groups: missing.length, examples: [],
    summary: missing.length
      ? {en: `values are missing (${missing.map(([f, n]) => `${f}: ${n}`).join(", ")})`, ru: `есть пропущенные значения (${missing.map(([f, n]) => `${f}: ${ru.int(n)}`).join(", ")})`}
      : {en: `no value is missing in ${file}`, ru: `в ${file} нет пропущенных значений`}});

  // Per line: exact copies (adjacent in the sort) and the first and last hour of each order + product.
  // The window is partitioned by order alone (its rows come out order by order, which keeps the later
  // per-order aggregates local); the first and last hour of a product are the minimum and maximum
  // over its peers (rows of one order with the same product hash): the lines of the last hour are
  // kept. Quantity and price are carried, so nothing later has to go back to the raw lines except
  // for text.
  await run(connection, `CREATE OR REPLACE TABLE order_line_flags AS
    SELECT line, orderId, time, firstTime, lastTime, isCopy, copyOf, NOT isCopy AND time = lastTime AS keep, NOT isCopy AND time < lastTime AS superseded, ph, ch, quantity, price
    FROM (
      SELECT line, orderId, time, ph, ch, quantity, price,
        min(time) OVER peers AS firstTime, max(time) OVER peers AS lastTime,
        coalesce(lag(ph) OVER w = ph AND lag(time) OVER w = time AND lag(ch) OVER w = ch AND lag(quantity) OVER w = quantity AND lag(price) OVER w = price, false) AS isCopy,
        lag(line) OVER w AS copyOf
      FROM (SELECT rowid + ${offset} AS line, CAST(orderId AS BIGINT) AS orderId, ${datetimeSql("date", read.files.order_lines.datetimes.date)} AS time, hash(product) AS ph, hash(customerId) AS ch,
          CAST(quantity AS BIGINT) AS quantity, price FROM order_lines)
      WINDOW w AS (PARTITION BY orderId ORDER BY ph, time, ch, quantity, price, line),
        peers AS (PARTITION BY orderId ORDER BY ph RANGE BETWEEN CURRENT ROW AND CURRENT ROW))`);
  // Texts once per distinct value, by hash: every customer id and product name of the log.
  await run(connection, `CREATE OR REPLACE TABLE customer_texts AS SELECT hash(customerId) AS ch, customerId FROM order_lines GROUP BY customerId`);
  await run(connection, `CREATE OR REPLACE TABLE product_texts AS SELECT hash(product) AS ph, product FROM order_lines GROUP BY product`);
  await assertNoHashCollision(connection, "customer_texts", "ch", "customerId", "customer ids");
  await assertNoHashCollision(connection, "product_texts", "ph", "product", "product names");
  // The export's own category of each product: the one most of its lines carry (blank cells are no category).
  if (keyed.productCategories) {
    await run(connection, `CREATE OR REPLACE TABLE ${keyed.productCategories} AS
      SELECT hash(product) AS ph, first(category ORDER BY n DESC, category) AS category
      FROM (SELECT product, trim(category) AS category, count(*) AS n FROM order_lines WHERE nullif(trim(category), '') IS NOT NULL GROUP BY ALL)
      GROUP BY product`);
  }
  // Per order: its owner (the customer of its first line: earliest hour, then earliest line), from
  // integer keys only; customer ids (strings) are looked up for the few orders with several customers.
  // The first line as one exact BIGINT key: seconds since 2000 (the schema keeps dates in 2000–2100,
  // under 2^32 s) times 2^31, plus the line number (under 2^31).
  const firstKey = "(epoch(time)::BIGINT - 946684800) * 2147483648 + line";
  await run(connection, `CREATE OR REPLACE TABLE order_owners AS
    SELECT orderId, arg_min(ch, ${firstKey}) AS ownerCh, min(ch) <> max(ch) AS shared, min(time) AS time, count(*) FILTER (WHERE keep) AS lines, ${exactSum("quantity * price", "keep")} AS revenue
    FROM order_line_flags GROUP BY orderId`);
  await run(connection, `CREATE OR REPLACE TABLE shared_order_owners AS
    WITH s AS (SELECT orderId, ownerCh FROM order_owners WHERE shared),
         n AS (SELECT orderId, count(DISTINCT ch) AS customers, min(line) AS firstLine FROM order_line_flags WHERE orderId IN (SELECT orderId FROM s) GROUP BY 1)
    SELECT s.orderId, s.ownerCh, t.customerId, n.customers, n.firstLine
    FROM s JOIN customer_texts t ON t.ch = s.ownerCh JOIN n ON n.orderId = s.orderId`);
  const sharedOwners = "shared_order_owners";

  // Totals over the lines, and over the order + product pairs logged at several hours: whether the
  // last version's units or prices differ from the first's.
  const flagTotals = await queryOne<{dupRows: number; distinctRows: number; repeatedRows: number; repeatedOrders: number; revenueFirst: number; revenueLast: number; repeatedGroups: number; changedGroups: number}>(connection,
    `SELECT * FROM
     (SELECT count(*) FILTER (WHERE isCopy) AS dupRows, count(*) FILTER (WHERE NOT isCopy) AS distinctRows,
        count(*) FILTER (WHERE superseded) AS repeatedRows, count(DISTINCT orderId) FILTER (WHERE superseded) AS repeatedOrders,
        coalesce(${exactSum("quantity * price", "NOT isCopy AND time = firstTime")}, 0) AS revenueFirst,
        coalesce(${exactSum("quantity * price", "keep")}, 0) AS revenueLast
      FROM order_line_flags),
     (SELECT count(*) AS repeatedGroups, count(*) FILTER (WHERE NOT (qF = qL AND loF = loL AND hiF = hiL)) AS changedGroups
      FROM (SELECT sum(quantity) FILTER (WHERE time = firstTime) AS qF, sum(quantity) FILTER (WHERE keep) AS qL,
          min(price) FILTER (WHERE time = firstTime) AS loF, min(price) FILTER (WHERE keep) AS loL,
          max(price) FILTER (WHERE time = firstTime) AS hiF, max(price) FILTER (WHERE keep) AS hiL
        FROM order_line_flags WHERE NOT isCopy AND firstTime < lastTime GROUP BY orderId, ph))`);
  const sharedTotals = await queryOne<{sharedRows: number; sharedOrders: number; moved: number}>(connection,
    `SELECT count(*) AS sharedRows, count(DISTINCT f.orderId) AS sharedOrders, count(*) FILTER (WHERE f.ch <> s.ownerCh) AS moved
     FROM order_line_flags f JOIN ${sharedOwners} s ON s.orderId = f.orderId WHERE NOT f.isCopy`);
  const totals = {...flagTotals, ...sharedTotals};

  // 1. exact duplicates
  const dupRows = totals.dupRows;
  const dupExamples = dupRows ? await examples(connection,
    `SELECT line, orderId AS id, 'copy of line ' || copyOf AS note, 'копия строки ' || copyOf AS note_ru FROM order_line_flags WHERE isCopy ORDER BY line LIMIT 5`, file) : [];
  findings.push({kind: "exact-duplicate", file, rows: dupRows,
    summary: dupRows
      ? {en: `${count(dupRows, "line repeats", "lines repeat")} an earlier line exactly`, ru: `${ru.plural(dupRows, "строка в точности повторяет", "строки в точности повторяют", "строк в точности повторяют")} более раннюю`}
      : {en: "no line repeats another exactly", ru: "ни одна строка не повторяет другую в точности"},
    method: {en: "lines equal in time, customer, order, product, quantity and price", ru: "строки, равные по времени, покупателю, заказу, товару, количеству и цене"}, examples: dupExamples});
  repairs.push({id: "drop-exact-duplicates", file, action: "removed", rows: dupRows, examples: dupExamples,
    description: {en: "Lines identical in every column to an earlier line are counted once.", ru: "Строки, совпадающие во всех столбцах с более ранней строкой, учитываются один раз."}});

  // 2. orders shared by several customers
  const sharedExamples = totals.sharedOrders ? await examples(connection,
    `SELECT f.line, f.orderId AS id, 'order of ' || s.customers || ' customers; reassigned to the customer of line ' || s.firstLine AS note,
       'заказ покупателей: ' || s.customers || '; передан покупателю строки ' || s.firstLine AS note_ru
     FROM order_line_flags f JOIN ${sharedOwners} s ON s.orderId = f.orderId
     WHERE NOT f.isCopy AND f.ch <> s.ownerCh ORDER BY f.line LIMIT 5`, file) : [];
  findings.push({kind: "shared-key", file, field: "orderId", rows: totals.sharedRows, groups: totals.sharedOrders,
    summary: totals.sharedOrders
      ? {en: `${count(totals.sharedOrders, "order appears", "orders appear")} under more than one customer (${count(totals.sharedRows, "line")})`,
        ru: `${ru.plural(totals.sharedOrders, "заказ записан", "заказа записаны", "заказов записаны")} на нескольких покупателей (${ru.count(totals.sharedRows, nouns.row)})`}
      : {en: "every order belongs to one customer", ru: "каждый заказ принадлежит одному покупателю"},
    method: {en: "orders with more than one distinct customer id", ru: "заказы с несколькими разными идентификаторами покупателя"}, examples: sharedExamples});
  repairs.push({id: "reassign-shared-orders", file, field: "customerId", action: "changed", rows: totals.moved,
    description: {en: "An order belongs to the customer of its first line (earliest hour, then earliest line); its lines under other customers are reassigned to that customer.",
      ru: "Заказ принадлежит покупателю его первой строки (самый ранний час, затем самая ранняя строка); его строки, записанные на других покупателей, передаются этому покупателю."},
    examples: sharedExamples});

  // 3. earlier versions of a line: the same order + product logged again at a later hour
  const repeatedExamples = totals.repeatedRows ? await examples(connection,
    `SELECT line, orderId AS id, strftime(time, '%Y-%m-%d %H:00') AS found, 'logged again at ' || strftime(lastTime, '%Y-%m-%d %H:00') || ' (kept)' AS note,
       'записана снова в ' || strftime(lastTime, '%Y-%m-%d %H:00') || ' (оставлена)' AS note_ru
     FROM order_line_flags WHERE superseded ORDER BY line LIMIT 5`, file, "date") : [];
  const lineVersions = {keys: totals.repeatedGroups, changed: totals.changedGroups, revenueFirst: totals.revenueFirst, revenueLast: totals.revenueLast};
  findings.push({kind: "near-duplicate", file, field: "date", rows: totals.repeatedRows, groups: totals.repeatedGroups,
    summary: totals.repeatedRows
      ? {en: `${count(totals.repeatedGroups, "product of an order is", "products of orders are")} logged again at a later hour (${count(totals.repeatedOrders, "order")}); ${count(totals.changedGroups, "of them changes", "of them change")} quantity or price in the later version`,
        ru: `${ru.plural(totals.repeatedGroups, "товар заказа записан", "товара заказов записаны", "товаров заказов записаны")} снова в более поздний час (${ru.count(totals.repeatedOrders, nouns.order)}); у ${ru.plural(totals.changedGroups, "из них", "из них", "из них")} в более поздней версии другое количество или цена`}
      : {en: "no order's product is logged at more than one hour", ru: "ни один товар заказа не записан в разные часы"},
    method: {en: "same order + product at more than one hour; quantity or price compared between the first and the last hour",
      ru: "тот же заказ и товар в разные часы; количество и цена сравниваются между первым и последним часом"}, examples: repeatedExamples});
  repairs.push({id: "collapse-repeated-lines", file, action: "removed", rows: totals.repeatedRows,
    description: {en: "The log re-records an order's lines when the order is updated; for each order and product the lines of the last hour (the latest version) are kept, dated at the hour the product was first ordered, and the earlier versions are dropped.",
      ru: "Журнал заново записывает строки заказа, когда заказ меняется; для каждого заказа и товара остаются строки последнего часа (последняя версия) с датой часа, когда товар был заказан впервые, а более ранние версии отбрасываются."},
    examples: repeatedExamples});

  // 4. wholesale threshold on kept lines, then the clean view
  const [q1, q3] = histogramQuantiles(await queryRows<Bin>(connection,
    `SELECT ln(quantity) AS value, count(*) AS count FROM order_line_flags WHERE keep AND quantity > 1 GROUP BY 1`), [0.25, 0.75]);
  const q = {q1, q3};
  const threshold = q.q1 !== null && q.q3 !== null && q.q3 > q.q1 ? Math.exp(q.q3 + wholesaleK * (q.q3 - q.q1)) : null;
  const wholesaleCond = threshold === null ? "false" : `quantity > ${threshold}`;
  // The clean lines keyed by integers (the product as its 64-bit hash; the customer comes with the
  // order's owner): the analysis tables are built from these without touching the text columns again.
  await run(connection, `CREATE OR REPLACE VIEW ${keyed.lines} AS
    SELECT line, firstTime AS time, orderId, ph, quantity, price, ${wholesaleCond} AS wholesale FROM order_line_flags WHERE keep`);
  // Products of the kept lines with their line counts; customers owning at least one order.
  await run(connection, `CREATE OR REPLACE TABLE ${keyed.products} AS
    SELECT t.ph, t.product, k.lines FROM (SELECT ph, count(*) AS lines FROM order_line_flags WHERE keep GROUP BY ph) k JOIN product_texts t USING (ph)`);
  await run(connection, `CREATE OR REPLACE VIEW ${keyed.customers} AS
    SELECT ch, customerId FROM customer_texts WHERE ch IN (SELECT ownerCh FROM order_owners)`);
  await run(connection, `CREATE OR REPLACE VIEW order_lines_kept AS
    SELECT l.line, l.orderId, l.time, p.product, l.quantity, l.price, l.wholesale FROM ${keyed.lines} l JOIN ${keyed.products} p USING (ph)`);
  const scan = await queryOne<{rows: number; wholesaleRows: number; wholesaleOrders: number}>(connection,
    `SELECT count(*) AS rows, count(*) FILTER (WHERE wholesale) AS wholesaleRows, count(DISTINCT orderId) FILTER (WHERE wholesale) AS wholesaleOrders
     FROM ${keyed.lines}`);
  const {customers} = await queryOne<{customers: number}>(connection, `SELECT count(DISTINCT ownerCh) AS customers FROM ${keyed.owners}`);
  await run(connection, `CREATE OR REPLACE ${materialize ? "TABLE" : "VIEW"} ${ident(name)} AS
    SELECT l.line, l.time, c.customerId, l.orderId, p.product, l.quantity, l.price, l.wholesale
    FROM ${keyed.lines} l JOIN ${keyed.owners} w USING (orderId) JOIN ${keyed.customers} c ON c.ch = w.ownerCh JOIN ${keyed.products} p USING (ph)`);
  const text = await queryOne<{mixed: number; markup: number}>(connection,
    `SELECT coalesce(sum(lines) FILTER (WHERE regexp_matches(product, '${mixedPattern}')), 0) AS mixed,
       coalesce(sum(lines) FILTER (WHERE regexp_matches(product, '${markupPattern}')), 0) AS markup FROM ${keyed.products}`);
  const wholesaleExamples = scan.wholesaleRows ? await examples(connection,
    `SELECT line, orderId AS id, CAST(quantity AS BIGINT) AS found, product AS note, product AS note_ru FROM order_lines_kept WHERE wholesale ORDER BY quantity DESC, line LIMIT 5`, file, "quantity") : [];
  const thresholdText = threshold === null ? "none (quantities do not vary)" : `more than ${Math.floor(threshold)} units`;
  const thresholdRu = threshold === null ? "порога нет: количества не различаются" : `больше ${ru.plural(Math.floor(threshold), "единицы", "единиц", "единиц")}`;
  findings.push({kind: "wholesale", file, field: "quantity", rows: scan.wholesaleRows, groups: scan.wholesaleOrders,
    summary: {en: `${count(scan.wholesaleRows, "line has", "lines have")} wholesale-sized quantities (${thresholdText})`,
      ru: `в ${ru.plural(scan.wholesaleRows, "строке", "строках", "строках")} оптовые количества (${thresholdRu})`},
    method: {en: `quantity > exp(Q3 + ${wholesaleK} × IQR) of ln(quantity) over lines with more than one unit`,
      ru: `количество больше exp(третий квартиль + ${wholesaleK} × IQR) натурального логарифма количества по строкам больше чем с одной единицей`}, examples: wholesaleExamples});
  exclusions.push({id: "wholesale", unit: nouns.orderLine, rows: scan.wholesaleRows, examples: wholesaleExamples,
    reason: {en: `Wholesale-sized lines (${thresholdText}) are kept but marked as wholesale, and left out of consumption profiles.`,
      ru: `Строки с оптовыми количествами (${thresholdRu}) оставлены, но помечены как оптовые и не входят в профили потребления.`}});

  // Other audits on the kept lines.
  const kept = {table: "order_lines_kept", file, line: "line"};
  const price = await robustOutliers(connection, kept, "price", {log: true, histogram: true, idField: "orderId", subject: {en: "unit price (log scale)", ru: "цена за единицу (в логарифмической шкале)"}});
  if (price.rows) findings.push(price);
  const textExamples = (pattern: string) => examples(connection,
    `SELECT line, product AS found FROM order_lines_kept WHERE regexp_matches(product, '${pattern}') ORDER BY line LIMIT 3`, file, "product");
  if (text.markup) findings.push({kind: "markup", file, field: "product", rows: text.markup,
    summary: {en: `${count(text.markup, "product name contains", "product names contain")} HTML-like markup, kept and shown as plain text`,
      ru: `${ru.plural(text.markup, "название товара содержит", "названия товаров содержат", "названий товаров содержат")} разметку вроде HTML; оставлены и показаны как обычный текст`},
    examples: await textExamples(markupPattern)});
  if (text.mixed) findings.push({kind: "lookalike", file, field: "product", rows: text.mixed,
    summary: {en: `${count(text.mixed, "product name mixes", "product names mix")} Latin and Cyrillic letters inside a word (kept as written)`,
      ru: `${ru.plural(text.mixed, "название товара смешивает", "названия товаров смешивают", "названий товаров смешивают")} латинские и кириллические буквы внутри слова (оставлены как написаны)`},
    examples: await textExamples(mixedPattern)});
  const gaps = await queryRows<{month: string}>(connection,
    `WITH m AS (SELECT DISTINCT date_trunc('month', time) AS month FROM order_owners),
          span AS (SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH)) AS month FROM m)
     SELECT strftime(month, '%Y-%m') AS month FROM span WHERE month NOT IN (SELECT month FROM m) ORDER BY 1`);
  findings.push({kind: "zero-activity", file, field: "date", rows: 0, groups: gaps.length,
    summary: gaps.length
      ? {en: `${count(gaps.length, "month")} between the first and last order ${gaps.length === 1 ? "has" : "have"} no order`,
        ru: `${ru.plural(gaps.length, "месяц", "месяца", "месяцев")} между первым и последним заказом ${gaps.length === 1 ? "остался" : "остались"} без заказов`}
      : {en: "every month between the first and last order has orders", ru: "в каждом месяце между первым и последним заказом есть заказы"},
    examples: gaps.slice(0, 5).map((g) => ({file, line: 0, field: "date", found: g.month}))});

  // Re-used customer ids: the calendar audit on the orders (owner, first hour, revenue).
  const reusedIds = reusedIdWindow(await monthlyFlow(connection, {table: keyed.owners, customer: "ownerCh", time: "time", order: "orderId", lines: "lines", revenue: "revenue"}));
  findings.push(reusedIdsFinding(reusedIds, file));

  // One customer's orders within a day of each other: one purchase (placed twice or split), not a return.
  const sameOccasion = await sameOccasionAudit(connection, {owners: keyed.owners, lines: "order_line_flags", hours: RETURN_MIN_HOURS, file});
  findings.push(sameOccasion.finding);

  const cleanRows = scan.rows;
  const quality = buildReport("ecommerce", read, {
    findings, repairs, exclusions, lineVersions, reusedIds, sameOccasion: sameOccasion.audit,
    clean: {orderLines: cleanRows, customers},
    modelling: {unit: nouns.orderLine, rows: cleanRows - scan.wholesaleRows},
    flow: [
      {stage: {en: "Order lines read", ru: "Прочитано строк заказов"}, rows: read.files.order_lines.report.rows},
      {stage: {en: "After removing exact duplicates", ru: "После удаления точных дубликатов"}, rows: totals.distinctRows},
      {stage: {en: "Latest version of each line", ru: "Последняя версия каждой строки"}, rows: cleanRows},
      {stage: {en: "Without wholesale lines (used for profiles)", ru: "Без оптовых строк (для профилей)"}, rows: cleanRows - scan.wholesaleRows}
    ]
  });
  return {name, keyed, wholesaleThreshold: threshold, repeatCutoff: reusedIds.window?.cutoff ?? null, reusedIds, quality, categoryColumn};
}

/** Two different texts with one 64-bit hash would merge two customers or products: stop instead.
 * `table` has one row per distinct text; equal hashes are adjacent once sorted by hash. */
async function assertNoHashCollision(connection: DuckDBConnection, table: string, hash: string, column: string, what: string): Promise<void> {
  const collisions = await queryRows<{h: bigint}>(connection,
    `SELECT h FROM (SELECT ${hash} AS h, lag(${hash}) OVER (ORDER BY ${hash}) AS previous FROM ${table}) WHERE h = previous LIMIT 1`);
  if (!collisions.length) return;
  const texts = await queryRows<{text: string}>(connection, `SELECT ${column} AS text FROM ${table} WHERE ${hash} = ${collisions[0].h} ORDER BY 1 LIMIT 2`);
  throw new Error(`Two ${what} share one 64-bit hash (${texts.map((t) => JSON.stringify(t.text)).join(" and ")}); the cleaning cannot tell them apart`);
}

/** Clean order lines of the order log as plain rows (for logs that fit in memory). */
export async function loadEcommerce(source: InputSource = settings.dataDir, options: EcommerceOptions = {}): Promise<{lines: OrderLine[]; wholesaleThreshold: number | null; quality: QualityReport}> {
  return withDatabase(async (connection) => {
    const clean = await cleanEcommerceInto(connection, source, options);
    const lines = await queryRows<OrderLine>(connection,
      `SELECT line, strftime(time, '%Y-%m-%dT%H:%M:%S') AS time, customerId, orderId, product, quantity, price, wholesale FROM ${ident(clean.name)} ORDER BY line`);
    return {lines, wholesaleThreshold: clean.wholesaleThreshold, quality: clean.quality};
  });
}
