/**
 * Demo data for the ecommerce case: `ecommerce/ecom_dataset_upd.csv`, an order-line log
 * (date YYYYMMDDHH, uuid customer_id, order_id, Russian product name, quantity, price) sorted by
 * date like the real one, and `ecommerce/truth.json`:
 *
 *   seed, lines, customers, orders       exact totals in the file (orders = distinct order ids)
 *   period {first, last}                 window of the log (YYYYMMDDHH)
 *   orderIds {first, last}               demo order ids, increasing with first appearance
 *   categories, mix                      planted annual share of orders by main category
 *   seasonality                          per category, 12 monthly multipliers (Jan..Dec, mean 1):
 *                                        P(main category | month) ∝ mix · seasonality
 *   mainCategoryShare                    P(a line is from its order's main category); otherwise
 *                                        the line's category is redrawn from the month's mix
 *   frequency                            planted orders-per-customer probabilities, gap between
 *                                        a customer's orders, and the realised histogram
 *   recency                              days from each customer's last order to the window end:
 *                                        quartiles of the planted orders
 *   linesPerOrder, quantity              planted distributions (before defects)
 *   realised.linesByCategoryMonth        order lines per true category and YYYYMM, counted once
 *                                        (repeated lines excluded)
 *   defects.repeatedLines                whole orders emitted again at a later hour with the same
 *                                        customer, order_id, product, quantity and price:
 *                                        count = extra lines, orders = orders repeated,
 *                                        list = [{order_id, dates}] (first date = the original)
 *   defects.sharedOrders                 orders whose last lines carry a second customer's id:
 *                                        count, list = [{order_id, customers: [owner, second]}]
 *   defects.wholesale                    lines with quantity ≥ threshold (ordinary lines stay ≤ 30):
 *                                        count, list = [{order_id, product, quantity}]
 *   products                             true category of every catalogue product name
 * Lists are written only when lines ≤ 200 000 (benchmark logs keep just the counts).
 *
 * Generation streams: orders are planned customer by customer into typed arrays (no strings),
 * counting-sorted by hour slot, and each order's lines are re-derived from its own seed when it is
 * written, so a 10M-line log needs no array of lines.
 */
import {closeSync, mkdirSync, openSync, writeFileSync, writeSync} from "node:fs";
import {join} from "node:path";
import {randomSource, type Random} from "../../loaders/random.ts";
import {calendar, slotStamp} from "./calendar.ts";
import {cumulative, round, uuidFromWords, weightedCumulative, word32} from "./draw.ts";
import {csvField} from "./format.ts";
import {CATEGORIES, CATEGORY_MIX, catalogue, type Category} from "./products.ts";

export const ECOMMERCE_COLUMNS = ["date", "customer_id", "order_id", "product", "quantity", "price"];
export const ECOMMERCE_FIRST_ORDER_ID = 500001;
const LIST_LIMIT = 200_000;

/** Monthly multipliers, January..December (normalised to mean 1 below). */
const SEASONALITY_RAW: Record<Category, number[]> = {
  plants: [0.8, 1.0, 1.6, 1.5, 1.1, 0.9, 0.7, 0.7, 0.9, 1.0, 0.9, 1.1],
  garden: [0.15, 0.25, 1.0, 3.0, 3.6, 2.4, 0.8, 0.4, 0.4, 0.3, 0.2, 0.2],
  kitchen: [0.9, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1.0, 1.1, 1.4, 1.9],
  bathroom: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  cleaning: [0.9, 0.9, 1.1, 1.4, 1.2, 1.0, 0.9, 0.9, 1.0, 1.0, 0.9, 0.8],
  storage: [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.3, 1.5, 1.3, 0.8, 0.7],
  textiles: [1.3, 1.0, 0.8, 0.7, 0.7, 0.7, 0.7, 0.8, 1.0, 1.3, 1.4, 1.6],
  tools: [0.6, 0.6, 0.8, 1.1, 1.4, 1.6, 1.4, 1.2, 1.0, 0.9, 0.8, 0.6]
};
export const SEASONALITY = Object.fromEntries(
  CATEGORIES.map((c) => {
    const m = SEASONALITY_RAW[c];
    const mean = m.reduce((a, b) => a + b, 0) / 12;
    return [c, m.map((x) => round(x / mean, 6))];
  })
) as Record<Category, number[]>;

