import {test} from "node:test";
import {seedFile} from "../../loaders/inputs/resolve.ts";
import assert from "node:assert/strict";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {parseDatetime, datetimeSql, hourIntegers, decideDateOrder, dateOrderOf} from "../../loaders/io/datetime.ts";
import {readExport} from "../../loaders/io/read.ts";
import {ecommerceSchema} from "../../loaders/io/schemas/ecommerce.ts";
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
  ["2018-1-01", null],
  ["31.12.2019", "2019-12-31T00:00:00"],
  ["31.12.2019 13:05", "2019-12-31T13:05:00"],
  ["31.12.2019 13:05:09", "2019-12-31T13:05:09"],
  ["31/12/2019", "2019-12-31T00:00:00"],
  ["01/02/2019 07:30", "2019-02-01T07:30:00"],
  ["29.02.2019", null],
  ["31.13.2019", null],
  ["31.12/2019", null],
  ["31.12.19", null],
  ["31.12.2019T13:05", null],
  ["31.12.2019 25:00", null]
];

/** Month-first reading of the leading-day shapes (12/31/2019). */
const monthFirst: [string, string | null][] = [
  ["12/31/2019", "2019-12-31T00:00:00"],
  ["02/01/2019 07:30", "2019-02-01T07:30:00"],
  ["12.31.2019 13:05:09", "2019-12-31T13:05:09"],
  ["31/12/2019", null],
  ["2018100113", "2018-10-01T13:00:00"],
  ["2018-10-01", "2018-10-01T00:00:00"]
];

test("parseDatetime keeps the hour of YYYYMMDDHH and reads ISO dates", () => {
  for (const [input, want] of cases) assert.equal(parseDatetime(input), want, input);
  assert.equal(parseDatetime(2018100113), "2018-10-01T13:00:00");
  for (const [input, want] of monthFirst) assert.equal(parseDatetime(input, {monthFirst: true}), want, input);
});

test("the SQL parser agrees with the JS parser, month first too", async () => {
  await withDatabase(async (connection) => {
    const values = monthFirst.map(([v]) => `('${v}')`).join(", ");
    const rows = await queryRows<{v: string; t: string | null}>(connection,
      `SELECT v, strftime(${datetimeSql("v", "text-month-first")}, '%Y-%m-%dT%H:%M:%S') AS t FROM (VALUES ${values}) AS x(v)`);
    assert.deepEqual(rows.map((r) => [r.v, r.t]), monthFirst);
  });
});

test("day-first or month-first is decided per column from its values", async () => {
  assert.deepEqual(decideDateOrder(3, 31, 12), {storage: "text", leading: 3, ambiguous: false});
  assert.deepEqual(decideDateOrder(3, 12, 31), {storage: "text-month-first", leading: 3, ambiguous: false});
  assert.deepEqual(decideDateOrder(3, 12, 12), {storage: "text", leading: 3, ambiguous: true});
  assert.deepEqual(decideDateOrder(0, null, null), {storage: "text", leading: 0, ambiguous: false});
  await withDatabase(async (connection) => {
    const order = async (values: string[]) => {
      await queryRows(connection, `CREATE OR REPLACE TABLE d AS SELECT * FROM (VALUES ${values.map((v) => `('${v}')`).join(", ")}) AS x(v)`);
      return dateOrderOf(connection, "d", "v");
    };
    // the decisive value is the last one: the whole column is read, not a sample of its start
    assert.equal((await order(["01.02.2019", "05.06.2019 10:00", "13.06.2019"])).storage, "text");
    assert.equal((await order(["01/02/2019", "05/06/2019", "06/13/2019"])).storage, "text-month-first");
    assert.deepEqual(await order(["01.02.2019", "05.06.2019"]), {storage: "text", leading: 2, ambiguous: true});
    assert.deepEqual(await order(["2019-02-01", "2019-06-05"]), {storage: "text", leading: 0, ambiguous: false});
  });
});

test("an order log with day-first or month-first dates reads, and an undecidable column is a warning naming it", async () => {
  const dir = mkdtempSync(join(tmpdir(), "clientele-dates-"));
  const spec = {...ecommerceSchema.files[0]};
  const write = (name: string, dates: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, ["date,customer_id,order_id,product,quantity,price", ...dates.map((d, i) => `${d},c${i},${i + 1},Кружка,1,100`)].join("\n") + "\n");
    return {...seedFile(spec, path), file: name};
  };
  await withDatabase(async (connection) => {
    const us = await readExport(connection, write("us.csv", ["12/31/2019 13:05", "01/02/2020 08:00"]));
    assert.equal(us.datetimes.date, "text-month-first");
    assert.deepEqual(us.problems, []);
    const times = await queryRows<{t: string}>(connection, `SELECT strftime(${datetimeSql("date", us.datetimes.date)}, '%Y-%m-%dT%H:%M') AS t FROM order_lines`);
    assert.deepEqual(times.map((r) => r.t), ["2019-12-31T13:05", "2020-01-02T08:00"]);
    const ambiguous = await readExport(connection, write("ru.csv", ["01.02.2019", "05.06.2019 10:00"]));
    assert.equal(ambiguous.datetimes.date, "text");
    assert.equal(ambiguous.problems.length, 1);
    assert.equal(ambiguous.problems[0].severity, "warning");
    assert.equal(ambiguous.problems[0].file, "ru.csv");
    assert.equal(ambiguous.problems[0].column, "date");
  });
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
