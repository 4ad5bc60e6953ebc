/**
 * Customer value from the order log: how many purchases each customer will make (BG/NBD,
 * loaders/models/bgnbd.ts), what each will be worth (Gamma-Gamma, loaders/models/gamma-gamma.ts), and so
 * the revenue they are expected to bring, month by month; how long customers take to come back (Kaplan–Meier).
 *
 * Purchases are purchase occasions (loaders/cases/ecommerce/occasions.ts: orders within RETURN_MIN_HOURS of an
 * occasion's first order are one purchase), worth the revenue of their orders (wholesale lines left out, as
 * eco_orders). Observation ends at the repeat cutoff when the audit flags re-used customer ids (nothing on or
 * after it is used), else at the log's last order. Time is in days; a month is MONTH_DAYS days.
 *
 *   history     per customer first seen before the end: x = purchases after the first, tₓ = days from the first
 *               to the last, T = days from the first to the end of observation;
 *   holdout     the model fitted on the first (1 − HOLDOUT_SHARE) of the observed period, its expected purchases
 *               in the rest against the purchases made there, by purchases in the calibration part (Fader,
 *               Hardie & Lee 2005, fig. 4): the check passes when the total made lies within the total expected
 *               ± max(2√expected, HOLDOUT_TOLERANCE × expected);
 *   forecast    the model refitted on the whole observed period; per customer P(alive), expected purchases in
 *               each of the next MAX_HORIZON months, value per purchase, so expected revenue per month; summed
 *               by RFM segment, so the page can discount over the horizon the reader picks;
 *   reliable    only when the holdout check passes and at least MIN_REPEAT_BUYERS customers bought again.
 */
import {kaplanMeier, logLogInterval} from "../../stats/kaplanMeier.ts";
import {pearson} from "../../stats/correlation.ts";
import {expectedPurchases, expectedPurchasesIfAlive, fitBgnbd, pAlive, type BgnbdFit, type PurchaseHistory} from "../../models/bgnbd.ts";
import {expectedPurchaseValue, fitGammaGamma, type GammaGammaFit, type SpendHistory} from "../../models/gamma-gamma.ts";
import type {DuckDBConnection} from "@duckdb/node-api";
import {ident, queryTyped, run} from "../../io/duckdb.ts";
import {isoMs} from "../../io/datetime.ts";
import {readCustomerIds} from "./customers.ts";
import {RETURN_MIN_HOURS} from "./occasions.ts";
import {returnColumns, type FirstOrders} from "./repeat.ts";
import {segmentLabels, SEGMENT_IDS} from "./rfm.ts";
import type {Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";
import {terms} from "../../../src/components/glossary.ts";
import {actionList, type ActionList} from "../../analysis/action-list.ts";
import type {CaseInput} from "../../inputs/resolve.ts";
import type {Settings} from "../../settings.ts";
import {caseMoney, type Money} from "../money.ts";

export const MONTH_DAYS = 30.4375;
export const HOLDOUT_SHARE = 1 / 3;
export const HOLDOUT_TOLERANCE = 0.2;
export const MIN_REPEAT_BUYERS = 1000;
export const MAX_HORIZON = 36;
/** Most distinct (x, T) whose forecast series are kept for re-use (about 300 bytes each). */
const MEMO_HISTORIES = 200_000;
/** Repeat purchases grouped as "this many or more" in the holdout check. */
export const MAX_X_SHOWN = 7;
/** Below this P(alive), a repeat buyer has probably stopped buying: a win-back candidate. */
export const WINBACK_P = 0.5;
/** The Kaplan–Meier curve is drawn and read only while at least this many customers are still observed. */
export const MIN_AT_RISK = 50;
/** Days at which the share of customers back is read off the Kaplan–Meier curve. */
export const RETURN_DAYS = [30, 90, 180, 365];

const DAY_MS = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** One order as the model reads it: whose, when (ISO, whole seconds) and its revenue. */
export interface OrderRow {
  customerId: string;
  time: string;
  revenue: number;
  orderId: number;
}

/** Each customer's orders in time order (ties: lower order id first), column by column: customer c's orders are
 * rows offsets[c] to offsets[c + 1] − 1 of `at` (epoch ms, whole seconds) and `revenue`; customers in id order.
 * No object per order: a log of ten million lines has millions of them. */
export interface CustomerOrders {
  ids: string[];
  /** Each customer's RFM segment (loaders/cases/ecommerce/rfm.ts), null when not scored. */
  segments: (string | null)[];
  offsets: Int32Array;
  at: Float64Array;
  revenue: Float64Array;
}

/** The orders before `stop` (ISO; null = all) of `table` (eco_orders: wholesale lines left out), customer by customer
 * (`allIds`: every customer's id, readCustomerIds, when already read). */
export async function readValueOrders(connection: DuckDBConnection, stop: string | null, table = "eco_orders", allIds?: readonly string[]): Promise<CustomerOrders> {
  const where = stop === null ? "" : "WHERE time < CAST($stop AS TIMESTAMP)";
  const params = stop === null ? undefined : {stop};
  // Customers numbered in id order; each order carries the number, not the id text.
  await run(connection, `CREATE OR REPLACE TEMP TABLE value_customers AS
    SELECT cust, CAST(row_number() OVER (ORDER BY k) - 1 AS INTEGER) AS k FROM eco_customer_ids WHERE cust IN (SELECT cust FROM ${ident(table)})`);
  const everyone = allIds ?? (await readCustomerIds(connection));
  const {numbers: numbered, texts: labels} = await queryTyped(connection, `SELECT ids.k AS customer, CAST(r.segment AS eco_segment) AS segment
    FROM value_customers v JOIN eco_customer_ids ids USING (cust) LEFT JOIN eco_rfm r USING (cust) ORDER BY v.k`);
  const ids = {customerId: Array.from(numbered.customer ?? [], (k) => everyone[k - 1]), segment: labels.segment ?? []};
  const {rows, numbers: c} = await queryTyped(connection, `SELECT v.k, epoch_ms(date_trunc('second', o.time)) AS at, CAST(o.revenue AS DOUBLE) AS revenue
    FROM (SELECT * FROM ${ident(table)} ${where}) o JOIN value_customers v USING (cust) ORDER BY v.k, date_trunc('second', o.time), o.orderId`, params);
  const customers = ids.customerId.length;
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < rows; i++) offsets[c.k[i] + 1]++;
  for (let k = 0; k < customers; k++) offsets[k + 1] += offsets[k];
  return {ids: ids.customerId, segments: ids.segment as (string | null)[], offsets, at: c.at ?? new Float64Array(0), revenue: c.revenue ?? new Float64Array(0)};
}

