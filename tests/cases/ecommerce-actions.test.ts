/**
 * The e-commerce actions (loaders/cases/ecommerce/actions.ts) on the real order log: one list per
 * segment, sized as the independent pandas re-implementation counts the segments
 * (tests/golden/ecommerce.json, rfmAtCutoff.segments), each offer's threshold the segment's upper-quartile
 * order value rounded up to 50 (recomputed here from the customers), the expected effect = customers
 * mailed × the stated rate × the threshold, the control group within the binomial's range, customer
 * rows only when allowed. Also: the tests in words (src/components/ecommerce-findings.ts) and the
 * pages' conventions (no setting name for managers, statistics collapsed, money with its unit).
 */
import {before, describe, it} from "node:test";
import assert from "node:assert/strict";
import {readFileSync, readdirSync} from "node:fs";
import {readSettings} from "../../loaders/settings.ts";
import {computeEcommerceResult, type EcommerceResult} from "../../loaders/cases/ecommerce.ts";
import {ecommerceActions, type EcommerceActions} from "../../loaders/cases/ecommerce/actions.ts";
import {caseMoney} from "../../loaders/cases/money.ts";
import {formats} from "../../src/components/format.ts";
import {DEFAULT_EXTRA_ORDER_RATE, mailingValue} from "../../src/components/mailing-value.ts";
import {findingOf, type FindingTest} from "../../src/components/ecommerce-findings.ts";
import {datasets, realDataSkip} from "../real-data.ts";

const g = JSON.parse(readFileSync("tests/golden/ecommerce.json", "utf8"));
const realSkip = realDataSkip("ecommerce/ecom_dataset_upd.csv");
const money = caseMoney({id: "ecommerce", money: {currency: "₽"}}, {currency: ""});

/** numpy's default quantile (linear interpolation between order statistics). */
function quantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[lo + 1] ?? s[lo]) - s[lo]);
}

describe("e-commerce actions on the real log", {skip: realSkip}, () => {
  let r: EcommerceResult;
  let open: EcommerceActions;
  let closed: EcommerceActions;
  before(async () => {
    r = await computeEcommerceResult(readSettings({DATA_DIR: datasets}));
    open = ecommerceActions(r, money, {customerRows: true, controlShare: 0.1});
    closed = ecommerceActions(r, money, {customerRows: false, controlShare: 0.1});
  });

  it("one list per segment, sized as pandas counts the segments, every scored customer on exactly one", () => {
    const sizes = Object.fromEntries(open.actions.map((a) => [a.segment, a.list.size]));
    const expected = Object.fromEntries(Object.entries(g.rfmAtCutoff.segments as Record<string, number>).filter(([, n]) => n > 0));
    assert.deepEqual(sizes, expected);
    const ids = open.actions.flatMap((a) => a.list.rows.map((row) => row.customer));
    assert.equal(ids.length, g.rfmAtCutoff.customers);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(open.asOf, g.reusedIds.cutoff);
    assert.equal(open.customersLeftOut, g.rfmAtCutoff.customersLeftOut);
  });

  it("the largest share of revenue first", () => {
    const shares = open.actions.map((a) => a.revenueShare);
    assert.deepEqual(shares, [...shares].sort((a, b) => b - a));
  });

  it("each threshold is the segment's upper-quartile order value rounded up to 50, and the effect is mailed × rate × threshold", () => {
    for (const a of open.actions) {
      const aov = r.customers.filter((c) => c.segment === a.segment).map((c) => c.aov);
      assert.equal(a.threshold, Math.max(50, Math.ceil(quantile(aov, 0.75) / 50) * 50), a.segment);
      const orders = a.list.contact * DEFAULT_EXTRA_ORDER_RATE;
      assert.ok(Math.abs(a.expected.orders - orders) < 1e-9, a.segment);
      assert.ok(Math.abs(a.expected.revenue - orders * a.threshold) < 1e-6, a.segment);
      assert.ok(Math.abs(a.expected.discount - orders * a.threshold * a.discount) < 1e-6, a.segment);
    }
    assert.deepEqual(mailingValue({contact: 1000, threshold: 1600, discount: 0.15}, 0.02), {orders: 20, revenue: 32000, discount: 4800});
  });

  it("holds back about 10 % of each list (binomial 99.9 % range), the same customers whatever the rows' setting", () => {
    const total = open.actions.reduce((n, a) => n + a.list.size, 0);
    const control = open.actions.reduce((n, a) => n + a.list.control, 0);
    const sd = Math.sqrt(total * 0.1 * 0.9);
    assert.ok(Math.abs(control - 0.1 * total) < 3.3 * sd, `control ${control} of ${total}`);
    for (const [i, a] of open.actions.entries()) {
      assert.equal(a.list.contact + a.list.control, a.list.size);
      assert.equal(a.list.rows.filter((row) => row.group === "control").length, a.list.control);
      assert.deepEqual([closed.actions[i].list.size, closed.actions[i].list.control], [a.list.size, a.list.control]);
    }
  });

  it("no customer row unless allowed; with rows, each reason is the customer's own figures", () => {
    for (const a of closed.actions) assert.deepEqual(a.list.rows, []);
    const ids = new Set(r.customers.map((c) => c.customerId));
    const text = JSON.stringify(closed);
    for (const id of [...ids].slice(0, 300)) assert.ok(!text.includes(id), `customer id ${id} leaked`);
    const byId = new Map(r.customers.map((c) => [c.customerId, c]));
    for (const a of open.actions) {
      for (const row of a.list.rows.slice(0, 50)) {
        const c = byId.get(row.customer)!;
        assert.equal(c.segment, a.segment);
        const reason = typeof row.reason === "string" ? row.reason : row.reason.en;
        assert.ok(reason.includes(`last ${Math.round(c.recencyDays)} day`), reason);
        assert.ok(reason.includes(`before ${g.reusedIds.cutoff}`), reason);
        assert.equal(row.orders, c.orders);
        assert.ok(String(row.categories).length > 0 && String(row.send).length > 0);
      }
    }
    assert.equal(open.actions[0].list.columns.find((c) => c.key === "revenue")?.label, "revenue (₽)");
  });

  it("no offer names an amount: the page adds the threshold with its currency", () => {
    // The plan's offers said "orders above 1,600" with no unit before.
    for (const p of r.mailing.plan) {
      assert.ok(!p.offer.en.includes(p.threshold.toLocaleString("en-US")), p.offer.en);
      assert.ok(!p.offer.ru.includes(formats("ru").int(p.threshold)), p.offer.ru);
    }
  });
});

