/**
 * Two defects of event logs, on small synthetic order logs whose answers are known:
 *  - re-used customer ids (loaders/quality/reused-ids.ts): a log where, for the last three months,
 *    almost every order comes under an id seen before while the volume holds is flagged, with the
 *    window's months and counts, and the repeat figures end where it starts; the same log without
 *    the window, a quiet month, and a short log are not flagged;
 *  - RFM segments on such a log (loaders/cases/ecommerce/tables.ts, rfm.ts) are scored as of the cutoff: the
 *    same segments, scores, orders and revenue per customer as on the same log cut at the cutoff;
 *  - updates (loaders/clean/ecommerce.ts, rule 3): an order's product logged again at a later hour
 *    with another quantity and price is read at its last version, dated when it was first ordered,
 *    and both readings are counted.
 */
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {queryRows, withDatabase} from "../../loaders/io/duckdb.ts";
import {cleanEcommerceInto} from "../../loaders/clean/ecommerce.ts";
import {buildTables} from "../../loaders/cases/ecommerce/tables.ts";
import {timeReport} from "../../loaders/cases/ecommerce/time.ts";
import {scoreRfm} from "../../loaders/cases/ecommerce/rfm.ts";
import {readScoredCustomers} from "../../loaders/cases/ecommerce/customers.ts";
import {reusedIdWindow, type MonthFlow} from "../../loaders/quality/reused-ids.ts";

type Line = [date: string, customer: string, order: number, product: string, quantity: number, price: number];

function writeLog(lines: Line[]): string {
  const dir = mkdtempSync(join(tmpdir(), "clientele-reused-"));
  mkdirSync(join(dir, "ecommerce"));
  const csv = ["date,customer_id,order_id,product,quantity,price", ...lines.map((l) => `${l[0]},${l[1]},${l[2]},"${l[3]}",${l[4]},${l[5]}`)].join("\n") + "\n";
  writeFileSync(join(dir, "ecommerce", "ecom_dataset_upd.csv"), csv);
  return dir;
}

const stamp = (month: number, day: number, hour = 10) => `2021${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${String(hour).padStart(2, "0")}`;

/** Twelve months of 20 new customers each (one order each); in months 2–12 the first two customers
 * of the previous month come back (returns spread by time since the first order, ~55 days). With
 * `reusedFrom`, from that month on the 20 "new" customers of each month arrive under ids of earlier
 * customers (none of them a returner) — except one genuinely new customer a month, who is then the
 * only one of the month to come back. */
function log({reusedFrom = null as number | null} = {}): {lines: Line[]; windowOrders: number; secondInWindow: number} {
  const lines: Line[] = [];
  let order = 1000;
  let [windowOrders, secondInWindow] = [0, 0];
  const inWindow = (m: number) => reusedFrom !== null && m >= reusedFrom;
  const buy = (month: number, day: number, customer: string, second: boolean) => {
    lines.push([stamp(month, day), customer, order++, `Горшок для цветов ${day}`, 1, 100 + day]);
    if (inWindow(month)) (windowOrders++, (secondInWindow += second ? 1 : 0));
  };
  for (let m = 1; m <= 12; m++) {
    for (let i = 0; i < 20; i++) {
      const k = inWindow(m) && i > 0 ? (m - reusedFrom!) * 19 + i - 1 : -1;
      buy(m, 1 + i, k >= 0 ? `c${1 + (k % 9)}-${2 + Math.floor(k / 9)}` : `c${m}-${i}`, k >= 0);
    }
    if (m > 1) for (const i of inWindow(m - 1) ? [0] : [0, 1]) buy(m, 25, `c${m - 1}-${i}`, true);
  }
  return {lines, windowOrders, secondInWindow};
}

