/**
 * One Click Summary actions and the money they quote (issue 16, item 2).
 * - An offer's value: the break-even cost per customer is the cost at which the net is zero, and
 *   equals response × share lost × months × Σ probability × profit ÷ customers, worked by hand.
 * - Actions on a hand-made set of segments: a high-risk segment gets a paid offer only where it
 *   pays at the default assumptions; otherwise no cost is quoted (the old Offers page quoted a cost
 *   and then called the offer "not worth it"); the lists hold the segment's customers, the control
 *   group and rows only when customer rows are allowed.
 * - Profit against revenue: the ratio worked by hand, and on the real exports a recount from the
 *   clean customers (profit ≈ 4 a month against revenue ≈ 5,000: the pages ask to check the unit).
 * - On the real exports (../shared/datasets): every action's size is a recount of the customers
 *   above both default thresholds from the published probabilities, its profit kept is size-weighted
 *   by those probabilities × the stated rates, and the "High risk, lower profit" segment, whose offer
 *   loses money at the defaults, is given no paid offer and no cost.
 */
import {formats} from "../../src/components/format.ts";
import {before, describe, test} from "node:test";
import assert from "node:assert/strict";
import {offerValue, type AssumptionValues} from "../../src/components/offer-value.ts";
import {oneClickActions} from "../../loaders/cases/one-click/actions.ts";
import {profitScale} from "../../loaders/cases/one-click/profit-scale.ts";
import {oneClickArtifacts} from "../../loaders/cases/one-click.ts";
import {loadOneClick, type OneClickData} from "../../loaders/clean/one-click.ts";
import type {Offers, SegmentOffer} from "../../loaders/cases/one-click/offers.ts";
import type {CustomerRow, FeatureId, FeatureValue} from "../../loaders/cases/one-click/features.ts";
import type {SegmentId} from "../../loaders/cases/one-click/segments.ts";
import {datasets, realDataSkip} from "../real-data.ts";

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);
const defaults: AssumptionValues = {offerCost: 1, responseRate: 0.2, lossShare: 0.5, months: 3};

describe("an offer's break-even cost", () => {
  test("is the cost per customer at which the net is zero: 0.2 × 0.5 × 3 × 850 ÷ 209 = 1.2201", () => {
    const o = {n: 209, expectedProfitAtRisk: 850};
    const v = offerValue(o, defaults);
    close(v.breakEvenCost, (0.2 * 0.5 * 3 * 850) / 209, 1e-12, "by hand");
    close(v.breakEvenCost, 1.22009569, 1e-8, "worked out: 255 / 209");
    close(offerValue(o, {...defaults, offerCost: v.breakEvenCost}).net, 0, 1e-9, "net at the break-even cost");
    assert.equal(v.pays, true);
    assert.equal(offerValue(o, {...defaults, offerCost: 1.3}).pays, false);
    assert.equal(offerValue({n: 0, expectedProfitAtRisk: 0}, defaults).breakEvenCost, 0);
  });
});

/** Two customers per segment; the high-risk, lower profit segment's offer loses money at a cost of 1. */
function handMade() {
  const segments: [SegmentId, string, boolean, number, number][] = [
    ["risk-high-profit", "High risk, high profit", true, 0.9, 10],
    ["risk-low-profit", "High risk, lower profit", true, 0.8, 2],
    ["safe-high-profit", "Low risk, high profit", false, 0.2, 10],
    ["safe-low-profit", "Low risk, lower profit", false, 0.1, 2]
  ];
  const rows: CustomerRow[] = [];
  const membership: SegmentId[] = [];
  const probabilities: number[] = [];
  segments.forEach(([id, , , p, profit], k) => {
    for (const j of [0, 1]) {
      rows.push({id: 100 + 2 * k + j, declined: 0, profit, values: {marketingConsent: j ? "yes" : "no"} as Record<FeatureId, FeatureValue>});
      membership.push(id);
      probabilities.push(p);
    }
  });
  const offers = {offers: segments.map(([segment, name, target, p, profit]): SegmentOffer => ({
    segment, name, target, headline: {en: name, ru: name}, n: 2, consenting: 1, monthlyProfit: 2 * profit, expectedProfitAtRisk: 2 * p * profit, meanProbability: p,
    actions: [{rule: "x", title: {en: `Action for ${name}`, ru: `Действие для ${name}`}, because: {en: "", ru: ""}, effect: null}], channels: []
  }))} as unknown as Offers;
  return {offers, rows, membership, probabilities};
}

