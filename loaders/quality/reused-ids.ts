/**
 * Re-used customer ids: a stretch of calendar months in which almost no customer is new while the
 * order volume holds, and second orders pile up in those months. A log whose ids are recycled (or
 * re-keyed) from some date on looks exactly like this: every "new" customer of the window is filed
 * under an id seen before, so they appear as returns — at 4, 8, 12 months after each first order
 * alike, a diagonal on the cohort chart — concentrated in calendar time rather than in time since
 * the first order, as genuine returns are.
 *
 * The rule, on the log's own figures per calendar month (no date or count is assumed):
 *  - the new-customer share of a month = customers whose first order falls in it ÷ customers active
 *    in it; the baseline is its median over the log's months;
 *  - a month is affected when its new-customer share is below NEW_SHARE_RATIO × the baseline while
 *    its orders are at least VOLUME_RATIO × the median monthly orders (the volume holds: not a
 *    quiet month);
 *  - the window is the longest run of consecutive affected months (the earliest of equal runs);
 *  - it is reported only when second orders are concentrated in it: the share of its active
 *    customers placing their second order is at least RETURN_LIFT × that share in the other months.
 * Logs shorter than MIN_MONTHS months have no baseline and are not judged.
 */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {exactSum, ident, queryRows} from "../io/duckdb.ts";
import type {Finding} from "./types.ts";
import {count, ru} from "./words.ts";
import {nouns} from "../../src/components/glossary.ts";
import type {Text} from "../../src/components/i18n.ts";
import {median} from "../stats/descriptives.ts";

export const NEW_SHARE_RATIO = 0.25;
export const VOLUME_RATIO = 0.5;
export const RETURN_LIFT = 3;
export const MIN_MONTHS = 6;

/** One calendar month of the order log. */
export interface MonthFlow {
  /** "YYYY-MM". */
  month: string;
  orders: number;
  /** Lines of those orders. */
  lines: number;
  revenue: number;
  /** Customers with an order in the month. */
  customers: number;
  /** Customers whose first order is in the month. */
  newCustomers: number;
  /** Customers whose second order is in the month. */
  secondOrders: number;
}

/** Totals over the window: a MonthFlow's figures summed over its months. */
export interface ReusedIdWindow extends Omit<MonthFlow, "month"> {
  /** First and last affected month ("YYYY-MM"). */
  first: string;
  last: string;
  months: number;
  /** First day of the first affected month (ISO date): repeat-purchase figures end there. */
  cutoff: string;
  /** Share of all second orders of the log that fall in the window, and of all orders. */
  secondOrderShare: number;
  orderShare: number;
  /** New-customer share in the window and the log's median monthly share. */
  newShare: number;
  baselineNewShare: number;
  /** Second orders per active customer in the window and in the other months. */
  returnShare: number;
  baselineReturnShare: number;
}

export interface ReusedIdsAudit {
  /** Every calendar month from the first to the last order (months without orders as zeros). */
  months: (MonthFlow & {newShare: number; affected: boolean})[];
  window: ReusedIdWindow | null;
  rule: Text;
}


const sum = (rows: MonthFlow[], key: keyof Omit<MonthFlow, "month">) => rows.reduce((s, r) => s + r[key], 0);

export const REUSED_IDS_RULE: Text = {
  en: `a month is affected when customers new that month are under ${NEW_SHARE_RATIO} × the log's median share of new customers among active ones while orders are at least ${VOLUME_RATIO} × the median month; the longest run of such months is reported when second orders per active customer there are at least ${RETURN_LIFT} × the other months'`,
  ru: `месяц считается затронутым, когда доля новых покупателей среди активных в нём меньше ${ru.formatValue(NEW_SHARE_RATIO)} × медианной доли по журналу, а заказов не меньше ${ru.formatValue(VOLUME_RATIO)} × медианного месяца; самая длинная серия таких месяцев указывается, если вторых заказов на активного покупателя в ней не меньше ${RETURN_LIFT} × их числа в остальных месяцах`
};

