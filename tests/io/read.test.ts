/** readExport on generated files: encoding fallback, problem bounds, raw table shape. */
import {seedFile} from "../../loaders/inputs/resolve.ts";
import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {queryRows, withDatabase} from "../../loaders/io/duckdb.ts";
import {readExport} from "../../loaders/io/read.ts";
import {validateTable} from "../../loaders/io/validate.ts";
import {formatProblem, isDataError} from "../../loaders/io/problems.ts";
import {ecommerceSchema} from "../../loaders/io/schemas/ecommerce.ts";
import {fitnessSchema} from "../../loaders/io/schemas/fitness.ts";

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "clientele-read-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), {recursive: true});
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const cp1251 = (text: string) => {
  const dec = new TextDecoder("windows-1251");
  const map = new Map(Array.from({length: 256}, (_, b) => [dec.decode(Uint8Array.of(b)), b] as const));
  return Buffer.from(Array.from(text, (ch) => map.get(ch) ?? 0x3f));
};

test("Windows-1251 text first met after an ASCII-only sample is still decoded", async () => {
  const ascii = Array.from({length: 20}, (_, i) => `2018100100,ee47d746-6d2f-4d3c-9622-c31412542920,${1000 + i},Plant pot ${i},1,100.0`);
  const cyrillic = Array.from({length: 5}, (_, i) => `2018100200,ee47d746-6d2f-4d3c-9622-c31412542920,${2000 + i},Горшок для цветов ${i},1,150.0`);
  const dir = folder({"ecom_dataset_upd.csv": Buffer.concat([Buffer.from(["date,customer_id,order_id,product,quantity,price", ...ascii].join("\n") + "\n"), cp1251(cyrillic.join("\n") + "\n")])});
  await withDatabase(async (c) => {
    const read = await readExport(c, seedFile(ecommerceSchema.files[0], join(dir, "ecom_dataset_upd.csv")), {sampleBytes: 512});
    assert.equal(read.report.dialect?.encoding, "windows-1251");
    assert.equal(read.report.rows, 25);
    const last = await queryRows<{product: string}>(c, "SELECT product FROM order_lines WHERE rowid = 24");
    assert.deepEqual(last, [{product: "Горшок для цветов 4"}]);
  });
  rmSync(dir, {recursive: true});
});

test("a line over the maximum line size is an error naming the line and its size", async () => {
  const rows = Array.from({length: 5}, (_, i) => `2018100100,ee47d746-6d2f-4d3c-9622-c31412542920,${1000 + i},Plant pot ${i},1,100.0`);
  rows[2] = rows[2].replace("Plant pot 2", "x".repeat(2_500_000));
  const dir = folder({"ecom_dataset_upd.csv": ["date,customer_id,order_id,product,quantity,price", ...rows].join("\n") + "\n"});
  await withDatabase(async (c) => {
    const error = await readExport(c, seedFile(ecommerceSchema.files[0], join(dir, "ecom_dataset_upd.csv"))).then(() => null, (e: unknown) => e);
    assert.ok(isDataError(error), String(error));
    assert.deepEqual(error.problems.map(formatProblem),
      [`ecom_dataset_upd.csv, line 4: expected a line of at most 2 MB, found a line of ${Buffer.byteLength(rows[2]).toLocaleString("en-US")} bytes. Hint: a quote that is never closed joins the following lines into one; otherwise shorten the value`]);
  });
  rmSync(dir, {recursive: true});
});

test("problems are bounded per rule and per file, with a count of the rest", async () => {
  const header = "gender,Near_Location,Partner,Promo_friends,Phone,Contract_period,Group_visits,Age,Avg_additional_charges_total,Month_to_end_contract,Lifetime,Avg_class_frequency_total,Avg_class_frequency_current_month,Churn";
  const rows = Array.from({length: 50}, (_, i) => `1,1,1,1,0,6,1,${i < 30 ? -i - 1 : 30},14.2,5,3,0.5,0.4,${i % 2}`);
  const dir = folder({"fitness/gym_churn_us.csv": [header, ...rows].join("\n") + "\n"});
  await withDatabase(async (c) => {
    const read = await readExport(c, seedFile(fitnessSchema.files[0], join(dir, "fitness/gym_churn_us.csv")));
    const v = await validateTable(c, read, {examplesPerRule: 3});
    assert.deepEqual(v.problems.map(formatProblem), [
      'gym_churn_us.csv, line 2, column "Age": expected a value from 14 to 100, found "-1".',
      'gym_churn_us.csv, line 3, column "Age": expected a value from 14 to 100, found "-2".',
      'gym_churn_us.csv, line 4, column "Age": expected a value from 14 to 100, found "-3".',
      'gym_churn_us.csv, column "Age": expected a value from 14 to 100, found 27 more rows like these (30 in all).'
    ]);
  });
  const bad = Array.from({length: 40}, (_, i) => `1,1,1,1,0,6,1,x${i},14.2,5,3,0.5,0.4,${i % 2}`);
  const dir2 = folder({"fitness/gym_churn_us.csv": [header, ...bad].join("\n") + "\n"});
  await withDatabase(async (c) => {
    await assert.rejects(readExport(c, seedFile(fitnessSchema.files[0], join(dir2, "fitness/gym_churn_us.csv")), {maxProblems: 5}), (e: unknown) => {
      assert.ok(isDataError(e));
      assert.equal(e.problems.length, 6);
      assert.equal(formatProblem(e.problems[5]), "gym_churn_us.csv: expected no further problems, found 35 more problems of the kinds above. Hint: fix those shown and read again");
      return true;
    });
  });
  rmSync(dir, {recursive: true});
  rmSync(dir2, {recursive: true});
});
