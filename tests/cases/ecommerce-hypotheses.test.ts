/**
 * E-commerce hypotheses on small made-up customer bases with planted structure. Each block plants a trap the
 * report used to fall into and checks that it no longer does:
 *   - the answer printed next to a question follows the corrected decision and the sign of the effect;
 *   - At risk is compared with all other repeat buyers, so carving big spenders out of Loyal into Best cannot
 *     make At risk look like bigger spenders;
 *   - profiles are not tested on what they were clustered on (described, no p-value);
 *   - coming back is compared on time observed (censoring), so late starters do not look like worse returners;
 *   - the customer is the unit: one customer's 126 orders do not make a category's orders look larger;
 *   - the repeat cutoff ends observation: second orders on or after it do not count.
 */
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {detectableRankBiserial} from "../../loaders/stats/power.ts";
import {answerOf, hypothesesReport, type HypothesesReport} from "../../loaders/cases/ecommerce/hypotheses.ts";
import {firstOrdersOf, readFirstOrders, returnColumns, returnTimes, type FirstOrder, type FirstOrders} from "../../loaders/cases/ecommerce/repeat.ts";
import {buildOccasions} from "../../loaders/cases/ecommerce/occasions.ts";
import {run, withDatabase} from "../../loaders/io/duckdb.ts";
import type {ScoredCustomer} from "../../loaders/cases/ecommerce/customers.ts";
import type {AnalysisCategory} from "../../loaders/cases/ecommerce/tables.ts";
import {BUILT_IN_SCHEME} from "../../loaders/cases/ecommerce/categories.ts";
import type {SegmentId} from "../../loaders/cases/ecommerce/rfm.ts";

const zeros = () => Object.fromEntries(BUILT_IN_SCHEME.categories.map(({id: c}) => c).map((c) => [c, 0])) as Record<AnalysisCategory, number>;
const DAY = 86_400_000;
const START = Date.parse("2019-01-01T00:00:00Z");
const iso = (day: number) => new Date(START + day * DAY).toISOString().slice(0, 19);
const END = iso(400);

interface Planned {
  /** Day of each order after START (the first is the first order). */
  days: number[];
  values: number[];
  category: AnalysisCategory;
  segment: SegmentId;
}

/** Customers and their first orders, with every field derived from the orders as the SQL does (the second occasion:
 * the first order more than a day after the first). */
function build(plans: Planned[]): {customers: ScoredCustomer[]; firstOrders: FirstOrder[]} {
  const firstOrders = plans.map((p, i): FirstOrder => {
    const second = p.days.find((d) => d - p.days[0] > 1);
    return {customer: i, category: p.category, value: p.values[0], firstMs: START + p.days[0] * DAY, secondMs: second === undefined ? null : START + second * DAY, cohort: iso(p.days[0]).slice(0, 7)};
  });
  const customers = plans.map((p, i): ScoredCustomer => {
    const customerId = `c${String(i).padStart(4, "0")}`;
    const revenue = p.values.reduce((a, b) => a + b, 0);
    const n = p.days.length;
    const occasions = Math.min(3, p.days.reduce((o, d) => (d - o.start > 1 ? {k: o.k + 1, start: d} : o), {k: 1, start: p.days[0]}).k);
    return {
      customerId, orders: n, occasions, revenue, aov: revenue / n, recencyDays: 400 - Math.max(...p.days), tenureDays: 400 - p.days[0],
      firstTime: iso(p.days[0]), lastTime: iso(Math.max(...p.days)), firstCategory: p.category, firstOrderValue: p.values[0], mainCategory: p.category,
      categoryRevenue: {...zeros(), [p.category]: revenue}, shares: {...zeros(), [p.category]: 1}, r: 2, f: occasions, m: 2, segment: p.segment
    };
  });
  return {customers, firstOrders};
}

