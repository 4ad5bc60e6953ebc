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
import type {AnalysisCategory} from "./tables.ts";

const DAY_MS = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso.length === 10 ? `${iso}T00:00:00` : iso}Z`);

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

/** Whole seconds since the epoch, in ms, of a TIMESTAMP column (as the ISO text the report shows would give). */
const epochMs = (column: string) => `epoch_ms(date_trunc('second', ${column}))`;

const months = new Map<number, string>();
/** The month (YYYY-MM) of a time in epoch ms, as strftime(time, '%Y-%m') gives it (one string per day met). */
function monthOf(at: number): string {
  const day = Math.floor(at / DAY_MS);
  let month = months.get(day);
  if (month === undefined) months.set(day, (month = new Date(day * DAY_MS).toISOString().slice(0, 7)));
  return month;
}

/** Every customer's first order and second occasion, in customer id order, from `customers` (eco_customers) and its
 * occasions table (`<customers>_occasions`, buildOccasions in occasions.ts). */
export async function readFirstOrders(connection: DuckDBConnection, customers = "eco_customers"): Promise<FirstOrder[]> {
  const {rows, numbers: c, texts: t} = await queryTyped(connection, `SELECT ids.k AS customer, CAST(c.firstCategory AS eco_category) AS category, CAST(c.firstOrderValue AS DOUBLE) AS value,
      ${epochMs("c.firstTime")} AS firstMs, ${epochMs("occ.second")} AS secondMs
    FROM ${ident(customers)} c JOIN ${ident(`${customers}_occasions`)} occ USING (cust) JOIN eco_customer_ids ids USING (cust) ORDER BY ids.k`);
  return Array.from({length: rows}, (_, i) => ({customer: c.customer[i], category: t.category[i] as string, value: c.value[i], firstMs: c.firstMs[i],
    secondMs: Number.isNaN(c.secondMs[i]) ? null : c.secondMs[i], cohort: monthOf(c.firstMs[i])}));
}

/** A customer's first order counting wholesale lines (an order of wholesale lines only can then come first). */
export type FirstOrderWithWholesale = Pick<FirstOrder, "customer" | "category" | "value">;

/** Each customer's first order counting wholesale lines: customer number, category and value, from eco_orders_all
 * (buildOrdersWithWholesale), in the order of the customers' lowest order id. */
export async function readFirstOrdersWithWholesale(connection: DuckDBConnection): Promise<FirstOrderWithWholesale[]> {
  const firstKey = "(CAST(epoch_us(date_trunc('second', time)) AS HUGEINT) * 1000000000000 + orderId)";
  const {rows, numbers: c, texts: t} = await queryTyped(connection, `SELECT ids.k AS customer, CAST(first.category AS eco_category) AS category, CAST(first.value AS DOUBLE) AS value FROM (
      SELECT cust, arg_min({category: mainCategory, value: revenue}, ${firstKey}) AS first, min(orderId) AS firstId FROM eco_orders_all GROUP BY cust)
    JOIN eco_customer_ids ids USING (cust) ORDER BY firstId`);
  return Array.from({length: rows}, (_, i) => ({customer: c.customer[i], category: t.category[i] as string, value: c.value[i]}));
}

export interface ReturnTime {
  first: FirstOrder;
  /** Days from the first order to the return (event) or to the end of observation (censored). */
  days: number;
  returned: boolean;
}

export interface ReturnTimes {
  rows: ReturnTime[];
  /** When observation ends (ISO): the repeat cutoff, or the end of the log. */
  observedUntil: string;
  /** Customers left out because their first order is on or after the repeat cutoff. */
  firstSeenAfterCutoff: number;
  /** Returns on or after the repeat cutoff (not counted). */
  secondOrdersAfterCutoff: number;
}

export function returnTimes(customers: readonly FirstOrder[], {end, repeatCutoff}: {end: string; repeatCutoff: string | null}): ReturnTimes {
  const observedUntil = repeatCutoff ?? end;
  const stop = ms(observedUntil);
  const rows: ReturnTime[] = [];
  let firstSeenAfterCutoff = 0;
  let secondOrdersAfterCutoff = 0;
  for (const first of customers) {
    if (repeatCutoff !== null && first.firstMs >= stop) {
      firstSeenAfterCutoff++;
      continue;
    }
    const secondAt = first.secondMs ?? Infinity;
    // The cutoff is the first instant not observed; the end of the log is the last one observed.
    const returned = repeatCutoff === null ? secondAt <= stop : secondAt < stop;
    if (first.secondMs !== null && !returned) secondOrdersAfterCutoff++;
    rows.push({first, days: ((returned ? secondAt : stop) - first.firstMs) / DAY_MS, returned});
  }
  return {rows, observedUntil, firstSeenAfterCutoff, secondOrdersAfterCutoff};
}
