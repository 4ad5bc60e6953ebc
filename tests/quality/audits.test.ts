/** The generic SQL audits on small hand-made tables whose answers are known. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {run, withDatabase} from "../../loaders/io/duckdb.ts";
import {exactDuplicates, nearDuplicates} from "../../loaders/quality/duplicates.ts";
import {missingReferences, sharedKeys} from "../../loaders/quality/referential.ts";
import {zeroActivity} from "../../loaders/quality/activity.ts";
import {missingValues} from "../../loaders/quality/missing.ts";
import {markupInText} from "../../loaders/quality/markup.ts";
import {labelInText} from "../../loaders/quality/words.ts";

test("exact and near duplicates, shared keys", async () => {
  await withDatabase(async (c) => {
    await run(c, `CREATE TABLE l AS SELECT * FROM (VALUES
      (1, 'a', 10, 'p1', 1), (1, 'a', 10, 'p1', 1), (1, 'a', 10, 'p2', 1),
      (2, 'a', 10, 'p1', 3), (1, 'b', 11, 'p1', 1), (5, 'b', 11, 'p1', 1), (1, 'c', 11, 'p3', 1)
    ) AS v(t, customer, ord, product, q)`);
    const ref = {table: "l", file: "l.csv"};
    const exact = await exactDuplicates(c, ref, {fields: ["t", "customer", "ord", "product", "q"]});
    assert.deepEqual([exact.rows, exact.groups, exact.examples.map((e) => [e.line, e.note])], [1, 1, [[3, {en: "copy of line 2", ru: "копия строки 2"}]]]);
    const near = await nearDuplicates(c, ref, {key: ["ord", "product"], time: "t"});
    // order 10/p1 first at t=1 (lines 2,3), again at t=2 (line 5); order 11/p1 at t=1 (line 6) and t=5 (line 7)
    assert.deepEqual([near.rows, near.groups, near.examples.map((e) => e.line)], [2, 2, [5, 7]]);
    const shared = await sharedKeys(c, ref, "ord", "customer");
    assert.deepEqual([shared.groups, shared.rows, shared.examples.map((e) => [e.line, e.id])], [1, 3, [[6, "11"]]]);
  });
});

test("ids missing from another file, zero activity, missing values, markup", async () => {
  await withDatabase(async (c) => {
    await run(c, "CREATE TABLE a AS SELECT * FROM (VALUES (1), (2), (3)) AS v(id)");
    await run(c, "CREATE TABLE m AS SELECT * FROM (VALUES (1, 'p', 5.0), (1, 'c', 0.0), (2, 'p', 1.0), (4, 'p', 2.0), (4, 'c', 0.0), (2, 'c', NULL)) AS v(id, period, revenue)");
    const orphans = await missingReferences(c, {table: "m", file: "m.csv", field: "id"}, {table: "a", file: "a.csv", field: "id"});
    assert.deepEqual([orphans.groups, orphans.rows, orphans.examples.map((e) => [e.line, e.id])], [1, 2, [[5, "4"]]]);
    const absent = await missingReferences(c, {table: "a", file: "a.csv", field: "id"}, {table: "m", file: "m.csv", field: "id"});
    assert.deepEqual([absent.groups, absent.examples.map((e) => e.id)], [1, ["3"]]);
    const zero = await zeroActivity(c, {table: "m", file: "m.csv"}, {owner: "id", value: "revenue", period: "period"});
    assert.deepEqual([zero.rows, zero.groups, zero.examples.map((e) => [e.line, e.id, e.found])], [2, 2, [[3, "1", "c"], [6, "4", "c"]]]);
    const missing = await missingValues(c, {table: "m", file: "m.csv"}, ["id", "period", "revenue"]);
    assert.deepEqual([missing.rows, missing.summary, missing.examples.map((e) => [e.line, e.field])], [1, {en: "1 row misses a value (revenue: 1)", ru: "1 строке не хватает значения (revenue: 1)"}, [[7, "revenue"]]]);
    await run(c, `CREATE TABLE p AS SELECT * FROM (VALUES ('Ваза <b>синяя</b>'), ('a < b > c'), ('<script>x</script>'), ('plain')) AS v(name)`);
    const markup = await markupInText(c, {table: "p", file: "p.csv"}, "name");
    assert.deepEqual(markup?.examples.map((e) => e.found), ["Ваза <b>синяя</b>", "<script>x</script>"]);
  });
});

test("report texts name columns by their labels: the own field in English, every field in Russian, file names untouched", () => {
  const labels = {additionalCharges: {en: "Spend on extra services", ru: "Траты на доп. услуги"}, revenue: {en: "Revenue", ru: "Выручка"}, money: {en: "Profit", ru: "Прибыль"}};
  const text = {en: "3 values of additionalCharges lie outside (revenue, market_money.csv)", ru: "additionalCharges: 3 значения вне диапазона (revenue, market_money.csv)"};
  assert.deepEqual(labelInText(text, "additionalCharges", labels), {
    en: "3 values of spend on extra services lie outside (revenue, market_money.csv)",
    ru: "«Траты на доп. услуги»: 3 значения вне диапазона («Выручка», market_money.csv)"
  });
});
