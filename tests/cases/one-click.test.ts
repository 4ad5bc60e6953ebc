/**
 * One Click case tests.
 * - Real exports (../shared/datasets, or SHARED_DATASETS; skipped when absent): all four files read
 *   (money.csv in its ';' / decimal-comma dialect), 1300 customers, the misspelt labels, the
 *   extreme revenue and the customers without activity found and counted as pandas finds them;
 *   the split and folds are those the reference script scored; every logistic candidate's CV
 *   ROC-AUC and its test ROC-AUC equal scikit-learn's, kNN's best candidate is scikit-learn's, and
 *   the chosen model's test ROC-AUC matches the best of the same four families in scikit-learn, and
 *   its bootstrap interval is as wide as DeLong's standard error implies, and a portrait's effect
 *   sizes equal statsmodels' (tests/golden/one-click.py → one-click.json). Forests only within a tolerance (different
 *   random streams).
 * - Demo data (data/one-click, planted truth in truth.json): the planted defects are found, the
 *   planted drivers top the importance rankings and are the features that differ in exploration,
 *   the segments' live grid agrees with the build-time segments, the Offers page's live offer value
 *   is the loader's (which the Summary quotes), sentences name model settings in words, and
 *   customer ids reach the artifacts only with the setting on.
 */
import {before, describe, test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {loadOneClick, type OneClickData} from "../../loaders/clean/one-click.ts";
import {customerTable} from "../../loaders/cases/one-click/features.ts";
import {fitOneClickModel, type OneClickModel} from "../../loaders/cases/one-click/model.ts";
import {oneClickArtifacts} from "../../loaders/cases/one-click.ts";
import {defaultValues, designOffers, offerValue} from "../../loaders/cases/one-click/offers.ts";
import {defaultPortraitFeatures, portrait, segmentCustomers, segmentDefs} from "../../loaders/cases/one-click/segments.ts";
import type {CustomerRow} from "../../loaders/cases/one-click/features.ts";
import {welchTTest} from "../../loaders/stats/index.ts";
import {oneClickSplit} from "../golden/one-click-split.ts";
import {datasets, realDataSkip} from "../real-data.ts";

const realSkip = realDataSkip("one-click/market_file.csv");
const golden = JSON.parse(readFileSync(new URL("../golden/one-click.json", import.meta.url), "utf8"));
const committedSplit = JSON.parse(readFileSync(new URL("../golden/one-click-split.json", import.meta.url), "utf8"));

function close(actual: number, expected: number, tol: number, what: string) {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs reference ${expected} (tolerance ${tol})`);
}

describe("One Click offers follow effect sizes, not p-values", () => {
  /**
   * Customers whose promo share is `segment` ± 0.1 in the high-risk segment (probability 0.9) and
   * `rest` ± 0.1 elsewhere (probability 0.1), all with the same profit (so all count as high
   * profit): the promo rule must fire exactly when Cohen's d reaches 0.5, whatever the p-value.
   */
  function offersFor(n: number, segment: number, rest: number) {
    const rows: CustomerRow[] = [];
    const probability: number[] = [];
    const promo = (inSegment: boolean) => Array.from({length: n}, (_, i) => (inSegment ? segment : rest) + (i % 2 ? 0.1 : -0.1));
    const promoShares = [...promo(true), ...promo(false)];
    promoShares.forEach((promoShare, i) => {
      const inSegment = i < n;
      rows.push({id: i, declined: inSegment ? 1 : 0, profit: 5, values: {promoShare, marketingConsent: "yes"} as CustomerRow["values"]});
      probability.push(inSegment ? 0.9 : 0.1);
    });
    const {segments, membership} = segmentCustomers(rows, probability, {portraitFeatures: ["promoShare"]});
    const offer = designOffers(segments, {rows, membership}).offers.find((o) => o.segment === "risk-high-profit")!;
    assert.equal(offer.n, n);
    return {
      portrait: segments.portraits.find((p) => p.segment === "risk-high-profit")!,
      rules: offer.actions.map((a) => a.rule),
      actions: offer.actions,
      welchP: welchTTest(promo(true), promo(false)).pValue
    };
  }

  test("a tiny p-value with a small effect (d = 0.2, 5000 customers a side, Welch p < 1e-20) triggers no offer", () => {
    const {portrait, rules, welchP} = offersFor(5000, 0.32, 0.3);
    assert.ok(welchP < 1e-20, `Welch p ${welchP}`);
    const promo = portrait.variables.find((v) => v.id === "promoShare")!;
    // pooled sd of ±0.1 around each mean with n − 1 denominators: 0.1·√(n / (n − 1))
    close(promo.effect.value, 0.02 / (0.1 * Math.sqrt(5000 / 4999)), 1e-9, "Cohen's d");
    assert.deepEqual(rules, []);
  });

  test("a large effect on few customers (d = 0.87, 4 a side, Welch p ≈ 0.27) triggers the offer, quoting the effect", () => {
    const {rules, actions, welchP} = offersFor(4, 0.5, 0.4);
    assert.ok(welchP > 0.2, `Welch p ${welchP}`);
    assert.deepEqual(rules, ["promo"]);
    assert.equal(actions[0].effect!.name, "Cohen's d");
    close(actions[0].effect!.value, 1 / Math.sqrt(4 / 3), 1e-12, "the effect quoted by the offer");
  });

  test("the portraits carry effect sizes and no p-value", () => {
    const {portrait} = offersFor(4, 0.5, 0.4);
    assert.doesNotMatch(JSON.stringify(portrait), /pValue|pAdjusted|"test"/);
    const promo = portrait.variables.find((v) => v.id === "promoShare")!;
    // pooled sd of ±0.1 around each mean with n − 1 = 3: 0.1·√(4/3)
    close(promo.effect.value, 0.1 / (0.1 * Math.sqrt(4 / 3)), 1e-12, "Cohen's d");
    assert.equal(promo.finding, "higher");
  });
});

describe("One Click on the real exports", {skip: realSkip}, () => {
  let data: OneClickData;
  let model: OneClickModel;
  before(async () => {
    data = await loadOneClick(datasets);
    model = fitOneClickModel(customerTable(data.modelling));
  });

  test("reads all four exports, including money.csv's ';' separator and decimal commas", () => {
    const files = new Map(data.quality.files.map((f) => [f.file, f]));
    assert.equal(files.get("market_file.csv")!.rows, golden.rows.market_file);
    assert.equal(files.get("market_money.csv")!.rows, golden.rows.market_money);
    assert.equal(files.get("market_time.csv")!.rows, golden.rows.market_time);
    assert.equal(files.get("money.csv")!.rows, golden.rows.money);
    assert.equal(files.get("money.csv")!.dialect!.separator, ";");
    assert.equal(files.get("money.csv")!.dialect!.decimal, ",");
    assert.equal(data.customers.length, 1300);
    const meanProfit = data.profit.reduce((s, p) => s + p.profit, 0) / data.profit.length;
    close(meanProfit, golden.profitMean, 1e-9, "mean profit (decimal commas parsed)");
  });

  test("finds the misspelt labels, the extreme revenue and the customers without activity", () => {
    const misspelt = (field: string) => data.quality.findings.find((f) => f.kind === "misspelling" && f.field === field)?.rows;
    assert.equal(misspelt("serviceType"), golden.misspeltServiceType);
    assert.equal(misspelt("period"), golden.misspeltPeriod);
    const excluded = (reason: string) => data.customers.filter((c) => c.excluded === reason).length;
    assert.equal(excluded("zero-activity"), golden.zeroActivityCustomers);
    assert.equal(excluded("extreme-revenue"), golden.extremeRevenueCustomers);
    assert.equal(data.quality.repairs.find((r) => r.id === "remove-extreme-revenue")?.rows, golden.extremeRevenueRows);
    assert.equal(data.modelling.length, golden.modelling);
    assert.equal(data.modelling.filter((c) => c.activity === "declined").length, golden.positives);
  });

  test("uses the split and folds the reference script scored", async () => {
    assert.deepEqual(await oneClickSplit(datasets), committedSplit);
    assert.deepEqual(model.split.test, committedSplit.test);
    assert.equal(model.report.nTest, Math.ceil(0.25 * golden.modelling));
  });

  test("logistic regression: every candidate's CV ROC-AUC and the test ROC-AUC equal scikit-learn's", () => {
    const ref = golden.families.logistic;
    ref.candidates.forEach((c: {model__C: number}, k: number) => {
      const ours = model.report.leaderboard.find((r) => r.family === "logistic" && r.params.C === c.model__C)!;
      close(ours.mean, ref.cvMeans[k], 1e-4, `CV ROC-AUC at C=${c.model__C}`);
    });
    const best = model.report.families.find((f) => f.family === "logistic")!;
    close(best.testAuc, ref.testAuc, 1e-4, "logistic test ROC-AUC");
  });

  test("kNN: the search picks scikit-learn's best scaler, k and weights, with the same CV score", () => {
    const ref = golden.families.knn;
    const ours = model.report.leaderboard.find((r) => r.family === "knn" && r.bestOfFamily)!;
    assert.equal(ours.params.scaler, ref.bestParams.scale === "MinMaxScaler" ? "minmax" : "standard");
    assert.equal(ours.params.k, ref.bestParams.model__n_neighbors);
    assert.equal(ours.params.weights, ref.bestParams.model__weights);
    close(ours.mean, ref.bestCv, 2e-3, "kNN best CV ROC-AUC");
    close(model.report.families.find((f) => f.family === "knn")!.testAuc, ref.testAuc, 5e-3, "kNN test ROC-AUC");
  });

  test("trees and forests score like scikit-learn's within their random variation", () => {
    for (const family of ["tree", "forest"]) {
      const ours = model.report.families.find((f) => f.family === family)!;
      close(ours.cvMean, golden.families[family].bestCv, family === "forest" ? 0.01 : 0.02, `${family} best CV ROC-AUC`);
    }
  });

  test("the chosen model's test ROC-AUC matches scikit-learn's best of the same families", () => {
    assert.equal(model.report.chosen.family, golden.bestFamily);
    const best = Math.max(...Object.values(golden.families).map((f: any) => f.bestCv));
    close(model.report.chosen.cvMean, best, 0.005, "chosen model's CV ROC-AUC");
    close(model.report.test.auc.value, golden.bestTestAuc, 0.015, "chosen model's test ROC-AUC");
  });

  test("a portrait's effect sizes equal statsmodels' from the raw exports (declined against unchanged customers)", () => {
    const ref = golden.portraitDeclined;
    const rows = customerTable(data.modelling);
    const p = portrait(rows, rows.map((r) => r.declined === 1), segmentDefs[0], defaultPortraitFeatures);
    assert.equal(p.n, ref.segmentN);
    assert.equal(p.variables.length, Object.keys(ref.d).length + Object.keys(ref.h).length);
    for (const v of p.variables) {
      if (v.kind === "numeric") close(v.effect.value, ref.d[v.id], 1e-9, `${v.id}: Cohen's d`);
      else {
        assert.deepEqual(v.levels!.map((l) => l.level).sort(), Object.keys(ref.h[v.id]).sort());
        for (const l of v.levels!) close(l.h, ref.h[v.id][l.level], 1e-12, `${v.id} = ${l.level}: Cohen's h`);
      }
    }
  });

  test("the bootstrap 95% interval of the test ROC-AUC is as wide as DeLong's standard error says", () => {
    // DeLong's analytic standard error of scikit-learn's model of the same family on the same test
    // customers (tests/golden/one-click.py); a 95% interval spans about 2 × 1.96 of them. With 1000
    // resamples the bootstrap width varies by ~3%; a 90% interval would be 16% narrower.
    const se = golden.families[model.report.chosen.family].testAucDeLongSe;
    const {lo, hi} = model.report.test.auc;
    close(hi - lo, 2 * 1.959964 * se, 0.1 * 2 * 1.959964 * se, "95% interval width");
  });
});

