/**
 * The order-log template on exports that are not the seed's: the real log rewritten inside the test
 * (other file name and headers, ISO or day-first timestamps) through a mapping file gives the seed's
 * counts and revenue; a category column mapped to the role "category" gives every named line its
 * category; another store's products stay uncategorised under the built-in rules — the warning is
 * in the artifact — until a rule file in DATA_DIR covers them; a broken rule file is an error naming
 * the entry at fault.
 */
import {before, describe, it} from "node:test";
import assert from "node:assert/strict";
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {literal, queryRows, run, withDatabase} from "../../loaders/io/duckdb.ts";
import {readSettings} from "../../loaders/settings.ts";
import {computeEcommerceResult, type EcommerceResult} from "../../loaders/cases/ecommerce.ts";
import {categorySql, MAX_CATEGORIES, normaliseSql, readCategoryTable, RULES_FILE} from "../../loaders/cases/ecommerce/categories.ts";
import {COVERAGE_WARNING_SHARE} from "../../loaders/cases/ecommerce/coverage.ts";
import {datasets, realDataSkip} from "../real-data.ts";

/** Sums of the same lines in another order agree to rounding. */
const close = (a: number, b: number) => assert.ok(Math.abs(a - b) <= 1e-9 * Math.abs(b), `${a} vs ${b}`);
const realSkip = realDataSkip("ecommerce/ecom_dataset_upd.csv");
const seedLog = join(datasets, "ecommerce/ecom_dataset_upd.csv");

const ROLES = {date: "Order time", customerId: "Client", orderId: "Order number", product: "Item", quantity: "Qty", price: "Unit price", category: "Department"};

/** A DATA_DIR holding `file` and a mapping naming its columns by role. */
function mappedDir(file: string, roles: Partial<typeof ROLES>): string {
  const dir = mkdtempSync(join(tmpdir(), "clientele-eco-"));
  const columns = Object.fromEntries(Object.entries(roles).map(([role, header]) => [header, {role}]));
  writeFileSync(join(dir, "clientele-mapping.json"), JSON.stringify({files: [{file, case: "ecommerce", input: "order_lines", columns}]}, null, 1));
  return dir;
}

/** The seed log rewritten by DuckDB into `path` with the given SELECT list over the seed's columns. */
async function rewrite(path: string, select: string): Promise<void> {
  await withDatabase(async (c) => {
    await run(c, `COPY (SELECT ${select} FROM read_csv(${literal(seedLog)}, all_varchar = true, header = true)) TO ${literal(path)} (HEADER, DELIMITER ',')`);
  });
}

const hourIso = "strftime(strptime(date, '%Y%m%d%H'), '%Y-%m-%dT%H:%M:%S')";
const renamed = (time: string) => `${time} AS ${literal(ROLES.date).replaceAll("'", '"')}, customer_id AS "Client", order_id AS "Order number", product AS "Item", quantity AS "Qty", price AS "Unit price"`;

describe("the real order log under other names", {skip: realSkip}, () => {
  let seed: EcommerceResult;
  before(async () => {
    seed = await computeEcommerceResult(readSettings({DATA_DIR: datasets}));
  });

  it("with other headers and ISO timestamps gives the seed's line, order and customer counts and revenue", async () => {
    const {date: _d, category: _c, ...others} = ROLES;
    const dir = mappedDir("orders_2024.csv", {date: ROLES.date, ...others});
    await rewrite(join(dir, "orders_2024.csv"), renamed(hourIso));
    assert.match(readFileSync(join(dir, "orders_2024.csv"), "utf8").split("\n")[1], /^2018-10-01T00:00:00,/);
    const r = await computeEcommerceResult(readSettings({DATA_DIR: dir}));
    assert.deepEqual(r.summary.read, seed.summary.read);
    assert.equal(r.summary.read.lines, 7474);
    assert.equal(r.summary.orders, seed.summary.orders);
    assert.equal(r.summary.customers, seed.summary.customers);
    assert.equal(r.summary.cleaning.cleanLines, seed.summary.cleaning.cleanLines);
    close(r.summary.revenue, seed.summary.revenue);
    close(r.summary.revenueWithWholesale, seed.summary.revenueWithWholesale);
    assert.equal(r.quality.files[0].file, "orders_2024.csv");
  });

  it("with day-first timestamps (31.12.2019 13:00) gives the same figures", async () => {
    const {date: _d, category: _c, ...others} = ROLES;
    const dir = mappedDir("export.csv", {date: ROLES.date, ...others});
    await rewrite(join(dir, "export.csv"), renamed("strftime(strptime(date, '%Y%m%d%H'), '%d.%m.%Y %H:%M')"));
    const r = await computeEcommerceResult(readSettings({DATA_DIR: dir}));
    assert.deepEqual(r.summary.read, seed.summary.read);
    assert.equal(r.summary.period.start, seed.summary.period.start);
    assert.equal(r.summary.period.end, seed.summary.period.end);
    close(r.summary.revenue, seed.summary.revenue);
  });

  it("with a category column, every named line takes the export's category (coverage 100 %)", async () => {
    const dir = mappedDir("lines.csv", ROLES);
    // The export's category: our own rules' id for the product (blank where no rule matches).
    await rewrite(join(dir, "lines.csv"), `${renamed(hourIso)}, coalesce(${categorySql(normaliseSql("product"))}, '') AS "Department"`);
    const r = await computeEcommerceResult(readSettings({DATA_DIR: dir}));
    const c = r.categories;
    assert.equal(c.source.kind, "export-column");
    assert.equal(c.source.from, "Department");
    assert.equal(c.warning, null);
    const named = await withDatabase((db) => queryRows<{product: string; category: string}>(db,
      `SELECT product, category FROM (SELECT DISTINCT product, ${categorySql(normaliseSql("product"))} AS category FROM read_csv(${literal(seedLog)}, all_varchar = true, header = true)) WHERE category IS NOT NULL`));
    assert.ok(named.length > 1000, `${named.length} named products`);
    // every line whose cell names a category is categorised: the only uncategorised lines are the blank ones
    const seedUncategorised = seed.categories.withWholesale.linesUncategorised;
    assert.ok(Math.abs(c.withWholesale.linesUncategorised - seedUncategorised) < 1e-12, `${c.withWholesale.linesUncategorised} vs ${seedUncategorised}`);
    // the categories are the mapped ones, with the same totals as the rules that wrote them
    for (const cat of seed.categories.categories) {
      const mine = c.categories.find((x) => x.category === cat.category);
      assert.ok(mine, cat.category);
      assert.equal(mine.lines, cat.lines, cat.category);
      assert.ok(Math.abs(mine.revenue - cat.revenue) < 1e-6, cat.category);
      if (cat.category !== "other") assert.deepEqual(mine.label, {en: cat.category, ru: cat.category}, "an export's category is its own label, in both editions");
    }
    assert.deepEqual(c.rules, []);
    // the categories the profiles and hypotheses use are the export's
    assert.deepEqual(r.profiles.overall.categoryShares.map((s) => s.category).sort(), seed.categories.categories.map((x) => x.category).sort());
  });
});

