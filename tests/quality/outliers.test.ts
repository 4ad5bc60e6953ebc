import {test} from "node:test";
import assert from "node:assert/strict";
import {robustFences, robustOutliers} from "../../loaders/quality/outliers.ts";
import {run, withDatabase} from "../../loaders/io/duckdb.ts";

test("median/MAD fences and the extreme rows as examples", async () => {
  await withDatabase(async (connection) => {
    // 1..9 and 100: median 5.5, MAD 2.5
    await run(connection, "CREATE TABLE t AS SELECT * FROM (VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(100)) AS v(x)");
    const f = (await robustFences(connection, "t", "x"))!;
    assert.equal(f.method, "mad");
    assert.equal(f.center, 5.5);
    assert.ok(Math.abs(f.spread - 1.4826 * 2.5) < 1e-9);
    assert.ok(Math.abs(f.high - (5.5 + 3.5 * 1.4826 * 2.5)) < 1e-9);
    const out = await robustOutliers(connection, {table: "t", file: "t.csv"}, "x");
    assert.equal(out.rows, 1);
    assert.deepEqual(out.examples.map((e) => [e.line, e.found]), [[11, "100"]]);
  });
});

test("zero MAD falls back to the IQR; no spread at all means no outliers", async () => {
  await withDatabase(async (connection) => {
    await run(connection, "CREATE TABLE q AS SELECT * FROM (VALUES (1),(1),(1),(1),(1),(1),(2),(3),(50)) AS v(x)");
    const f = (await robustFences(connection, "q", "x"))!;
    assert.equal(f.method, "iqr");
    assert.deepEqual([f.low, f.high], [1 - 3 * 1, 2 + 3 * 1]);
    assert.equal((await robustOutliers(connection, {table: "q", file: "q.csv"}, "x")).rows, 1);
    await run(connection, "CREATE TABLE c AS SELECT 7 AS x FROM range(10)");
    assert.equal(await robustFences(connection, "c", "x"), null);
    assert.equal((await robustOutliers(connection, {table: "c", file: "c.csv"}, "x")).rows, 0);
  });
});

test("histogram quantiles equal DuckDB's quantile_cont on the expanded values", async () => {
  const {randomSource} = await import("../../loaders/random.ts");
  const {histogramMad, histogramQuantiles} = await import("../../loaders/quality/weighted-quantile.ts");
  const random = randomSource(7);
  const values = Array.from({length: 2001}, () => Math.round(Math.exp(3 + random.normal()) * 10) / 10);
  const bins = [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<number, number>())].map(([value, count]) => ({value, count}));
  await withDatabase(async (connection) => {
    await run(connection, `CREATE TABLE v AS SELECT unnest([${values.join(",")}]::DOUBLE[]) AS x`);
    const want = await (await import("../../loaders/io/duckdb.ts")).queryOne<{q: number[]; mad: number}>(connection,
      "SELECT quantile_cont(x, [0.25, 0.5, 0.75]) AS q, (SELECT quantile_cont(abs(x - (SELECT median(x) FROM v)), 0.5) FROM v) AS mad FROM v");
    const got = histogramQuantiles(bins, [0.25, 0.5, 0.75]);
    got.forEach((g, i) => assert.ok(Math.abs(g! - want.q[i]) < 1e-9, `${g} vs ${want.q[i]}`));
    assert.ok(Math.abs(histogramMad(bins, got[1]!)! - want.mad) < 1e-9);
    assert.deepEqual(histogramQuantiles([], [0.5]), [null]);
    assert.deepEqual(histogramQuantiles([{value: 1, count: 1}, {value: 3, count: 1}], [0.5]), [2]);
  });
});
