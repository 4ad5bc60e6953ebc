/** BG/NBD and Gamma-Gamma: fits and predictions against an independent scipy implementation of the same
 * likelihoods (tests/golden/bgnbd.py → bgnbd.json), recovery of planted parameters from 50,000 simulated
 * customers, and the model's predictions against what those simulated customers then did. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {bgnbdLogLikelihood, expectedPurchases, expectedPurchasesNew, fitBgnbd, groupHistories, historiesOf, pAlive, type BgnbdParams} from "../../loaders/models/bgnbd.ts";
import {expectedPurchaseValue, fitGammaGamma, gammaGammaLogLikelihood} from "../../loaders/models/gamma-gamma.ts";
import {sampleBgnbd, sampleGamma} from "../../loaders/models/bgnbd-sample.ts";
import {digamma, hyp2f1, lgamma} from "../../loaders/stats/special.ts";
import {randomSource} from "../../loaders/random.ts";
import {assertClose, readGolden} from "../stats/helpers.ts";

const golden = readGolden("bgnbd.json");

test("special functions: lgamma, digamma and 2F1 at known values", () => {
  assertClose(lgamma(0.5), Math.log(Math.sqrt(Math.PI)), 1e-14);
  assertClose(lgamma(10), Math.log(362880), 1e-14);
  assertClose(lgamma(1e-3), 6.907178885383854, 1e-13);
  assertClose(digamma(1), -0.5772156649015329, 1e-13);
  assertClose(digamma(0.25), -Math.PI / 2 - 3 * Math.log(2) - 0.5772156649015329, 1e-13);
  // 2F1(1, 1; 2; z) = −ln(1 − z)/z.
  assertClose(hyp2f1(1, 1, 2, 0.9), -Math.log(0.1) / 0.9, 1e-12);
});

test("BG/NBD on a small dataset matches scipy: parameters, log-likelihood, P(alive), expected purchases", () => {
  const s = golden.small;
  const h = {x: s.x, tx: s.tx, T: s.T};
  const g = s.bgnbd;
  const fit = fitBgnbd(h);
  assert.ok(fit.converged);
  for (const k of ["r", "alpha", "a", "b"] as const) assertClose(fit.params[k], g.params[k], 2e-4, 0, k);
  assertClose(fit.logLikelihood, g.logLikelihood, 1e-9, 0, "log-likelihood at our optimum");
  assertClose(bgnbdLogLikelihood(g.params, h), g.logLikelihood, 1e-12, 0, "log-likelihood at scipy's optimum");
  for (const p of g.probes) {
    assertClose(pAlive(g.params, p), p.pAlive, 1e-12, 0, `P(alive) ${JSON.stringify(p)}`);
    assertClose(expectedPurchases(g.params, g.t, p), p.expected, 1e-10, 0, `E[Y] ${JSON.stringify(p)}`);
  }
  assertClose(expectedPurchasesNew(g.params, g.t), g.expectedNew, 1e-10, 0, "E[X(t)]");
});

test("Gamma-Gamma on a small dataset matches scipy: parameters, log-likelihood, expected value per purchase", () => {
  const s = golden.small.spend;
  const rows = s.x.map((x: number, i: number) => ({x, mean: s.mean[i]}));
  const g = golden.small.gammaGamma;
  const fit = fitGammaGamma(rows);
  for (const k of ["p", "q", "gamma"] as const) assertClose(fit.params[k], g.params[k], 2e-4, 0, k);
  assertClose(fit.logLikelihood, g.logLikelihood, 1e-9, 0, "log-likelihood");
  assertClose(gammaGammaLogLikelihood(g.params, rows), g.logLikelihood, 1e-12, 0, "log-likelihood at scipy's optimum");
  for (const p of g.probes) assertClose(expectedPurchaseValue(g.params, p), p.expected, 1e-12, 0, `E[Z] ${JSON.stringify(p)}`);
});

test("identical histories merge into weighted groups with the same likelihood", () => {
  const rows = [{x: 0, tx: 0, T: 10}, {x: 2, tx: 4, T: 10}, {x: 0, tx: 0, T: 10}, {x: 2, tx: 4, T: 10}, {x: 1, tx: 3, T: 8}];
  const g = groupHistories(historiesOf(rows));
  assert.equal(g.weight.length, 3);
  assert.equal(g.customers, 5);
  const params = {r: 0.7, alpha: 3, a: 0.9, b: 2};
  const one = rows.reduce((s, r) => s + bgnbdLogLikelihood(params, historiesOf([r])), 0);
  assertClose(bgnbdLogLikelihood(params, g), one, 1e-13);
  assert.throws(() => groupHistories(historiesOf([{x: 0, tx: 2, T: 10}])), /tx = 0 when x = 0/);
  assert.throws(() => groupHistories(historiesOf([{x: 1, tx: 12, T: 10}])), /0 ≤ tx ≤ T/);
});

const truth: BgnbdParams = {r: 0.25, alpha: 4, a: 0.8, b: 2.5};
const random = randomSource(19);
const ages = Array.from({length: 50_000}, () => 20 + random.int(33));
const sample = sampleBgnbd(truth, ages, random, {holdout: 26});

test("BG/NBD recovers planted parameters within 10 % from 50,000 simulated customers", () => {
  const fit = fitBgnbd(historiesOf(sample));
  assert.ok(fit.converged);
  for (const k of ["r", "alpha", "a", "b"] as const) assertClose(fit.params[k], truth[k], 0.1, 0, k);
});

test("the true model's predictions match what the simulated customers did", () => {
  // Alive at T, purchases in the next 26 periods, by number of repeat purchases, and new customers' purchases.
  const byX = new Map<number, {alive: number; pAlive: number; bought: number; expected: number; n: number}>();
  for (const c of sample) {
    const k = Math.min(c.x, 5);
    const s = byX.get(k) ?? {alive: 0, pAlive: 0, bought: 0, expected: 0, n: 0};
    s.alive += Number(c.alive), s.pAlive += pAlive(truth, c), s.bought += c.holdout, s.expected += expectedPurchases(truth, 26, c), s.n++;
    byX.set(k, s);
  }
  for (const [x, s] of byX) {
    // Binomial / Poisson-ish noise: within 4 standard errors (and 3 % of the count).
    assert.ok(Math.abs(s.alive - s.pAlive) < 4 * Math.sqrt(s.pAlive) + 0.03 * s.n, `x = ${x}: alive ${s.alive} vs P(alive) sum ${s.pAlive}`);
    assert.ok(Math.abs(s.bought - s.expected) < 6 * Math.sqrt(s.expected) + 0.05 * s.expected, `x = ${x}: bought ${s.bought} vs expected ${s.expected}`);
  }
  const at39 = sample.filter((c) => c.T === 39);
  const mean = at39.reduce((s, c) => s + c.x, 0) / at39.length;
  assertClose(mean, expectedPurchasesNew(truth, 39), 0.08, 0, "mean repeat purchases by T = 39");
});

test("Gamma-Gamma recovers planted parameters from 50,000 simulated repeat customers", () => {
  const r = randomSource(7);
  const planted = {p: 4, q: 3, gamma: 50};
  const rows = Array.from({length: 50_000}, () => {
    const nu = sampleGamma(planted.q, r) / planted.gamma;
    const x = 1 + r.int(6);
    let total = 0;
    for (let j = 0; j < x; j++) total += sampleGamma(planted.p, r) / nu;
    return {x, mean: total / x};
  });
  const fit = fitGammaGamma(rows);
  for (const k of ["p", "q", "gamma"] as const) assertClose(fit.params[k], planted[k], 0.1, 0, k);
  assertClose(fit.populationMean, (planted.p * planted.gamma) / (planted.q - 1), 0.05, 0, "population mean per purchase");
});

test("BG/NBD and Gamma-Gamma on the real log's summary (tests/golden/bgnbd-real-summary.json) match scipy", () => {
  const s = readGolden("bgnbd-real-summary.json");
  const g = golden.real;
  const fit = fitBgnbd(s.histories);
  assert.ok(fit.converged);
  // r is tiny (0.008): most customers never buy again; the likelihood is flat along r/α, so parameters to 1e-3.
  for (const k of ["r", "alpha", "a", "b"] as const) assertClose(fit.params[k], g.bgnbd.params[k], 1e-3, 0, k);
  assertClose(fit.logLikelihood, g.bgnbd.logLikelihood, 1e-9, 0, "log-likelihood");
  for (const p of g.bgnbd.probes) {
    assertClose(pAlive(g.bgnbd.params, p), p.pAlive, 1e-10, 0, `P(alive) ${JSON.stringify(p)}`);
    assertClose(expectedPurchases(g.bgnbd.params, g.bgnbd.t, p), p.expected, 1e-9, 0, `E[Y] ${JSON.stringify(p)}`);
  }
  const rows = s.spend.x.map((x: number, i: number) => ({x, mean: s.spend.mean[i]}));
  const gg = fitGammaGamma(rows);
  for (const k of ["p", "q", "gamma"] as const) assertClose(gg.params[k], g.gammaGamma.params[k], 1e-3, 0, k);
  assertClose(gg.logLikelihood, g.gammaGamma.logLikelihood, 1e-9, 0, "Gamma-Gamma log-likelihood");
});

test("P(alive) keeps its precision when b is tiny and x = 1 (b + x − 1 would round to 0)", () => {
  const params = {r: 0.5, alpha: 10, a: 1, b: 1e-17};
  // a/b · ((α+T)/(α+tₓ))^(r+1) is astronomically large: P(alive) ≈ b/a · ((α+tₓ)/(α+T))^1.5, not 1 (b + 1 − 1 = 0 → division by zero → 0 odds).
  const h = {x: 1, tx: 0, T: 30};
  assertClose(pAlive(params, h), 1e-17 * Math.pow(10 / 40, 1.5), 1e-9);
});
