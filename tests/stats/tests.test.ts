import {test} from "node:test";
import assert from "node:assert/strict";
import {
  welchTTest,
  studentTTest,
  mannWhitneyU,
  chiSquareTestTable,
  chiSquareTest,
  twoProportionZTest,
  kruskalWallis,
  holm,
  benjaminiHochberg,
  correctFamily,
  cramersV,
  cramersVTable,
  correlationRatio,
  compareGroups,
} from "../../loaders/stats/index.ts";
import {readGolden, readFitness, assertClose, assertAllClose} from "./helpers.ts";

const golden = readGolden("stats.json");
const small = golden.small;
const fit = readFitness();
const churn = fit.column("Churn");
const split = (name: string): [number[], number[]] => {
  const v = fit.column(name);
  return [v.filter((_, i) => churn[i] === 1), v.filter((_, i) => churn[i] === 0)];
};
/** p-values: 1e-6 relative; scipy underflows to 0 below ~1e-308, so allow that floor. */
const closeP = (a: number, e: number, what: string) => assertClose(a, e, 1e-6, 1e-300, what);

test("Welch and Student t on small samples match scipy.stats.ttest_ind", () => {
  const w = welchTTest(small.a, small.b);
  assertClose(w.statistic, small.welch.t, 1e-9);
  closeP(w.pValue, small.welch.p, "welch p");
  const s = studentTTest(small.a, small.b);
  assertClose(s.statistic, small.student.t, 1e-9);
  closeP(s.pValue, small.student.p, "student p");
  assert.equal(s.df, small.a.filter((v: number | null) => v !== null).length + small.b.length - 2);
});

test("two-sample tests on fitness churned vs stayed match scipy (t, df, U, p, d, r)", () => {
  for (const [name, g] of Object.entries<any>(golden.fitness.two_sample)) {
    const [a, b] = split(name);
    const w = welchTTest(a, b, {variable: name, labels: ["churned", "stayed"]});
    assertClose(w.statistic, g.welch.t, 1e-9, 0, `${name} t`);
    assertClose(w.df!, g.welch.df, 1e-9, 0, `${name} df`);
    closeP(w.pValue, g.welch.p, `${name} welch p`);
    assertClose(w.effect.value, g.cohen_d, 1e-9, 0, `${name} d`);
    const s = studentTTest(a, b);
    assertClose(s.statistic, g.student.t, 1e-9, 0, `${name} student t`);
    closeP(s.pValue, g.student.p, `${name} student p`);
    const m = mannWhitneyU(a, b, {variable: name, labels: ["churned", "stayed"]});
    assert.equal(m.statistic, g.mannwhitney.u, `${name} U`);
    closeP(m.pValue, g.mannwhitney.p, `${name} MW p`);
    assertClose(m.effect.value, g.mannwhitney.r, 1e-12, 0, `${name} r`);
  }
  // Lifetime: churned members are far newer — a large effect, stated in words
  const [a, b] = split("Lifetime");
  const w = welchTTest(a, b, {variable: "Lifetime", labels: ["churned", "stayed"]});
  assert.equal(w.effect.magnitude, "large");
  assert.equal(w.h0.en, "The mean Lifetime is the same for churned and stayed.");
  assert.match(w.decision.en, /^Reject H0 at α = 0.05 .*lower for churned than for stayed/);
  assert.equal(w.groups[0].label, "churned");
  assert.equal(w.groups[0].n, a.length);
});

test("Mann–Whitney with ties, and the U1 = U2 edge, match scipy asymptotic + continuity", () => {
  const m = mannWhitneyU(small.a, small.b);
  assert.equal(m.statistic, small.mannwhitney.u);
  closeP(m.pValue, small.mannwhitney.p, "p");
  const e = mannWhitneyU([1, 2, 3, 4], [4, 3, 2, 1]);
  assert.equal(e.statistic, small.mannwhitney_equal.u);
  assert.equal(e.pValue, small.mannwhitney_equal.p);
  assert.equal(e.reject, false);
});

