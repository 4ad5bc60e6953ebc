import {test} from "node:test";
import assert from "node:assert/strict";
import {existsSync} from "node:fs";
import {dirname} from "node:path";
import {openScratchDatabase, queryOne, queryRows, run, withDatabase} from "../../loaders/io/duckdb.ts";

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
