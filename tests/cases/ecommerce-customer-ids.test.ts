import {test} from "node:test";
import assert from "node:assert/strict";
import {queryColumns, run, withDatabase} from "../../loaders/io/duckdb.ts";
import {readCustomerIds} from "../../loaders/cases/ecommerce/customers.ts";

/** eco_customer_ids of `count` UUID-like ids (too long to be stored inline), numbered in id order as tables.ts numbers them. */
async function customerIds(count: number, extra = "") {
  return withDatabase(async (c) => {
    await run(c, `CREATE TABLE eco_customer_ids AS SELECT hash(id) AS cust, id AS customerId, CAST(row_number() OVER (ORDER BY id) AS INTEGER) AS k
      FROM (SELECT md5(CAST(i AS VARCHAR)) || '-' || i AS id FROM range(${count}) t(i) UNION ALL SELECT id FROM (VALUES ${extra || "(NULL)"}) v(id) WHERE id IS NOT NULL)`);
    const {columns} = await queryColumns(c, "SELECT customerId FROM eco_customer_ids ORDER BY k");
    return {read: await readCustomerIds(c), expected: columns.customerId.map(String)};
  });
}

test("customer ids read in blocks equal the ids one by one, in id order, over several blocks", async () => {
  const {read, expected} = await customerIds(40_000);
  assert.equal(read.length, 40_000);
  assert.deepEqual(read, expected);
});

test("an id holding the block separator is read whole", async () => {
  const {read, expected} = await customerIds(100, "('a' || chr(1) || 'b'), ('клиент-1')");
  assert.deepEqual(read, expected);
  assert.ok(read.includes("a\u0001b") && read.includes("клиент-1"));
});