test("chi-square with and without Yates matches scipy.chi2_contingency; V matches association()", () => {
  for (const [name, g] of Object.entries<any>(small.chi2)) {
    const y = chiSquareTestTable(g.table, {yates: true});
    const p = chiSquareTestTable(g.table, {yates: false});
    assertClose(y.statistic, g.yates.chi2, 1e-9, 0, `${name} yates`);
    closeP(y.pValue, g.yates.p, `${name} yates p`);
    assertClose(p.statistic, g.plain.chi2, 1e-9, 0, `${name} plain`);
    closeP(p.pValue, g.plain.p, `${name} plain p`);
    assert.equal(p.df, g.plain.df);
    assertClose(cramersVTable(g.table), g.cramer, 1e-12, 0, `${name} V`);
  }
  assert.equal(chiSquareTestTable(small.chi2.t2x2.table).test, "chi-square test of independence with Yates' correction");
  assert.equal(chiSquareTestTable(small.chi2.t3x4.table).test, "chi-square test of independence"); // Yates only for 2×2
});

test("chi-square on fitness Churn × Contract_period / Partner / gender / Group_visits matches scipy", () => {
  for (const [name, g] of Object.entries<any>(golden.fitness.chi2)) {
    const r = chiSquareTest(fit.column(name), churn, {rowVariable: name, columnVariable: "churn"});
    assert.deepEqual(r.groups.map((s) => [s.counts!["0"], s.counts!["1"]]), g.table, `${name} table`);
    const expected = g.table.length === 2 ? g.yates : g.plain;
    assertClose(r.statistic, expected.chi2, 1e-9, 0, `${name} chi2`);
    closeP(r.pValue, expected.p, `${name} p`);
    const plain = chiSquareTest(fit.column(name), churn, {yates: false});
    assertClose(plain.statistic, g.plain.chi2, 1e-9, 0, `${name} plain chi2`);
    closeP(plain.pValue, g.plain.p, `${name} plain p`);
    assertClose(cramersV(fit.column(name), churn), g.cramer, 1e-12, 0, `${name} V`);
  }
  const contract = chiSquareTest(fit.column("Contract_period"), churn, {rowVariable: "contract period", columnVariable: "churn"});
  assert.ok(contract.pValue > 0 && contract.pValue < 1e-100, "tiny p kept with full precision");
  assert.equal(contract.groups[0].label, "1");
  assert.ok(contract.groups[0].proportion! > contract.groups[2].proportion!, "monthly contracts churn more than yearly");
});

test("two-proportion z-test matches statsmodels proportions_ztest; z² = plain chi-square", () => {
  const s = twoProportionZTest(small.proportions.successes, small.proportions.totals);
  assertClose(s.statistic, small.proportions.z, 1e-9);
  closeP(s.pValue, small.proportions.p, "p");
  const g = golden.fitness.proportions_partner;
  const r = twoProportionZTest(g.successes, g.totals, {outcome: "the churn rate", labels: ["partners' employees", "others"]});
  assertClose(r.statistic, g.z, 1e-9);
  closeP(r.pValue, g.p, "partner p");
  assertClose(r.statistic ** 2, golden.fitness.chi2.Partner.plain.chi2, 1e-9);
  assertClose(r.effect.value, g.successes[0] / g.totals[0] - g.successes[1] / g.totals[1], 1e-12);
  assert.equal(r.effect.name, "difference in proportions");
});

test("Kruskal–Wallis (tie-corrected) matches scipy.stats.kruskal; epsilon² and eta", () => {
  const k = kruskalWallis(small.kruskal.groups);
  assertClose(k.statistic, small.kruskal.h, 1e-9);
  closeP(k.pValue, small.kruskal.p, "small p");
  assert.equal(k.df, 2);
  const contract = fit.column("Contract_period");
  for (const [name, g] of Object.entries<any>(golden.fitness.kruskal)) {
    const v = fit.column(name);
    const groups = [1, 6, 12].map((c) => v.filter((_, i) => contract[i] === c));
    const r = kruskalWallis(groups, {variable: name, groupVariable: "contract period", labels: ["1 month", "6 months", "12 months"]});
    assertClose(r.statistic, g.h, 1e-9, 0, `${name} H`);
    closeP(r.pValue, g.p, `${name} p`);
    assertClose(r.effect.value, g.epsilon2, 1e-9, 0, `${name} eps2`);
    assertClose(correlationRatio(contract, v), g.eta, 1e-9, 0, `${name} eta`);
  }
});

