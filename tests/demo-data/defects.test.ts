/** Every defect recorded in truth.json is in the files exactly as recorded, counted here independently. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {readCsv, readJson} from "./csv.ts";

test("one-click: misspelt labels, one revenue outlier, inactive customers, dialects", () => {
  const truth = readJson("data/one-click/truth.json");
  const file = readCsv("data/one-click/market_file.csv").rows;
  const money = readCsv("data/one-click/market_money.csv").rows;
  const time = readCsv("data/one-click/market_time.csv").rows;

  const misspelt = file.filter((r) => r["Тип сервиса"] === "стандартт").map((r) => +r.id);
  assert.equal(misspelt.length, 10);
  assert.equal(truth.defects.misspeltServiceType.count, misspelt.length);
  assert.deepEqual(truth.defects.misspeltServiceType.ids, misspelt);

  const previous = time.filter((r) => r["Период"] === "предыдцщий_месяц").length;
  assert.equal(previous, 1300);
  assert.equal(truth.defects.misspeltPeriod.count, previous);
  assert.equal(time.filter((r) => r["Период"] === "предыдущий_месяц").length, 0);

  const revenue = money.map((r) => +r["Выручка"]);
  const median = revenue.slice().sort((a, b) => a - b)[revenue.length >> 1];
  const extreme = money.filter((r) => +r["Выручка"] > 5 * median);
  assert.equal(extreme.length, 1, "exactly one extreme revenue");
  assert.deepEqual(
    {id: +extreme[0].id, period: extreme[0]["Период"], value: +extreme[0]["Выручка"]},
    {id: truth.defects.revenueOutlier.id, period: truth.defects.revenueOutlier.period, value: truth.defects.revenueOutlier.value}
  );
  assert.ok(Math.max(...revenue.filter((v) => v <= 5 * median)) < 8000, "everything else is ordinary");

  const zero = new Map<number, string[]>();
  for (const r of money) if (+r["Выручка"] === 0) zero.set(+r.id, [...(zero.get(+r.id) ?? []), r["Период"]]);
  assert.equal(zero.size, 3);
  assert.equal(truth.defects.inactive.count, zero.size);
  assert.deepEqual([...zero.keys()].sort(), truth.defects.inactive.ids.slice().sort());
  for (const periods of zero.values()) assert.deepEqual(periods.sort(), truth.defects.inactive.periods.slice().sort());

  const crlf = readFileSync("data/one-click/market_file.csv", "utf8");
  assert.equal(crlf.split("\r\n").length - 1, 1301, "every market_file line ends in CRLF");
  assert.equal(crlf.replaceAll("\r\n", "").includes("\r"), false);
  for (const name of ["market_money.csv", "market_time.csv", "money.csv"]) {
    assert.equal(readFileSync(`data/one-click/${name}`, "utf8").includes("\r"), false, `${name} has LF endings`);
  }
  const profit = readFileSync("data/one-click/money.csv", "utf8").split("\n");
  assert.equal(profit[0], "id;Прибыль");
  assert.ok(profit.slice(1, -1).every((l) => /^\d{6};\d+(,\d+)?$/.test(l)));
  assert.equal(truth.defects.dialects["money.csv"].separator, ";");
  assert.equal(truth.defects.dialects["money.csv"].decimal, ",");
});

test("ecommerce: repeated lines, shared orders and wholesale quantities as recorded", () => {
  const truth = readJson("data/ecommerce/truth.json");
  const {rows} = readCsv("data/ecommerce/ecom_dataset_upd.csv");
  assert.equal(rows.length, truth.lines);

  // Same order, product and quantity at several hours.
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const key = `${r.order_id}\u0000${r.product}\u0000${r.quantity}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  let extra = 0;
  const repeatedOrders = new Map<number, Set<string>>();
  for (const lines of groups.values()) {
    if (lines.length < 2) continue;
    extra += lines.length - 1;
    assert.equal(new Set(lines.map((l) => l.date)).size, lines.length, "repeats are at different hours");
    assert.equal(new Set(lines.map((l) => `${l.customer_id} ${l.price}`)).size, 1, "repeats keep customer and price");
    const id = +lines[0].order_id;
    repeatedOrders.set(id, new Set([...(repeatedOrders.get(id) ?? []), ...lines.map((l) => l.date)]));
  }
  const repeated = truth.defects.repeatedLines;
  assert.ok(extra > 300, `${extra} repeated lines planted`);
  assert.equal(repeated.count, extra);
  assert.equal(repeated.orders, repeatedOrders.size);
  assert.deepEqual(
    repeated.list.map((o: {order_id: number; dates: string[]}) => [o.order_id, o.dates.slice().sort()]).sort((a: any, b: any) => a[0] - b[0]),
    [...repeatedOrders].map(([id, dates]) => [id, [...dates].sort()]).sort((a: any, b: any) => a[0] - b[0])
  );

  // Orders carrying two customer ids.
  const owners = new Map<string, string[]>();
  for (const r of rows) {
    const list = owners.get(r.order_id) ?? [];
    if (!list.includes(r.customer_id)) list.push(r.customer_id);
    owners.set(r.order_id, list);
  }
  const shared = [...owners].filter(([, c]) => c.length > 1).map(([id, customers]) => ({order_id: +id, customers}));
  assert.ok(shared.length >= 10 && shared.length <= 60, `${shared.length} shared orders`);
  assert.equal(truth.defects.sharedOrders.count, shared.length);
  assert.deepEqual(truth.defects.sharedOrders.list, shared);
  assert.equal(truth.orders, owners.size);
  assert.equal(truth.customers, new Set(rows.map((r) => r.customer_id)).size);

  // Wholesale-sized quantities, far above every ordinary one.
  const threshold = truth.defects.wholesale.threshold;
  const wholesale = rows.filter((r) => +r.quantity >= threshold).map((r) => ({order_id: +r.order_id, product: r.product, quantity: +r.quantity}));
  assert.ok(wholesale.length >= 2 && wholesale.length <= 12, `${wholesale.length} wholesale lines`);
  assert.equal(truth.defects.wholesale.count, wholesale.length);
  assert.deepEqual(truth.defects.wholesale.list, wholesale);
  assert.ok(rows.every((r) => +r.quantity >= threshold || +r.quantity <= 30));
});

test("ecommerce: every product name has its true category; realised mix matches the file", () => {
  const truth = readJson("data/ecommerce/truth.json");
  const {rows} = readCsv("data/ecommerce/ecom_dataset_upd.csv");
  const names = new Set(rows.map((r) => r.product));
  assert.equal(names.size, truth.realised.distinctProducts);
  for (const name of names) assert.ok(truth.categories.includes(truth.products[name]), `category of «${name}»`);
  assert.equal(Object.keys(truth.products).length, new Set(Object.keys(truth.products)).size);

  // Count each line once (its earliest appearance), by true category and month.
  const seen = new Set<string>();
  const counts: Record<string, Record<string, number>> = {};
  for (const r of rows) {
    const key = `${r.order_id}\u0000${r.product}\u0000${r.quantity}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const category = truth.products[r.product];
    counts[category] ??= {};
    counts[category][r.date.slice(0, 6)] = (counts[category][r.date.slice(0, 6)] ?? 0) + 1;
  }
  for (const category of truth.categories) {
    const planted = Object.fromEntries(Object.entries(truth.realised.linesByCategoryMonth[category] as Record<string, number>).filter(([, n]) => n > 0));
    assert.deepEqual(counts[category], planted, category);
  }
});
