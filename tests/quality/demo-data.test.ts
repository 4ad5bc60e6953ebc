/**
 * The audit on the demo data (data/) finds exactly the defects the generator planted, as listed
 * in data/<case>/truth.json.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readFileSync} from "node:fs";
import {loadFitness} from "../../loaders/clean/fitness.ts";
import {loadOneClick} from "../../loaders/clean/one-click.ts";
import {cleanEcommerceInto} from "../../loaders/clean/ecommerce.ts";
import {queryRows, withDatabase} from "../../loaders/io/duckdb.ts";
import {periodValues} from "../../loaders/io/schemas/one-click.ts";

const truth = (c: string) => JSON.parse(readFileSync(`data/${c}/truth.json`, "utf8"));
const skip = !existsSync("data/one-click/truth.json") && "demo data not generated";

test("fitness demo: nothing planted, nothing repaired or excluded", {skip}, async () => {
  const t = truth("fitness");
  const {members, quality} = await loadFitness("data");
  assert.deepEqual(t.defects, {});
  assert.equal(members.length, t.rows);
  assert.deepEqual(quality.repairs.filter((r) => r.rows > 0), []);
  assert.deepEqual(quality.exclusions, []);
});

test("one-click demo: the planted misspellings, outlier, inactive customers and dialects", {skip}, async () => {
  const d = truth("one-click").defects;
  const data = await loadOneClick("data");
  const q = data.quality;
  const service = q.repairs.find((r) => r.id === "fix-label-market_file-serviceType")!;
  assert.equal(service.rows, d.misspeltServiceType.count);
  assert.deepEqual(service.examples.map((e) => [e.found, e.becomes]), [[d.misspeltServiceType.label, d.misspeltServiceType.correct]]);
  for (const id of d.misspeltServiceType.ids) assert.equal(data.customers.find((c) => c.id === id)!.serviceType, "standard");
  const period = q.repairs.find((r) => r.id === "fix-label-market_time-period")!;
  assert.equal(period.rows, d.misspeltPeriod.count);
  assert.deepEqual(period.examples.map((e) => [e.file, e.found, e.becomes]), [[d.misspeltPeriod.file, d.misspeltPeriod.label, d.misspeltPeriod.correct]]);
  assert.deepEqual(q.repairs.filter((r) => r.rows > 0).map((r) => r.id), ["remove-extreme-revenue", "fix-label-market_file-serviceType", "fix-label-market_time-period"].sort((a, b) => q.repairs.findIndex((r) => r.id === a) - q.repairs.findIndex((r) => r.id === b)));
  const outlier = q.repairs.find((r) => r.id === "remove-extreme-revenue")!;
  assert.deepEqual(outlier.examples.map((e) => [e.id, Number(e.found)]), [[String(d.revenueOutlier.id), d.revenueOutlier.value]]);
  const outlierRow = data.revenue.find((r) => r.id === d.revenueOutlier.id && r.period === periodValues[d.revenueOutlier.period as keyof typeof periodValues])!;
  assert.equal(outlierRow.revenue, null);
  assert.deepEqual(data.customers.filter((c) => c.excluded === "zero-activity").map((c) => c.id).sort(), [...d.inactive.ids].sort());
  assert.deepEqual(data.customers.filter((c) => c.excluded === "extreme-revenue").map((c) => c.id), [d.revenueOutlier.id]);
  assert.equal(data.modelling.length, data.customers.length - d.inactive.count - 1);
  for (const [file, want] of Object.entries(d.dialects) as [string, {separator: string; decimal: string; eol: string}][]) {
    const got = q.files.find((f) => f.file === file)!.dialect!;
    assert.deepEqual([got.separator, got.decimal, got.lineEnding], [want.separator, want.decimal, want.eol === "\r\n" ? "CRLF" : "LF"], file);
  }
});

test("ecommerce demo: exactly the planted repeated lines, shared orders and wholesale lines", {skip}, async () => {
  const d = truth("ecommerce").defects;
  await withDatabase(async (connection) => {
    const clean = await cleanEcommerceInto(connection, "data");
    const q = clean.quality;
    const repeated = q.findings.find((f) => f.kind === "near-duplicate")!;
    assert.equal(repeated.rows, d.repeatedLines.count);
    const repeatedOrders = await queryRows<{orderId: number}>(connection,
      "SELECT DISTINCT orderId FROM order_line_flags WHERE superseded ORDER BY 1");
    assert.deepEqual(repeatedOrders.map((r) => r.orderId), d.repeatedLines.list.map((o: {order_id: number}) => o.order_id).sort((a: number, b: number) => a - b));
    assert.equal(new Set(repeatedOrders.map((r) => r.orderId)).size, d.repeatedLines.orders);
    const shared = q.findings.find((f) => f.kind === "shared-key")!;
    assert.equal(shared.groups, d.sharedOrders.count);
    const sharedOrders = await queryRows<{orderId: number}>(connection,
      "SELECT orderId FROM order_owners WHERE shared ORDER BY 1");
    assert.deepEqual(sharedOrders.map((r) => r.orderId), d.sharedOrders.list.map((o: {order_id: number}) => o.order_id).sort((a: number, b: number) => a - b));
    const wholesale = await queryRows<{orderId: number; product: string; quantity: number}>(connection,
      `SELECT orderId, product, quantity FROM ${clean.name} WHERE wholesale ORDER BY orderId`);
    assert.deepEqual(wholesale.map((w) => [w.orderId, w.product, w.quantity]),
      d.wholesale.list.map((w: {order_id: number; product: string; quantity: number}) => [w.order_id, w.product, w.quantity]).sort((a: number[], b: number[]) => a[0] - b[0]));
    assert.equal(q.findings.find((f) => f.kind === "exact-duplicate")!.rows, 0);
  });
});
