/** Demo files have the real exports' names, headers, dialects, row counts and value formats. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {REAL, readCsv} from "./csv.ts";
import {realDataSkip} from "../real-data.ts";

const FILES: [file: string, separator: string, rows: number][] = [
  ["fitness/gym_churn_us.csv", ",", 4000],
  ["one-click/market_file.csv", ",", 1300],
  ["one-click/market_money.csv", ",", 3900],
  ["one-click/market_time.csv", ",", 2600],
  ["one-click/money.csv", ";", 1300],
  ["ecommerce/ecom_dataset_upd.csv", ",", 7474]
];
const realSkip = realDataSkip("fitness/gym_churn_us.csv");
const haveReal = realSkip === false;
const lineEnding = (text: string) => (text.includes("\r\n") ? "\r\n" : "\n");
const distinct = (rows: Record<string, string>[], column: string) => [...new Set(rows.map((r) => r[column]))].sort();

for (const [file, separator, rows] of FILES) {
  test(`${file}: ${rows} rows, real header, dialect and line endings`, {skip: realSkip}, () => {
    const demoText = readFileSync(join("data", file), "utf8");
    const realText = readFileSync(join(REAL, file), "utf8");
    const demo = readCsv(join("data", file), separator);
    const real = readCsv(join(REAL, file), separator);
    assert.deepEqual(demo.header, real.header);
    assert.equal(demo.rows.length, rows);
    assert.equal(demo.rows.length, real.rows.length);
    assert.equal(lineEnding(demoText), lineEnding(realText));
    assert.ok(demoText.endsWith(lineEnding(realText)), "last line terminated like the real file");
    assert.equal(demoText.charCodeAt(0) === 0xfeff, realText.charCodeAt(0) === 0xfeff, "same BOM");
  });
}

test("label and period vocabularies equal the real ones (misspellings included)", {skip: realSkip}, () => {
  const pairs: [string, string][] = [
    ["one-click/market_file.csv", "Покупательская активность"],
    ["one-click/market_file.csv", "Тип сервиса"],
    ["one-click/market_file.csv", "Разрешить сообщать"],
    ["one-click/market_file.csv", "Популярная_категория"],
    ["one-click/market_file.csv", "Маркет_актив_тек_мес"],
    ["one-click/market_money.csv", "Период"],
    ["one-click/market_time.csv", "Период"],
    ["fitness/gym_churn_us.csv", "Contract_period"],
    ["fitness/gym_churn_us.csv", "Churn"],
    ["fitness/gym_churn_us.csv", "Phone"]
  ];
  for (const [file, column] of pairs) {
    assert.deepEqual(distinct(readCsv(join("data", file)).rows, column), distinct(readCsv(join(REAL, file)).rows, column), `${file} ${column}`);
  }
});

test("fitness values: ranges and number formats like the real table", () => {
  const {rows} = readCsv("data/fitness/gym_churn_us.csv");
  for (const r of rows) {
    for (const c of ["gender", "Near_Location", "Partner", "Promo_friends", "Phone", "Group_visits", "Churn"]) assert.match(r[c], /^[01]$/);
    assert.ok(["1", "6", "12"].includes(r.Contract_period));
    assert.ok(+r.Month_to_end_contract >= 1 && +r.Month_to_end_contract <= +r.Contract_period, "months left within the contract");
    assert.match(r.Month_to_end_contract, /^\d+$/);
    assert.ok(+r.Age >= 18 && +r.Age <= 41);
    assert.ok(+r.Lifetime >= 0 && +r.Lifetime <= 31 && /^\d+$/.test(r.Lifetime));
    for (const c of ["Avg_additional_charges_total", "Avg_class_frequency_total", "Avg_class_frequency_current_month"]) {
      assert.ok(r[c].length <= 11, `${c} = ${r[c]} fits the 11-character General format`);
      assert.match(r[c], /^(0|[1-9]\d*)(\.\d*[1-9])?$/);
    }
  }
  const churn = rows.filter((r) => r.Churn === "1").length / rows.length;
  assert.ok(churn > 0.24 && churn < 0.29, `churn rate ${churn} near the real 0.265`);
});

test("one-click values: contiguous demo ids, formats of each export", () => {
  const file = readCsv("data/one-click/market_file.csv").rows;
  const ids = file.map((r) => +r.id);
  assert.deepEqual(ids, ids.map((_, i) => ids[0] + i), "contiguous ids");
  assert.ok(ids[0] > 216647 || ids[ids.length - 1] < 215348, "no overlap with the real 215348..216647");
  for (const r of file) {
    assert.match(r["Маркет_актив_6_мес"], /^\d(\.\d)?$/);
    assert.match(r["Акционные_покупки"], /^(0|1|0\.\d{1,2})$/);
    assert.ok(+r["Страниц_за_визит"] >= 1 && +r["Страниц_за_визит"] <= 20);
  }
  for (const r of readCsv("data/one-click/market_money.csv").rows) assert.match(r["Выручка"], /^\d+\.\d$/);
  for (const r of readCsv("data/one-click/market_time.csv").rows) assert.match(r["минут"], /^\d+$/);
  const money = readCsv("data/one-click/money.csv", ";").rows;
  for (const r of money) assert.match(r["Прибыль"], /^\d+(,\d{1,2})?$/);
  assert.ok(money.some((r) => !r["Прибыль"].includes(",")), "whole values are written without a decimal part, as in the real file");
  // Each customer appears once per period, in the same order as market_file.
  const periods = new Map<string, number>();
  for (const r of readCsv("data/one-click/market_money.csv").rows) periods.set(r.id, (periods.get(r.id) ?? 0) + 1);
  assert.deepEqual([...periods.keys()], ids.map(String));
  assert.ok([...periods.values()].every((n) => n === 3));
});

test("ecommerce values: date stamps, uuids, sorted log, ids unlike the real ones", () => {
  const demo = readCsv("data/ecommerce/ecom_dataset_upd.csv").rows;
  let previous = "";
  for (const r of demo) {
    assert.match(r.date, /^20(18(1[0-2])|19(0[1-9]|1[0-2])|2001)([0-2]\d|3[01])([01]\d|2[0-3])$/);
    assert.ok(r.date >= previous, "sorted by date");
    previous = r.date;
    assert.match(r.customer_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(r.order_id, /^\d+$/);
    assert.match(r.quantity, /^[1-9]\d*$/);
    assert.match(r.price, /^\d+\.0$/);
    assert.ok(r.product.length > 5);
  }
  const customers = new Set(demo.map((r) => r.customer_id));
  assert.ok(customers.size > 2000 && customers.size < 2800, `${customers.size} customers, like the real ~2,450`);
  if (haveReal) {
    const real = readCsv(join(REAL, "ecommerce/ecom_dataset_upd.csv")).rows;
    const realCustomers = new Set(real.map((r) => r.customer_id));
    const realOrders = new Set(real.map((r) => r.order_id));
    assert.equal([...customers].filter((c) => realCustomers.has(c)).length, 0, "no real customer id");
    assert.equal(demo.filter((r) => realOrders.has(r.order_id)).length, 0, "no real order id");
    const realProducts = new Set(real.map((r) => r.product));
    assert.ok(demo.filter((r) => realProducts.has(r.product)).length < 50, "product names are generated, not copied");
  }
});