describe("the tests in words", () => {
  const base = {question: "q", pValue: 0.001, pAdjusted: 0.003, effect: {name: "epsilon²", value: 0.17, magnitude: "large"}};
  const value: FindingTest = {...base, id: "value-first-category", rejectAdjusted: true,
    groups: [{label: "Garden", n: 50, median: 300}, {label: "Storage", n: 40, median: 1500.4}, {label: "Kitchen", n: 30, median: 700}]};

  it("names the largest and smallest group with the money's unit", () => {
    const f = findingOf(value, {horizonDays: 90, unit: {currency: "₽"}});
    assert.match(f.answer, /^Yes: a first order mainly in Storage has a median of 1,500 ₽; mainly in Garden, 300 ₽\.$/);
    assert.equal(f.chart, "median");
    assert.match(f.evidence, /Holm-adjusted p = 0\.003/);
  });

  it("a test that finds nothing says 'no evidence', never 'no difference', and plans nothing on it", () => {
    const f = findingOf({...value, rejectAdjusted: false}, {horizonDays: 90, unit: {currency: ""}});
    assert.match(f.answer, /^No evidence/);
    assert.doesNotMatch(f.answer + f.meaning, /no difference/i);
    // Not finding a difference is no ground to claim sameness: the meaning says only that nothing argues for a change.
    assert.match(f.meaning, /^Nothing here argues for/);
    for (const id of ["aov-at-risk-vs-repeat", "return-first-category", "return-first-value"]) {
      const other = findingOf({...value, id, rejectAdjusted: false, groups: [{label: "a", n: 30, median: 10, proportion: 0.1}, {label: "b", n: 30, median: 12, proportion: 0.2}]}, {horizonDays: 90, unit: {currency: ""}});
      assert.match(other.meaning, /^Nothing here argues for/, id);
      assert.doesNotMatch(other.meaning, /as much|the same way|fits/, id);
    }
    assert.match(f.answer, /300 currency units/);
  });

  it("a difference found with a negligible effect size is called negligible, and advised on as no difference, in both languages", () => {
    const slight: FindingTest = {...value, id: "aov-at-risk-vs-repeat", effect: {name: "rank-biserial r", value: 0.03, magnitude: "negligible"},
      groups: [{label: "At risk", n: 20262, median: 1267}, {label: "all other repeat buyers", n: 52343, median: 1205}]};
    const en = findingOf(slight, {horizonDays: 90, unit: {currency: "₽"}});
    assert.match(en.answer, /^Yes, but the difference is negligible: At risk customers spend more per order — a median order of 1,267 ₽ against 1,205 ₽/);
    assert.equal(en.meaning, `The difference is too small to act on. ${findingOf({...slight, rejectAdjusted: false}, {horizonDays: 90, unit: {currency: "₽"}}).meaning}`);
    const ru = findingOf(slight, {horizonDays: 90, unit: {currency: "₽"}, lang: "ru"});
    assert.match(ru.answer, /^Да, но различие пренебрежимо мало: клиенты сегмента «At risk» тратят на заказ больше/);
    assert.match(ru.meaning, /^Различие слишком мало, чтобы на него опираться\. Здесь нет довода/);
    // A small (not negligible) effect keeps the plain answer.
    assert.match(findingOf({...slight, effect: {...slight.effect, value: 0.15, magnitude: "small"}}, {horizonDays: 90, unit: {currency: "₽"}}).answer, /^Yes: At risk/);
  });

  it("who comes back: the shares within the horizon, and no claim that a mailing causes it", () => {
    const t: FindingTest = {...base, id: "return-first-category", rejectAdjusted: true,
      groups: [{label: "Plants", n: 300, proportion: 0.05}, {label: "Tools", n: 200, proportion: 0.012}]};
    const f = findingOf(t, {horizonDays: 90, unit: {currency: "₽"}});
    assert.match(f.answer, /5\.0% of customers with a first order mainly in Plants ordered again within 90 days, against 1\.2% with a first order mainly in Tools/);
    assert.match(f.meaning, /does not show that featuring Plants would bring anyone back/);
  });

  it("in Russian: the groups' Russian names, Russian number formats, and the same caveats", () => {
    const named: FindingTest = {...value, effect: {...value.effect, names: {en: "epsilon²", ru: "ε²"}}, groups: value.groups.map((g) => ({...g, name: {en: g.label as string, ru: ({Garden: "Сад", Storage: "Хранение", Kitchen: "Кухня"} as Record<string, string>)[g.label as string]}}))};
    const f = findingOf(named, {horizonDays: 90, unit: {currency: "₽"}, lang: "ru"});
    assert.equal(f.answer, "Да: у первого заказа преимущественно из категории «Хранение» медиана 1\u202F500\u00A0₽; из категории «Сад» — 300\u00A0₽.");
    assert.match(f.evidence, /^p = 0,0030 с поправкой Холма; ε² = 0,17, большой$/);
    // The English edition is unchanged by the names.
    assert.match(findingOf(named, {horizonDays: 90, unit: {currency: "₽"}}).answer, /^Yes: a first order mainly in Storage has a median of 1,500 ₽/);
    const none = findingOf({...named, rejectAdjusted: false}, {horizonDays: 90, unit: {currency: ""}, lang: "ru"});
    assert.match(none.answer, /^Свидетельств различия нет: .*300\u00A0ден\. ед\. \(«Сад»\)/);
    assert.match(none.meaning, /^Здесь нет довода задавать разную минимальную сумму/);
    const back = findingOf({...base, id: "return-first-category", rejectAdjusted: true,
      groups: [{label: "Plants", name: {en: "Plants", ru: "Растения"}, n: 300, proportion: 0.05}, {label: "Tools", name: {en: "Tools", ru: "Инструменты"}, n: 200, proportion: 0.012}]},
    {horizonDays: 21, unit: {currency: "₽"}, lang: "ru"});
    assert.equal(back.answer, "Да: 5,0\u202F% клиентов с первым заказом преимущественно из категории «Растения» заказали снова в течение 21 дня, против 1,2\u202F% клиентов с первым заказом преимущественно из категории «Инструменты».");
    assert.match(back.meaning, /не показывает, что акцент на категории «Растения» кого-то вернёт/);
  });
});

describe("e-commerce pages", () => {
  const pages = readdirSync("pages/ecommerce").filter((f) => f.endsWith(".md"));
  const text = (f: string) => readFileSync(`pages/ecommerce/${f}`, "utf8");

  it("show managers no setting name (the how-to is in the action list's analyst note)", () => {
    for (const f of pages) assert.doesNotMatch(text(f), /CLIENTELE_/, f);
  });

  it("keep statistics collapsed: no details opened by default", () => {
    for (const f of pages) assert.doesNotMatch(text(f), /open: true|<details open/, f);
  });

  it("the Summary opens with the question, the answer and the actions, method last", () => {
    const s = text("index.md");
    const at = (x: string) => s.indexOf(x);
    assert.ok(at('class="question"') > 0 && at('class="question"') < at('class="answer"') && at('class="answer"') < at('class="actions"'));
    assert.ok(at('class="actions"') < at("## What the data shows") && at("## What the data shows") < at("## How we know"));
  });

  it("type no currency sign: money comes with the case's unit", () => {
    for (const f of pages) assert.doesNotMatch(text(f).replace(/```js[\s\S]*?```/g, ""), /[₽€£]|\$(?!\{)/, f);
  });
});