describe("the Summary's actions", () => {
  const inputs = {...handMade(), defaults, reasons: null, unit: "₽"};
  const open = oneClickActions(inputs, {customerRows: true, controlShare: 0.1});

  test("a paid offer only where it pays; a high-risk segment where it would lose money gets no cost", () => {
    // High risk, high profit: kept 0.2 × 0.5 × 3 × (2 × 0.9 × 10) = 5.4 against 2 × 1 = 2: pays.
    // High risk, lower profit: kept 0.3 × 2 × 0.8 × 2 = 0.96 against 2: loses money, so no paid offer.
    assert.deepEqual(open.map((a) => [a.segment, a.kind]), [["risk-high-profit", "paid-offer"], ["risk-low-profit", "no-cost-messages"], ["safe-high-profit", "loyalty"]]);
    const [paid, free, loyalty] = open;
    close(paid.kept!, 5.4, 1e-12, "kept");
    assert.equal(paid.cost, 2);
    close(paid.net!, 3.4, 1e-12, "net");
    assert.equal(free.cost, null);
    assert.equal(free.net, null);
    close(free.breakEvenCost, 0.48, 1e-12, "what a paid offer could cost per customer there");
    assert.equal(loyalty.cost, null);
  });

  test("each list holds its segment's customers, with the reason and the channel", () => {
    const paid = open[0].list;
    assert.deepEqual(paid.rows.map((r) => r.customer).sort(), ["100", "101"]);
    assert.equal(paid.size, 2);
    assert.equal(paid.contact + paid.control, 2);
    const reason = paid.rows[0].reason;
    assert.match(typeof reason === "string" ? reason : reason.en, /probability of decline 90 %, profit 10\.00 ₽ a month/);
    assert.deepEqual(paid.rows.map((r) => r.channel), ["banner on the site", "e-mail and push"]);
  });

  test("without customer rows the lists keep their counts and lose their rows", () => {
    const closed = oneClickActions(inputs, {customerRows: false, controlShare: 0.1});
    for (const [a, b] of closed.map((a, k) => [a, open[k]] as const)) {
      assert.deepEqual(a.list.rows, []);
      assert.equal(a.list.allowed, false);
      assert.deepEqual([a.list.size, a.list.contact, a.list.control], [b.list.size, b.list.contact, b.list.control]);
    }
  });
});

describe("profit against revenue", () => {
  const row = (profit: number, revenue: [number, number, number]): CustomerRow =>
    ({id: 1, declined: 0, profit, values: {revenueBeforePrevious: revenue[0], revenuePrevious: revenue[1], revenueCurrent: revenue[2]} as Record<FeatureId, FeatureValue>});

  test("mean monthly profit over mean monthly revenue, worked by hand", () => {
    // Profit (4 + 6) / 2 = 5; revenue ((1000 + 2000 + 3000) / 3 + 3000) / 2 = 2500; ratio 0.002: check the unit.
    const s = profitScale([row(4, [1000, 2000, 3000]), row(6, [3000, 3000, 3000])]);
    assert.deepEqual(s, {profit: 5, revenue: 2500, ratio: 0.002, checkUnit: true});
    // A 20 % margin is plausible; profit above revenue is not.
    assert.equal(profitScale([row(200, [1000, 1000, 1000])]).checkUnit, false);
    assert.equal(profitScale([row(2000, [1000, 1000, 1000])]).checkUnit, true);
  });
});

