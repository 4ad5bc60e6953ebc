/**
 * The e-commerce case on the demo log (data/ecommerce), whose generator planted a category mix,
 * a seasonality per category and known defects (data/ecommerce/truth.json): the pipeline must
 * recover them. Also: the same input gives byte-identical artifacts; with no window of re-used ids, segments and
 * profiles describe every customer over the whole log (no repeat cutoff changes anything).
 */
import {before, describe, it} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {readSettings} from "../../loaders/settings.ts";
import {computeEcommerceResult, run, type EcommerceResult} from "../../loaders/cases/ecommerce.ts";
import {caseInput} from "../../loaders/inputs/resolve.ts";
import {queryRows, withDatabase} from "../../loaders/io/duckdb.ts";
import {cleanEcommerceInto} from "../../loaders/clean/ecommerce.ts";
import {buildOrdersWithWholesale, buildTables} from "../../loaders/cases/ecommerce/tables.ts";
import {linesByCategory} from "../../loaders/cases/ecommerce/coverage.ts";
import {scoreRfm} from "../../loaders/cases/ecommerce/rfm.ts";
import {readCustomers, readScoredCustomers} from "../../loaders/cases/ecommerce/customers.ts";
import {findingOf} from "../../src/components/ecommerce-findings.ts";
import {tr} from "../../src/components/i18n.ts";

const truth = JSON.parse(readFileSync("data/ecommerce/truth.json", "utf8"));
const settings = readSettings({DATA_DIR: "data"});
const CATS: string[] = truth.categories;

/** Planted share of orders by main category over the log's window: mix × seasonality × days of each month. */
function expectedMix(): Record<string, number> {
  const y = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8));
  const days = new Array<number>(12).fill(0);
  for (let t = y(truth.period.first); t <= y(truth.period.last); t += 86400000) days[new Date(t).getUTCMonth()]++;
  const w = Object.fromEntries(CATS.map((c) => [c, truth.seasonality[c].reduce((s: number, v: number, m: number) => s + days[m] * v * truth.mix[c], 0)]));
  const total = Object.values(w).reduce((a, b) => a + b, 0);
  return Object.fromEntries(CATS.map((c) => [c, w[c] / total]));
}

