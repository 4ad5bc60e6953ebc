/**
 * When customers buy, in SQL over eco_lines / eco_orders / eco_customers (wholesale lines left
 * out): revenue and orders by month per category, a seasonality index per category and calendar
 * month, orders by weekday × hour (overall and per category), retention of monthly cohorts of
 * first orders, and the repeat-purchase rate. A return is a second purchase occasion: an order more than
 * RETURN_MIN_HOURS after the customer's first (loaders/cases/ecommerce/occasions.ts).
 *
 * Seasonality index of category c in calendar month m: order lines of c per calendar day of m in
 * the log window (a month seen twice counts its days twice), divided by the mean of that rate over
 * the calendar months present — 1 = an average month, 2 = twice as busy.
 *
 * Repeat cutoff: when the log's customer ids look re-used from some month on (the audit in
 * loaders/quality/reused-ids.ts), repeat-purchase figures treat observation as ending at the first
 * day of that month: orders on or after it are not counted, customers first seen on or after it are
 * left out, a "within N days" rate only counts customers whose first order is N days before it, and
 * cohort cells from that month on are left out. Monthly totals, seasonality and weekday × hour use
 * every order (volume is not in doubt, only who placed it).
 */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {queryOne, queryRows, run} from "../../io/duckdb.ts";
import {labelTextsOf} from "./categories.ts";
import type {Text} from "../../../src/components/i18n.ts";
import {buildOccasions, MAX_OCCASIONS, RETURN_MIN_HOURS} from "./occasions.ts";
import {countsByCategorySql, type AnalysisCategory, type TablesInfo} from "./tables.ts";

export const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** DuckDB dayofweek: 0 = Sunday … 6 = Saturday; shown Monday first. */
export const WEEKDAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0];

export interface SeasonalityRow {
  category: AnalysisCategory;
  label: Text;
  /** Calendar month 1–12. */
  month: number;
  lines: number;
  days: number;
  /** Index (1 = average month); null when the month is not in the log. */
  index: number | null;
}

export interface TimeReport {
  start: string;
  end: string;
  months: string[];
  /** Per month (YYYY-MM) and category: revenue, order lines, orders containing the category. */
  monthly: {month: string; category: AnalysisCategory; label: Text; revenue: number; lines: number; orders: number}[];
  /** Per month: orders, revenue, active customers, customers ordering for the first time. */
  monthTotals: {month: string; orders: number; revenue: number; customers: number; newCustomers: number}[];
  seasonality: SeasonalityRow[];
  /** Per category: calendar months sorted by index, busiest first (months with data only). */
  peaks: {category: AnalysisCategory; label: Text; months: number[]; peakIndex: number; troughMonth: number; troughIndex: number}[];
  /** Orders by weekday (0 = Sunday) and hour. */
  weekdayHour: {weekday: number; hour: number; orders: number}[];
  /** Order lines per category by weekday and by hour. */
  categoryWeekday: {category: AnalysisCategory; weekday: number; lines: number}[];
  categoryHour: {category: AnalysisCategory; hour: number; lines: number}[];
  cohorts: {cohort: string; customers: number; offset: number; active: number; retention: number}[];
  /** First day (ISO date) from which repeat figures and cohort cells are left out (re-used ids); null: the whole log. */
  repeatCutoff: string | null;
  repeat: {
    /** Observation ends here (the repeat cutoff, else the end of the log). */
    observedUntil: string;
    customers: number;
    repeaters: number;
    /** Customers who came back: a second purchase occasion (an order more than RETURN_MIN_HOURS after their first). */
    rate: number;
    /** Among customers whose first order is at least `windowDays` before the end of observation: share coming back within that many days. */
    windowDays: number;
    eligible: number;
    withinWindow: number;
    rateWithinWindow: number;
    /** Hours within which a later order is the same purchase occasion, not a return. */
    returnMinHours: number;
    /** Days from the first order to the return (customers who came back before the end of observation). */
    daysToSecond: {median: number; q1: number; q3: number};
    /** Customers by number of purchase occasions (the last bucket is "this many or more"). */
    occasionsHistogram: {occasions: number; customers: number; orMore: boolean}[];
  };
}

export interface TimeOptions {
  /** ISO date from which repeat figures are not observed (re-used customer ids), or null. */
  repeatCutoff?: string | null;
  repeatWindowDays?: number;
  maxOffset?: number;
}

