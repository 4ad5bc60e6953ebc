/**
 * Time to a customer's return — their second purchase occasion: the first order more than RETURN_MIN_HOURS after
 * their first (loaders/cases/ecommerce/occasions.ts; orders sooner are the same purchase) — for repeat-purchase questions that account for how long each
 * customer was observed. Observation ends at the repeat cutoff when the log has one (the start of a
 * window at its end where customer ids look re-used: second orders there are not trusted), else at the
 * end of the log:
 *
 *   customers first seen on or after the end of observation are left out (never observed);
 *   a return before it is an event, at its days after the first order;
 *   otherwise the customer is censored at the end of observation (a return on or after the
 *   cutoff does not count: "not yet by the cutoff", never "never").
 *
 * Each customer's first order and the start of their second occasion come from the customer tables (SQL:
 * eco_customers and its occasions, loaders/cases/ecommerce/tables.ts), one small row per customer: no order
 * reaches JavaScript, which keeps logs of millions of orders within memory.
 */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {ident, queryTyped} from "../../io/duckdb.ts";
import {orderedByKey} from "../../io/order-by-key.ts";
import {isoMs, monthOf} from "../../io/datetime.ts";
import type {AnalysisCategory} from "./tables.ts";

const DAY_MS = 86_400_000;

/** A customer's first order (earliest, then lowest order id) and when their second purchase occasion started. */
export interface FirstOrder {
  /** The customer's number: their place in id order (eco_customer_ids.k), the same in every list of customers. */
  customer: number;
  category: AnalysisCategory;
  value: number;
  /** Time of the first order and of the second occasion's first order (epoch ms, whole seconds; null: none). */
  firstMs: number;
  secondMs: number | null;
  /** Month of the first order (YYYY-MM), the stratum of seasonal comparisons. */
  cohort: string;
}

/** Customers' first orders column by column (millions of customers: no object each): customer i's number, the main
 * category and value of their first order. */
export interface FirstOrderColumns {
  size: number;
  customer: Float64Array;
  category: readonly string[];
  value: Float64Array;
}

/** …with when the first order was placed and the second occasion started (epoch ms; NaN: none). */
export interface FirstOrders extends FirstOrderColumns {
  firstMs: Float64Array;
  secondMs: Float64Array;
}

/** Customer i's first order as one object. */
export function firstOrderAt(f: FirstOrders, i: number): FirstOrder {
  const second = f.secondMs[i];
  return {customer: f.customer[i], category: f.category[i], value: f.value[i], firstMs: f.firstMs[i], secondMs: Number.isNaN(second) ? null : second, cohort: monthOf(f.firstMs[i])};
}

/** First orders given as objects (tests, a sample), as columns. */
export function firstOrdersOf(rows: readonly FirstOrder[]): FirstOrders {
  return {size: rows.length, customer: Float64Array.from(rows, (r) => r.customer), category: rows.map((r) => r.category), value: Float64Array.from(rows, (r) => r.value),
    firstMs: Float64Array.from(rows, (r) => r.firstMs), secondMs: Float64Array.from(rows, (r) => r.secondMs ?? NaN)};
}

/** Whole seconds since the epoch, in ms, of a TIMESTAMP column (as the ISO text the report shows would give). */
const epochMs = (column: string) => `epoch_ms(date_trunc('second', ${column}))`;


/** Every customer's first order and second occasion, in customer id order, from `customers` (eco_customers) and its
 * occasions table (`<customers>_occasions`, buildOccasions in occasions.ts). */
export async function readFirstOrders(connection: DuckDBConnection, customers = "eco_customers"): Promise<FirstOrders> {
  // In customer order (orderedByKey: placed by number here, not sorted by DuckDB).
  const {rows, numbers: c, texts: t} = orderedByKey(await queryTyped(connection, `SELECT ids.k AS customer, CAST(c.firstCategory AS eco_category) AS category, CAST(c.firstOrderValue AS DOUBLE) AS value,
      ${epochMs("c.firstTime")} AS firstMs, ${epochMs("occ.second")} AS secondMs
    FROM ${ident(customers)} c JOIN ${ident(`${customers}_occasions`)} occ USING (cust) JOIN eco_customer_ids ids USING (cust)`), "customer");
  const none = new Float64Array(0);
  return {size: rows, customer: c.customer ?? none, category: (t.category ?? []) as string[], value: c.value ?? none, firstMs: c.firstMs ?? none, secondMs: c.secondMs ?? none};
}

