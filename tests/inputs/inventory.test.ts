/**
 * The overview's input-file table reads every export with the case reader: a Windows-1251 export
 * (which DuckDB's own sniffer rejects as not UTF-8) and a Parquet export are both counted.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {resolve} from "node:path";
import {inventory} from "../../loaders/inventory.ts";

const fixtures = resolve("tests/fixtures/bad-input");

test("a Windows-1251 export is counted with its encoding (the fixture's other files are plain ASCII, read as UTF-8)", async () => {
  const [oneClick] = await inventory(`${fixtures}/windows-1251`);
  assert.equal(oneClick.id, "one-click");
  assert.deepEqual(oneClick.files.map((f) => [f.file, f.format, f.encoding, f.rows, f.error]), [
    ["market_file.csv", "csv", "windows-1251", 4, null],
    ["market_money.csv", "csv", "utf-8", 12, null],
    ["market_time.csv", "csv", "utf-8", 8, null],
    ["money.csv", "csv", "utf-8", 4, null]
  ]);
});

test("a Parquet export is counted like a CSV", async () => {
  const [ecommerce] = await inventory(`${fixtures}/parquet-export`);
  assert.equal(ecommerce.id, "ecommerce");
  const [file] = ecommerce.files;
  assert.deepEqual([file.file, file.format, file.found, file.rows, file.columns, file.error], ["ecom_dataset_upd.csv", "parquet", true, 6, 6, null]);
});

test("a file the reader rejects is listed with the reason", async () => {
  const [oneClick] = await inventory(`${fixtures}/invalid-utf8`);
  const bad = oneClick.files.find((f) => f.file === "market_file.csv")!;
  assert.equal(bad.rows, null);
  assert.match(bad.error!, /^Cannot read market_file\.csv/);
});