describe("re-used customer ids", () => {
  it("flags the months where almost no customer is new while the volume holds, and the repeat figures end there", async () => {
    const {lines, windowOrders, secondInWindow} = log({reusedFrom: 10});
    const dir = writeLog(lines);
    await withDatabase(async (c) => {
      const clean = await cleanEcommerceInto(c, dir);
      const w = clean.reusedIds.window!;
      assert.ok(w, "window found");
      assert.deepEqual([w.first, w.last, w.months, w.cutoff], ["2021-10", "2021-12", 3, "2021-10-01"]);
      assert.deepEqual([w.orders, w.newCustomers, w.secondOrders], [windowOrders, 3, secondInWindow]);
      assert.equal(clean.repeatCutoff, "2021-10-01");
      const finding = clean.quality.findings.find((f) => f.kind === "reused-ids")!;
      assert.deepEqual([finding.rows, finding.groups], [windowOrders, w.customers]); // one line per order
      assert.match(finding.summary.en, /2021-10 to 2021-12/);
      assert.match(finding.summary.ru, /с 2021-10 по 2021-12 новых лишь 3 \(/);
      assert.equal(clean.quality.reusedIds?.window?.cutoff, "2021-10-01");

      const info = await buildTables(c, clean.keyed);
      const time = await timeReport(c, info, {repeatCutoff: clean.repeatCutoff});
      // Customers first seen before October: 9 × 20; those back before October: 2 per month for months 1–8.
      assert.deepEqual([time.repeat.customers, time.repeat.repeaters], [180, 16]);
      assert.equal(time.repeat.observedUntil, "2021-10-01");
      assert.ok(time.cohorts.every((x) => x.cohort < "2021-10" && Number(x.cohort.slice(5)) + x.offset < 10), "no cohort cell from October on");
      // Days to the second order: every return before the cutoff comes 53–55 days after the first order.
      assert.ok(time.repeat.daysToSecond.q1 >= 53 && time.repeat.daysToSecond.q3 <= 55, JSON.stringify(time.repeat.daysToSecond));
      // Without the cutoff the window's re-used ids count as returns.
      const whole = await timeReport(c, info);
      assert.equal(whole.repeat.repeaters, 16 + secondInWindow);
    });
  });

  it("does not flag the same log without re-used ids", async () => {
    await withDatabase(async (c) => {
      const clean = await cleanEcommerceInto(c, writeLog(log().lines));
      assert.equal(clean.reusedIds.window, null);
      assert.equal(clean.repeatCutoff, null);
      assert.equal(clean.quality.findings.find((f) => f.kind === "reused-ids")!.rows, 0);
    });
  });

  const flow = (month: string, orders: number, customers: number, newCustomers: number, secondOrders: number): MonthFlow => ({month, orders, lines: 2 * orders, revenue: orders * 100, customers, newCustomers, secondOrders});
  const months = (n: number) => Array.from({length: n}, (_, i) => `2020-${String(i + 1).padStart(2, "0")}`);

  it("needs the volume to hold, second orders to pile up, and enough months for a baseline", () => {
    const normal = months(12).map((m) => flow(m, 100, 90, 80, 5));
    assert.equal(reusedIdWindow(normal).window, null);
    // A quiet month with few new customers is not a window: the volume does not hold.
    const quiet = normal.map((f, i) => (i === 7 ? flow(f.month, 20, 20, 2, 1) : f));
    assert.equal(reusedIdWindow(quiet).window, null);
    // Few new customers with normal volume, but no pile-up of second orders (returns of third and later orders): not flagged.
    const loyal = normal.map((f, i) => (i >= 9 ? flow(f.month, 100, 90, 2, 5) : f));
    assert.equal(reusedIdWindow(loyal).window, null);
    const planted = normal.map((f, i) => (i >= 9 ? flow(f.month, 100, 95, 2, 90) : f));
    assert.deepEqual([reusedIdWindow(planted).window?.first, reusedIdWindow(planted).window?.last], ["2020-10", "2020-12"]);
    // The same in a five-month log: no baseline, no judgement.
    assert.equal(reusedIdWindow(planted.slice(7)).window, null);
    // A month with no order inside the log is a zero month: it breaks a run; gaps are filled.
    const gap = planted.filter((_, i) => i !== 10);
    const audit = reusedIdWindow(gap);
    assert.equal(audit.months.length, 12);
    assert.deepEqual([audit.window?.first, audit.window?.last], ["2020-10", "2020-10"]);
  });
});

describe("RFM segments on a log with re-used ids", () => {
  /** Scores and segments as the case computes them (scored as of the audit's repeat cutoff). */
  const scored = (dir: string) => withDatabase(async (c) => {
    const clean = await cleanEcommerceInto(c, dir);
    const {scope} = await buildTables(c, clean.keyed, {asOf: clean.repeatCutoff});
    await scoreRfm(c);
    const customers = (await readScoredCustomers(c)).map(({customerId, orders, revenue, r, f, m, segment}) => ({customerId, orders, revenue, r, f, m, segment}));
    return {scope, customers};
  });

  it("are those of the same log cut at the cutoff: the window's orders make no one a repeat buyer", async () => {
    const {lines, windowOrders} = log({reusedFrom: 10});
    const planted = await scored(writeLog(lines));
    const cut = await scored(writeLog(lines.filter((l) => l[0] < stamp(10, 1, 0))));
    assert.equal(cut.scope.asOf, null, "the cut log has no window");
    // 9 months × 20 customers first seen before October; the window's 3 new customers and its orders are left out.
    assert.deepEqual(planted.scope, {asOf: "2021-10-01", customers: 180, customersLeftOut: 3, ordersLeftOut: windowOrders});
    assert.deepEqual(planted.customers, cut.customers);
    // The returners of months 1–8 (2 a month) are the only repeat buyers, though 57 more ids order again in the window.
    assert.equal(planted.customers.filter((c) => c.f >= 2).length, 16);
    assert.ok(planted.customers.every((c) => (c.f >= 2) === ["best", "loyal", "at-risk"].includes(c.segment)));
  });
});

describe("updates: later versions of a line", () => {
  it("keeps the last version of an order's product, dated when it was first ordered, and counts both readings", async () => {
    const lines: Line[] = [
      [stamp(3, 5, 10), "a", 500, "Лопата", 1, 100],
      [stamp(3, 5, 10), "a", 500, "Грабли", 2, 50],
      [stamp(3, 6, 12), "a", 500, "Лопата", 3, 90], // update: quantity and price change
      [stamp(3, 6, 12), "a", 500, "Грабли", 2, 50], // re-logged unchanged
      [stamp(3, 7, 9), "b", 501, "Секатор", 1, 300]
    ];
    await withDatabase(async (c) => {
      const clean = await cleanEcommerceInto(c, writeLog(lines));
      const rows = await queryRows<{line: number; product: string; quantity: number; price: number; time: string}>(c,
        `SELECT line, product, CAST(quantity AS INTEGER) AS quantity, price, strftime(time, '%Y-%m-%d %H') AS time FROM ${clean.name} ORDER BY line`);
      assert.deepEqual(rows.map((r) => [r.line, r.product, r.quantity, r.price, r.time]), [
        [4, "Лопата", 3, 90, "2021-03-05 10"],
        [5, "Грабли", 2, 50, "2021-03-05 10"],
        [6, "Секатор", 1, 300, "2021-03-07 09"]
      ]);
      assert.deepEqual(clean.quality.lineVersions, {keys: 2, changed: 1, revenueFirst: 100 + 100 + 300, revenueLast: 270 + 100 + 300});
      const near = clean.quality.findings.find((f) => f.kind === "near-duplicate")!;
      assert.deepEqual([near.rows, near.groups], [2, 2]);
      assert.deepEqual(near.examples.map((e) => e.line), [2, 3]);
    });
  });
});
