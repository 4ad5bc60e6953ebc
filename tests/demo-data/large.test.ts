/** The benchmark size option: exact line count, sorted log, counts-only truth above 200,000 lines. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {generateEcommerce} from "../../scripts/demo-data/ecommerce.ts";
import {parseCsv} from "./csv.ts";

test("ecommerce --lines 250001 writes exactly that many lines, with consistent defect counts", () => {
  const dir = mkdtempSync(join(tmpdir(), "demo-large-"));
  try {
    const truth = generateEcommerce({outDir: dir, lines: 250_001, seed: 5});
    const [header, ...rows] = parseCsv(readFileSync(join(dir, "ecommerce/ecom_dataset_upd.csv"), "utf8"));
    assert.deepEqual(header, ["date", "customer_id", "order_id", "product", "quantity", "price"]);
    assert.equal(rows.length, 250_001);
    for (let i = 1; i < rows.length; i++) assert.ok(rows[i][0] >= rows[i - 1][0], "sorted by date");
    // Above 200,000 lines the lists are left out; the counts stay exact.
    assert.equal(truth.defects.repeatedLines.list, undefined);
    const seen = new Set<string>();
    let repeated = 0;
    let wholesale = 0;
    const customers = new Set<string>();
    const orders = new Set<string>();
    for (const [, customer, order, product, quantity] of rows) {
      const key = `${order}\u0000${product}\u0000${quantity}`;
      if (seen.has(key)) repeated++;
      seen.add(key);
      if (+quantity >= truth.defects.wholesale.threshold) wholesale++;
      customers.add(customer);
      orders.add(order);
    }
    assert.equal(repeated, truth.defects.repeatedLines.count);
    assert.equal(wholesale, truth.defects.wholesale.count);
    assert.equal(customers.size, truth.customers);
    assert.equal(orders.size, truth.orders);
    assert.equal(truth.orderIds.last - truth.orderIds.first + 1, truth.orders);
    assert.ok(truth.customers > 60_000 && truth.customers < 100_000, `${truth.customers} customers scale with the lines`);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});