function report(plans: Planned[], repeatCutoff: string | null = null): HypothesesReport {
  const {customers, firstOrders} = build(plans);
  return hypothesesReport({firstOrders: firstOrdersOf(firstOrders), scored: customers, firstOrdersWithWholesale: firstOrdersOf(firstOrders), clusterOf: customers.map((_, i) => i % 2), clusterNames: ["A", "B"], end: END, repeatCutoff, scheme: BUILT_IN_SCHEME});
}

const test = (r: HypothesesReport, id: string) => {
  const t = r.main.tests.find((x) => x.id === id);
  assert.ok(t, `no main test ${id}: ${r.main.tests.map((x) => x.id).join(", ")}`);
  return t;
};

/** A repeat buyer (two orders, 30 days apart, both of `aov`) and a one-order customer, cycling categories. */
const repeatBuyer = (i: number, aov: number, segment: SegmentId): Planned => ({days: [i % 200, (i % 200) + 30], values: [aov, aov], category: i % 2 ? "plants" : "storage", segment});
const oneOrder = (i: number, value: number): Planned => ({days: [i % 300], values: [value], category: i % 2 ? "plants" : "storage", segment: "lost"});

/** Every answer agrees with its test: "No evidence" unless rejected after correction; a two-group answer names the effect's direction. */
function assertAnswersFollowTests(r: HypothesesReport) {
  for (const t of [...r.main.tests, ...r.posthoc.tests]) {
    if (!t.rejectAdjusted) {
      assert.equal(t.answer.en, "No evidence", t.id);
      assert.equal(t.answer.ru, "Не доказано", t.id);
      continue;
    }
    assert.ok(t.answer.en.startsWith("Yes"), `${t.id}: ${t.answer.en}`);
    assert.ok(t.answer.ru.startsWith("Да"), `${t.id}: ${t.answer.ru}`);
    if (t.groups.length === 2 && t.effect.name === "rank-biserial r") {
      const words = t.effect.value > 0 ? /larger|more/ : /smaller|less/;
      assert.match(t.answer.en, words, `${t.id}: r = ${t.effect.value} but the answer is "${t.answer.en}"`);
      // The Russian answer says the same direction.
      assert.match(t.answer.ru, t.effect.value > 0 ? /больше/ : /меньше/, `${t.id}: r = ${t.effect.value} but the answer is "${t.answer.ru}"`);
    }
  }
}

describe("e-commerce hypotheses: answers follow the direction of the effect", () => {
  const base = (atRiskAov: (i: number) => number, otherAov: (i: number) => number) => {
    const plans: Planned[] = [];
    for (let i = 0; i < 60; i++) plans.push(repeatBuyer(i, atRiskAov(i), "at-risk"));
    for (let i = 60; i < 160; i++) plans.push(repeatBuyer(i, otherAov(i), "loyal"));
    for (let i = 160; i < 260; i++) plans.push(oneOrder(i, 100 + (i % 50)));
    return report(plans);
  };

  it("At risk customers who spend less per order get 'less', not a bare 'Yes'", () => {
    const t = test(base((i) => 100 + i, (i) => 1000 + i), "aov-at-risk-vs-repeat");
    assert.ok(t.effect.value < 0 && t.rejectAdjusted);
    assert.match(t.answer.en, /^Yes: .*spend less per order/);
    assert.match(t.answer.ru, /^Да: клиенты сегмента «В зоне риска» тратят на заказ меньше/);
    assert.doesNotMatch(t.question.en, /more than|larger than/, "the question is two-sided");
  });

  it("At risk customers who spend more per order get 'more'", () => {
    const r = base((i) => 1000 + i, (i) => 100 + i);
    assert.match(test(r, "aov-at-risk-vs-repeat").answer.en, /^Yes: .*spend more per order/);
    assertAnswersFollowTests(r);
  });

  it("answerOf uses the adjusted decision, not the uncorrected one", () => {
    const effect = {name: "rank-biserial r", value: -0.3, magnitude: "medium" as const, convention: {en: "", ru: ""}};
    const direction = {higher: {en: "larger", ru: "больше"}, lower: {en: "smaller", ru: "меньше"}};
    assert.deepEqual(answerOf({reject: true, rejectAdjusted: false, effect}, direction), {en: "No evidence", ru: "Не доказано"});
    assert.deepEqual(answerOf({reject: true, rejectAdjusted: true, effect}, direction), {en: "Yes: smaller", ru: "Да: меньше"});
    assert.deepEqual(answerOf({reject: true, rejectAdjusted: true, effect: {...effect, value: 0.3}}, direction), {en: "Yes: larger", ru: "Да: больше"});
    assert.deepEqual(answerOf({reject: true, rejectAdjusted: true, effect}), {en: "Yes", ru: "Да"});
    // A negligible effect is a "yes" that does not matter, and the short answer says so.
    const negligible = {...effect, value: 0.03, magnitude: "negligible" as const};
    assert.deepEqual(answerOf({reject: true, rejectAdjusted: true, effect: negligible}, direction), {en: "Yes, negligible: larger", ru: "Да, пренебрежимо мало: больше"});
    assert.deepEqual(answerOf({reject: true, rejectAdjusted: true, effect: {...negligible, magnitude: "small" as const}}, direction), {en: "Yes: larger", ru: "Да: больше"});
  });
});