describe("One Click on the real exports: the money case, the target's wording and the ranking of differences", {skip: realSkip}, () => {
  let art: Record<string, any>;
  before(async () => {
    art = oneClickArtifacts(await loadOneClick(datasets), {customerRows: false, resamples: 200}) as Record<string, any>;
  });

  test("the break-even response × share lost is the root of offerValue's net, at the default cost and months", () => {
    const summary = art["summary.json"];
    const {offers, assumptions} = art["offers.json"];
    const defaults = defaultValues(assumptions);
    const first = offers.find((o: {name: string}) => o.name === summary.headlineOffer.segment);
    const b = summary.headlineOffer.breakEvenProduct;
    assert.ok(b > 0 && b < 1, `break-even product ${b}`);
    // Any response rate and share lost whose product is b give a net of zero; a larger product a gain.
    for (const responseRate of [0.2, 0.5, 1]) {
      close(offerValue(first, {...defaults, responseRate, lossShare: b / responseRate}).net, 0, 1e-9, `net at response ${responseRate}`);
      assert.ok(offerValue(first, {...defaults, responseRate, lossShare: (1.01 * b) / responseRate}).net > 0);
    }
    // By hand: cost ÷ (months × probability-weighted monthly profit).
    close(b, (defaults.offerCost * first.n) / (defaults.months * first.expectedProfitAtRisk), 1e-12, "cost / (months × weighted profit)");
  });

  test("profit of declined against unchanged customers equals statsmodels' Welch interval, whose interval straddles zero", () => {
    const p = art["offers.json"].profitByActivity;
    const ref = golden.profitByActivity;
    close(p.declined.mean, ref.declinedMean, 1e-9, "declined mean");
    close(p.unchanged.mean, ref.unchangedMean, 1e-9, "unchanged mean");
    close(p.difference.lo, ref.lo, 1e-9, "Welch 95% CI, low");
    close(p.difference.hi, ref.hi, 1e-9, "Welch 95% CI, high");
    assert.equal(p.direction, ref.lo < 0 && ref.hi > 0 ? "similar" : ref.hi < 0 ? "lower" : "higher");
    assert.equal(p.direction, "similar");
    close(p.effect.value, golden.portraitDeclined.d.profit, 1e-9, "Cohen's d of profit");
    assert.deepEqual(art["summary.json"].profitByActivity, p);
    // The share-lost assumption says the export cannot measure it, with the computed comparison.
    const why = art["offers.json"].assumptions.find((a: {id: string}) => a.id === "lossShare").why;
    assert.match(why, /cannot measure/);
    assert.ok(why.includes(p.reading), why);
    assert.ok(why.includes(p.difference.lo.toFixed(2)) && why.includes(p.difference.hi.toFixed(2)), why);
  });

  test("the target is the store's current label, with no time horizon", () => {
    for (const text of [art["summary.json"].targetMeaning, art["model.json"].targetMeaning]) {
      assert.match(text, /reproduces the store's current activity label/);
      assert.doesNotMatch(text, /next|months? ahead|over the coming/i);
    }
    const months = art["offers.json"].assumptions.find((a: {id: string}) => a.id === "months").why;
    assert.doesNotMatch(months, /predicts|next three months/);
    assert.match(months, /assumption/);
    for (const page of ["index", "model"]) assert.doesNotMatch(readFileSync(`pages/one-click/${page}.md`, "utf8"), /next three months/);
  });

  test("the largest differences are ranked on one scale: η with the label, equal to scipy's |point-biserial r| and Cramér's V", () => {
    const ref: Record<string, number> = golden.targetAssociation;
    const exploration = art["exploration.json"];
    for (const a of exploration.targetAssociation) close(a.value, ref[a.id], 1e-9, `${a.id}: association with the label`);
    const significant = exploration.features.filter((f: any) => f.test.rejectAdjusted).map((f: any) => f.id);
    const expected = significant.sort((a: string, b: string) => ref[b] - ref[a]).slice(0, 3);
    assert.deepEqual(art["summary.json"].strongestDifferences.map((d: {id: string}) => d.id), expected);
    // Pages per visit (rank-biserial r −0.65, which |d| sorting could not compare) is the strongest.
    assert.equal(expected[0], "pagesPerVisit");
  });

  test("fewer contacts are described, not read as a cause: the action is a trial with a random hold-out group", () => {
    const {offers, rule} = art["offers.json"];
    const contact = offers.flatMap((o: any) => o.actions).filter((a: {rule: string}) => a.rule === "contact");
    assert.ok(contact.length > 0, "the contact rule fires on the real exports");
    for (const a of contact) {
      assert.doesNotMatch(a.because, /reached them less often/);
      assert.match(a.because, /They receive fewer marketing contacts/);
      assert.match(`${a.title} ${a.because}`, /hold-out group/);
    }
    assert.match(rule.text, /random hold-out group/);
  });
});

describe("One Click on the demo data", () => {
  const truth = JSON.parse(readFileSync("data/one-click/truth.json", "utf8"));
  const fieldOf: Record<string, string> = {
    pages_per_visit: "pagesPerVisit", minutes_current: "minutesCurrent", promo_share: "promoShare",
    marketing_6m: "marketingContacts6m", categories_per_visit: "categoriesPerVisit", unpaid_items: "unpaidItemsQuarter"
  };
  const planted: string[] = truth.driverOrder.map((d: string) => fieldOf[d]);
  const coef = new Map<string, number>(truth.model.features.map((f: {feature: string; coef: number}) => [fieldOf[f.feature], f.coef]));
  let data: OneClickData;
  let open: Record<string, any>;
  let closed: Record<string, any>;
  before(async () => {
    data = await loadOneClick(resolve("data"));
    closed = oneClickArtifacts(data, {customerRows: false, resamples: 200}) as Record<string, any>;
    open = oneClickArtifacts(data, {customerRows: true, resamples: 200}) as Record<string, any>;
  });

  test("finds the planted defects", () => {
    const d = truth.defects;
    assert.equal(data.quality.findings.find((f) => f.kind === "misspelling" && f.field === "serviceType")?.rows, d.misspeltServiceType.count);
    assert.equal(data.quality.findings.find((f) => f.kind === "misspelling" && f.field === "period")?.rows, d.misspeltPeriod.count);
    assert.deepEqual(data.customers.filter((c) => c.excluded === "zero-activity").map((c) => c.id).sort(), [...d.inactive.ids].sort());
    assert.deepEqual(data.customers.filter((c) => c.excluded === "extreme-revenue").map((c) => c.id), [d.revenueOutlier.id]);
    assert.equal(closed["summary.json"].counts.customers, truth.customers);
  });

  test("the planted drivers top the importance rankings", () => {
    const model = closed["model.json"];
    const strong = planted.filter((f) => Math.abs(coef.get(f)!) >= 0.4);
    const shapTop = model.sourceImportance.slice(0, strong.length).map((s: {feature: string}) => s.feature);
    assert.deepEqual(new Set(shapTop), new Set(strong), `SHAP ranking ${shapTop} should start with the planted drivers ${strong}`);
    assert.deepEqual(shapTop.slice(0, 2), planted.slice(0, 2), "the two strongest planted drivers come first, in order");
    const weakest = planted[planted.length - 1];
    const numericNoise = model.sourceImportance.filter((s: {feature: string}) => !planted.includes(s.feature) && s.feature !== "favouriteCategory");
    const rank = (f: string) => model.sourceImportance.findIndex((s: {feature: string}) => s.feature === f);
    assert.ok(numericNoise.every((s: {feature: string}) => rank(s.feature) > rank(weakest)), "the weakest planted driver outranks every unplanted numeric feature");
    const permTop = new Set(model.importance.slice(0, planted.length).map((r: {feature: string}) => r.feature));
    assert.deepEqual(permTop, new Set(planted), "permutation importance puts the six planted drivers first");
    assert.equal(model.driverRanking[0], planted[0]);
  });

  test("exploration: the strong planted drivers differ between declined and unchanged customers, nothing else does", () => {
    const tests = closed["exploration.json"].hypotheses.tests as {field: string; rejectAdjusted: boolean}[];
    const differing = tests.filter((t) => t.rejectAdjusted).map((t) => t.field).sort();
    const strong = planted.filter((f) => Math.abs(coef.get(f)!) >= 0.4).sort();
    assert.deepEqual(differing, strong);
  });

  test("segments: the live grid reproduces the build-time segments, and high risk means more declines", () => {
    const seg = closed["segments.json"];
    const n = seg.cells.reduce((s: number, c: {n: number}) => s + c.n, 0);
    assert.equal(n, seg.n);
    for (const s of seg.segments) {
      const cells = seg.cells.filter((c: {p0: number; m0: number}) => (c.p0 >= seg.defaults.probability - 1e-9) === s.highRisk && (c.m0 >= seg.defaults.profit - 1e-9) === s.highProfit);
      assert.equal(cells.reduce((a: number, c: {n: number}) => a + c.n, 0), s.n, s.name);
      close(cells.reduce((a: number, c: {profit: number}) => a + c.profit, 0), s.profit, 1e-6, `${s.name} profit`);
    }
    const risky = seg.segments.filter((s: {highRisk: boolean}) => s.highRisk);
    const rate = (list: {n: number; declinedObserved: number}[]) => list.reduce((a, s) => a + s.declinedObserved, 0) / list.reduce((a, s) => a + s.n, 0);
    assert.ok(rate(risky) > 2 * rate(seg.segments), "out-of-fold high risk holds many more real declines");
    assert.equal(seg.portraits.length, 2);
    const portrait = seg.portraits.find((p: {segment: string}) => p.segment === "risk-high-profit");
    const pages = portrait.variables.find((v: {id: string}) => v.id === "pagesPerVisit");
    assert.equal(pages.finding, "lower", "the planted strongest driver (fewer pages) shows in the at-risk portrait");
    assert.equal(portrait.variables.find((v: {id: string}) => v.id === "profit").finding, "higher");
  });

  test("offers follow from the portrait and the four segments", () => {
    const offers = closed["offers.json"].offers;
    assert.equal(offers.length, 4);
    const first = offers.find((o: {segment: string}) => o.segment === "risk-high-profit");
    assert.ok(first.target && first.actions.some((a: {rule: string}) => a.rule === "recommendations"));
    // The e-mail channel counts the segment's customers who consent, as the clean export records them.
    const consents = new Map(data.modelling.map((c) => [c.id, c.marketingConsent]));
    const members = open["segments.json"].customers.filter((c: {segment: string}) => c.segment === "risk-high-profit");
    assert.equal(members.length, first.n);
    assert.equal(first.channels[0].customers, members.filter((c: {id: number}) => consents.get(c.id)).length);
    // Every action rests on a portrait difference of at least the threshold, largest first.
    const effects = first.actions.map((a: {effect: {value: number}}) => Math.abs(a.effect.value));
    assert.ok(effects.every((e: number) => e >= closed["offers.json"].rule.threshold), JSON.stringify(effects));
    assert.deepEqual(effects, effects.slice().sort((a: number, b: number) => b - a));
  });

  test("the Summary quotes the offer value at the default assumptions", () => {
    const {offers, assumptions} = closed["offers.json"];
    const defaults = defaultValues(assumptions);
    const summary = closed["summary.json"];
    const first = offers.find((o: {segment: string; name: string}) => o.name === summary.headlineOffer.segment);
    assert.deepEqual(summary.headlineOffer.atDefaults, offerValue(first, defaults));
    // kept = response × share lost × months × profit at risk; cost = offer cost × customers.
    const {kept, cost} = summary.headlineOffer.atDefaults;
    close(kept, defaults.responseRate * defaults.lossShare * defaults.months * first.expectedProfitAtRisk, 1e-9, "profit kept");
    close(cost, defaults.offerCost * first.n, 1e-9, "cost");
    // The Offers page imports this same function (no copy to drift).
    assert.match(readFileSync("pages/one-click/offers.md", "utf8"), /import \{breakEvenProduct, offerValue\} from "\.\.\/components\/offer-value\.js"/);
  });

  test("sentences name the model's settings in words, not as parameter=value", () => {
    const model = closed["model.json"];
    for (const text of [model.chosen.reason, model.shapModel, model.oddsRatiosModel].filter(Boolean)) {
      assert.doesNotMatch(text.en ?? text, /\w=\w/, text.en ?? text);
    }
    for (const f of model.families) assert.doesNotMatch(f.settings, /\w=\w/, f.settings);
  });

  test("customer ids reach the artifacts only with the setting on", () => {
    const ids = new Set(data.customers.map((c) => String(c.id)));
    const leaks = (artifacts: Record<string, unknown>) =>
      Object.entries(artifacts).filter(([, v]) => (JSON.stringify(v).match(/[0-9A-Za-z-]{5,}/g) ?? []).some((t) => ids.has(t))).map(([k]) => k);
    assert.deepEqual(leaks(closed), []);
    assert.deepEqual(closed["customers.json"], {allowed: false, sources: closed["customers.json"].sources, customers: []});
    assert.ok(leaks(open).includes("customers.json"));
    assert.equal(open["customers.json"].customers.length, data.modelling.length);
    assert.equal(open["segments.json"].customers.length, data.modelling.length);
  });

  test("the setting changes only customer-level content (same analysis, deterministic)", () => {
    assert.deepEqual(open["exploration.json"], closed["exploration.json"]);
    assert.deepEqual(open["segments.json"].cells, closed["segments.json"].cells);
    assert.deepEqual(open["model.json"].leaderboard, closed["model.json"].leaderboard);
    assert.deepEqual(open["offers.json"], closed["offers.json"]);
  });
});