const MAIN_CATEGORY_SHARE = 0.8;
/** P(customer places k = 1, 2, ... orders) before the window cuts later ones off. */
const ORDERS_PER_CUSTOMER = [0.6, 0.3, 0.06, 0.025, 0.015];
const MEAN_GAP_DAYS = 45;
const LINES_PER_ORDER = [0.64, 0.12, 0.07, 0.045, 0.035, 0.025, 0.02, 0.015, 0.012, 0.01, 0.004, 0.004];
const QUANTITIES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30];
const QUANTITY_WEIGHTS = [0.83, 0.08, 0.022, 0.014, 0.01, 0.007, 0.004, 0.013, 0.003, 0.005, 0.005, 0.003, 0.002];
const WHOLESALE_THRESHOLD = 100;
const WHOLESALE_QUANTITIES = [100, 150, 200, 300, 500, 1000];
/** Per-order defect probabilities (mutually exclusive). */
const P_REPEAT = 0.08;
const P_SHARED = 0.035; // among orders with ≥ 2 lines
const P_WHOLESALE = 0.002;
const MAX_REPEAT_SHIFT_HOURS = 96;
/** Below this many remaining lines, the last customers are plain one-order customers. */
const TAIL_MARGIN = 400;
/** Hour-of-day profile of the real log. */
const HOUR_WEIGHTS = [107, 61, 32, 13, 32, 44, 79, 174, 425, 536, 536, 531, 454, 618, 511, 431, 503, 428, 325, 405, 332, 317, 408, 172];

export interface EcommerceOptions {
  seed?: number;
  outDir: string;
  lines?: number;
}

/** Growable parallel typed arrays would be overkill: every order and event has ≥ 1 line, so
 * `lines` bounds their number. */
function plan(lines: number, random: Random, cal: ReturnType<typeof calendar>) {
  const monthWeights = cal.calendarMonth.map((m, i) =>
    cal.daysInMonth[i] * CATEGORIES.reduce((s, c) => s + CATEGORY_MIX[c] * SEASONALITY[c][m], 0));
  const monthCum = cumulative(monthWeights);
  const hourCum = cumulative(HOUR_WEIGHTS);
  const ordersCum = cumulative(ORDERS_PER_CUSTOMER);
  const linesCum = cumulative(LINES_PER_ORDER);
  const lastSlot = cal.days * 24 - 1;

  const orderSlot = new Uint32Array(lines);
  const orderCustomer = new Uint32Array(lines);
  const orderLines = new Uint8Array(lines);
  const eventSlot = new Uint32Array(lines);
  const eventOrder = new Uint32Array(lines);
  const shared = new Map<number, {partner: number; splitAt: number}>();
  const wholesale = new Map<number, number>();
  const ordersHistogram: number[] = [];
  const recencyDays: number[] = [];
  let orders = 0;
  let events = 0;
  let written = 0;
  let customers = 0;

  const randomSlot = () => {
    const m = weightedCumulative(monthCum, random);
    const day = cal.firstDayOfMonth[m] + random.int(cal.daysInMonth[m]);
    return day * 24 + weightedCumulative(hourCum, random);
  };
  const addEvent = (slot: number, o: number) => {
    eventSlot[events] = slot;
    eventOrder[events++] = o;
    written += orderLines[o];
  };
  const addOrder = (slot: number, customer: number, n: number) => {
    orderSlot[orders] = slot;
    orderCustomer[orders] = customer;
    orderLines[orders] = n;
    addEvent(slot, orders);
    return orders++;
  };

  while (written < lines) {
    const remaining = lines - written;
    const customer = customers++;
    if (remaining < TAIL_MARGIN) {
      addOrder(randomSlot(), customer, Math.min(remaining, 1 + weightedCumulative(linesCum, random)));
      ordersHistogram[1] = (ordersHistogram[1] ?? 0) + 1;
      continue;
    }
    const wanted = 1 + weightedCumulative(ordersCum, random);
    let slot = randomSlot();
    let placed = 0;
    for (let k = 0; k < wanted; k++) {
      if (k > 0) {
        const gap = 1 + Math.floor(-MEAN_GAP_DAYS * Math.log(1 - random()));
        const day = Math.floor(slot / 24) + gap;
        if (day >= cal.days) break;
        slot = day * 24 + weightedCumulative(hourCum, random);
      }
      const n = 1 + weightedCumulative(linesCum, random);
      const o = addOrder(slot, customer, n);
      placed++;
      const u = random();
      if (u < P_REPEAT) {
        const times = random() < 0.8 ? 1 : 2 + random.int(2);
        let s = slot;
        for (let t = 0; t < times; t++) {
          s += 1 + random.int(MAX_REPEAT_SHIFT_HOURS);
          if (s <= lastSlot) addEvent(s, o);
        }
      } else if (u < P_REPEAT + P_SHARED) {
        if (n >= 2 && customer > 0) shared.set(o, {partner: random.int(customer), splitAt: 1 + random.int(n - 1)});
      } else if (u < P_REPEAT + P_SHARED + P_WHOLESALE) {
        wholesale.set(o, WHOLESALE_QUANTITIES[random.int(WHOLESALE_QUANTITIES.length)]);
      }
    }
    ordersHistogram[placed] = (ordersHistogram[placed] ?? 0) + 1;
    recencyDays.push(cal.days - 1 - Math.floor(slot / 24));
  }
  return {orders, events, customers, orderSlot, orderCustomer, orderLines, eventSlot, eventOrder, shared, wholesale,
    ordersHistogram, recencyDays, lastSlot};
}

