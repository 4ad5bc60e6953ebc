/**
 * The overview's file table comes from each case's own read (loaders/cases/run-case.ts), so every
 * export goes through the case reader: a Windows-1251 export (which DuckDB's own sniffer rejected
 * as not UTF-8, failing the whole build) and a Parquet export (not counted before) are listed.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {resolve} from "node:path";
import {fileRow} from "../../loaders/cases/run-case.ts";
import {loadEcommerce} from "../../loaders/clean/ecommerce.ts";
import {loadOneClick} from "../../loaders/clean/one-click.ts";
import {caseInput} from "../../loaders/inputs/resolve.ts";
import {qualityArtifact} from "../../loaders/quality/artifact.ts";

const fixtures = resolve("tests/fixtures/bad-input");

test("a Windows-1251 export is listed with its encoding (the fixture's other files are plain ASCII or UTF-8)", async () => {
  const input = caseInput(`${fixtures}/windows-1251`, "one-click");
  const rows = qualityArtifact((await loadOneClick(input)).quality, input).files.map(fileRow);
  assert.deepEqual(rows.map((f) => [f.file, f.format, f.encoding, f.separator, f.rows]), [
    ["market_file.csv", "csv", "windows-1251", ",", 4],
    ["market_money.csv", "csv", "utf-8", ",", 12],
    ["market_time.csv", "csv", "utf-8", ",", 8],
    ["money.csv", "csv", "utf-8", ";", 4]
  ]);
  assert.ok(rows.every((f) => f.bytes > 0));
});

test("a Parquet export is listed like a CSV", async () => {
  const input = caseInput(`${fixtures}/parquet-export`, "ecommerce");
  const [row] = qualityArtifact((await loadEcommerce(input)).quality, input).files.map(fileRow);
  assert.deepEqual([row.file, row.title, row.format, row.rows, row.columns, row.separator], ["ecom_dataset_upd.parquet", {en: "Order lines", ru: "Строки заказов"}, "parquet", 6, 6, null]);
  assert.ok(row.bytes > 0);
});