/** Orders given as rows (any order), as CustomerOrders: customers in id order, each one's orders in time order (ties:
 * lower order id). */
export function customerOrdersOf(orders: readonly OrderRow[]): CustomerOrders {
  const sorted = [...orders].sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : a.time < b.time ? -1 : a.time > b.time ? 1 : a.orderId - b.orderId));
  const ids: string[] = [];
  const offsets = [0];
  sorted.forEach((o, i) => {
    if (i > 0 && o.customerId === sorted[i - 1].customerId) offsets[offsets.length - 1]++;
    else ids.push(o.customerId), offsets.push(offsets[offsets.length - 1] + 1);
  });
  return {ids, segments: ids.map(() => null), offsets: Int32Array.from(offsets), at: Float64Array.from(sorted, (o) => isoMs(o.time)), revenue: Float64Array.from(sorted, (o) => o.revenue)};
}

/** Purchase occasions before a stop, column by column as CustomerOrders: customer c's occasions are rows offsets[c] to
 * offsets[c + 1] − 1 of `at` (the occasion's first order, epoch ms) and `value` (the revenue of its orders). */
export interface Occasions {
  ids: string[];
  segments: (string | null)[];
  offsets: Int32Array;
  at: Float64Array;
  value: Float64Array;
}

/** Occasions from each customer's orders before `stop` (ms): an order more than RETURN_MIN_HOURS after the current
 * occasion's first order starts the next one. */
export function occasionsOf(orders: CustomerOrders, stop: number): Occasions {
  const n = orders.offsets.length - 1;
  const offsets = new Int32Array(n + 1);
  const at = new Float64Array(orders.at.length), value = new Float64Array(orders.at.length);
  let m = 0;
  for (let c = 0; c < n; c++) {
    const first = m;
    for (let i = orders.offsets[c]; i < orders.offsets[c + 1]; i++) {
      const t = orders.at[i];
      if (t >= stop) break;
      if (m > first && t - at[m - 1] <= RETURN_MIN_HOURS * 3_600_000) value[m - 1] += orders.revenue[i];
      else (at[m] = t), (value[m] = orders.revenue[i]), m++;
    }
    offsets[c + 1] = m;
  }
  return {ids: orders.ids, segments: orders.segments, offsets, at: at.subarray(0, m), value: value.subarray(0, m)};
}

