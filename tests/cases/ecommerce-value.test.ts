/**
 * Customer value (loaders/cases/ecommerce/value.ts): purchase occasions and histories on hand-made orders; the
 * model on a synthetic log drawn from a planted BG/NBD (its holdout check passes and it is trusted only with
 * enough repeat buyers); and on the real order log: the summary the fits use is the committed one scipy fitted
 * (tests/golden/bgnbd-real-summary.json), nothing on or after the re-used-id cutoff is used, the page says the
 * values are not reliable (77 repeat buyers; the holdout check fails), the time to a second purchase is
 * censoring-aware, and no customer id reaches value.json unless customer rows are allowed.
 */
import {before, describe, it, test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {customerOrdersOf, customerValueModel, historyAt, occasionsOf, valueArtifact, MIN_REPEAT_BUYERS, type OrderRow} from "../../loaders/cases/ecommerce/value.ts";
import {firstOrdersOf} from "../../loaders/cases/ecommerce/repeat.ts";
import {computeEcommerceResult, type EcommerceResult} from "../../loaders/cases/ecommerce.ts";
import {caseById} from "../../loaders/cases/registry.ts";
import {readSettings} from "../../loaders/settings.ts";
import {randomSource} from "../../loaders/random.ts";
import {sampleGamma} from "../../loaders/models/bgnbd-sample.ts";
import {datasets, realDataSkip} from "../real-data.ts";
import {realSummary} from "../golden/bgnbd-real-summary.ts";

const order = (customerId: string, time: string, revenue: number, orderId = 0): OrderRow => ({orderId, customerId, time, revenue});

test("orders within 24 hours of an occasion's first order are one purchase; histories in days", () => {
  const seq = [order("a", "2020-01-01T10:00:00", 10), order("a", "2020-01-02T09:00:00", 5), order("a", "2020-01-02T11:00:00", 7), order("a", "2020-01-11T10:00:00", 3), order("a", "2020-02-01T00:00:00", 99)];
  const occ = occasionsOf(customerOrdersOf([...seq, order("b", "2020-01-05T00:00:00", 4)]), Date.parse("2020-02-01T00:00:00Z"));
  assert.deepEqual(occ.ids, ["a", "b"]);
  assert.deepEqual([...occ.value], [15, 7, 3, 4], "the order at 23 h joins the first; at 25 h it starts the second; the one at the stop is left out");
  assert.deepEqual([...occ.offsets], [0, 3, 4]);
  assert.deepEqual(historyAt(occ, 0, Date.parse("2020-01-21T10:00:00Z")), {x: 2, tx: 10, T: 20});
  assert.equal(historyAt(occ, 0, Date.parse("2020-01-01T10:00:00Z")), null, "not yet a customer at the first order's instant");
  assert.deepEqual(historyAt(occ, 1, Date.parse("2020-01-06T00:00:00Z")), {x: 0, tx: 0, T: 1});
});

/** A year and a half of orders from customers joining at random over the first year, drawn from a planted BG/NBD. */
function plantedLog(customers: number, seed: number): OrderRow[] {
  const random = randomSource(seed);
  const start = Date.parse("2021-01-01T00:00:00Z"), end = start + 540 * 86_400_000;
  const orders: OrderRow[] = [];
  for (let c = 0; c < customers; c++) {
    const id = `c${c}`;
    const lambda = sampleGamma(0.8, random) / 40, ga = sampleGamma(1, random), p = ga / (ga + sampleGamma(4, random));
    const nu = sampleGamma(3, random) / 100;
    let t = start + random() * 365 * 86_400_000;
    // As BG/NBD: a Poisson process while active; the customer may stop only right after a repeat purchase.
    for (let k = 0; ; k++) {
      orders.push(order(id, new Date(t).toISOString().slice(0, 19), Math.round(sampleGamma(4, random) / nu), orders.length));
      t += (-Math.log(1 - random()) / lambda) * 86_400_000 + 86_400_000 + 1; // at least a day apart: one occasion each
      if (t >= end || (k > 0 && random() < p)) break;
    }
  }
  return orders.sort((a, b) => (a.time < b.time ? -1 : 1));
}

test("on a log drawn from a planted BG/NBD with enough repeat buyers, the holdout check passes and the values are trusted", () => {
  const orders = plantedLog(6000, 3);
  const m = customerValueModel({orders: customerOrdersOf(orders), firstOrders: firstOrdersOf([]), start: orders[0].time, end: orders[orders.length - 1].time, repeatCutoff: null});
  assert.ok(m.available, m.why.en);
  assert.ok(m.repeatBuyers >= MIN_REPEAT_BUYERS, `${m.repeatBuyers} repeat buyers`);
  assert.ok(m.holdout!.passes, `holdout: expected ${m.holdout!.expectedTotal}, made ${m.holdout!.actualTotal}`);
  assert.deepEqual(m.caveats, []);
  assert.ok(m.reliable);
  // The segment sums add up to the customers' own expectations.
  const total = m.customerValues.value12.reduce((s, v) => s + v, 0);
  const bySegment = m.segments.reduce((s, g) => s + g.revenue.slice(0, 12).reduce((a, b) => a + b, 0), 0);
  assert.ok(total > 0 && Math.abs(bySegment - total) < 1e-6 * total);
});

test("with few repeat buyers the model says it is not reliable", () => {
  const orders = plantedLog(300, 4);
  const m = customerValueModel({orders: customerOrdersOf(orders), firstOrders: firstOrdersOf([]), start: orders[0].time, end: orders[orders.length - 1].time, repeatCutoff: null});
  assert.ok(m.available);
  assert.equal(m.reliable, false);
  assert.ok(m.caveats.some((c) => c.en.includes(`${m.repeatBuyers} customers bought again`)));
  // The same caveat in Russian: the count with its noun in the right form, thousands with a narrow no-break space.
  const forms = (n: number) => (n % 10 === 1 && n % 100 !== 11 ? "покупатель" : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? "покупателя" : "покупателей");
  assert.ok(m.caveats.some((c) => c.ru.includes(`повторно купили только ${m.repeatBuyers} ${forms(m.repeatBuyers)} (модели нужно около 1\u202F000`)),
    m.caveats.map((c) => c.ru).join(" | "));
});

test("the registry lists the Customer value page of the e-commerce case", () => {
  assert.ok(caseById("ecommerce").pages.some((p) => p.path === "customer-value"));
});

describe("customer value on the real order log", {skip: realDataSkip("ecommerce/ecom_dataset_upd.csv")}, () => {
  let r: EcommerceResult;
  before(async () => {
    r = await computeEcommerceResult(readSettings({DATA_DIR: datasets}));
  });

  it("fits the summary scipy fitted, observed up to the re-used-id cutoff", () => {
    const committed = JSON.parse(readFileSync("tests/golden/bgnbd-real-summary.json", "utf8"));
    assert.deepEqual(realSummary(r.value), committed);
    assert.equal(r.value.repeatCutoff, r.repeatCutoff);
    assert.equal(r.value.observedUntil, r.repeatCutoff);
    assert.ok(r.value.holdout!.calibrationEnd < r.repeatCutoff! && r.value.holdout!.holdoutEnd === r.repeatCutoff);
  });

  it("says plainly that the values are not reliable: few repeat buyers and a failed holdout check", () => {
    const v = r.value;
    assert.equal(v.reliable, false);
    assert.equal(v.repeatBuyers, 77);
    assert.equal(v.holdout!.passes, false);
    assert.equal(v.holdout!.actualTotal, 11);
    assert.ok(v.caveats.length >= 2);
  });

  it("time to a second purchase: Kaplan–Meier over customers first seen before the cutoff, the same returns as the Time page counts", () => {
    const rs = r.value.returns;
    assert.equal(rs.returned, r.time.repeat.repeaters);
    assert.equal(rs.customers, r.time.repeat.customers);
    for (const b of rs.backBy) assert.ok(b.lo <= b.share && b.share <= b.hi && b.share >= 0);
  });

  it("no customer id reaches value.json unless customer rows are allowed", () => {
    const input = {id: "ecommerce" as const, money: undefined};
    const json = JSON.stringify(valueArtifact(r.value, input, {customerRows: false, controlShare: 0.1, currency: ""}));
    const ids = r.customers.map((c) => c.customerId);
    assert.ok(!ids.some((id) => json.includes(id)));
    const open = valueArtifact(r.value, input, {customerRows: true, controlShare: 0.1, currency: ""});
    assert.equal(open.winback.list.rows.length, open.winback.list.size);
    assert.ok(open.winback.list.size > 0 && JSON.parse(json).winback.list.rows.length === 0);
  });
});

test("a log where nobody bought twice is not valued, and says why", () => {
  const orders = [order("a", "2021-01-01T10:00:00", 10, 1), order("b", "2021-02-01T10:00:00", 20, 2), order("a", "2021-01-01T12:00:00", 5, 3)];
  const m = customerValueModel({orders: customerOrdersOf(orders), firstOrders: firstOrdersOf([]), start: orders[0].time, end: "2021-03-01T00:00:00", repeatCutoff: null});
  assert.equal(m.available, false);
  assert.match(m.why.en, /only 0 customers bought again/);
  assert.match(m.why.ru, /повторно купили только 0 покупателей: частоту покупок и уход оценить нельзя/);
});
