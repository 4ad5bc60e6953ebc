/**
 * Product categorisation: the normalisation SQL, the rule table's checks, accuracy on real product
 * names labelled by hand (tests/fixtures/ecommerce-labelled-products.csv), and — on the real log —
 * coverage and agreement with the independent Python implementation (tests/golden/ecommerce.py).
 */
import {describe, it} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {listValue} from "@duckdb/node-api";
import {queryRows, withDatabase, type DuckDBConnection} from "../../loaders/io/duckdb.ts";
import {categorySql, categoryTable, normaliseSql, readCategoryTable, RULES_FILE} from "../../loaders/cases/ecommerce/categories.ts";
import {cleanEcommerceInto} from "../../loaders/clean/ecommerce.ts";
import {buildTables} from "../../loaders/cases/ecommerce/tables.ts";
import {coverageReport} from "../../loaders/cases/ecommerce/coverage.ts";
import {datasets, realDataSkip} from "../real-data.ts";

const realSkip = realDataSkip("ecommerce/ecom_dataset_upd.csv");
const golden = JSON.parse(readFileSync("tests/golden/ecommerce.json", "utf8"));

async function categorise(connection: DuckDBConnection, names: string[]): Promise<{name: string; norm: string; category: string | null}[]> {
  return queryRows(connection, `SELECT name, norm, ${categorySql("norm")} AS category
    FROM (SELECT name, ${normaliseSql("name")} AS norm, i FROM (SELECT unnest($names) AS name, unnest(range(len($names))) AS i)) ORDER BY i`, {names: listValue(names)});
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe("normalisation", () => {
  it("folds Latin look-alikes inside Cyrillic words, lower-cases, reads ё as е, collapses spaces", async () => {
    const names = ["Tepмокружка AVEX Freeflow", "Ёрш  унитазный", "Салатник Luminarc AMБИАНТЭ", "Столовая ложка СЛBonn-2", "Рассада зелени для кухни Лаванда Прованc"];
    const rows = await withDatabase((c) => categorise(c, names));
    assert.deepEqual(rows.map((r) => r.norm), [
      "термокружка avex freeflow", // T, e, p are Latin in the export
      "ерш унитазный",
      "салатник luminarc амбиантэ", // A, M Latin in a Cyrillic word
      "столовая ложка cлbonn-2", // mostly Latin word: the Cyrillic С becomes a Latin c
      "рассада зелени для кухни лаванда прованс"
    ]);
    assert.deepEqual(rows.map((r) => r.category), ["kitchen", "bathroom", "kitchen", "kitchen", "garden"]);
  });

  it("applies the rules in order: the first match wins", async () => {
    const rows = await withDatabase((c) => categorise(c, [
      "Муляж Перец Чили красный 15 см", // fake fruit before the vegetable stem
      "Рассада Пеларгония (герань) зональная", // pelargonium before seedlings
      "Таз пластмассовый 6,0 л квадратный \"Тюльпан\"", // household noun before the plant name
      "Скатерть Dasch Донна Роза из ПВХ", // idem
      "Коврик для ванной комнаты GOBI", // bath mat before door mats
      "Коврик придверный кокосовый",
      "Космея Лимонад 10 шт 4650091480500" // a seed packet (Russian barcode pattern)
    ]));
    assert.deepEqual(rows.map((r) => r.category), ["kitchen", "plants", "cleaning", "textiles", "bathroom", "textiles", "garden"]);
  });
});

describe("rule table", () => {
  it("has the eight categories and other, and every rule names one of them", () => {
    assert.deepEqual(categoryTable.categories.map((c) => c.id), ["plants", "garden", "kitchen", "bathroom", "cleaning", "storage", "textiles", "tools", "other"]);
    assert.ok(categoryTable.rules.length > 8);
  });

  it("rejects a stem that is not normalised and an unknown category, naming the rule", () => {
    const dir = mkdtempSync(join(tmpdir(), "eco-rules-"));
    const table = JSON.parse(readFileSync(RULES_FILE, "utf8"));
    const bad = (mutate: (t: typeof table) => void) => {
      const t = structuredClone(table);
      mutate(t);
      const path = join(dir, "rules.json");
      writeFileSync(path, JSON.stringify(t));
      return path;
    };
    assert.throws(() => readCategoryTable(bad((t) => (t.rules[2].stems = ["Ёлка"]))), /rules\[2\] \(rule 3\)\.stems\[0\]: stem "Ёлка" must be lower case/);
    assert.throws(() => readCategoryTable(bad((t) => (t.rules[0].category = "toys"))), /rules\[0\] \(rule 1\)\.category: unknown category "toys"/);
  });
});

describe("hand-labelled real product names", () => {
  const [header, ...rows] = parseCsv(readFileSync("tests/fixtures/ecommerce-labelled-products.csv", "utf8"));
  it("has at least 150 distinct labelled names, each with a known category", () => {
    assert.deepEqual(header, ["product", "category"]);
    assert.ok(rows.length >= 150, `${rows.length} labelled names`);
    assert.equal(new Set(rows.map((r) => r[0])).size, rows.length);
    for (const [, label] of rows) assert.ok(categoryTable.categories.some((c) => c.id === label), label);
  });

  it("the rules agree with at least 95% of the labels", async () => {
    const got = await withDatabase((c) => categorise(c, rows.map((r) => r[0])));
    const wrong = got.flatMap((g, i) => (g.category === rows[i][1] ? [] : [`${g.name}: ${g.category} (label ${rows[i][1]})`]));
    const accuracy = 1 - wrong.length / rows.length;
    assert.ok(accuracy >= 0.95, `accuracy ${accuracy}; wrong: ${wrong.join("; ")}`);
  });
});

describe("categorisation of the real log", {skip: realSkip}, () => {
  it("categorises at least 95% of revenue (with and without wholesale lines) and matches the Python re-implementation name by name", async () => {
    await withDatabase(async (c) => {
      const clean = await cleanEcommerceInto(c, datasets);
      await buildTables(c, clean.keyed);
      const coverage = await coverageReport(c);
      assert.ok(coverage.withWholesale.revenueCategorised >= 0.95, String(coverage.withWholesale.revenueCategorised));
      assert.ok(coverage.withoutWholesale.revenueCategorised >= 0.95, String(coverage.withoutWholesale.revenueCategorised));
      assert.ok(Math.abs(coverage.withWholesale.revenueCategorised - golden.coverage.withWholesale.revenueCategorised) < 1e-12);
      assert.ok(Math.abs(coverage.withoutWholesale.linesCategorised - golden.coverage.withoutWholesale.linesCategorised) < 1e-12);
      const products = await queryRows<{product: string; category: string | null}>(c, "SELECT product, category FROM eco_products ORDER BY product");
      assert.equal(products.length, Object.keys(golden.productCategories).length);
      const differ = products.filter((p) => golden.productCategories[p.product] !== p.category);
      assert.deepEqual(differ, [], "SQL and Python categorisation disagree");
    });
  });
});