test("Holm and Benjamini–Hochberg match statsmodels multipletests", () => {
  assertAllClose(holm(small.multitest.p), small.multitest.holm, 1e-12, 0, "holm");
  assertAllClose(benjaminiHochberg(small.multitest.p), small.multitest.bh, 1e-12, 0, "bh");
  assertAllClose(holm(golden.fitness.multitest.p), golden.fitness.multitest.holm, 1e-12, 1e-300, "fitness holm");
  assertAllClose(benjaminiHochberg(golden.fitness.multitest.p), golden.fitness.multitest.bh, 1e-12, 1e-300, "fitness bh");
});

test("correctFamily adds adjusted p and decisions without touching the inputs", () => {
  const [a, b] = split("Age");
  const [c, d] = split("Near_Location");
  const results = [welchTTest(a, b, {variable: "Age"}), chiSquareTest(fit.column("gender"), churn), welchTTest(c, d)];
  const corrected = correctFamily(results, "holm");
  assertAllClose(corrected.map((r) => r.pAdjusted!), holm(results.map((r) => r.pValue)), 1e-15);
  assert.equal(results[0].pAdjusted, undefined);
  assert.equal(corrected[1].correction, "holm");
  assert.equal(corrected[1].rejectAdjusted, false, "gender does not predict churn");
  assert.match(corrected[0].decisionAdjusted!.en, /^Reject H0 .*Holm correction over 3 tests/);
  // a borderline family: significant alone, not after correction
  const fake = {...results[1], pValue: 0.03, reject: true};
  const family = correctFamily([fake, {...fake, pValue: 0.04}, {...fake, pValue: 0.5}], "bh");
  assert.deepEqual(family.map((r) => r.rejectAdjusted), [false, false, false]);
  assert.match(family[0].decisionAdjusted!.en, /significant alone .* but not after Benjamini–Hochberg/);
});

test("compareGroups picks the test by variable type and says why", () => {
  const opts = {groupVariable: "churn status", groupLabels: {"1": "churned", "0": "stayed"}, groupOrder: ["1", "0"]};
  const age = compareGroups(fit.column("Age"), churn, {...opts, variable: "Age"});
  assert.equal(age.test, "Welch t-test");
  assert.match(age.chosenBecause!.en, /roughly symmetric/);
  assertClose(age.statistic, golden.fitness.two_sample.Age.welch.t, 1e-9);
  const lifetime = compareGroups(fit.column("Lifetime"), churn, {...opts, variable: "Lifetime"});
  assert.equal(lifetime.test, "Mann–Whitney U test");
  assert.match(lifetime.chosenBecause!.en, /skewed/);
  assert.equal(lifetime.statistic, golden.fitness.two_sample.Lifetime.mannwhitney.u);
  const partner = compareGroups(fit.column("Partner"), churn, {...opts, variable: "Partner"});
  assert.equal(partner.test, "chi-square test of independence with Yates' correction");
  assertClose(partner.statistic, golden.fitness.chi2.Partner.yates.chi2, 1e-9);
  assert.deepEqual(partner.groups.map((g) => g.label), ["churned", "stayed"]);
  const byContract = compareGroups(fit.column("Lifetime"), fit.column("Contract_period"), {variable: "Lifetime", groupVariable: "contract"});
  assert.equal(byContract.test, "Kruskal–Wallis H test");
  assertClose(byContract.statistic, golden.fitness.kruskal.Lifetime.h, 1e-9);
  const cat = compareGroups(["a", "b", "c", "a", "b", "c", "a", "a"], [0, 0, 0, 0, 1, 1, 1, 1], {variable: "plan"});
  assert.equal(cat.test, "chi-square test of independence");
});