/** Event indices ordered by hour slot (stable counting sort). */
function bySlot(eventSlot: Uint32Array, events: number, slots: number): Uint32Array {
  const start = new Uint32Array(slots + 1);
  for (let e = 0; e < events; e++) start[eventSlot[e] + 1]++;
  for (let s = 0; s < slots; s++) start[s + 1] += start[s];
  const out = new Uint32Array(events);
  for (let e = 0; e < events; e++) out[start[eventSlot[e]]++] = e;
  return out;
}

/** Buffered synchronous writer: UTF-8 straight into a reused buffer (no big strings, little GC). */
function fileWriter(path: string, size = 1 << 22) {
  const fd = openSync(path, "w");
  const buffer = Buffer.allocUnsafe(size);
  let position = 0;
  const flush = () => {
    writeSync(fd, buffer, 0, position);
    position = 0;
  };
  return {
    write(s: string) {
      if (position + 3 * s.length > size) flush();
      position += buffer.write(s, position);
    },
    close() {
      flush();
      closeSync(fd);
    }
  };
}

const mix32 = (base: number, i: number) => (base + Math.imul(i, 0x9e3779b1)) >>> 0;

export function generateEcommerce({seed = 20261123, outDir, lines = 7474}: EcommerceOptions) {
  const root = randomSource(seed ^ 0xec0);
  const cal = calendar();
  const products = catalogue(root.fork());
  // Each product's ",<quoted name>," and ",<price>.0\n" pieces, built once.
  const nameField = CATEGORIES.map((c) => products[c].map((q) => `,${csvField(q.name)},`));
  const priceField = CATEGORIES.map((c) => products[c].map((q) => `,${q.price}.0\n`));
  const popularity = CATEGORIES.map((c) => cumulative(products[c].map((_, rank) => 1 / Math.pow(rank + 4, 1.05))));
  const monthCategoryCum = Array.from({length: 12}, (_, m) => cumulative(CATEGORIES.map((c) => CATEGORY_MIX[c] * SEASONALITY[c][m])));
  const quantityCum = cumulative(QUANTITY_WEIGHTS);
  const orderBase = Math.floor(root() * 2 ** 32);

  const p = plan(lines, root.fork(), cal);
  const sorted = bySlot(p.eventSlot, p.events, cal.days * 24);
  // Customer uuids: four seeded 32-bit words per customer, formatted when written.
  const ids = root.fork();
  const customerWords = new Uint32Array(4 * p.customers);
  for (let i = 0; i < customerWords.length; i++) customerWords[i] = word32(ids);
  const customerId = (c: number) =>
    uuidFromWords(customerWords[4 * c], customerWords[4 * c + 1], customerWords[4 * c + 2], customerWords[4 * c + 3]);

  const keepLists = lines <= LIST_LIMIT;
  const repeated = new Map<number, string[]>();
  const sharedList: {order_id: number; customers: [string, string]}[] = [];
  const wholesaleList: {order_id: number; product: string; quantity: number}[] = [];
  const byCategoryMonth = CATEGORIES.map(() => new Array<number>(cal.monthLabel.length).fill(0));
  const orderIds = new Uint32Array(p.orders);
  let nextOrderId = ECOMMERCE_FIRST_ORDER_ID;
  let repeatedLines = 0;
  let repeatedOrders = 0;
  const seenProducts = new Set<string>();

  const dir = join(outDir, "ecommerce");
  mkdirSync(dir, {recursive: true});
  const out = fileWriter(join(dir, "ecom_dataset_upd.csv"));
  out.write(ECOMMERCE_COLUMNS.join(",") + "\n");
  const used = new Set<number>();
  for (let i = 0; i < p.events; i++) {
    const e = sorted[i];
    const o = p.eventOrder[e];
    const slot = p.eventSlot[e];
    const first = orderIds[o] === 0;
    if (first) orderIds[o] = nextOrderId++;
    const orderId = orderIds[o];
    const date = slotStamp(cal, slot);
    const owner = customerId(p.orderCustomer[o]);
    const share = p.shared.get(o);
    const partner = share ? customerId(share.partner) : owner;
    const bulk = p.wholesale.get(o);
    const ownerPrefix = `${date},${owner},${orderId}`;
    const partnerPrefix = share ? `${date},${partner},${orderId}` : ownerPrefix;
    if (!first) {
      repeatedLines += p.orderLines[o];
      if (keepLists) {
        if (!repeated.has(orderId)) repeated.set(orderId, [slotStamp(cal, p.orderSlot[o])]);
        repeated.get(orderId)!.push(date);
      }
    } else if (share && keepLists) sharedList.push({order_id: orderId, customers: [owner, partner]});

    // The order's lines, re-derived from its own seed (identical at every emission).
    const r = randomSource(mix32(orderBase, o));
    const windowMonth = cal.monthOfDay[Math.floor(p.orderSlot[o] / 24)];
    const monthCum = monthCategoryCum[cal.calendarMonth[windowMonth]];
    const main = weightedCumulative(monthCum, r);
    used.clear();
    for (let line = 0; line < p.orderLines[o]; line++) {
      const category = r() < MAIN_CATEGORY_SHARE ? main : weightedCumulative(monthCum, r);
      const list = products[CATEGORIES[category]];
      let index = weightedCumulative(popularity[category], r);
      while (used.has(category * 10_000 + index)) index = (index + 1) % list.length;
      used.add(category * 10_000 + index);
      const product = list[index];
      let quantity = QUANTITIES[weightedCumulative(quantityCum, r)];
      if (bulk !== undefined && line === 0) {
        quantity = bulk;
        if (keepLists) wholesaleList.push({order_id: orderId, product: product.name, quantity});
      }
      if (first) {
        byCategoryMonth[category][windowMonth]++;
        if (keepLists) seenProducts.add(product.name);
      }
      const prefix = share && line >= share.splitAt ? partnerPrefix : ownerPrefix;
      out.write(prefix + nameField[category][index] + quantity + priceField[category][index]);
    }
    if (!first && p.orderSlot[o] === slot) throw new Error("repeat at the original hour");
  }
  out.close();
  for (const [, dates] of repeated) if (dates.length > 1) repeatedOrders++;
  if (!keepLists) repeatedOrders = countRepeatedOrders(p.eventOrder, p.events, p.orders);

  const quartiles = quantiles(p.recencyDays, [0.25, 0.5, 0.75]);
  const truth = {
    seed,
    lines,
    customers: p.customers,
    orders: p.orders,
    period: {first: slotStamp(cal, 0), last: slotStamp(cal, p.lastSlot)},
    orderIds: {first: ECOMMERCE_FIRST_ORDER_ID, last: nextOrderId - 1},
    categories: CATEGORIES,
    mix: CATEGORY_MIX,
    seasonality: SEASONALITY,
    mainCategoryShare: MAIN_CATEGORY_SHARE,
    frequency: {
      ordersPerCustomer: Object.fromEntries(ORDERS_PER_CUSTOMER.map((q, k) => [k + 1, q])),
      meanGapDays: MEAN_GAP_DAYS,
      note: "later orders falling after the window end are dropped; tail customers (last lines) place one order",
      realised: Object.fromEntries(p.ordersHistogram.map((n, k) => [k, n]).filter(([, n]) => n))
    },
    recency: {to: slotStamp(cal, p.lastSlot).slice(0, 8), quartilesDays: quartiles},
    linesPerOrder: Object.fromEntries(LINES_PER_ORDER.map((q, k) => [k + 1, q])),
    quantity: Object.fromEntries(QUANTITIES.map((q, k) => [q, QUANTITY_WEIGHTS[k]])),
    realised: {
      linesByCategory: Object.fromEntries(CATEGORIES.map((c, k) => [c, byCategoryMonth[k].reduce((a, b) => a + b, 0)])),
      linesByCategoryMonth: Object.fromEntries(CATEGORIES.map((c, k) =>
        [c, Object.fromEntries(cal.monthLabel.map((m, i) => [m, byCategoryMonth[k][i]]))])),
      distinctProducts: keepLists ? seenProducts.size : undefined
    },
    defects: {
      repeatedLines: {
        key: ["order_id", "product", "quantity"],
        count: repeatedLines,
        orders: repeatedOrders,
        list: keepLists ? [...repeated].map(([order_id, dates]) => ({order_id, dates})) : undefined
      },
      sharedOrders: {count: p.shared.size, list: keepLists ? sharedList : undefined},
      wholesale: {threshold: WHOLESALE_THRESHOLD, count: p.wholesale.size, list: keepLists ? wholesaleList : undefined}
    },
    products: Object.fromEntries(CATEGORIES.flatMap((c) => products[c].map((q) => [q.name, c])))
  };
  writeFileSync(join(dir, "truth.json"), JSON.stringify(truth, null, 1) + "\n");
  return truth;
}

function countRepeatedOrders(eventOrder: Uint32Array, events: number, orders: number): number {
  const seen = new Uint8Array(orders);
  let n = 0;
  for (let e = 0; e < events; e++) {
    const o = eventOrder[e];
    if (seen[o] === 1) n++;
    if (seen[o] < 2) seen[o]++;
  }
  return n;
}

function quantiles(values: number[], qs: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return qs.map((q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
}
