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
 *   defects.*.probability                planted per-order probability of each defect
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
 * Generation streams: orders and their lines are planned customer by customer into typed arrays
 * (numbers only), the emissions are counting-sorted by hour slot, and lines are formatted into a
 * reused buffer as they are written, so a 10M-line log needs no array of strings.
 */
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {randomSource, type Random} from "../../loaders/random.ts";
import {calendar, slotStamp, type Calendar} from "./calendar.ts";
import {cumulative, round, uuidFromWords, weightedCumulative, word32} from "./draw.ts";
import {csvField} from "./format.ts";
import {fileWriter, orderByKey} from "./stream.ts";
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
const LINES_PER_ORDER = [0.7, 0.11, 0.06, 0.04, 0.03, 0.02, 0.015, 0.01, 0.008, 0.006, 0.003, 0.003];
const QUANTITIES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30];
const QUANTITY_WEIGHTS = [0.83, 0.08, 0.022, 0.014, 0.01, 0.007, 0.004, 0.013, 0.003, 0.005, 0.005, 0.003, 0.002];
const WHOLESALE_THRESHOLD = 100;
const WHOLESALE_QUANTITIES = [100, 150, 200, 300, 500, 1000];
/** Per-order defect probabilities (mutually exclusive). */
const P_REPEAT = 0.08;
const P_SHARED = 0.035; // drawn for every order, applied only to orders with ≥ 2 lines
const P_WHOLESALE = 0.003;
const MAX_REPEAT_SHIFT_HOURS = 96;
const SHARED = 1;
const WHOLESALE = 2;
/** Below this many remaining lines, the last customers are plain one-order customers. */
const TAIL_MARGIN = 400;
/** Hour-of-day profile of the real log. */
const HOUR_WEIGHTS = [107, 61, 32, 13, 32, 44, 79, 174, 425, 536, 536, 531, 454, 618, 511, 431, 503, 428, 325, 405, 332, 317, 408, 172];

export interface EcommerceOptions {
  seed?: number;
  outDir: string;
  lines?: number;
}

/** The catalogue flattened for typed-array work: product p has category[p], pre-quoted fields. */
function shop(random: Random) {
  const products = catalogue(random);
  const all = CATEGORIES.flatMap((c) => products[c]);
  const offset = CATEGORIES.map((_, k) => CATEGORIES.slice(0, k).reduce((s, c) => s + products[c].length, 0));
  return {
    products,
    count: all.length,
    names: all.map((q) => q.name),
    category: Uint8Array.from(all, (q) => CATEGORIES.indexOf(q.category)),
    /** ",<quoted name>," and ",<price>.0\n" of each product. */
    nameField: all.map((q) => `,${csvField(q.name)},`),
    priceField: all.map((q) => `,${q.price}.0\n`),
    offset,
    popularity: CATEGORIES.map((c) => cumulative(products[c].map((_, rank) => 1 / Math.pow(rank + 4, 1.05))))
  };
}
type Shop = ReturnType<typeof shop>;

/** Customers, orders, lines and emissions (an order's first emission and its repeats). Every
 * order and emission has ≥ 1 line, so `lines` bounds every array. */
