/**
 * What counts as a return (a repeat purchase), in one place. One customer's orders placed within
 * RETURN_MIN_HOURS of their first order are one purchase occasion: the log holds many baskets split
 * over two order ids, or placed twice, minutes or hours apart, and counting those as "coming back"
 * would make a second order look common and quick. So:
 *
 *   a customer's second purchase occasion (their return) is their first order placed more than
 *   RETURN_MIN_HOURS after their first order; the third starts with the first order more than
 *   RETURN_MIN_HOURS after the second's start, and so on (each occasion is anchored at its first order).
 *
 * No order is dropped: revenue and order counts stay as logged; only what counts as coming back changes
 * (time to a second order, repeat rates, RFM frequency, repeat buyers).
 */
import {run} from "../../io/duckdb.ts";
import type {DuckDBConnection} from "../../io/duckdb.ts";

/** Orders of one customer within this many hours of an occasion's first order belong to that occasion. */
export const RETURN_MIN_HOURS = 24;

/** Occasions are counted up to this many ("this many or more"): RFM's F and the histogram need no more. */
export const MAX_OCCASIONS = 3;

/** Create table `name` (cust, first, second, occasions) from `orders` (a table or subquery with cust and time): the
 * first order's time, the start of the second occasion (NULL when none), and the purchase occasions, 1 to
 * MAX_OCCASIONS (the last meaning "or more"). Two passes over the orders; no per-customer recursion. */
export async function buildOccasions(connection: DuckDBConnection, name: string, orders: string): Promise<void> {
  const later = (a: string, b: string) => `${a} > ${b} + INTERVAL ${RETURN_MIN_HOURS} HOUR`;
  await run(connection, `CREATE OR REPLACE TABLE ${name} AS
    WITH o AS (SELECT cust, time FROM ${orders}),
      f AS (SELECT cust, min(time) AS first FROM o GROUP BY cust),
      s AS (SELECT cust, f.first, min(o.time) FILTER (WHERE ${later("o.time", "f.first")}) AS second FROM o JOIN f USING (cust) GROUP BY cust, f.first)
    SELECT cust, s.first, s.second,
      CASE WHEN s.second IS NULL THEN 1 WHEN bool_or(${later("o.time", "s.second")}) THEN ${MAX_OCCASIONS} ELSE 2 END AS occasions
    FROM s JOIN o USING (cust) GROUP BY cust, s.first, s.second`);
}