/** A small log of another store: electronics, 40 customers, 300 lines over a year; with `departments`, a
 * Department column with that many values, each product (name + " #k") in department k. */
function electronicsLog(path: string, departments = 0): void {
  const products = ["Smartphone Galaxy A52 128GB", "USB-C charger 65W", "Wireless headphones WH-1000XM4", "Laptop ThinkPad E14", "HDMI cable 2m",
    "Smartphone iPhone 13 mini", "Power bank 20000 mAh", "Bluetooth speaker JBL Flip 5", "Laptop MacBook Air M1", "USB flash drive 64GB"];
  const prices = [25000, 2500, 30000, 60000, 700, 70000, 3000, 9000, 90000, 900];
  const lines = [`Order time;Client;Order number;Item;Qty;Unit price${departments ? ";Department" : ""}`];
  for (let i = 0; i < 300; i++) {
    const p = (i * 7) % products.length;
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String(((i * 5) % 12) + 1).padStart(2, "0");
    lines.push(`${day}.${month}.2023 ${String(9 + (i % 12)).padStart(2, "0")}:15;shop-${i % 40};${1000 + Math.floor(i / 2)};${products[p]}${departments ? ` #${i % departments}` : ""};${1 + (i % 3)};${prices[p]}${departments ? `;d${String(i % departments).padStart(2, "0")}` : ""}`);
  }
  writeFileSync(path, lines.join("\n") + "\n");
}

const ELECTRONICS_RULES = {
  about: ["Electronics store"],
  categories: [{id: "phones", label: "Phones"}, {id: "computers", label: "Computers"}, {id: "audio", label: "Audio"}, {id: "accessories", label: "Accessories"}],
  rules: [
    {category: "phones", note: "smartphones", stems: ["smartphone"]},
    {category: "computers", note: "laptops", stems: ["laptop"]},
    {category: "audio", note: "headphones and speakers", stems: ["wireless headphones", "bluetooth speaker"]},
    {category: "accessories", note: "cables, chargers, storage", stems: ["usb", "hdmi", "power bank"]}
  ]
};

describe("another store's products", () => {
  const {date: _d, category: _c, ...others} = ROLES;

  it("stay uncategorised under the built-in rules, and the warning says what to do", async () => {
    const dir = mappedDir("electronics.csv", {date: ROLES.date, ...others});
    electronicsLog(join(dir, "electronics.csv"));
    const r = await computeEcommerceResult(readSettings({DATA_DIR: dir}));
    assert.equal(r.categories.source.kind, "built-in");
    assert.ok(r.categories.withoutWholesale.revenueUncategorised > COVERAGE_WARNING_SHARE, String(r.categories.withoutWholesale.revenueUncategorised));
    assert.match(r.categories.warning?.en ?? "", /of revenue is in products with no category/);
    assert.match(r.categories.warning?.en ?? "", /category-rules\.json/);
    // The Russian edition: a Russian percent ("93 %" with a narrow no-break space) and the same fix.
    assert.match(r.categories.warning?.ru ?? "", /^\d+\u202F% выручки приходится на товары без категории.*category-rules\.json/);
    assert.equal(r.summary.categoryWarning, r.categories.warning);
  });

  it("are categorised by a rule file in DATA_DIR, with its own categories and no warning", async () => {
    const dir = mappedDir("electronics.csv", {date: ROLES.date, ...others});
    electronicsLog(join(dir, "electronics.csv"));
    writeFileSync(join(dir, "category-rules.json"), JSON.stringify(ELECTRONICS_RULES));
    const r = await computeEcommerceResult(readSettings({DATA_DIR: dir}));
    assert.equal(r.categories.source.kind, "rule-file");
    assert.match(r.categories.source.text.en, /rule file category-rules\.json in the data folder/);
    assert.match(r.categories.source.text.ru, /файлом правил category-rules\.json в папке данных \(4 правила,/);
    assert.equal(r.categories.withoutWholesale.revenueCategorised, 1);
    assert.equal(r.categories.warning, null);
    assert.equal(r.summary.categoryWarning, null);
    assert.deepEqual(r.categories.categories.map((c) => c.category).sort(), ["accessories", "audio", "computers", "phones"]);
    assert.deepEqual(r.categories.rules.map((u) => u.lines > 0), [true, true, true, true]);
    assert.equal(r.summary.categoryCount, 4);
  });

  it("a category column with more categories than MAX_CATEGORIES keeps the largest apart and merges the rest into “other”", async () => {
    const dir = mappedDir("electronics.csv", {date: ROLES.date, ...others, category: ROLES.category});
    electronicsLog(join(dir, "electronics.csv"), 20);
    const r = await computeEcommerceResult(readSettings({DATA_DIR: dir}));
    const c = r.categories;
    assert.equal(c.source.kind, "export-column");
    assert.equal(c.source.merged + c.source.declared, 20);
    assert.equal(c.source.declared, MAX_CATEGORIES - 1);
    assert.equal(c.warning, null);
    assert.equal(c.withoutWholesale.linesUncategorised, 0);
    // "other" holds exactly the merged departments' lines
    const kept = c.categories.filter((x) => x.category !== "other");
    assert.equal(kept.length + (c.categories.some((x) => x.category === "other") ? 1 : 0), c.categories.length);
    assert.equal(c.categories.reduce((n, x) => n + x.lines, 0), 300);
    assert.match(c.source.text.en, /smaller categories are shown together/);
    assert.match(c.source.text.ru, /кроме 15 крупнейших по выручке, остальные категории \(5\) показаны вместе как «Прочие категории»/);
  });

  it("a broken rule file stops the report with the entry at fault", async () => {
    const dir = mappedDir("electronics.csv", {date: ROLES.date, ...others});
    electronicsLog(join(dir, "electronics.csv"));
    const broken = structuredClone(ELECTRONICS_RULES);
    broken.rules[2].category = "speakers";
    writeFileSync(join(dir, "category-rules.json"), JSON.stringify(broken));
    await assert.rejects(computeEcommerceResult(readSettings({DATA_DIR: dir})), /category-rules\.json: rules\[2\] \(rule 3\)\.category: unknown category "speakers"/);
  });
});

describe("rule file checks", () => {
  const dir = mkdtempSync(join(tmpdir(), "clientele-rules-"));
  const check = (table: unknown) => {
    const path = join(dir, "category-rules.json");
    writeFileSync(path, typeof table === "string" ? table : JSON.stringify(table));
    return () => readCategoryTable(path, "category-rules.json");
  };
  it("names the entry of each mistake", () => {
    const t = () => structuredClone(ELECTRONICS_RULES) as Record<string, any>;
    assert.throws(check("{not json"), /category-rules\.json: not valid JSON/);
    assert.throws(check({rules: []}), /category-rules\.json: categories: must list the categories/);
    assert.throws(check({...t(), categories: [...t().categories, {id: "phones", label: "Again"}]}), /categories\[4\]\.id: "phones" is declared twice/);
    assert.throws(check({...t(), categories: [{id: "", label: "x"}]}), /categories\[0\]: must be/);
    const stem = t();
    stem.rules[1].stems = ["Laptop"];
    assert.throws(check(stem), /rules\[1\] \(rule 2\)\.stems\[0\]: stem "Laptop" must be lower case/);
    const pattern = t();
    pattern.rules[0].patterns = ["(unclosed"];
    pattern.rules[0].patternsRead = ["broken"];
    assert.throws(check(pattern), /rules\[0\] \(rule 1\)\.patterns\[0\]: pattern "\(unclosed" is not a regular expression/);
    const words = t();
    words.rules[3].patterns = ["\\d+gb"];
    assert.throws(check(words), /rules\[3\] \(rule 4\)\.patternsRead: give every pattern a description in words \(1 patterns, 0 descriptions\)/);
    assert.doesNotThrow(check(ELECTRONICS_RULES));
    assert.doesNotThrow(() => readCategoryTable(RULES_FILE));
  });
});