/** (x, tₓ, T) in days at `end` (ms) of customer c from their occasions before it; null when the first is not before `end`. */
export function historyAt(occasions: Occasions, c: number, end: number): PurchaseHistory | null {
  const from = occasions.offsets[c];
  let to = occasions.offsets[c + 1];
  while (to > from && occasions.at[to - 1] >= end) to--;
  if (to === from) return null;
  const first = occasions.at[from];
  return {x: to - from - 1, tx: (occasions.at[to - 1] - first) / DAY_MS, T: (end - first) / DAY_MS};
}

export interface HoldoutRow {
  /** Purchases after the first in the calibration part (the last row: this many or more). */
  x: number;
  orMore: boolean;
  customers: number;
  /** Purchases per customer in the holdout: made, and expected by the calibration fit. */
  actual: number;
  expected: number;
}

export interface HoldoutCheck {
  calibrationStart: string;
  calibrationEnd: string;
  holdoutEnd: string;
  holdoutDays: number;
  customers: number;
  repeatBuyers: number;
  fit: BgnbdFit;
  rows: HoldoutRow[];
  actualTotal: number;
  expectedTotal: number;
  /** Half-width of the band the total must fall in. */
  allowed: number;
  passes: boolean;
}

export interface SegmentValue {
  segment: string;
  label: Text;
  customers: number;
  repeatBuyers: number;
  /** Mean P(alive) of the segment's repeat buyers (NaN when none). */
  meanPAlive: number;
  /** Expected revenue in each of the next MAX_HORIZON months, summed over the segment: index 0 = month 1. */
  revenue: number[];
  /** The same for the part lost if the customers have dropped out: Σ (1 − P(alive)) × revenue if alive. */
  atRisk: number[];
}

/** One customer's forecast (customerValueAt: a row of CustomerValues). */
export interface CustomerValue {
  customerId: string;
  segment: string;
  x: number;
  recencyDays: number;
  T: number;
  pAlive: number;
  valuePerPurchase: number;
  /** Expected revenue over the next 12 months, undiscounted, and were the customer still alive. */
  value12: number;
  value12IfAlive: number;
}

const VALUE_FIGURES = ["x", "recencyDays", "T", "pAlive", "valuePerPurchase", "value12", "value12IfAlive"] as const;

/** Every observed customer's forecast, column by column (millions of customers: no object each). */
export interface CustomerValues extends Record<(typeof VALUE_FIGURES)[number], Float64Array> {
  /** Each customer's row in the orders the model read (CustomerOrders), their id and segment. */
  row: Int32Array;
  ids: string[];
  segment: string[];
}

const noCustomerValues = (): CustomerValues => ({row: new Int32Array(0), ids: [], segment: [], ...Object.fromEntries(VALUE_FIGURES.map((f) => [f, new Float64Array(0)]))}) as unknown as CustomerValues;

/** Customer i of `values` as one object. */
export function customerValueAt(values: CustomerValues, i: number): CustomerValue {
  return {customerId: values.ids[i], segment: values.segment[i], ...Object.fromEntries(VALUE_FIGURES.map((f) => [f, values[f][i]]))} as CustomerValue;
}

export interface ReturnCurve {
  observedUntil: string;
  customers: number;
  returned: number;
  /** Share back by each of RETURN_DAYS days, with a 95 % interval (log(−log) transform of Greenwood's). */
  backBy: {days: number; share: number; lo: number; hi: number; atRisk: number}[];
  /** The curve: days and share back (1 − S), at each event time with at least MIN_AT_RISK customers at risk. */
  curve: {days: number; back: number}[];
  minAtRisk: number;
  /** Naive share back (returned ÷ all, ignoring how long each was observed), for comparison. */
  naiveShare: number;
}

