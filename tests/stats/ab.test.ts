/**
 * The A/B statistics against scipy/statsmodels (tests/golden/experiment.py): the normal quantile,
 * the mSPRT's closed-form mixture ratio against numerical integration of the normal mixture, its
 * confidence-sequence radius against root finding on that integral; and the simulation property the
 * readout exists for: with no effect, simulated tests looked at daily cross α at most α of the time,
 * while the daily fixed-horizon p-value crosses far more often.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {assertClose, readGolden} from "./helpers.ts";
import {normalQuantile} from "../../loaders/stats/distributions.ts";
import {confidenceHalfWidth, mixtureRatio, nullCrossingRate, sequentialTest} from "../../loaders/stats/sequential.ts";
import {chiSquareGoodnessOfFit} from "../../loaders/stats/goodnessOfFit.ts";

const golden = readGolden("experiment.json");

test("normal quantile equals scipy's norm.ppf", () => {
  for (const {p, z} of golden.normalQuantile) assertClose(normalQuantile(p), z, 1e-12, 1e-14, `Φ⁻¹(${p})`);
});

test("mSPRT mixture ratio equals the integral of the normal mixture (scipy quad)", () => {
  for (const c of golden.msprt) assertClose(mixtureRatio(c.difference, c.variance, c.tau), c.ratio, 1e-9, 0, `Λ(${c.difference}, ${c.variance}, ${c.tau})`);
});

test("confidence-sequence radius is where the mixture ratio reaches 1/α (scipy brentq on the integral)", () => {
  for (const c of golden.confidenceSequence) assertClose(confidenceHalfWidth(c.variance, c.tau, c.alpha), c.halfWidth, 1e-8, 0, `radius(${c.variance}, ${c.tau})`);
});

test("with no effect, the always-valid readout crosses α in at most α of simulated tests looked at daily; peeking at daily p-values does not", () => {
  const sizes = Array.from({length: 20}, (_, d) => ({n1: 100 * (d + 1), n2: 100 * (d + 1)}));
  for (const rate of [0.05, 0.3, 0.6]) {
    const check = nullCrossingRate(sizes, rate, {tau: 0.1 * rate, alpha: 0.05, simulations: 2000, seed: 7});
    // 2000 simulations: a rate of 0.05 would show as at most about 0.05 + 2.3 · 0.0049.
    assert.ok(check.alwaysValid <= 0.05, `always-valid crossing ${check.alwaysValid} at rate ${rate}`);
    assert.ok(check.peeking > 0.12, `daily p-value crossing ${check.peeking} at rate ${rate} (the peeking problem)`);
  }
});

test("the always-valid p-value only falls and the confidence sequence only narrows", () => {
  const looks = Array.from({length: 10}, (_, d) => ({x1: 40 * (d + 1) + 3 * d, n1: 100 * (d + 1), x2: 40 * (d + 1), n2: 100 * (d + 1)}));
  const out = sequentialTest(looks, {tau: 0.04});
  for (let i = 1; i < out.length; i++) {
    assert.ok(out[i].pValue <= out[i - 1].pValue);
    assert.ok(out[i].lo >= out[i - 1].lo && out[i].hi <= out[i - 1].hi);
  }
});

test("goodness of fit equals scipy.stats.chisquare on the demo tests' group sizes", () => {
  for (const t of Object.values<any>(golden.tests)) {
    const fit = chiSquareGoodnessOfFit(t.participants, [0.5, 0.5]);
    assertClose(fit.statistic, t.srm.statistic, 1e-12, 0, "χ²");
    assertClose(fit.pValue, t.srm.pValue, 1e-9, 0, "p");
  }
});