function plan(lines: number, random: Random, cal: Calendar, store: Shop) {
  const monthWeights = cal.calendarMonth.map((m, i) =>
    cal.daysInMonth[i] * CATEGORIES.reduce((s, c) => s + CATEGORY_MIX[c] * SEASONALITY[c][m], 0));
  const monthCum = cumulative(monthWeights);
  const categoryCum = Array.from({length: 12}, (_, m) => cumulative(CATEGORIES.map((c) => CATEGORY_MIX[c] * SEASONALITY[c][m])));
  const hourCum = cumulative(HOUR_WEIGHTS);
  const ordersCum = cumulative(ORDERS_PER_CUSTOMER);
  const linesCum = cumulative(LINES_PER_ORDER);
  const quantityCum = cumulative(QUANTITY_WEIGHTS);
  const lastSlot = cal.days * 24 - 1;

  const orderSlot = new Uint32Array(lines);
  const orderCustomer = new Uint32Array(lines);
  const orderFirstLine = new Uint32Array(lines);
  const orderLines = new Uint8Array(lines);
  const lineProduct = new Uint32Array(lines);
  const lineQuantity = new Uint16Array(lines);
  const eventSlot = new Uint32Array(lines);
  const eventOrder = new Uint32Array(lines);
  const shared = new Map<number, {partner: number; splitAt: number}>();
  const flag = new Uint8Array(lines); // SHARED or WHOLESALE per order
  const byCategoryMonth = CATEGORIES.map(() => new Array<number>(cal.monthLabel.length).fill(0));
  const productUsed = new Uint8Array(store.count);
  const ordersHistogram: number[] = [];
  const recencyDays: number[] = [];
  let orders = 0;
  let planned = 0;
  let events = 0;
  let written = 0;
  let customers = 0;
  let wholesaleCount = 0;

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
  /** A new order with `n` distinct products; the main category follows the month's mix. */
  const addOrder = (slot: number, customer: number, n: number) => {
    const o = orders++;
    orderSlot[o] = slot;
    orderCustomer[o] = customer;
    orderFirstLine[o] = planned;
    orderLines[o] = n;
    const month = cal.monthOfDay[Math.floor(slot / 24)];
    const mix = categoryCum[cal.calendarMonth[month]];
    const main = weightedCumulative(mix, random);
    for (let line = 0; line < n; line++) {
      const c = random() < MAIN_CATEGORY_SHARE ? main : weightedCumulative(mix, random);
      const size = store.popularity[c].length;
      let product = store.offset[c] + weightedCumulative(store.popularity[c], random);
      for (let l = orderFirstLine[o]; l < planned; l++) {
        if (lineProduct[l] !== product) continue;
        product = store.offset[c] + ((product - store.offset[c] + 1) % size); // taken: next in the category
        l = orderFirstLine[o] - 1;
      }
      lineProduct[planned] = product;
      lineQuantity[planned++] = QUANTITIES[weightedCumulative(quantityCum, random)];
      productUsed[product] = 1;
      byCategoryMonth[c][month]++;
    }
    addEvent(slot, o);
    return o;
  };

  while (written < lines) {
    const remaining = lines - written;
    const customer = customers++;
    if (remaining < TAIL_MARGIN) {
      const slot = randomSlot();
      addOrder(slot, customer, Math.min(remaining, 1 + weightedCumulative(linesCum, random)));
      ordersHistogram[1] = (ordersHistogram[1] ?? 0) + 1;
      recencyDays.push(cal.days - 1 - Math.floor(slot / 24));
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
        if (n >= 2 && customer > 0) {
          shared.set(o, {partner: random.int(customer), splitAt: 1 + random.int(n - 1)});
          flag[o] = SHARED;
        }
      } else if (u < P_REPEAT + P_SHARED + P_WHOLESALE) {
        flag[o] = WHOLESALE;
        wholesaleCount++;
        lineQuantity[orderFirstLine[o]] = WHOLESALE_QUANTITIES[random.int(WHOLESALE_QUANTITIES.length)];
      }
    }
    ordersHistogram[placed] = (ordersHistogram[placed] ?? 0) + 1;
    recencyDays.push(cal.days - 1 - Math.floor(slot / 24));
  }
  return {orders, events, customers, orderSlot, orderCustomer, orderFirstLine, orderLines, lineProduct, lineQuantity,
    eventSlot, eventOrder, shared, flag, wholesaleCount, byCategoryMonth, distinctProducts: productUsed.reduce((a, b) => a + b, 0),
    ordersHistogram, recencyDays, lastSlot};
}

