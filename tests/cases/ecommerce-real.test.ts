/**
 * The e-commerce case on the real order log, against the independent pandas / scipy
 * re-implementation in tests/golden/ecommerce.py (values in tests/golden/ecommerce.json):
 * counts read and cleaned, category totals, orders and customers, RFM cut points and segments
 * (scored as of the repeat cutoff: no order of the window of re-used ids makes anyone a repeat buyer),
 * seasonality, cohorts, repeat purchases and the rank tests; later versions of a line read as
 * updates; the window of re-used customer ids and the repeat figures observed until it. Also: no
 * customer id in the artifacts unless customer-level rows are allowed.
 */
import {RETURN_MIN_HOURS} from "../../loaders/cases/ecommerce/occasions.ts";
import {before, describe, it} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {readSettings} from "../../loaders/settings.ts";
import {computeEcommerceResult, type EcommerceResult} from "../../loaders/cases/ecommerce.ts";
import {datasets, realDataSkip} from "../real-data.ts";

const realSkip = realDataSkip("ecommerce/ecom_dataset_upd.csv");
const g = JSON.parse(readFileSync("tests/golden/ecommerce.json", "utf8"));

const close = (actual: number, expected: number, rel = 1e-9, what = "") =>
  assert.ok(Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`);
const closeP = (actual: number, expected: number, what = "") =>
  assert.ok(Math.abs(actual - expected) <= 1e-6 * expected + 1e-300, `${what}: p ${actual} vs ${expected}`);

describe("e-commerce case on the real log", {skip: realSkip}, () => {
  let r: EcommerceResult;
  before(async () => {
    r = await computeEcommerceResult(readSettings({DATA_DIR: datasets}));
  });

  it("reads 7474 lines of 2451 customers and counts the clean layer's repairs as pandas does", () => {
    assert.equal(r.summary.read.lines, 7474);
    assert.equal(r.summary.read.customers, 2451);
    assert.deepEqual(r.summary.read, g.read);
    const c = r.summary.cleaning;
    assert.equal(c.exactDuplicates, g.clean.exactDuplicates);
    assert.equal(c.sharedOrders, g.clean.sharedOrders);
    assert.ok(c.sharedOrders > 0, "shared orders found");
    assert.equal(c.sharedOrderLines, g.clean.sharedOrderLines);
    assert.equal(c.repeatedLines, g.clean.repeatedLines);
    assert.ok(c.repeatedLines > 0, "repeated lines found");
    assert.equal(c.repeatedPairs, g.clean.repeatedPairs);
    assert.equal(c.wholesaleLines, g.clean.wholesaleLines);
    assert.ok(c.wholesaleLines > 0, "wholesale lines found");
    close(c.wholesaleThreshold!, g.clean.wholesaleThreshold, 1e-9, "wholesale threshold");
    assert.equal(c.cleanLines, g.clean.cleanLines);
  });

  it("category totals with and without wholesale lines", () => {
    for (const cat of r.categories.categories) {
      const e = g.categories[cat.category];
      assert.equal(cat.lines, e.lines, cat.category);
      close(cat.revenue, e.revenue, 1e-9, `${cat.category} revenue`);
      close(cat.revenueWithWholesale, e.revenueWithWholesale, 1e-9, `${cat.category} revenue with wholesale`);
    }
    assert.equal(r.categories.categories.length, Object.keys(g.categories).length);
  });

  it("orders and customers; RFM cut points and segment sizes as of the repeat cutoff", () => {
    const e = g.rfmAtCutoff;
    assert.equal(r.summary.orders, g.customers.orders);
    assert.equal(r.time.end, g.customers.end);
    assert.deepEqual(r.profiles.scope, {asOf: g.reusedIds.cutoff, customers: e.customers, customersLeftOut: e.customersLeftOut, ordersLeftOut: e.ordersLeftOut});
    assert.equal(r.profiles.n, e.customers);
    assert.equal(e.customers + e.customersLeftOut, g.customers.n);
    for (const k of ["recencyRecent", "recencyMiddle", "revenueLow", "revenueHigh"] as const) close(r.profiles.thresholds[k], e.thresholds[k], 1e-9, k);
    for (const s of r.profiles.segments) assert.equal(s.customers, e.segments[s.id] ?? 0, s.id);
    close(r.profiles.overall.aov.median, e.medianAov, 1e-9, "median AOV");
    // Repeat buyers as the segments count them are the repeat rate the Time page shows.
    close(r.profiles.overall.repeatShare, e.repeatShare, 1e-12, "repeat buyers among the scored");
    close(r.profiles.overall.repeatShare, r.time.repeat.rate, 1e-12, "segments' repeat share = the repeat rate at the cutoff");
  });

  it("no customer whose only second order falls in the window of re-used ids is a repeat buyer, in any segment, profile or plan", () => {
    const onlyInWindow = new Set<string>(g.rfmAtCutoff.secondOrderOnlyInWindow);
    assert.ok(onlyInWindow.size > 500, "the window holds most second orders of the log");
    const repeatSegments = new Set(["best", "loyal", "at-risk"]);
    let seen = 0;
    for (const c of r.customers) {
      if (!onlyInWindow.has(c.customerId)) continue;
      seen++;
      assert.equal(c.occasions, 1, c.customerId);
      assert.ok(!repeatSegments.has(c.segment), `${c.customerId} is ${c.segment}`);
    }
    assert.equal(seen, onlyInWindow.size);
    for (const s of r.profiles.segments) assert.equal(s.repeatShare, repeatSegments.has(s.id) ? 1 : 0, s.id);
    const repeatBuyers = r.customers.filter((c) => c.occasions >= 2).length;
    assert.equal(repeatBuyers, r.time.repeat.repeaters);
    assert.equal(r.profiles.clustering.clusters.reduce((n, k) => n + Math.round(k.repeatShare * k.customers), 0), repeatBuyers, "profiles count the same repeat buyers");
    assert.equal(r.mailing.plan.reduce((n, p) => n + p.customers, 0), g.rfmAtCutoff.customers, "the plan covers the scored customers only");
    assert.doesNotMatch(JSON.stringify(r.summary), /still count every order/);
  });

  it("seasonality index and the first cohort's retention", () => {
    for (const [cat, values] of Object.entries(g.seasonality) as [string, (number | null)[]][]) {
      values.forEach((v, i) => {
        const got = r.time.seasonality.find((s) => s.category === cat && s.month === i + 1)?.index ?? null;
        if (v === null) assert.equal(got, null);
        else close(got!, v, 1e-9, `${cat} month ${i + 1}`);
      });
    }
    const first = r.time.cohorts.filter((c) => c.cohort === g.cohort.cohort);
    assert.equal(first[0].customers, g.cohort.customers);
    for (const [offset, share] of Object.entries(g.repeatAtCutoff.cohortRetention) as [string, number][]) {
      close(first.find((c) => c.offset === Number(offset))!.retention, share, 1e-12, `offset ${offset}`);
    }
  });

  it("keeps the last version of a line logged at several hours, and counts both readings", () => {
    const c = r.summary.cleaning;
    assert.equal(c.changedPairs, g.clean.changedPairs);
    assert.ok(c.changedPairs > 0, "some later versions change quantity or price");
    close(c.revenueFirstVersions, g.clean.revenueFirstVersions, 1e-12, "revenue, first versions");
    close(c.revenueLastVersions, g.clean.revenueLastVersions, 1e-12, "revenue, last versions");
    assert.notEqual(c.revenueFirstVersions, c.revenueLastVersions);
    // The clean lines are the last versions: their revenue is the last-version reading.
    close(r.summary.revenueWithWholesale, g.clean.revenueLastVersions, 1e-12, "clean revenue");
    const near = r.quality.findings.find((f) => f.kind === "near-duplicate")!;
    assert.match(near.summary.en, new RegExp(`${g.clean.changedPairs} of them change quantity or price`));
    assert.match(near.summary.ru, new RegExp(`у ${g.clean.changedPairs} из них в более поздней версии другое количество или цена`));
  });

  it("flags the months of re-used customer ids from the monthly flow pandas computes", () => {
    const audit = r.quality.reusedIds!;
    assert.deepEqual(audit.months.map(({newShare: _s, affected: _a, ...m}) => m).map((m) => ({...m, revenue: Math.round(m.revenue * 1e6) / 1e6})),
      g.flow.map((m: {revenue: number}) => ({...m, revenue: Math.round(m.revenue * 1e6) / 1e6})));
    const w = audit.window!;
    assert.deepEqual(audit.months.filter((m) => m.affected).map((m) => m.month), g.reusedIds.months);
    assert.deepEqual([w.cutoff, w.newCustomers, w.secondOrders, w.orders], [g.reusedIds.cutoff, g.reusedIds.newCustomers, g.reusedIds.secondOrders, g.reusedIds.orders]);
    close(w.secondOrderShare, g.reusedIds.secondOrderShare, 1e-12, "share of second orders in the window");
    assert.equal(r.repeatCutoff, g.reusedIds.cutoff);
    assert.equal(r.summary.reusedIds?.cutoff, g.reusedIds.cutoff);
    assert.ok(r.quality.findings.some((f) => f.kind === "reused-ids" && f.rows === g.reusedIds.lines && f.groups === w.customers));
  });

  it("counts orders placed again within 24 hours of the same customer's earlier order, identical baskets apart, as pandas does", () => {
    const a = r.quality.sameOccasion!;
    assert.deepEqual({orders: a.orders, identical: a.identical, customers: a.customers}, g.sameOccasion);
    assert.equal(a.hours, RETURN_MIN_HOURS);
    assert.ok(r.quality.findings.some((f) => f.kind === "same-occasion" && f.rows === g.sameOccasion.orders && f.groups === g.sameOccasion.customers));
    // None of them is a return: the customers who came back did so more than a day after their first order.
    assert.ok(r.time.repeat.daysToSecond.q1 > RETURN_MIN_HOURS / 24, `first quartile ${r.time.repeat.daysToSecond.q1} days`);
  });

  it("repeat figures end at the cutoff: rate, 90-day rate, days to the second order, orders per customer, cohort cells", () => {
    const e = g.repeatAtCutoff;
    const rep = r.time.repeat;
    assert.equal(rep.observedUntil, g.reusedIds.cutoff);
    assert.deepEqual([rep.customers, rep.repeaters, rep.eligible, rep.withinWindow], [e.customers, e.repeaters, e.eligible, e.withinWindow]);
    close(rep.rate, e.rate, 1e-12, "repeat rate");
    close(r.summary.repeatRate, e.rate, 1e-12, "summary's repeat rate");
    assert.ok(r.summary.repeatRate < g.customers.repeatRate / 2, "the window's returns are not counted");
    close(rep.daysToSecond.q1, e.daysToSecond[0], 1e-9, "q1");
    close(rep.daysToSecond.median, e.daysToSecond[1], 1e-9, "median days to second order");
    close(rep.daysToSecond.q3, e.daysToSecond[2], 1e-9, "q3");
    // The mailing cadence for one-order customers follows the days to the second order: never sooner than the minimum.
    const promising = r.mailing.plan.find((p) => p.segment === "promising");
    if (promising) assert.ok(promising.cadenceDays !== null && promising.cadenceDays >= 14, promising.cadence.en);
    // Repeat segments: half the typical gap between orders before the cutoff, within 14–60 days (14 under a 7-day gap).
    for (const [segment, gap] of Object.entries(e.segmentGapMedian) as [string, number][]) {
      const row = r.mailing.plan.find((p) => p.segment === segment);
      if (row && segment !== "promising" && segment !== "one-time" && segment !== "lost") {
        assert.equal(row.cadenceDays, gap < 7 ? 14 : Math.min(60, Math.max(14, Math.round(gap / 2))), `${segment}: ${row.cadence}`);
      }
    }
    assert.deepEqual(Object.fromEntries(rep.occasionsHistogram.map((h) => [String(h.occasions), h.customers])), e.histogram);
    assert.deepEqual([...new Set(r.time.cohorts.map((c) => c.cohort))], e.cohortsShown);
    for (const c of r.time.cohorts) assert.ok(`${c.cohort}-01` < g.reusedIds.cutoff && Number(c.cohort.slice(5)) + c.offset + 12 * Number(c.cohort.slice(0, 4)) < 12 * Number(g.reusedIds.cutoff.slice(0, 4)) + Number(g.reusedIds.cutoff.slice(5, 7)), `cell ${c.cohort} + ${c.offset} is before the cutoff`);
  });

  // The hypothesis tests' values are checked against tests/golden/ecommerce_findings.py in ecommerce-findings.test.ts
  // (customer-level comparisons, time to a second order with censoring, At risk vs all other repeat buyers).

  it("every main test is corrected by Holm and every post-hoc test by Benjamini–Hochberg", () => {
    const ps = r.hypotheses.main.tests.map((t) => t.pValue);
    const m = ps.length;
    const order = ps.map((_, i) => i).sort((a, b) => ps[a] - ps[b]);
    let running = 0;
    for (const [rank, i] of order.entries()) {
      running = Math.max(running, Math.min(1, (m - rank) * ps[i]));
      close(r.hypotheses.main.tests[i].pAdjusted!, running, 1e-12, "Holm");
    }
  });

  it("keeps customer ids out of the aggregate artifacts (the lists to act on: ecommerce-actions.test.ts)", () => {
    const ids = new Set(r.customers.map((c) => c.customerId));
    const text = JSON.stringify({summary: r.summary, categories: r.categories, profiles: r.profiles, time: r.time, hypotheses: r.hypotheses, mailing: r.mailing});
    for (const id of [...ids].slice(0, 200)) assert.ok(!text.includes(id), `customer id ${id} leaked`);
  });

  it("the mailing plan features each segment's largest category and sends in its busiest season", () => {
    for (const p of r.mailing.plan) {
      const seg = r.profiles.segments.find((s) => s.id === p.segment)!;
      const top = [...seg.categoryShares].filter((c) => c.category !== "other").sort((a, b) => b.share - a.share)[0];
      assert.equal(p.featured[0].category, top.category, p.segment);
      assert.ok(p.window.months.includes(p.window.peakMonth), `${p.segment}: peak month inside the send months`);
      assert.ok(p.threshold >= seg.aov.q3 && p.threshold < seg.aov.q3 + 50, `${p.segment}: threshold rounds the upper quartile up`);
    }
  });
});
