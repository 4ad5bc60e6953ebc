/**
 * The effect the Mann–Whitney test detects with 80 % power (detectableRankBiserial) against scipy's test itself: in
 * tests/golden/mann-whitney-power.py, 4,000 simulated pairs of normal samples per shift give the power of
 * scipy.stats.mannwhitneyu at a grid of population rank-biserial r; at our detectable r, read off that curve, the
 * power must be about 0.8 (the simulation's own error is ±0.006, the normal approximation adds a little).
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {readGolden} from "./helpers.ts";
import {detectableRankBiserial} from "../../loaders/stats/power.ts";

interface Scenario {n1: number; n2: number; alpha: number; curve: {r: number; power: number}[]}
const {scenarios} = readGolden<{scenarios: Scenario[]}>("mann-whitney-power.json");

/** The simulated power at r, linear between the two grid points around it. */
function powerAt({curve}: Scenario, r: number): number {
  const k = curve.findIndex((p) => p.r >= r);
  assert.ok(k > 0, `r = ${r} lies outside the simulated grid`);
  const [a, b] = [curve[k - 1], curve[k]];
  return a.power + ((r - a.r) / (b.r - a.r)) * (b.power - a.power);
}

test("the rank-biserial r detected with 80 % power is detected about 80 % of the time by scipy's Mann–Whitney test", () => {
  for (const s of scenarios) {
    const r = detectableRankBiserial(s.n1, s.n2, {alpha: s.alpha, power: 0.8});
    const power = powerAt(s, r);
    assert.ok(Math.abs(power - 0.8) < 0.03, `n = ${s.n1} + ${s.n2}: r = ${r.toFixed(4)} has simulated power ${power.toFixed(3)}`);
  }
});
