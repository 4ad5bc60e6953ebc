/** Lists to act on: the control group, the rows' privacy, the CSV downloads and the case's money unit. */
import {describe, test} from "node:test";
import assert from "node:assert/strict";
import {actionList, fnv1a, isControl, unitHash} from "../../loaders/analysis/action-list.ts";
import {listCsv} from "../../src/components/action-list.ts";
import {moneyUnit} from "../../src/components/format.ts";
import {caseMoney} from "../../loaders/cases/money.ts";
import {parseMapping} from "../../loaders/inputs/mapping.ts";
import {DataError} from "../../loaders/io/problems.ts";

const ids = Array.from({length: 10000}, (_, i) => `C${1000 + i}`);
const customers = ids.map((id, i) => ({id, reason: `score ${i}`, values: {score: i / 10000}}));
const open = {customerRows: true, controlShare: 0.1};

describe("action list", () => {
  test("FNV-1a matches the published test vectors", () => {
    // From the FNV reference (Fowler–Noll–Vo): fnv1a32("") = 0x811c9dc5, fnv1a32("a") = 0xe40c292c, fnv1a32("foobar") = 0xbf9cf968.
    assert.equal(fnv1a(""), 0x811c9dc5);
    assert.equal(fnv1a("a"), 0xe40c292c);
    assert.equal(fnv1a("foobar"), 0xbf9cf968);
  });

  test("sequential ids spread evenly over [0, 1): chi-square over 20 bins below its 99.9 % point", () => {
    const bins = new Array(20).fill(0);
    for (const id of ids) bins[Math.floor(unitHash(`fitness\u0000${id}`) * 20)]++;
    const chi2 = bins.reduce((s, n) => s + (n - 500) ** 2 / 500, 0);
    assert.ok(chi2 < 43.82, `chi-square ${chi2.toFixed(1)} (df 19; scipy.stats.chi2.ppf(0.999, 19) = 43.82)`);
  });

  test("holds back about the share asked, within the binomial's 99.9 % range", () => {
    const list = actionList("fitness", {id: "x", title: "x"}, customers, open);
    const sd = Math.sqrt(10000 * 0.1 * 0.9);
    assert.ok(Math.abs(list.control - 1000) < 3.3 * sd, `control ${list.control}`);
    assert.equal(list.contact + list.control, 10000);
    assert.equal(list.rows.filter((r) => r.group === "control").length, list.control);
  });

  test("a customer is control in every list of the case or in none, whatever the rows' order", () => {
    const a = actionList("fitness", {id: "a", title: "a"}, customers, open);
    const b = actionList("fitness", {id: "b", title: "b"}, [...customers].reverse().slice(0, 5000), open);
    const controlInA = new Set(a.rows.filter((r) => r.group === "control").map((r) => r.customer));
    for (const r of b.rows) assert.equal(r.group === "control", controlInA.has(r.customer), r.customer);
    // Another case draws its own control group.
    const other = ids.filter((id) => isControl("ecommerce", id, 0.1));
    assert.ok(other.filter((id) => controlInA.has(id)).length < 0.3 * other.length);
  });

  test("publishes counts but no customer row unless allowed", () => {
    const closed = actionList("fitness", {id: "x", title: "x"}, customers, {customerRows: false, controlShare: 0.1});
    assert.deepEqual(closed.rows, []);
    assert.equal(closed.size, 10000);
    assert.equal(closed.allowed, false);
  });

  test("an action's column may not reuse a row's own field (a column \"group\" would hide the control group)", () => {
    assert.throws(() => actionList("fitness", {id: "x", title: "x", columns: [{key: "group", label: "member group", type: "text"}]}, customers, open),
      /column "group" would overwrite/);
    const rows = actionList("fitness", {id: "x", title: "x"}, [{id: "1", reason: "r", values: {group: "A"}}], {customerRows: true, controlShare: 1}).rows;
    assert.equal(rows[0].group, "control");
  });

  test("a share of 0 holds nobody back", () => {
    assert.equal(actionList("fitness", {id: "x", title: "x"}, customers, {customerRows: true, controlShare: 0}).control, 0);
  });
});

