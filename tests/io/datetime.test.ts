import {test} from "node:test";
import assert from "node:assert/strict";
import {parseDatetime, datetimeSql, hourIntegers} from "../../loaders/io/datetime.ts";
import {queryRows, withDatabase} from "../../loaders/io/duckdb.ts";

const cases: [string, string | null][] = [
  ["2018100100", "2018-10-01T00:00:00"],
  ["2019063023", "2019-06-30T23:00:00"],
  ["20191231", "2019-12-31T00:00:00"],
  ["2018-10-01", "2018-10-01T00:00:00"],
  ["2018-10-01T13:45", "2018-10-01T13:45:00"],
  ["2018-10-01 13:45:07", "2018-10-01T13:45:07"],
  ["2018-10-01T13:45:07Z", "2018-10-01T13:45:07"],
  ["2018100124", null],
  ["2018023100", null],
  ["2019-02-29", null],
  ["20181001000", null],
  ["yesterday", null],
  ["201810010", null],
  ["2018-10-01T13", null],
  [" 2018100100", null],
  ["2018-1-01", null]
];

test("parseDatetime keeps the hour of YYYYMMDDHH and reads ISO dates", () => {
  for (const [input, want] of cases) assert.equal(parseDatetime(input), want, input);
  assert.equal(parseDatetime(2018100113), "2018-10-01T13:00:00");
});

test("the SQL parser agrees with the JS parser", async () => {
  await withDatabase(async (connection) => {
    const values = cases.map(([v]) => `('${v}')`).join(", ");
    const rows = await queryRows<{v: string; t: string | null}>(connection,
      `SELECT v, strftime(${datetimeSql("v")}, '%Y-%m-%dT%H:%M:%S') AS t FROM (VALUES ${values}) AS x(v)`);
    assert.deepEqual(rows.map((r) => [r.v, r.t]), cases);
  });
});

test("YYYYMMDDHH read as integers parse the same way", async () => {
  assert.equal(hourIntegers(["2018100100", "2019063023"]), true);
  assert.equal(hourIntegers(["2018100100", "2018-10-01"]), false);
  assert.equal(hourIntegers([]), false);
  const ints = cases.filter(([v]) => /^\d{10}$/.test(v));
  await withDatabase(async (connection) => {
    const rows = await queryRows<{v: number; t: string | null}>(connection,
      `SELECT v, strftime(${datetimeSql("v", "hour-integer")}, '%Y-%m-%dT%H:%M:%S') AS t FROM (VALUES ${ints.map(([v]) => `(${v}::BIGINT)`).join(", ")}, (123::BIGINT)) AS x(v)`);
    assert.deepEqual(rows.map((r) => [String(r.v), r.t]), [...ints, ["123", null]]);
  });
});