export async function timeReport(connection: DuckDBConnection, info: TablesInfo, {repeatCutoff = null, repeatWindowDays = 90, maxOffset = 12}: TimeOptions = {}): Promise<TimeReport> {
  const lines = "(SELECT * FROM eco_lines WHERE NOT wholesale)";
  const [start, end] = [info.start, info.end].map((iso) => `TIMESTAMP '${iso.replace("T", " ")}'`);
  if (repeatCutoff !== null && !/^\d{4}-\d{2}-\d{2}$/.test(repeatCutoff)) throw new Error(`repeat cutoff must be an ISO date, got ${repeatCutoff}`);
  // Observation for repeat figures: orders before the cutoff (all orders without one).
  const cutoff = repeatCutoff === null ? null : `TIMESTAMP '${repeatCutoff} 00:00:00'`;
  const observed = (time: string) => (cutoff === null ? "true" : `${time} < ${cutoff}`);
  const observedUntil = cutoff ?? end;
  const ids = info.scheme.categories.map((c) => c.id);
  const categoryLabel = labelTextsOf(info.scheme);
  // Revenue and lines by the line's month; orders containing the category by the order's month (from the orders' category masks).
  const monthlyLines = await queryRows<{month: string; cat: AnalysisCategory; revenue: number; lines: number}>(connection,
    `SELECT strftime(time, '%Y-%m') AS month, cat, sum(revenue) AS revenue, count(*) AS lines FROM ${lines} GROUP BY ALL ORDER BY month, cat`);
  const monthlyOrders = await queryRows<Record<string, number> & {month: string}>(connection,
    `SELECT month, ${countsByCategorySql(ids)} FROM eco_orders GROUP BY month`);
  const monthly = monthlyLines.map((r) => ({month: r.month, category: r.cat, label: categoryLabel[r.cat], revenue: r.revenue, lines: r.lines,
    orders: monthlyOrders.find((o) => o.month === r.month)?.[r.cat] ?? 0}));
  // Each customer's orders and revenue per calendar month, with the month of their first order
  // (their cohort): month totals and cohort retention both come from this one table.
  await run(connection, `CREATE OR REPLACE TABLE eco_customer_months AS
    SELECT m.cust, m.month, date_trunc('month', c.firstTime) AS cohort, m.orders, m.revenue
    FROM (SELECT cust, date_trunc('month', time) AS month, count(*) AS orders, sum(revenue) AS revenue FROM eco_orders GROUP BY ALL) m
    JOIN eco_customers c USING (cust)`);
  const monthTotals = await queryRows<{month: string; orders: number; revenue: number; customers: number; newCustomers: number}>(connection,
    `SELECT strftime(month, '%Y-%m') AS month, sum(orders) AS orders, sum(revenue) AS revenue, count(*) AS customers, count(*) FILTER (WHERE cohort = month) AS newCustomers
     FROM eco_customer_months GROUP BY month ORDER BY month`);
  const months = monthTotals.map((m) => m.month);

  const days = await queryRows<{month: number; days: number}>(connection,
    `SELECT month(d) AS month, count(*) AS days FROM (SELECT unnest(generate_series(CAST(${start} AS DATE), CAST(${end} AS DATE), INTERVAL 1 DAY)) AS d) GROUP BY 1`);
  const daysOf = new Map(days.map((d) => [d.month, d.days]));
  const byCatMonth = await queryRows<{cat: AnalysisCategory; month: number; lines: number}>(connection,
    `SELECT cat, month(time) AS month, count(*) AS lines FROM ${lines} GROUP BY ALL`);
  const seasonality: SeasonalityRow[] = [];
  const peaks: TimeReport["peaks"] = [];
  for (const c of ids) {
    const rows = Array.from({length: 12}, (_, i) => {
      const month = i + 1;
      const d = daysOf.get(month) ?? 0;
      const l = byCatMonth.find((r) => r.cat === c && r.month === month)?.lines ?? 0;
      return {month, lines: l, days: d, rate: d ? l / d : null};
    });
    const present = rows.filter((r) => r.rate !== null);
    const total = present.reduce((s, r) => s + r.lines, 0);
    if (!total) continue;
    const mean = present.reduce((s, r) => s + r.rate!, 0) / present.length;
    for (const r of rows) seasonality.push({category: c, label: categoryLabel[c], month: r.month, lines: r.lines, days: r.days, index: r.rate === null ? null : r.rate / mean});
    const mine = seasonality.filter((s) => s.category === c && s.index !== null).sort((a, b) => b.index! - a.index! || a.month - b.month);
    peaks.push({category: c, label: categoryLabel[c], months: mine.map((s) => s.month), peakIndex: mine[0].index!, troughMonth: mine[mine.length - 1].month, troughIndex: mine[mine.length - 1].index!});
  }

  const weekdayHour = await queryRows<{weekday: number; hour: number; orders: number}>(connection,
    `SELECT weekday, hour, count(*) AS orders FROM eco_orders GROUP BY ALL ORDER BY weekday, hour`);
  const categoryWeekday = (await queryRows<{cat: AnalysisCategory; weekday: number; lines: number}>(connection,
    `SELECT cat, dayofweek(time) AS weekday, count(*) AS lines FROM ${lines} GROUP BY ALL ORDER BY cat, weekday`)).map((r) => ({category: r.cat, weekday: r.weekday, lines: r.lines}));
  const categoryHour = (await queryRows<{cat: AnalysisCategory; hour: number; lines: number}>(connection,
    `SELECT cat, hour(time) AS hour, count(*) AS lines FROM ${lines} GROUP BY ALL ORDER BY cat, hour`)).map((r) => ({category: r.cat, hour: r.hour, lines: r.lines}));

  const cohorts = await queryRows<{cohort: string; customers: number; offset: number; active: number; retention: number}>(connection,
    `WITH sizes AS (SELECT date_trunc('month', firstTime) AS cohort, count(*) AS customers FROM eco_customers GROUP BY 1),
     act AS (SELECT cohort, date_diff('month', cohort, month) AS "offset", count(*) AS active FROM eco_customer_months GROUP BY ALL)
     SELECT strftime(a.cohort, '%Y-%m') AS cohort, s.customers, a."offset", a.active, a.active / s.customers AS retention
     FROM act a JOIN sizes s USING (cohort) WHERE a."offset" <= ${maxOffset} AND ${observed(`a.cohort + to_months(CAST(a."offset" AS INTEGER))`)} ORDER BY a.cohort, a."offset"`);

  // Returns: a customer's second purchase occasion (loaders/cases/ecommerce/occasions.ts), from the observed orders.
  await buildOccasions(connection, "eco_observed_occasions", `(SELECT cust, time FROM eco_orders WHERE ${observed("time")})`);
  const rep = await queryOne<{customers: number; repeaters: number; eligible: number; within: number; med: number; q1: number; q3: number}>(connection,
    `WITH g AS (SELECT (epoch(${observedUntil}) - epoch(first)) / 86400 AS sinceFirst, (epoch(second) - epoch(first)) / 86400 AS gap FROM eco_observed_occasions)
     SELECT count(*) AS customers, count(gap) AS repeaters,
       count(*) FILTER (WHERE sinceFirst >= ${repeatWindowDays}) AS eligible,
       count(*) FILTER (WHERE sinceFirst >= ${repeatWindowDays} AND gap <= ${repeatWindowDays}) AS within,
       quantile_cont(gap, 0.5) AS med, quantile_cont(gap, 0.25) AS q1, quantile_cont(gap, 0.75) AS q3 FROM g`);
  const hist = await queryRows<{occasions: number; customers: number}>(connection,
    `SELECT occasions, count(*) AS customers FROM eco_observed_occasions GROUP BY 1 ORDER BY 1`);
  return {
    start: info.start, end: info.end, months, monthly, monthTotals, seasonality, peaks, weekdayHour, categoryWeekday, categoryHour, cohorts, repeatCutoff,
    repeat: {
      observedUntil: repeatCutoff ?? info.end,
      customers: rep.customers, repeaters: rep.repeaters, rate: rep.repeaters / rep.customers,
      returnMinHours: RETURN_MIN_HOURS, windowDays: repeatWindowDays, eligible: rep.eligible, withinWindow: rep.within, rateWithinWindow: rep.eligible ? rep.within / rep.eligible : NaN,
      daysToSecond: {median: rep.med ?? NaN, q1: rep.q1 ?? NaN, q3: rep.q3 ?? NaN},
      occasionsHistogram: hist.map((h) => ({occasions: h.occasions, customers: h.customers, orMore: h.occasions === MAX_OCCASIONS}))
    }
  };
}