describe("list CSV", () => {
  const list = {
    columns: [{key: "score", label: "churn probability", type: "number" as const}, {key: "segment", label: "segment", type: "text" as const}],
    rows: [
      {customer: "17", group: "contact" as const, reason: "short contract; \"rare\" visits", score: 0.825, segment: "=HYPERLINK(1)"},
      {customer: "18", group: "control" as const, reason: "new, few classes", score: null, segment: "a;b"}
    ]
  };

  test("plain CSV: commas, quotes doubled, fields with commas quoted", () => {
    assert.equal(listCsv(list),
      "customer,group,reason,churn probability,segment\r\n" +
      "17,contact,\"short contract; \"\"rare\"\" visits\",0.825,=HYPERLINK(1)\r\n" +
      "18,control: do not contact,\"new, few classes\",,a;b\r\n");
  });

  test("Excel variant: BOM, semicolons, decimal commas, formulas kept as text", () => {
    assert.equal(listCsv(list, {excel: true}),
      "\uFEFFcustomer;group;reason;churn probability;segment\r\n" +
      "17;contact;\"short contract; \"\"rare\"\" visits\";0,825;'=HYPERLINK(1)\r\n" +
      "18;control: do not contact;new, few classes;;\"a;b\"\r\n");
  });

  test("the Russian edition's downloads are in Russian: headers, groups, and the texts given in both languages", () => {
    const bilingual = {
      columns: [{key: "score", label: {en: "churn probability", ru: "вероятность ухода"}, type: "number" as const}, {key: "segment", label: "segment", type: "text" as const}],
      rows: [{customer: "17", group: "control" as const, reason: {en: "short contract", ru: "короткий договор"}, score: 0.825, segment: {en: "newcomers", ru: "новички"}}]
    };
    assert.equal(listCsv(bilingual, {excel: true, lang: "ru"}),
      "\uFEFFклиент;группа;причина;вероятность ухода;segment\r\n" +
      "17;контроль: не связываться;короткий договор;0,825;новички\r\n");
    assert.equal(listCsv(bilingual, {lang: "en"}),
      "customer,group,reason,churn probability,segment\r\n" +
      "17,control: do not contact,short contract,0.825,newcomers\r\n");
  });
});

describe("a case's money", () => {
  test("the mapping's currency and profit, else the setting's currency and the template's profit", () => {
    const fromMapping = caseMoney({id: "one-click", money: {currency: "тыс. ₽", profit: {en: "monthly margin"}}}, {currency: "$"});
    assert.deepEqual(fromMapping, {currency: "тыс. ₽", profit: {en: "monthly margin"}});
    const fromSettings = caseMoney({id: "one-click"}, {currency: "$"});
    assert.equal(fromSettings.currency, "$");
    assert.match(fromSettings.profit!.en!, /monthly profit/);
    assert.deepEqual(caseMoney({id: "fitness"}, {currency: ""}), {currency: "", profit: null});
    assert.equal(moneyUnit({currency: ""}), "currency units");
    assert.equal(moneyUnit({currency: "₽"}), "₽");
  });

  test("a mapping's money section is checked, naming the entry", () => {
    const files = `"files": [{"file": "a.csv", "case": "fitness", "input": "members", "columns": {"Churn": {"role": "churn"}}}]`;
    assert.throws(() => parseMapping(`{${files}, "money": {"gym": {"currency": "₽"}, "one-click": {"currency": 5, "profit": "x"}}}`), (e: DataError) => {
      const where = e.problems.map((p) => p.column);
      assert.deepEqual(where, ['money["gym"]', 'money["one-click"].currency', 'money["one-click"].profit']);
      return true;
    });
    assert.equal(parseMapping(`{${files}, "money": {"fitness": {"currency": "₽"}}}`).money?.fitness?.currency, "₽");
  });
});