/** A customer's first order counting wholesale lines (an order of wholesale lines only can then come first). */
export type FirstOrderWithWholesale = Pick<FirstOrder, "customer" | "category" | "value">;

/** Row i of first-order columns as an object of its customer, category and value. */
export const firstOrderWithWholesaleAt = (f: FirstOrderColumns, i: number): FirstOrderWithWholesale => ({customer: f.customer[i], category: f.category[i], value: f.value[i]});

/** Each customer's first order counting wholesale lines: customer number, category and value, from eco_orders_all
 * (buildOrdersWithWholesale), in the order of the customers' lowest order id. */
export async function readFirstOrdersWithWholesale(connection: DuckDBConnection): Promise<FirstOrderColumns> {
  const firstKey = "(CAST(epoch_us(date_trunc('second', time)) AS HUGEINT) * 1000000000000 + orderId)";
  const {rows, numbers: c, texts: t} = await queryTyped(connection, `SELECT ids.k AS customer, CAST(first.category AS eco_category) AS category, CAST(first.value AS DOUBLE) AS value FROM (
      SELECT cust, arg_min({category: mainCategory, value: revenue}, ${firstKey}) AS first, min(orderId) AS firstId FROM eco_orders_all GROUP BY cust)
    JOIN eco_customer_ids ids USING (cust) ORDER BY firstId`);
  const none = new Float64Array(0);
  return {size: rows, customer: c.customer ?? none, category: (t.category ?? []) as string[], value: c.value ?? none};
}

export interface ReturnTime {
  first: FirstOrder;
  /** Days from the first order to the return (event) or to the end of observation (censored). */
  days: number;
  returned: boolean;
}

/** How long each customer observed was watched for a return, column by column: customer `row[j]` of the first orders. */
export interface ReturnColumns {
  row: Int32Array;
  /** Days from the first order to the return (event) or to the end of observation (censored). */
  days: Float64Array;
  returned: Uint8Array;
  /** Customers who came back. */
  returnedCount: number;
  /** When observation ends (ISO): the repeat cutoff, or the end of the log. */
  observedUntil: string;
  /** Customers left out because their first order is on or after the repeat cutoff. */
  firstSeenAfterCutoff: number;
  /** Returns on or after the repeat cutoff (not counted). */
  secondOrdersAfterCutoff: number;
}

export function returnColumns(f: FirstOrders, {end, repeatCutoff}: {end: string; repeatCutoff: string | null}): ReturnColumns {
  const observedUntil = repeatCutoff ?? end;
  const stop = isoMs(observedUntil);
  const row = new Int32Array(f.size), days = new Float64Array(f.size), returned = new Uint8Array(f.size);
  let n = 0, returnedCount = 0, firstSeenAfterCutoff = 0, secondOrdersAfterCutoff = 0;
  for (let i = 0; i < f.size; i++) {
    const firstMs = f.firstMs[i], second = f.secondMs[i];
    if (repeatCutoff !== null && firstMs >= stop) {
      firstSeenAfterCutoff++;
      continue;
    }
    const secondAt = Number.isNaN(second) ? Infinity : second;
    // The cutoff is the first instant not observed; the end of the log is the last one observed.
    const back = repeatCutoff === null ? secondAt <= stop : secondAt < stop;
    if (!Number.isNaN(second) && !back) secondOrdersAfterCutoff++;
    row[n] = i, (days[n] = ((back ? secondAt : stop) - firstMs) / DAY_MS), (returned[n] = Number(back)), n++;
    returnedCount += Number(back);
  }
  return {row: row.subarray(0, n), days: days.subarray(0, n), returned: returned.subarray(0, n), returnedCount, observedUntil, firstSeenAfterCutoff, secondOrdersAfterCutoff};
}

export interface ReturnTimes extends Omit<ReturnColumns, "row" | "days" | "returned" | "returnedCount"> {
  rows: ReturnTime[];
}

/** returnColumns of first orders given as objects, a row each. */
export function returnTimes(customers: readonly FirstOrder[], options: {end: string; repeatCutoff: string | null}): ReturnTimes {
  const {row, days, returned, returnedCount: _, ...rest} = returnColumns(firstOrdersOf(customers), options);
  return {...rest, rows: Array.from(row, (i, j) => ({first: customers[i], days: days[j], returned: returned[j] === 1}))};
}