export interface CustomerValueModel {
  available: boolean;
  /** Why customer value cannot be estimated (empty when it can). */
  why: Text;
  observedFrom: string;
  observedUntil: string;
  repeatCutoff: string | null;
  customers: number;
  repeatBuyers: number;
  holdout: HoldoutCheck | null;
  fit: BgnbdFit | null;
  spend: (GammaGammaFit & {correlation: number; customers: number}) | null;
  reliable: boolean;
  /** Reasons the values are not reliable (empty when they are). */
  caveats: Text[];
  segments: SegmentValue[];
  customerValues: CustomerValues;
  returns: ReturnCurve;
  /** What the final fits were made on (no ids; not written to the artifact): histories in days, and the repeat buyers' spend. */
  data: {histories: HistoryColumns; spend: SpendHistory[]};
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const sumOf = (xs: Float64Array) => xs.reduce((s, x) => s + x, 0);
const ru = formats("ru");

export function returnCurve(firstOrders: FirstOrders, end: string, repeatCutoff: string | null): ReturnCurve {
  const r = returnColumns(firstOrders, {end, repeatCutoff});
  const km = kaplanMeier(Array.from(r.days), Array.from(r.returned, (b) => b === 1));
  const backBy = RETURN_DAYS.map((days) => {
    let i = -1;
    while (i + 1 < km.time.length && km.time[i + 1] <= days) i++;
    const s = i < 0 ? 1 : km.survival[i], se = i < 0 ? 0 : km.se[i];
    const atRisk = r.days.reduce((n, d) => n + Number(d >= days), 0);
    // The interval of S on the log(−log) scale, turned into the share back 1 − S.
    const {lo: sLo, hi: sHi} = logLogInterval(s, se);
    return {days, share: 1 - s, lo: 1 - sHi, hi: 1 - sLo, atRisk};
  }).filter((b) => b.atRisk >= MIN_AT_RISK);
  const customers = r.days.length;
  return {observedUntil: r.observedUntil, customers, returned: r.returnedCount,
    backBy, curve: km.time.flatMap((days, i) => (km.atRisk[i] >= MIN_AT_RISK ? [{days, back: 1 - km.survival[i]}] : [])), minAtRisk: MIN_AT_RISK, naiveShare: customers ? r.returnedCount / customers : NaN};
}

function holdoutCheck(occasions: Occasions, kept: Int32Array, start: number, stop: number): HoldoutCheck {
  const calEnd = start + Math.round(((stop - start) * (1 - HOLDOUT_SHARE)) / DAY_MS) * DAY_MS;
  const holdoutDays = (stop - calEnd) / DAY_MS;
  const histories = historyColumns(kept.length);
  const later = new Int32Array(kept.length);
  let n = 0;
  for (const c of kept) {
    const h = historyAt(occasions, c, calEnd);
    if (!h) continue;
    for (let i = occasions.offsets[c]; i < occasions.offsets[c + 1]; i++) if (occasions.at[i] >= calEnd && occasions.at[i] < stop) later[n]++;
    setHistory(histories, n++, h);
  }
  const rows = trimmed(histories, n);
  const fit = fitBgnbd(rows);
  const byX = new Map<number, HoldoutRow>();
  for (let j = 0; j < n; j++) {
    const h = historyOf(rows, j);
    const x = Math.min(h.x, MAX_X_SHOWN);
    const row = byX.get(x) ?? {x, orMore: x === MAX_X_SHOWN, customers: 0, actual: 0, expected: 0};
    row.customers++, (row.actual += later[j]), (row.expected += expectedPurchases(fit.params, holdoutDays, h));
    byX.set(x, row);
  }
  const table = [...byX.values()].sort((a, b) => a.x - b.x);
  const actualTotal = sum(table.map((r) => r.actual)), expectedTotal = sum(table.map((r) => r.expected));
  const allowed = Math.max(2 * Math.sqrt(expectedTotal), HOLDOUT_TOLERANCE * expectedTotal);
  return {calibrationStart: isoDay(start), calibrationEnd: isoDay(calEnd), holdoutEnd: isoDay(stop), holdoutDays, customers: n,
    repeatBuyers: rows.x.filter((x) => x > 0).length, fit, actualTotal, expectedTotal, allowed, passes: Math.abs(actualTotal - expectedTotal) <= allowed,
    rows: table.map((r) => ({...r, actual: r.actual / r.customers, expected: r.expected / r.customers}))};
}

export interface ValueInput {
  /** Orders before the end of observation (readValueOrders; customerOrdersOf for orders given as rows). */
  orders: CustomerOrders;
  /** Every customer's first order and second occasion over the whole log (for the time to the second purchase). */
  firstOrders: FirstOrders;
  start: string;
  end: string;
  repeatCutoff: string | null;
}

/** The customers observed: first order before the end of observation (`start` … the repeat cutoff, exclusive, else the
 * last order, `end`, inclusive), their occasions before it and their histories at it (kept: customer numbers of
 * `occasions`, in id order). */
export interface Observed {
  first: number;
  stop: number;
  occasions: Occasions;
  kept: Int32Array;
  histories: HistoryColumns;
}

/** Histories as columns (loaders/models/bgnbd.ts Histories), one row per customer. */
export interface HistoryColumns {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

const historyColumns = (n: number): HistoryColumns => ({x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n)});
const setHistory = (columns: HistoryColumns, j: number, h: PurchaseHistory) => ((columns.x[j] = h.x), (columns.tx[j] = h.tx), (columns.T[j] = h.T));
const historyOf = (columns: HistoryColumns, j: number): PurchaseHistory => ({x: columns.x[j], tx: columns.tx[j], T: columns.T[j]});
const trimmed = (columns: HistoryColumns, n: number): HistoryColumns => ({x: columns.x.subarray(0, n), tx: columns.tx.subarray(0, n), T: columns.T.subarray(0, n)});

export function observedCustomers(orders: CustomerOrders, start: string, end: string, repeatCutoff: string | null): Observed {
  const first = isoMs(start);
  const stop = repeatCutoff === null ? isoMs(end) + 1 : isoMs(repeatCutoff);
  const occasions = occasionsOf(orders, stop);
  const customers = orders.offsets.length - 1;
  const kept = new Int32Array(customers);
  const histories = historyColumns(customers);
  let n = 0;
  for (let c = 0; c < customers; c++) {
    const h = historyAt(occasions, c, stop);
    if (h && h.T > 0) (kept[n] = c), setHistory(histories, n++, h);
  }
  return {first, stop, occasions, kept: kept.subarray(0, n), histories: trimmed(histories, n)};
}

/** Mean value of a repeat buyer's purchases after the first (customer c of `occasions`, x of them). */
const repeatMean = (occasions: Occasions, c: number, x: number) => {
  let total = 0;
  for (let i = occasions.offsets[c] + 1; i <= occasions.offsets[c] + x; i++) total += occasions.value[i];
  return total / x;
};

/** Repeat buyers' purchases after the first and the mean value of those purchases (Gamma-Gamma's data). */
export function repeatSpend({occasions, kept, histories}: Observed): SpendHistory[] {
  const out: SpendHistory[] = [];
  kept.forEach((c, j) => {
    const x = histories.x[j];
    if (x > 0) {
      const mean = repeatMean(occasions, c, x);
      if (mean > 0) out.push({x, mean});
    }
  });
  return out;
}

export function customerValueModel({orders, firstOrders, start, end, repeatCutoff}: ValueInput): CustomerValueModel {
  const returns = returnCurve(firstOrders, end, repeatCutoff);
  const observed = observedCustomers(orders, start, end, repeatCutoff);
  const {first, stop, histories} = observed;
  const base = {observedFrom: isoDay(first), observedUntil: isoDay(stop - (repeatCutoff === null ? 1 : 0)), repeatCutoff, returns};
  const repeatBuyers = histories.x.filter((x) => x > 0).length;
  const data = {histories, spend: repeatSpend(observed)};
  const empty = {...base, data, customers: histories.x.length, repeatBuyers, holdout: null, fit: null, spend: null, reliable: false, segments: [], customerValues: noCustomerValues()};
  if (repeatBuyers < 2) return {...empty, available: false, caveats: [], why: {
    en: `only ${repeatBuyers} customer${repeatBuyers === 1 ? "" : "s"} bought again before ${base.observedUntil}: purchase rates and dropout cannot be estimated`,
    ru: `до ${base.observedUntil} повторно ${repeatBuyers === 1 ? "купил" : "купили"} только ${ru.plural(repeatBuyers, "покупатель", "покупателя", "покупателей")}: частоту покупок и уход оценить нельзя`}};

  if (data.spend.length < 2) return {...empty, available: false, caveats: [], why: {
    en: "fewer than two repeat buyers spent anything: the value per purchase cannot be estimated",
    ru: "меньше двух повторных покупателей что-либо потратили: стоимость покупки оценить нельзя"}};
  try {
    return forecast(observed, data, {repeatBuyers, base});
  } catch (error) {
    // A fit or forecast the numbers cannot support (e.g. a series that does not converge) makes the page say so, not fail the build.
    const message = error instanceof Error ? error.message : String(error);
    return {...empty, available: false, caveats: [], why: {en: `the model could not be fitted or evaluated on this log (${message})`,
      ru: `модель не удалось оценить или применить на этом журнале заказов (${message})`}};
  }
}

function forecast(observed: Observed, data: CustomerValueModel["data"], {repeatBuyers, base}:
  {repeatBuyers: number; base: Pick<CustomerValueModel, "observedFrom" | "observedUntil" | "repeatCutoff" | "returns">}): CustomerValueModel {
  const {first, stop, occasions, kept, histories} = observed;
  const empty = {...base, data, customers: histories.x.length, repeatBuyers, holdout: null, fit: null, spend: null, reliable: false, segments: [], customerValues: noCustomerValues()};
  const holdout = holdoutCheck(occasions, kept, first, stop);
  const fit = fitBgnbd(histories);
  const spendRows = data.spend;
  const gg = fitGammaGamma(spendRows);
  const spend = {...gg, correlation: pearson(spendRows.map((r) => r.x), spendRows.map((r) => r.mean)), customers: spendRows.length};
  if (!(gg.params.q > 1)) return {...empty, holdout, fit, spend, available: false, caveats: [],
    why: {en: `the spread of purchase values has no finite mean under the Gamma-Gamma fit (q = ${gg.params.q.toFixed(2)} ≤ 1): values per purchase cannot be forecast`,
      ru: `у разброса стоимости покупок нет конечного среднего по модели Gamma-Gamma (q = ${ru.fixed(gg.params.q, 2)} ≤ 1): стоимость покупок спрогнозировать нельзя`}};

  const segmentIds: string[] = [...SEGMENT_IDS, "unscored"];
  // Per segment: customers, repeat buyers, the sum of their P(alive), and expected revenue per month (if alive × P(alive), and × 1 − P(alive)).
  const sums = segmentIds.map(() => ({customers: 0, repeatBuyers: 0, pAlive: 0, revenue: new Float64Array(MAX_HORIZON), atRisk: new Float64Array(MAX_HORIZON)}));
  // Expected purchases if alive over 0…MAX_HORIZON months depend on x and T only: customers sharing them (orders
  // logged by the hour share T) share the series, each a sum of hundreds of terms. Kept for up to MEMO_HISTORIES of them.
  // Keyed by x, then T (numbers: no key text made per customer).
  const memo = new Map<number, Map<number, Float64Array>>();
  let memoised = 0;
  const cumulativeOf = (h: PurchaseHistory) => {
    let byT = memo.get(h.x);
    if (!byT) memo.set(h.x, (byT = new Map()));
    const known = byT.get(h.T);
    if (known) return known;
    const out = Float64Array.from({length: MAX_HORIZON + 1}, (_, m) => expectedPurchasesIfAlive(fit.params, m * MONTH_DAYS, h));
    if (memoised < MEMO_HISTORIES) byT.set(h.T, out), memoised++;
    return out;
  };
  const n = kept.length;
  const customerValues: CustomerValues = {row: Int32Array.from(kept), ids: Array.from(kept, (c) => occasions.ids[c]), segment: Array.from(kept, (c) => occasions.segments[c] ?? "unscored"),
    ...Object.fromEntries(VALUE_FIGURES.map((f) => [f, new Float64Array(n)]))} as unknown as CustomerValues;
  for (let j = 0; j < n; j++) {
    const c = kept[j];
    const h = historyOf(histories, j);
    const p = pAlive(fit.params, h);
    const mean = h.x > 0 ? repeatMean(occasions, c, h.x) : 0;
    const v = expectedPurchaseValue(gg.params, mean > 0 ? {x: h.x, mean} : {x: 0, mean: 0});
    const cumulative = cumulativeOf(h);
    const sum = sums[segmentIds.indexOf(customerValues.segment[j])];
    sum.customers++;
    if (h.x > 0) sum.repeatBuyers++, (sum.pAlive += p);
    let value12IfAlive = 0;
    for (let m = 0; m < MAX_HORIZON; m++) {
      const ifAlive = (cumulative[m + 1] - cumulative[m]) * v;
      if (m < 12) value12IfAlive += ifAlive;
      sum.revenue[m] += p * ifAlive;
      sum.atRisk[m] += (1 - p) * ifAlive;
    }
    customerValues.x[j] = h.x, (customerValues.recencyDays[j] = h.T - h.tx), (customerValues.T[j] = h.T), (customerValues.pAlive[j] = p);
    customerValues.valuePerPurchase[j] = v, (customerValues.value12[j] = p * value12IfAlive), (customerValues.value12IfAlive[j] = value12IfAlive);
  }
  const segments: SegmentValue[] = segmentIds.flatMap((segment, i) => {
    const g = sums[i];
    return g.customers ? [{segment, label: segment === "unscored" ? terms.notScored : segmentLabels[segment as keyof typeof segmentLabels], customers: g.customers, repeatBuyers: g.repeatBuyers,
      meanPAlive: g.repeatBuyers ? g.pAlive / g.repeatBuyers : NaN, revenue: Array.from(g.revenue), atRisk: Array.from(g.atRisk)}] : [];
  });
  const holdoutDays = Math.round(holdout.holdoutDays);
  const caveats: Text[] = [
    ...(holdout.passes ? [] : [{
      en: `the model fitted on ${holdout.calibrationStart} to ${holdout.calibrationEnd} expected ${holdout.expectedTotal.toFixed(0)} purchases in the following ${holdoutDays} days, and customers made ${holdout.actualTotal}`,
      ru: `модель, оценённая по заказам с ${holdout.calibrationStart} по ${holdout.calibrationEnd}, ожидала ${ru.plural(Math.round(holdout.expectedTotal), "покупку", "покупки", "покупок")} за следующие ${ru.plural(holdoutDays, "день", "дня", "дней")}, а покупатели сделали ${ru.int(holdout.actualTotal)}`}]),
    ...(repeatBuyers < MIN_REPEAT_BUYERS ? [{
      en: `only ${repeatBuyers} customers bought again (the model needs about ${MIN_REPEAT_BUYERS.toLocaleString("en-US")} to pin down purchase rates and dropout)`,
      ru: `повторно купили только ${ru.plural(repeatBuyers, "покупатель", "покупателя", "покупателей")} (модели нужно около ${ru.int(MIN_REPEAT_BUYERS)}, чтобы надёжно оценить частоту покупок и уход)`}] : []),
    ...(fit.converged && holdout.fit.converged ? [] : [{en: "the likelihood maximisation did not converge", ru: "максимизация правдоподобия не сошлась"}])
  ];
  return {...base, data, available: true, why: {en: "", ru: ""}, customers: histories.x.length, repeatBuyers, holdout, fit, spend, reliable: caveats.length === 0, caveats, segments, customerValues};
}

/** The page's artifact: the model without customer ids, a win-back list (rows only where allowed), the money unit. */
export interface ValueReport extends Omit<CustomerValueModel, "customerValues" | "data"> {
  money: Money;
  rules: {holdoutShare: number; holdoutTolerance: number; minRepeatBuyers: number; maxHorizon: number; monthDays: number; winbackP: number; returnMinHours: number};
  /** Repeat buyers by purchases after the first (the last: or more) and whole months since their last purchase (the last: or more). */
  aliveGrid: {x: number; xOrMore: boolean; months: number; monthsOrMore: boolean; customers: number; meanPAlive: number}[];
  /** Customers by expected revenue over the next 12 months (undiscounted): equal-width bins up to the 99th percentile, the last open. */
  distribution: {from: number; to: number; customers: number; open: boolean}[];
  totals: {value12: number; topDecileShare: number; oneTimeShare: number};
  winback: {list: ActionList; atRisk12: number; value12IfAlive: number};
}

const GRID_X = 5;

/** Why a repeat buyer is on the win-back list, in both languages. */
export function winbackReason(c: Pick<CustomerValue, "x" | "recencyDays" | "pAlive">, observedUntil: string): Text {
  const days = Math.round(c.recencyDays);
  return {
    en: `${c.x + 1} purchases, the last ${days} days before ${observedUntil}; probably stopped buying (P(still buying) ${(100 * c.pAlive).toFixed(0)} %)`,
    ru: `${ru.plural(c.x + 1, "покупка", "покупки", "покупок")}, последняя — за ${ru.plural(days, "день", "дня", "дней")} до ${observedUntil}; по-видимому, перестал покупать (P(ещё покупает) ${ru.pct(c.pAlive, 0)})`
  };
}
const GRID_MONTHS = 12;

export function valueArtifact(model: CustomerValueModel, input: Pick<CaseInput, "id" | "money">, settings: Pick<Settings, "customerRows" | "controlShare" | "currency">): ValueReport {
  const {customerValues, data: _data, ...rest} = model;
  const money = caseMoney(input, settings);
  const rules = {holdoutShare: HOLDOUT_SHARE, holdoutTolerance: HOLDOUT_TOLERANCE, minRepeatBuyers: MIN_REPEAT_BUYERS, maxHorizon: MAX_HORIZON, monthDays: MONTH_DAYS, winbackP: WINBACK_P, returnMinHours: RETURN_MIN_HOURS};
  const cv = customerValues;
  const count = cv.ids.length;
  const repeaters: number[] = [];
  for (let i = 0; i < count; i++) if (cv.x[i] > 0) repeaters.push(i);
  const cells = new Map<string, {x: number; months: number; customers: number; total: number}>();
  for (const i of repeaters) {
    const x = Math.min(cv.x[i], GRID_X), months = Math.min(Math.floor(cv.recencyDays[i] / MONTH_DAYS), GRID_MONTHS);
    const cell = cells.get(`${x} ${months}`) ?? {x, months, customers: 0, total: 0};
    cell.customers++, (cell.total += cv.pAlive[i]);
    cells.set(`${x} ${months}`, cell);
  }
  const aliveGrid = [...cells.values()].sort((a, b) => a.x - b.x || a.months - b.months)
    .map((c) => ({x: c.x, xOrMore: c.x === GRID_X, months: c.months, monthsOrMore: c.months === GRID_MONTHS, customers: c.customers, meanPAlive: c.total / c.customers}));
  const values = Float64Array.from(cv.value12).sort();
  const distribution: ValueReport["distribution"] = [];
  if (values.length) {
    const top = values[Math.min(values.length - 1, Math.floor(0.99 * values.length))];
    const width = top > 0 ? top / 20 : 1;
    for (let k = 0; k < 20; k++) distribution.push({from: k * width, to: (k + 1) * width, customers: 0, open: k === 19});
    for (const v of values) distribution[Math.min(19, Math.floor(v / width))].customers++;
  }
  const total = sumOf(values);
  const decile = Math.max(1, Math.round(values.length / 10));
  const candidates = repeaters.filter((i) => cv.pAlive[i] < WINBACK_P);
  const atRisk = (i: number) => (1 - cv.pAlive[i]) * cv.value12IfAlive[i];
  const round2 = (v: number) => Math.round(v * 100) / 100;
  const list = actionList(input.id, {id: "ecommerce-win-back", title: "Win-back mail: repeat buyers who have probably stopped buying", columns: [
    {key: "segment", label: "segment", type: "text"}, {key: "purchases", label: "purchases", type: "number"}, {key: "daysSinceLast", label: "days since last purchase", type: "number"},
    {key: "pAlive", label: "P(still buying)", type: "number"}, {key: "valueAtRisk12", label: `value at risk, 12 months (${money.currency || "currency units"})`, type: "number"}
  ]}, {ids: candidates.map((i) => cv.ids[i]), rows: () => [...candidates]
    .sort((a, b) => atRisk(b) - atRisk(a) || (cv.ids[a] < cv.ids[b] ? -1 : 1)).map((i) => {
      const c = customerValueAt(cv, i);
      // The downloads are English until action lists take both languages (winbackReason gives the Russian too).
      return {id: c.customerId, reason: winbackReason(c, model.observedUntil).en,
        values: {segment: c.segment, purchases: c.x + 1, daysSinceLast: Math.round(c.recencyDays), pAlive: round2(c.pAlive), valueAtRisk12: round2(atRisk(i))}};
    })}, settings);
  return {...rest, money, rules, aliveGrid, distribution,
    totals: {value12: total, topDecileShare: total > 0 ? sumOf(values.subarray(values.length - decile)) / total : NaN, oneTimeShare: count ? (count - repeaters.length) / count : NaN},
    winback: {list, atRisk12: sum(candidates.map(atRisk)), value12IfAlive: sum(candidates.map((i) => cv.value12IfAlive[i]))}};
}
