/**
 * E-commerce hypotheses on small made-up customer bases with a planted effect: the answer printed next to
 * each question must follow the corrected decision and, for two groups, the sign of the effect — a
 * significant test whose effect says "smaller" must never be answered with a bare "Yes" to a question
 * that reads "larger".
 */
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {answerOf, hypothesesReport, type HypothesesReport} from "../../loaders/cases/ecommerce/hypotheses.ts";
import type {CustomerProfile, OrderRow} from "../../loaders/cases/ecommerce/customers.ts";
import {ANALYSIS_CATEGORIES, type AnalysisCategory} from "../../loaders/cases/ecommerce/tables.ts";
import type {SegmentId} from "../../loaders/cases/ecommerce/rfm.ts";

const zeros = () => Object.fromEntries(ANALYSIS_CATEGORIES.map((c) => [c, 0])) as Record<AnalysisCategory, number>;

function customer(i: number, orders: number, firstOrderValue: number, segment: SegmentId): CustomerProfile {
  const category: AnalysisCategory = i % 2 ? "plants" : "garden";
  const revenue = firstOrderValue * orders;
  return {
    customerId: `c${i}`, orders, revenue, aov: revenue / orders, recencyDays: 10 + i, tenureDays: 30, firstTime: "2019-01-01T10:00:00", lastTime: "2019-02-01T10:00:00",
    firstCategory: category, firstOrderValue, mainCategory: category,
    categoryRevenue: {...zeros(), [category]: revenue}, shares: {...zeros(), [category]: 1}, r: 2, f: Math.min(orders, 3), m: 2, segment
  };
}

/** 80 customers who come back and 80 who order once; `returnersFirst` sets the first order value of those who come back. */
function base(returnersFirst: (i: number) => number, onceFirst: (i: number) => number): HypothesesReport {
  const customers: CustomerProfile[] = [];
  for (let i = 0; i < 80; i++) customers.push(customer(i, 2 + (i % 3), returnersFirst(i), i % 2 ? "loyal" : "at-risk"));
  for (let i = 80; i < 160; i++) customers.push(customer(i, 1, onceFirst(i), "lost"));
  const orders: OrderRow[] = customers.map((c, i) => ({orderId: i, revenue: c.firstOrderValue + (i % 7), lines: 1, mainCategory: c.mainCategory}));
  return hypothesesReport({customers, orders, ordersWithWholesale: orders, clusterOf: customers.map((_, i) => i % 2), clusterNames: ["A", "B"]});
}

/** Every answer agrees with its test: "No evidence" unless rejected after correction; a two-group answer names the effect's direction. */
function assertAnswersFollowTests(report: HypothesesReport) {
  for (const t of [...report.main.tests, ...report.posthoc.tests]) {
    if (!t.rejectAdjusted) {
      assert.equal(t.answer, "No evidence", t.id);
      continue;
    }
    assert.ok(t.answer.startsWith("Yes"), `${t.id}: ${t.answer}`);
    if (t.groups.length === 2 && t.effect.name === "rank-biserial r") {
      const words = t.effect.value > 0 ? /larger|more/ : /smaller|less/;
      assert.match(t.answer, words, `${t.id}: r = ${t.effect.value} but the answer is "${t.answer}"`);
    }
  }
}

describe("e-commerce hypotheses: answers follow the direction of the effect", () => {
  it("returners whose first order is smaller get 'smaller', not a bare 'Yes'", () => {
    const report = base((i) => 100 + i, (i) => 1000 + i);
    const t = report.main.tests.find((x) => x.id === "first-value-return")!;
    assert.ok(t.effect.value < 0, "planted: returners' first orders are smaller");
    assert.ok(t.rejectAdjusted);
    assert.equal(t.answer, "Yes: smaller for those who come back");
    assert.doesNotMatch(t.question, /larger than/, "the question is two-sided");
    assertAnswersFollowTests(report);
  });

  it("returners whose first order is larger get 'larger'", () => {
    const report = base((i) => 1000 + i, (i) => 100 + i);
    const t = report.main.tests.find((x) => x.id === "first-value-return")!;
    assert.ok(t.effect.value > 0);
    assert.equal(t.answer, "Yes: larger for those who come back");
    assertAnswersFollowTests(report);
  });

  it("no planted difference: 'No evidence' whenever the corrected p-value is not below α", () => {
    const report = base((i) => 100 + ((i * 37) % 80), (i) => 100 + ((i * 37) % 80));
    const t = report.main.tests.find((x) => x.id === "first-value-return")!;
    assert.ok(t.pAdjusted! >= report.main.alpha);
    assert.equal(t.answer, "No evidence");
    assertAnswersFollowTests(report);
  });

  it("answerOf uses the adjusted decision, not the uncorrected one", () => {
    const effect = {name: "rank-biserial r", value: -0.3, magnitude: "medium" as const, convention: ""};
    const direction = {higher: "larger", lower: "smaller"};
    assert.equal(answerOf({reject: true, rejectAdjusted: false, effect}, direction), "No evidence");
    assert.equal(answerOf({reject: true, rejectAdjusted: true, effect}, direction), "Yes: smaller");
    assert.equal(answerOf({reject: true, rejectAdjusted: true, effect: {...effect, value: 0.3}}, direction), "Yes: larger");
    assert.equal(answerOf({reject: true, rejectAdjusted: true, effect}), "Yes");
  });
});