describe("e-commerce hypotheses: the traps", () => {
  it("At risk is compared with all other repeat buyers: moving the big spenders from Loyal to Best creates no difference", () => {
    // Every repeat buyer's order value comes from one distribution; the top third of the non-At-risk ones are "best".
    const plans: Planned[] = [];
    const value = (i: number) => 100 + ((i * 37) % 300);
    for (let i = 0; i < 60; i++) plans.push(repeatBuyer(i, value(i), "at-risk"));
    for (let i = 60; i < 360; i++) plans.push(repeatBuyer(i, value(i), value(i) >= 300 ? "best" : "loyal"));
    for (let i = 360; i < 460; i++) plans.push(oneOrder(i, value(i)));
    const r = report(plans);
    const t = test(r, "aov-at-risk-vs-repeat");
    assert.match(t.question.en, /all other repeat buyers \(Best and Loyal\)/, "the question names the comparison group");
    assert.match(t.question.ru, /все остальные повторные покупатели \(Лучшие и Лояльные\)/, "the Russian question names the comparison group");
    assert.deepEqual(t.groups.map((g) => g.name.ru), ["В зоне риска", "все остальные повторные покупатели (Лучшие и Лояльные)"]);
    assert.equal(t.groups[1].n, 300, "the comparison group is every other repeat buyer");
    assert.equal(t.answer.en, "No evidence", `r = ${t.effect.value}, p = ${t.pValue}`);
    assert.ok(!r.main.tests.some((x) => /Loyal segment/.test(x.question.en)), "no comparison with the Loyal segment alone");
  });

  it("profiles are not tested on the order value and orders they were clustered on: effect sizes only", () => {
    const plans: Planned[] = [];
    for (let i = 0; i < 100; i++) plans.push(repeatBuyer(i, 100 + i, "loyal"));
    for (let i = 100; i < 200; i++) plans.push(oneOrder(i, 100 + i));
    const r = report(plans);
    for (const t of [...r.main.tests, ...r.posthoc.tests]) assert.doesNotMatch(t.id, /profile/, `${t.id} is a test on a clustering feature`);
    assert.deepEqual(r.described.map((d) => d.id), ["aov-profile", "frequency-profile"]);
    for (const d of r.described) {
      assert.equal(d.effect.name, "epsilon²");
      assert.ok(!("pValue" in d), "no p-value");
      assert.match(d.why.en, /clustering/);
      assert.match(d.why.ru, /кластеризаци/);
      assert.equal(d.groups.length, 2);
    }
  });

  it("coming back is compared on time observed: late starters with the same return rate are not worse returners", () => {
    // Same chance of a second order per day in both categories (a second order 20–180 days after the first for
    // half of the customers); garden customers mostly start late, so fewer of them are back by the end of the log.
    const plans: Planned[] = [];
    for (let i = 0; i < 400; i++) {
      const garden = i % 2 === 1;
      const start = garden ? 250 + ((i * 7) % 145) : (i * 7) % 395;
      const gap = 20 + ((i * 53) % 160);
      const returns = Math.floor(i / 2) % 2 === 0;
      const days = returns && start + gap <= 400 ? [start, start + gap] : [start];
      plans.push({days, values: days.map(() => 500 + i), category: garden ? "garden" : "plants", segment: days.length > 1 ? "loyal" : "lost"});
    }
    const r = report(plans);
    const {customers} = build(plans);
    const share = (cat: string) => customers.filter((c) => c.firstCategory === cat && c.orders >= 2).length / customers.filter((c) => c.firstCategory === cat).length;
    assert.ok(share("plants") - share("garden") > 0.15, `planted: the raw shares differ (${share("plants")} vs ${share("garden")})`);
    const t = test(r, "return-first-category");
    assert.match(t.test, /log-rank/);
    assert.equal(t.answer.en, "No evidence", `χ² = ${t.statistic}, p = ${t.pValue}`);
  });

  it("the customer is the unit: one customer's 126 large orders do not make a category's orders larger", () => {
    const plans: Planned[] = [];
    const value = (i: number) => 200 + ((i * 37) % 400);
    for (let i = 0; i < 200; i++) plans.push(oneOrder(i, value(i)));
    plans.push({days: Array.from({length: 126}, (_, j) => 1 + j * 3), values: Array.from({length: 126}, () => 5000), category: "storage", segment: "best"});
    const r = report(plans);
    const storage = r.posthoc.tests.find((t) => t.id === "first-value-storage-vs-rest");
    assert.ok(storage, r.posthoc.tests.map((t) => t.id).join(", "));
    assert.equal(storage.groups[0].n + storage.groups[1].n, 201, "one value per customer");
    assert.equal(storage.answer.en, "No evidence", `r = ${storage.effect.value}`);
    assert.equal(test(r, "value-first-category").groups.reduce((s, g) => s + g.n, 0), 201);
  });

  it("the repeat cutoff ends observation: later second orders do not count and later first orders are left out", () => {
    const {firstOrders} = build([
      {days: [10, 40], values: [1, 1], category: "plants", segment: "loyal"},   // back before the cutoff
      {days: [10, 310], values: [1, 1], category: "plants", segment: "loyal"},  // second order after the cutoff
      {days: [10], values: [1], category: "plants", segment: "lost"},           // never back
      {days: [320, 330], values: [1, 1], category: "plants", segment: "loyal"}  // first seen after the cutoff
    ]);
    const cutoff = iso(300).slice(0, 10);
    const r = returnTimes(firstOrders, {end: END, repeatCutoff: cutoff});
    assert.deepEqual(r.rows.map((x) => [x.returned, Math.round(x.days)]), [[true, 30], [false, 290], [false, 290]]);
    assert.equal(r.firstSeenAfterCutoff, 1);
    assert.equal(r.secondOrdersAfterCutoff, 1);
    const open = returnTimes(firstOrders, {end: END, repeatCutoff: null});
    assert.deepEqual(open.rows.map((x) => [x.returned, Math.round(x.days)]), [[true, 30], [true, 300], [false, 390], [true, 10]]);
  });
});

