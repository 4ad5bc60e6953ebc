import {test} from "node:test";
import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {dirname} from "node:path";
import {openScratchDatabase, queryOne, queryRows, queryTyped, run, withDatabase} from "../../loaders/io/duckdb.ts";
import {orderedByKey} from "../../loaders/io/order-by-key.ts";

test("rows come back as plain JSON values", async () => {
  await withDatabase(async (c) => {
    const rows = await queryRows(c, "SELECT 2::BIGINT AS n, TIMESTAMP '2018-10-01 13:00:00' AS t, [1, 2]::BIGINT[] AS l, NULL AS z, 'a''b' AS s");
    assert.deepEqual(rows, [{n: 2, t: "2018-10-01T13:00:00.000Z", l: [1, 2], z: null, s: "a'b"}]);
  });
});

test("a scratch database lives in a temporary file that is removed on close", async () => {
  const db = await openScratchDatabase({memoryLimit: "256MB"});
  await run(db.connection, "CREATE TABLE t AS SELECT range AS x FROM range(1000)");
  const {path} = await queryOne<{path: string}>(db.connection, "SELECT path FROM duckdb_databases() WHERE database_name = current_database()");
  const {limit} = await queryOne<{limit: string}>(db.connection, "SELECT current_setting('memory_limit') AS limit");
  assert.ok(existsSync(path));
  assert.match(limit, /^2\d\d(\.\d+)? MiB$/);
  db.close();
  assert.equal(existsSync(dirname(path)), false);
});

test("columns read straight from DuckDB's vectors equal node-api's own conversion, NULLs, long and non-ASCII strings and enums included", async () => {
  await withDatabase(async (c) => {
    // 5000 rows: three chunks; every 7th value NULL; strings inline (≤ 12 bytes) and not, ASCII and not.
    await run(c, "CREATE TYPE label AS ENUM ('alpha', 'бета', 'gamma')");
    const sql = `SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE i / 3 END::DOUBLE AS d, CASE WHEN i % 7 = 1 THEN NULL ELSE (i - 2500) * 1000000007 END::BIGINT AS b,
        CASE WHEN i % 7 = 2 THEN NULL ELSE i - 2500 END::INTEGER AS n,
        CASE WHEN i % 7 = 3 THEN NULL WHEN i % 3 = 0 THEN 'c' || i WHEN i % 3 = 1 THEN 'клиент-' || i ELSE 'a rather long customer id ' || i END AS s,
        CASE WHEN i % 7 = 4 THEN NULL ELSE (['alpha', 'бета', 'gamma'])[i % 3 + 1] END::label AS e
      FROM range(5000) t(i) ORDER BY i`;
    const {rows, numbers, texts} = await queryTyped(c, sql);
    const reader = await c.runAndReadAll(sql);
    const expected = reader.getRowObjectsJS();
    assert.equal(rows, 5000);
    expected.forEach((row, i) => {
      for (const k of ["d", "b", "n"] as const) assert.equal(numbers[k][i], row[k] === null ? NaN : Number(row[k]), `${k} at row ${i}`);
      assert.equal(texts.s[i], row.s, `s at row ${i}`);
      assert.equal(texts.e[i], row.e, `e at row ${i}`);
    });
    assert.equal(texts.s[4], "клиент-4");
    assert.equal(texts.e[1], "бета");
  });
});

test("rows put in key order in JavaScript equal DuckDB's ORDER BY (ties in arrival order), texts and NULLs included", async () => {
  await withDatabase(async (c) => {
    await run(c, `CREATE TABLE t AS SELECT i AS seq, (i * 7919) % 1000 + 5 AS k, CASE WHEN i % 5 = 0 THEN NULL ELSE i / 4 END::DOUBLE AS v, 'r' || i AS s FROM range(3000) t(i)`);
    const ordered = orderedByKey(await queryTyped(c, "SELECT k, v, s, seq FROM t ORDER BY seq"), "k");
    const expected = await queryTyped(c, "SELECT k, v, s, seq FROM t ORDER BY k, seq");
    assert.deepEqual(Array.from(ordered.numbers.seq), Array.from(expected.numbers.seq));
    assert.deepEqual(Array.from(ordered.numbers.v), Array.from(expected.numbers.v));
    assert.deepEqual(ordered.texts.s, expected.texts.s);
    assert.throws(() => orderedByKey({rows: 1, numbers: {k: new Float64Array([1.5])}, texts: {}}, "k"), /not a whole number/);
  });
});