function correlation(a: number[], b: number[]): number {
  const ma = a.reduce((s, x) => s + x, 0) / a.length;
  const mb = b.reduce((s, x) => s + x, 0) / b.length;
  let sab = 0, saa = 0, sbb = 0;
  a.forEach((x, i) => {
    sab += (x - ma) * (b[i] - mb);
    saa += (x - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  });
  return sab / Math.sqrt(saa * sbb);
}

describe("e-commerce case on the demo log", () => {
  let r: EcommerceResult;
  before(async () => {
    r = await computeEcommerceResult(settings);
  });

  it("reads every line and finds the planted defects", () => {
    assert.equal(r.summary.read.lines, truth.lines);
    assert.equal(r.summary.read.customers, truth.customers);
    assert.equal(r.summary.read.orders, truth.orders);
    assert.equal(r.summary.cleaning.repeatedLines, truth.defects.repeatedLines.count);
    assert.equal(r.summary.cleaning.sharedOrders, truth.defects.sharedOrders.count);
    assert.equal(r.summary.cleaning.wholesaleLines, truth.defects.wholesale.count);
  });

  it("puts every line in its planted category: lines per category and per month equal the generator's counts", async () => {
    await withDatabase(async (c) => {
      const clean = await cleanEcommerceInto(c, "data");
      await buildTables(c, clean.keyed);
      assert.deepEqual(await linesByCategory(c), truth.realised.linesByCategory);
      const monthly = await queryRows<{cat: string; month: string; n: number}>(c,
        `SELECT cat, strftime(time, '%Y%m') AS month, count(*) AS n FROM eco_lines GROUP BY ALL`);
      for (const cat of CATS) {
        for (const [month, n] of Object.entries(truth.realised.linesByCategoryMonth[cat]) as [string, number][]) {
          assert.equal(monthly.find((m) => m.cat === cat && m.month === month)?.n ?? 0, n, `${cat} ${month}`);
        }
      }
    });
    assert.equal(r.categories.withWholesale.revenueCategorised, 1);
  });

  it("recovers the planted category mix of orders within 2.5 points", async () => {
    const expected = expectedMix();
    const mix = await withDatabase(async (c) => {
      const clean = await cleanEcommerceInto(c, "data");
      const info = await buildTables(c, clean.keyed);
      await buildOrdersWithWholesale(c, info.scheme);
      return queryRows<{cat: string; share: number}>(c, "SELECT mainCategory AS cat, count(*) / sum(count(*)) OVER () AS share FROM eco_orders_all GROUP BY 1");
    });
    for (const cat of CATS) {
      const got = mix.find((m) => m.cat === cat)?.share ?? 0;
      assert.ok(Math.abs(got - expected[cat]) <= 0.025, `${cat}: ${got.toFixed(3)} vs planted ${expected[cat].toFixed(3)}`);
    }
  });

  it("recovers the planted seasonality: strongly seasonal categories correlate and peak within a month of the truth", () => {
    const seasonal = CATS.filter((c) => Math.max(...truth.seasonality[c]) / Math.min(...truth.seasonality[c]) >= 2);
    assert.ok(seasonal.length >= 4, `seasonal categories: ${seasonal}`);
    for (const cat of seasonal) {
      const planted: number[] = truth.seasonality[cat];
      const got = planted.map((_, m) => r.time.seasonality.find((s) => s.category === cat && s.month === m + 1)!.index!);
      const rho = correlation(got, planted);
      assert.ok(rho >= 0.6, `${cat}: correlation ${rho.toFixed(2)}`);
      const peak = planted.indexOf(Math.max(...planted)) + 1;
      const found = r.time.peaks.find((p) => p.category === cat)!.months[0];
      const distance = Math.min(Math.abs(found - peak), 12 - Math.abs(found - peak));
      assert.ok(distance <= 1, `${cat}: peak ${found}, planted ${peak}`);
    }
    // The planted flat category varies far less than the most seasonal one.
    const flat = CATS.filter((c) => Math.max(...truth.seasonality[c]) === Math.min(...truth.seasonality[c]));
    const ratio = (c: string) => Math.max(...truth.seasonality[c]) / Math.min(...truth.seasonality[c]);
    const strongest = [...seasonal].sort((a, b) => ratio(b) - ratio(a))[0];
    const garden = r.time.peaks.find((p) => p.category === strongest)!;
    for (const cat of flat) {
      const p = r.time.peaks.find((x) => x.category === cat)!;
      assert.ok(p.peakIndex / p.troughIndex < (garden.peakIndex / garden.troughIndex) / 3, `${cat} is flat in the plant`);
    }
  });

  it("with no repeat cutoff, segments and profiles describe every customer with their whole-log figures", async () => {
    assert.equal(r.repeatCutoff, null);
    assert.deepEqual(r.profiles.scope, {asOf: null, customers: r.profiles.n, customersLeftOut: 0, ordersLeftOut: 0});
    await withDatabase(async (c) => {
      const clean = await cleanEcommerceInto(c, "data");
      await buildTables(c, clean.keyed, {asOf: clean.repeatCutoff});
      await scoreRfm(c);
      const everyone = (await readCustomers(c)).map((row) => row.toObject());
      const scored = (await readScoredCustomers(c)).map((row) => row.toObject()).map(({r: _r, f: _f, m: _m, segment: _s, ...figures}) => figures);
      assert.deepEqual(scored, everyone);
    });
  });

  it("writes every text the pages show in both languages: categories, segments, profiles and the score rules in Russian", () => {
    const latin = /[A-Za-z]{2,}/;
    const plants = r.categories.categories.find((c) => c.category === "plants")!;
    assert.deepEqual(plants.label, {en: "Plants", ru: "Растения"});
    for (const c of r.categories.categories) assert.doesNotMatch(c.label.ru, latin, c.label.en);
    for (const rule of r.categories.rules) assert.doesNotMatch(`${rule.note.ru} ${rule.patterns.map((p) => p.reads.ru).join(" ")}`.replace(/[РP]-?9/g, ""), latin, rule.note.en);
    assert.match(r.categories.source.text.ru, /^Категории заданы встроенными правилами \(18 правил\)/);
    assert.deepEqual(r.profiles.segments.map((s) => s.label.ru), ["Лучшие", "Лояльные", "В зоне риска", "Многообещающие", "Разовые", "Потерянные"]);
    for (const c of r.profiles.clustering.clusters) {
      assert.doesNotMatch(`${c.name.ru} ${c.description.ru} ${c.features.map((f) => `${f.label.ru} ${f.shown.what.ru}`).join(" ")}`, latin, c.name.en);
      // The Russian description gives the same figures in the Russian format: "45 %" with a narrow no-break space.
      assert.match(c.description.ru, /^\d+\u202F% их выручки — «/);
      assert.equal(c.description.ru.match(/\d+(?=\u202F%)/g)?.join(), c.description.en.match(/\d+(?=%)/g)?.join(), c.name.en);
    }
    for (const rule of r.profiles.scoreRules) assert.doesNotMatch(rule.ru.replace(/\b[RFM]\b/g, ""), latin);
    assert.deepEqual(r.time.seasonality.find((s) => s.category === "garden")?.label, {en: "Garden", ru: "Сад и огород"});
  });

  it("states each test's finding in Russian with the same figures as in English", () => {
    const unit = {currency: "₽"};
    assert.ok(r.hypotheses.main.tests.length >= 3);
    for (const t of r.hypotheses.main.tests) {
      const en = findingOf(t, {horizonDays: r.hypotheses.repeat.horizonDays, unit, lang: "en"});
      const ru = findingOf(t, {horizonDays: r.hypotheses.repeat.horizonDays, unit, lang: "ru"});
      // The same numbers (group labels aside): "12.5%" / "12,5 %", "1,234 ₽" / "1 234 ₽".
      const labels = t.groups.flatMap((g) => [tr(g.label, "en"), tr(g.label, "ru")]);
      const bare = (s: string) => labels.reduce((x, l) => x.split(l).join(""), s);
      const numbers = (s: string, lang: "en" | "ru") => (bare(s).match(/\d[\d,.\u202F]*\d|\d/g) ?? [])
        .map((n) => (lang === "en" ? n.replace(/,/g, "") : n.replace(/\u202F/g, "").replace(",", "."))).sort();
      assert.deepEqual(numbers(ru.answer, "ru"), numbers(en.answer, "en"), `${t.id}: ${en.answer} | ${ru.answer}`);
      assert.match(ru.evidence, /^p (<|=) 0,\d{4} с поправкой Холма; /, t.id);
      assert.match(ru.answer, /^(Да|Свидетельств)/, t.id);
      if (/within 90 days/.test(en.answer)) assert.match(ru.answer, /в течение 90 дней/, t.id);
      if (/%/.test(en.answer)) assert.match(ru.answer, /\d\u202F%/, t.id);
    }
  });

  it("gives byte-identical artifacts for the same input", async () => {
    const a = JSON.stringify(await run(caseInput(settings.dataDir, "ecommerce"), settings));
    const b = JSON.stringify(await run(caseInput(settings.dataDir, "ecommerce"), settings));
    assert.equal(a, b);
  });
});