export function generateEcommerce({seed = 20261123, outDir, lines = 7474}: EcommerceOptions) {
  const root = randomSource(seed ^ 0xec0);
  const cal = calendar();
  const store = shop(root.fork());
  const p = plan(lines, root.fork(), cal, store);
  const sorted = orderByKey(p.eventSlot, p.events, cal.days * 24);

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
  const orderIds = new Uint32Array(p.orders);
  const repeatSeen = new Uint8Array(p.orders);
  let nextOrderId = ECOMMERCE_FIRST_ORDER_ID;
  let repeatedLines = 0;
  let repeatedOrders = 0;

  const dir = join(outDir, "ecommerce");
  mkdirSync(dir, {recursive: true});
  const out = fileWriter(join(dir, "ecom_dataset_upd.csv"));
  out.write(ECOMMERCE_COLUMNS.join(",") + "\n");
  let stampSlot = -1;
  let date = "";
  for (let i = 0; i < p.events; i++) {
    const e = sorted[i];
    const o = p.eventOrder[e];
    const slot = p.eventSlot[e];
    if (slot !== stampSlot) [stampSlot, date] = [slot, slotStamp(cal, slot)];
    const first = orderIds[o] === 0;
    if (first) orderIds[o] = nextOrderId++;
    const orderId = orderIds[o];
    const owner = customerId(p.orderCustomer[o]);
    const share = p.flag[o] === SHARED ? p.shared.get(o)! : undefined;
    const partner = share ? customerId(share.partner) : owner;
    const ownerPrefix = `${date},${owner},${orderId}`;
    const partnerPrefix = share ? `${date},${partner},${orderId}` : ownerPrefix;
    const start = p.orderFirstLine[o];
    const n = p.orderLines[o];
    if (!first) {
      if (slot === p.orderSlot[o]) throw new Error("a repeat must be at another hour");
      repeatedLines += n;
      if (repeatSeen[o] === 0) repeatedOrders++;
      repeatSeen[o] = 1;
      if (keepLists) repeated.set(orderId, [...(repeated.get(orderId) ?? [slotStamp(cal, p.orderSlot[o])]), date]);
    } else if (keepLists && share) sharedList.push({order_id: orderId, customers: [owner, partner]});
    if (first && keepLists && p.flag[o] === WHOLESALE) {
      wholesaleList.push({order_id: orderId, product: store.names[p.lineProduct[start]], quantity: p.lineQuantity[start]});
    }
    let text = "";
    for (let line = 0; line < n; line++) {
      const product = p.lineProduct[start + line];
      const prefix = share && line >= share.splitAt ? partnerPrefix : ownerPrefix;
      text += prefix + store.nameField[product] + p.lineQuantity[start + line] + store.priceField[product];
    }
    out.write(text);
  }
  out.close();

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
    recency: {to: slotStamp(cal, p.lastSlot).slice(0, 8), quartilesDays: quantiles(p.recencyDays, [0.25, 0.5, 0.75])},
    linesPerOrder: Object.fromEntries(LINES_PER_ORDER.map((q, k) => [k + 1, q])),
    quantity: Object.fromEntries(QUANTITIES.map((q, k) => [q, QUANTITY_WEIGHTS[k]])),
    realised: {
      linesByCategory: Object.fromEntries(CATEGORIES.map((c, k) => [c, p.byCategoryMonth[k].reduce((a, b) => a + b, 0)])),
      linesByCategoryMonth: Object.fromEntries(CATEGORIES.map((c, k) =>
        [c, Object.fromEntries(cal.monthLabel.map((m, i) => [m, p.byCategoryMonth[k][i]]))])),
      distinctProducts: p.distinctProducts
    },
    defects: {
      repeatedLines: {
        key: ["order_id", "product", "quantity"],
        probability: P_REPEAT,
        count: repeatedLines,
        orders: repeatedOrders,
        list: keepLists ? [...repeated].map(([order_id, dates]) => ({order_id, dates})) : undefined
      },
      sharedOrders: {probability: P_SHARED, count: p.shared.size, list: keepLists ? sharedList : undefined},
      wholesale: {threshold: WHOLESALE_THRESHOLD, probability: P_WHOLESALE, count: p.wholesaleCount, list: keepLists ? wholesaleList : undefined}
    },
    products: Object.fromEntries(CATEGORIES.flatMap((c) => store.products[c].map((q) => [q.name, c])))
  };
  writeFileSync(join(dir, "truth.json"), JSON.stringify(truth, null, 1) + "\n");
  return truth;
}

function quantiles(values: number[], qs: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return qs.map((q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
}