/** "YYYY-MM" months from first to last inclusive. */
function monthSpan(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split("-").map(Number);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, "0")}`;
    out.push(month);
    if (month >= last) return out;
    if (++m > 12) (m = 1), y++;
  }
}

/** Judge a log's monthly figures (any order, gaps allowed) by the rule above. */
export function reusedIdWindow(flow: MonthFlow[]): ReusedIdsAudit {
  const given = new Map(flow.map((f) => [f.month, f]));
  const sorted = [...given.keys()].sort();
  const span = sorted.length ? monthSpan(sorted[0], sorted[sorted.length - 1]) : [];
  const rows = span.map((month) => given.get(month) ?? {month, orders: 0, lines: 0, revenue: 0, customers: 0, newCustomers: 0, secondOrders: 0});
  const newShare = (r: MonthFlow) => (r.customers ? r.newCustomers / r.customers : 0);
  const baselineNewShare = rows.length ? median(rows.filter((r) => r.customers).map(newShare)) : 0;
  const medianOrders = rows.length ? median(rows.map((r) => r.orders)) : 0;
  const judged = rows.length >= MIN_MONTHS && baselineNewShare > 0;
  const months = rows.map((r) => ({...r, newShare: newShare(r),
    affected: judged && r.orders > 0 && r.orders >= VOLUME_RATIO * medianOrders && newShare(r) < NEW_SHARE_RATIO * baselineNewShare}));
  // The longest run of consecutive affected months (earliest on ties).
  let best: [number, number] | null = null;
  for (let i = 0; i < months.length; i++) {
    if (!months[i].affected || (i > 0 && months[i - 1].affected)) continue;
    let j = i;
    while (j + 1 < months.length && months[j + 1].affected) j++;
    if (!best || j - i > best[1] - best[0]) best = [i, j];
  }
  if (!best) return {months, window: null, rule: REUSED_IDS_RULE};
  const inside = rows.slice(best[0], best[1] + 1);
  const outside = [...rows.slice(0, best[0]), ...rows.slice(best[1] + 1)];
  const returnShare = sum(inside, "secondOrders") / sum(inside, "customers");
  const baselineReturnShare = sum(outside, "customers") ? sum(outside, "secondOrders") / sum(outside, "customers") : 0;
  if (!(returnShare >= RETURN_LIFT * baselineReturnShare && sum(inside, "secondOrders") > 0)) return {months, window: null, rule: REUSED_IDS_RULE};
  return {
    months, rule: REUSED_IDS_RULE,
    window: {
      first: inside[0].month, last: inside[inside.length - 1].month, months: inside.length, cutoff: `${inside[0].month}-01`,
      orders: sum(inside, "orders"), lines: sum(inside, "lines"), revenue: sum(inside, "revenue"), customers: sum(inside, "customers"),
      newCustomers: sum(inside, "newCustomers"), secondOrders: sum(inside, "secondOrders"),
      secondOrderShare: sum(inside, "secondOrders") / sum(rows, "secondOrders"), orderShare: sum(inside, "orders") / sum(rows, "orders"),
      newShare: sum(inside, "newCustomers") / sum(inside, "customers"), baselineNewShare, returnShare, baselineReturnShare
    }
  };
}

export interface OrdersRef {
  /** Table or view with one row per order. */
  table: string;
  customer: string;
  /** TIMESTAMP of the order. */
  time: string;
  /** Order id (breaks ties between a customer's orders at one time). */
  order: string;
  /** Lines in the order. */
  lines: string;
  revenue: string;
}

/** The monthly figures of a table of orders (one SQL pass over orders, not lines). */
export async function monthlyFlow(connection: DuckDBConnection, ref: OrdersRef): Promise<MonthFlow[]> {
  const [c, t] = [ident(ref.customer), ident(ref.time)];
  return queryRows<MonthFlow>(connection,
    `WITH o AS (SELECT ${c} AS c, ${t} AS t, ${ident(ref.lines)} AS n, ${ident(ref.revenue)} AS r, row_number() OVER (PARTITION BY ${c} ORDER BY ${t}, ${ident(ref.order)}) AS k FROM ${ident(ref.table)})
     SELECT strftime(t, '%Y-%m') AS month, count(*) AS orders, CAST(coalesce(sum(n), 0) AS BIGINT) AS lines, coalesce(${exactSum("r")}, 0) AS revenue, count(DISTINCT c) AS customers,
       count(*) FILTER (WHERE k = 1) AS newCustomers, count(*) FILTER (WHERE k = 2) AS secondOrders
     FROM o GROUP BY 1 ORDER BY 1`);
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** The audit as a finding (rows = order lines in the window, groups = customers active in it). */
export function reusedIdsFinding(audit: ReusedIdsAudit, file: string, field = "customerId"): Finding {
  const w = audit.window;
  if (!w) return {kind: "reused-ids", file, field, rows: 0, groups: 0, method: audit.rule, examples: [],
    summary: {en: "new customers keep arriving in every month with normal volume: no sign of re-used customer ids",
      ru: "новые покупатели приходят каждый месяц при обычном объёме заказов: признаков повторно выданных идентификаторов нет"}};
  const span = w.first === w.last ? w.first : `${w.first} to ${w.last}`;
  return {kind: "reused-ids", file, field, rows: w.lines, groups: w.customers, method: audit.rule,
    summary: {
      en: `customer ids look re-used from ${w.first}: in ${span} only ${count(w.newCustomers, "customer is", "customers are")} new (${pct(w.newShare)} of active customers, against ${pct(w.baselineNewShare)} in a typical month) while ${count(w.orders, "order")} (${count(w.lines, "line")}) hold the volume, and ${pct(w.secondOrderShare)} of all second orders fall in these ${count(w.months, "month")}; repeat-purchase figures end at ${w.cutoff}`,
      ru: `идентификаторы покупателей, похоже, выдаются повторно начиная с ${w.first}: ${w.first === w.last ? `в ${w.first}` : `с ${w.first} по ${w.last}`} новых лишь ${ru.int(w.newCustomers)} (${ru.pct(w.newShare)} активных покупателей против ${ru.pct(w.baselineNewShare)} в обычный месяц), хотя объём держат ${ru.count(w.orders, nouns.order)} (${ru.count(w.lines, nouns.orderLine)}), и на эти ${ru.count(w.months, nouns.month)} приходится ${ru.pct(w.secondOrderShare)} всех вторых заказов; показатели повторных покупок заканчиваются ${w.cutoff}`
    },
    examples: audit.months.filter((m) => m.affected).slice(0, 5).map((m) => ({file, line: 0, field: "date", found: m.month,
      note: {en: `${m.newCustomers} new of ${m.customers} active customers; ${m.secondOrders} second orders; ${m.orders} orders`,
        ru: `новых ${ru.int(m.newCustomers)} из ${ru.int(m.customers)} активных покупателей; вторых заказов: ${ru.int(m.secondOrders)}; заказов: ${ru.int(m.orders)}`}}))};
}
