/**
 * The audit on the real exports (../shared/datasets): every file is read in its own dialect and
 * the real defects are found with their counts.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {loadFitness} from "../../loaders/clean/fitness.ts";
import {loadOneClick} from "../../loaders/clean/one-click.ts";
import {cleanEcommerceInto} from "../../loaders/clean/ecommerce.ts";
import {withDatabase, queryRows} from "../../loaders/io/duckdb.ts";
import type {QualityReport} from "../../loaders/quality/types.ts";
import {datasets} from "../real-data.ts";

const shared = datasets;

const finding = (q: QualityReport, kind: string, field?: string) => q.findings.filter((f) => f.kind === kind && (field === undefined || f.field === field));
const repair = (q: QualityReport, id: string) => q.repairs.find((r) => r.id === id);
const dialect = (q: QualityReport, file: string) => {
  const d = q.files.find((f) => f.file === file)!.dialect!;
  return [d.encoding, d.separator, d.decimal, d.lineEnding];
};

test("fitness: 4,000 members, clean, comma-separated", async () => {
  const {members, quality} = await loadFitness(shared);
  assert.equal(members.length, 4000);
  assert.deepEqual(dialect(quality, "gym_churn_us.csv"), ["utf-8", ",", ".", "LF"]);
  assert.equal(finding(quality, "exact-duplicate")[0].rows, 0);
  assert.deepEqual(quality.repairs.map((r) => [r.id, r.rows]), [["drop-exact-duplicates", 0]]);
  assert.equal(members.filter((m) => m.churn === 1).length, 1061);
  assert.deepEqual(members[0], {line: 2, gender: 1, nearLocation: 1, partner: 1, promoFriends: 1, phone: 0, contractPeriod: 6, groupVisits: 1, age: 29,
    additionalCharges: 14.22747042, monthsToEndOfContract: 5, lifetime: 3, classFrequencyTotal: 0.020397948, classFrequencyCurrentMonth: 0, churn: 0});
  const age = finding(quality, "outlier", "age")[0];
  assert.deepEqual(age.examples.map((e) => e.found), ["41", "18", "18"]);
});

test("one-click: four dialects, misspelt labels, the revenue outlier, zero-activity customers", async () => {
  const data = await loadOneClick(shared);
  const q = data.quality;
  assert.deepEqual(dialect(q, "market_file.csv"), ["utf-8", ",", ".", "CRLF"]);
  assert.deepEqual(dialect(q, "market_money.csv"), ["utf-8", ",", ".", "LF"]);
  assert.deepEqual(dialect(q, "money.csv"), ["utf-8", ";", ",", "LF"]);
  assert.deepEqual(q.counts.input, {"market_file.csv": 1300, "market_money.csv": 3900, "market_time.csv": 2600, "money.csv": 1300});
  // every declared repair rule, with its count
  assert.deepEqual(Object.fromEntries(q.repairs.map((r) => [r.id, r.rows])), {
    "drop-exact-duplicates-market_file": 0, "drop-exact-duplicates-market_money": 0, "drop-exact-duplicates-market_time": 0, "drop-exact-duplicates-money": 0,
    "drop-orphans-revenue": 0, "drop-orphans-minutes": 0, "drop-orphans-profit": 0, "remove-extreme-revenue": 1,
    "fix-label-market_file-activity": 0, "fix-label-market_file-serviceType": 10, "fix-label-market_file-marketingConsent": 0,
    "fix-label-market_file-favouriteCategory": 0, "fix-label-market_money-period": 0, "fix-label-market_time-period": 1300
  });
  // labels
  assert.equal(repair(q, "fix-label-market_file-serviceType")!.rows, 10);
  assert.deepEqual(repair(q, "fix-label-market_file-serviceType")!.examples.map((e) => [e.found, e.becomes]), [["стандартт", "стандарт"]]);
  assert.equal(repair(q, "fix-label-market_time-period")!.rows, 1300);
  assert.deepEqual(repair(q, "fix-label-market_time-period")!.examples.map((e) => [e.file, e.found, e.becomes]), [["market_time.csv", "предыдцщий_месяц", "предыдущий_месяц"]]);
  assert.deepEqual(Object.fromEntries(["premium", "standard"].map((s) => [s, data.customers.filter((c) => c.serviceType === s).length])), {premium: 376, standard: 924});
  // the revenue outlier
  const outlier = repair(q, "remove-extreme-revenue")!;
  assert.deepEqual(outlier.examples.map((e) => [e.line, e.id, e.found]), [[100, "215380", "106862.2"]]);
  assert.equal(data.customers.find((c) => c.id === 215380)!.revenueCurrent, null);
  // zero activity
  const zero = finding(q, "zero-activity")[0];
  assert.deepEqual([zero.rows, zero.groups], [6, 3]);
  assert.deepEqual(data.customers.filter((c) => c.excluded).map((c) => [c.id, c.excluded]),
    [[215348, "zero-activity"], [215357, "zero-activity"], [215359, "zero-activity"], [215380, "extreme-revenue"]]);
  assert.equal(data.modelling.length, 1296);
  // referential: every id everywhere
  assert.ok(finding(q, "referential").every((f) => f.rows === 0));
  // decimal commas read as numbers
  assert.deepEqual(data.profit.slice(0, 3).map((p) => p.profit), [0.98, 4.16, 3.13]);
  assert.equal(data.customers.filter((c) => c.activity === "declined").length, 498);
});

test("ecommerce: shared orders, lines repeated at another hour, wholesale quantities", async () => {
  await withDatabase(async (connection) => {
    const clean = await cleanEcommerceInto(connection, shared);
    const q = clean.quality;
    assert.deepEqual(dialect(q, "ecom_dataset_upd.csv"), ["utf-8", ",", ".", "LF"]);
    assert.equal(finding(q, "exact-duplicate")[0].rows, 0);
    const shared_ = finding(q, "shared-key")[0];
    assert.deepEqual([shared_.groups, shared_.rows], [29, 89]);
    assert.equal(repair(q, "reassign-shared-orders")!.rows, 40);
    const repeated = finding(q, "near-duplicate")[0];
    assert.deepEqual([repeated.rows, repeated.groups], [1919, 526]);
    assert.equal(Math.round(clean.wholesaleThreshold!), 162);
    const wholesale = await queryRows<{quantity: number}>(connection, `SELECT quantity FROM ${clean.name} WHERE wholesale ORDER BY quantity DESC`);
    assert.deepEqual(wholesale.map((w) => w.quantity), [1000, 334, 300, 200, 170]);
    assert.deepEqual(q.counts.clean, {orderLines: 5555, customers: 2430});
    const [one] = await queryRows<{n: number; orders: number}>(connection,
      `SELECT count(*) AS n, count(DISTINCT orderId) FILTER (WHERE NOT single) AS orders FROM (SELECT orderId, count(DISTINCT customerId) OVER (PARTITION BY orderId) = 1 AS single FROM ${clean.name})`);
    assert.deepEqual(one, {n: 5555, orders: 0}, "every order has one customer after cleaning");
    const [hour] = await queryRows<{t: string}>(connection, `SELECT strftime(max(time), '%Y-%m-%d %H') AS t FROM ${clean.name}`);
    assert.equal(hour.t, "2020-01-31 15", "YYYYMMDDHH keeps the hour");
  });
});