/** The first orders as readFirstOrders reads them from the customer tables, for customers with orders on these days. */
async function firstOrdersFromSql(days: number[][]): Promise<FirstOrders> {
  return withDatabase(async (c) => {
    const values = days.flatMap((ds, i) => ds.map((d) => `(${i}, TIMESTAMP '${iso(d).replace("T", " ")}')`)).join(", ");
    await run(c, `CREATE TABLE eco_orders AS SELECT * FROM (VALUES ${values}) t(cust, time)`);
    await buildOccasions(c, "eco_customers_occasions", "eco_orders");
    await run(c, `CREATE TYPE eco_category AS ENUM ('plants')`);
    await run(c, `CREATE TABLE eco_customers AS SELECT cust, min(time) AS firstTime, 'plants' AS firstCategory, 1.0 AS firstOrderValue FROM eco_orders GROUP BY cust`);
    await run(c, `CREATE VIEW eco_customer_ids AS SELECT cust, 'c' || lpad(CAST(cust AS VARCHAR), 4, '0') AS customerId, CAST(cust AS INTEGER) AS k FROM eco_customers`);
    return readFirstOrders(c);
  });
}

describe("e-commerce hypotheses on more customers than a test needs", () => {
  const plans = Array.from({length: 3000}, (_, i) => (i % 3 ? oneOrder(i, 50 + (i % 40)) : repeatBuyer(i, 80 + (i % 30), i % 2 ? "loyal" : "at-risk")));
  const {customers, firstOrders} = build(plans);
  const inputs = {firstOrders: firstOrdersOf(firstOrders), scored: customers, firstOrdersWithWholesale: firstOrdersOf(firstOrders), clusterOf: customers.map((_, i) => i % 2), clusterNames: ["A", "B"], end: END, repeatCutoff: null, scheme: BUILT_IN_SCHEME};
  const everyone = hypothesesReport(inputs);
  const sampled = hypothesesReport(inputs, {maxTested: 1000});

  it("tests a seeded random sample of the stated size, and says so", () => {
    assert.equal(everyone.sample, null);
    const {detectable, ...sample} = sampled.sample!;
    assert.deepEqual(sample, {max: 1000, seed: 20, customers: 3000, scored: 3000});
    // What the sample detects, stated on the page: groups of 5 % and 95 % of it, at Holm's strictest level.
    const alpha = 0.05 / sampled.main.tests.length;
    assert.deepEqual(detectable, {smaller: 50, larger: 950, alpha, power: 0.8, r: detectableRankBiserial(50, 950, {alpha, power: 0.8}), smallEffect: 0.1});
    for (const t of [...sampled.main.tests, ...sampled.posthoc.tests]) assert.ok(t.groups.reduce((n, g) => n + g.n, 0) <= 1000, t.id);
    const firstValue = sampled.main.tests.find((t) => t.id === "value-first-category");
    assert.ok(firstValue && firstValue.groups.reduce((n, g) => n + g.n, 0) > 900, "the first-order tests use (nearly) the whole sample");
    assert.deepEqual(hypothesesReport(inputs, {maxTested: 1000}), sampled, "the same sample on every build");
  });

  it("checks the wholesale sensitivity on the same customers: unchanged first orders give unchanged tests", () => {
    assert.ok(sampled.sensitivity.length > 0);
    for (const row of sampled.sensitivity) assert.equal(row.pWith, row.pWithout, row.id);
  });

  it("keeps everyone's counts of customers observed and back", () => {
    assert.deepEqual(sampled.repeat, everyone.repeat);
    assert.equal(everyone.repeat.customers, 3000);
  });
});

describe("e-commerce returns: a second order within RETURN_MIN_HOURS is the same purchase", () => {
  it("two orders 3 hours apart are no return; 3 days apart are; the 3-hour order does not hide a later return", async () => {
    const firstOrders = await firstOrdersFromSql([
      [10, 10 + 3 / 24], // one basket placed twice
      [10, 13],          // back 3 days later
      [10, 10 + 3 / 24, 50], // split basket, then back on day 50
      [10, 11]           // exactly 24 hours: not more than 24
    ]);
    const r = returnColumns(firstOrders, {end: END, repeatCutoff: null});
    assert.deepEqual(Array.from(r.days, (days, j) => [r.returned[j] === 1, Math.round(days * 24)]), [[false, 390 * 24], [true, 72], [true, 40 * 24], [false, 390 * 24]]);
  });
});