describe("One Click actions on the real exports", {skip: realDataSkip("one-click/market_file.csv")}, () => {
  let data: OneClickData;
  let art: Record<string, any>;
  before(async () => {
    data = await loadOneClick(datasets);
    art = oneClickArtifacts(data, {customerRows: true, controlShare: 0.1, resamples: 200}) as Record<string, any>;
  });

  test("each action's size is the recount of its customers above or below both thresholds", () => {
    const {defaults: cut} = art["segments.json"];
    const customers = art["customers.json"].customers as {id: number; probability: number; profit: number}[];
    const {actions} = art["summary.json"];
    const inSegment = (highRisk: boolean, highProfit: boolean) =>
      customers.filter((c) => (c.probability >= cut.probability) === highRisk && (c.profit >= cut.profit - 1e-9) === highProfit);
    const expected: Record<string, [boolean, boolean]> = {"risk-high-profit": [true, true], "risk-low-profit": [true, false], "safe-high-profit": [false, true]};
    for (const a of actions) {
      const members = inSegment(...expected[a.segment]);
      assert.equal(a.n, members.length, a.segment);
      assert.deepEqual(a.list.rows.map((r: {customer: string}) => r.customer).sort(), members.map((c) => String(c.id)).sort(), a.segment);
      assert.equal(a.list.rows.filter((r: {group: string}) => r.group === "control").length, a.list.control);
      // Probability-weighted monthly profit, and what the Summary says the paid offer keeps: response × share lost × months × that.
      const atRisk = members.reduce((s, c) => s + c.probability * c.profit, 0);
      close(a.expectedProfitAtRisk, atRisk, 1e-6, `${a.segment} probability-weighted profit`);
      if (a.kind === "paid-offer") {
        close(a.kept, 0.2 * 0.5 * 3 * atRisk, 1e-6, "kept at a 20 % response, half the profit lost, 3 months");
        close(a.cost, art["offers.json"].assumptions.find((x: {id: string}) => x.id === "offerCost").value * members.length, 1e-9, "cost");
        assert.ok(a.net > 0);
      }
    }
  });

  test("the high risk, lower profit offer would lose money at the defaults: no paid offer, no cost, its break-even cost quoted", () => {
    const a = art["summary.json"].actions.find((x: {segment: string}) => x.segment === "risk-low-profit");
    assert.equal(a.kind, "no-cost-messages");
    assert.equal(a.cost, null);
    const cost = art["offers.json"].assumptions.find((x: {id: string}) => x.id === "offerCost").value;
    assert.ok(a.breakEvenCost < cost, `break-even ${a.breakEvenCost} below the default cost ${cost}`);
    close(a.breakEvenCost, (0.2 * 0.5 * 3 * a.expectedProfitAtRisk) / a.n, 1e-9, "break-even cost by hand");
  });

  test("the default offer cost is a quarter of the mean monthly profit, and says so with its unit", () => {
    const meanProfit = data.modelling.reduce((s, c) => s + c.profit!, 0) / data.modelling.length;
    const offerCost = art["offers.json"].assumptions.find((x: {id: string}) => x.id === "offerCost");
    assert.equal(offerCost.value, Number((meanProfit / 4).toPrecision(1)));
    assert.match(offerCost.why.en, new RegExp(`quarter of the average customer's monthly profit \\(${meanProfit.toFixed(2)} currency units\\)`));
    // The Russian sentence: the same amount in Russian format, the unit in Russian.
    assert.ok(offerCost.why.ru.includes(`четверти средней месячной прибыли с покупателя (${formats("ru").fixed(meanProfit, 2)}\u00A0ден. ед.)`), offerCost.why.ru);
  });

  test("profit is about 0.08 % of revenue: a recount from the clean customers, flagged for the unit", () => {
    const scale = art["summary.json"].profitScale;
    const m = data.modelling;
    const profit = m.reduce((s, c) => s + c.profit!, 0) / m.length;
    const revenue = m.reduce((s, c) => s + (c.revenueBeforePrevious! + c.revenuePrevious! + c.revenueCurrent!) / 3, 0) / m.length;
    close(scale.profit, profit, 1e-9, "profit");
    close(scale.revenue, revenue, 1e-6, "revenue");
    assert.ok(scale.ratio > 0.0007 && scale.ratio < 0.0009, `ratio ${scale.ratio}`);
    assert.equal(scale.checkUnit, true);
    assert.deepEqual(art["summary.json"].money, {currency: "", profit: {en: "average monthly profit per customer over the last three months", ru: "средняя прибыль с покупателя в месяц за последние три месяца"}, unit: "currency units"});
  });
});
