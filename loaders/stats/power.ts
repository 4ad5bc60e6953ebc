/**
 * Power of the two-sided two-sample z-test of proportions on Cohen's effect size h (arcsine scale),
 * as statsmodels NormalIndPower / zt_ind_solve_power with effect_size = proportion_effectsize(p₁, p₂):
 *   power = Φ̄(z₁₋α/₂ − |h|·√n) + Φ(−z₁₋α/₂ − |h|·√n), n = 1 / (1/n₁ + 1/n₂), n₂ = ratio · n₁.
 * The minimum detectable effect solves for h at the achieved sample and turns it back into the
 * treatment's proportion: p₁ = sin²(asin √p₀ + h/2).
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import {cohensH} from "./effects.ts";
import {normalQuantile} from "./distributions.ts";

export interface PowerOptions {
  alpha?: number;
  /** n₂ / n₁ (treatment over control in our use). Default 1. */
  ratio?: number;
}

export function powerOfH(h: number, n1: number, {alpha = 0.05, ratio = 1}: PowerOptions = {}): number {
  const n = 1 / (1 / n1 + 1 / (ratio * n1));
  const crit = normalQuantile(1 - alpha / 2);
  const d = Math.abs(h) * Math.sqrt(n);
  return 1 - normalCdf(crit - d, 0, 1) + normalCdf(-crit - d, 0, 1);
}

/** Bisection of an increasing function f on [lo, hi] for f(x) = target. */
function solveIncreasing(f: (x: number) => number, target: number, lo: number, hi: number): number {
  while (f(hi) < target) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Users needed in the first group (n₁; the second has ratio · n₁) to detect h with the given power. */
export function sampleSizeForH(h: number, power = 0.8, options: PowerOptions = {}): number {
  if (h === 0) return Infinity;
  return solveIncreasing((n) => powerOfH(h, n, options), power, 1e-9, 10);
}

/** The smallest |h| detected with the given power at n₁ (and ratio · n₁). */
export function detectableH(n1: number, power = 0.8, options: PowerOptions = {}): number {
  return solveIncreasing((h) => powerOfH(h, n1, options), power, 0, 1e-3);
}

export interface DetectableEffect {
  /** Cohen's h. */
  h: number;
  /** The treatment proportion the test would detect (upwards). */
  proportion: number;
  /** In points (proportion − baseline) and relative to the baseline. */
  absolute: number;
  relative: number;
}

/** Minimum detectable upward effect on a baseline proportion p₀ with n₁ control users and ratio · n₁ treatment users. */
export function minimumDetectableEffect(p0: number, n1: number, power = 0.8, options: PowerOptions = {}): DetectableEffect {
  const h = detectableH(n1, power, options);
  const angle = Math.asin(Math.sqrt(p0)) + h / 2;
  const proportion = angle >= Math.PI / 2 ? 1 : Math.sin(angle) ** 2;
  return {h, proportion, absolute: proportion - p0, relative: proportion / p0 - 1};
}

/** Control users needed to detect a relative lift on p₀ (treatment ratio · n₁). */
export function sampleSizeForLift(p0: number, lift: number, power = 0.8, options: PowerOptions = {}): number {
  return sampleSizeForH(cohensH(Math.min(1, p0 * (1 + lift)), p0), power, options);
}

/**
 * The smallest |rank-biserial r| the two-sided Mann–Whitney test detects with the given power between groups of n₁ and
 * n₂ (normal approximation, no ties): r = 2U / (n₁n₂) − 1 and U has sd √(n₁n₂(n₁ + n₂ + 1) / 12) under H0, so r has sd
 * 2√((n₁ + n₂ + 1) / (12 n₁n₂)); the test detects (z₁₋α/₂ + z_power) times that (the sd under the alternative taken as
 * under H0, close for the small effects this is used for). Checked against scipy's test by simulation
 * (tests/golden/mann-whitney-power.py).
 */
export function detectableRankBiserial(n1: number, n2: number, {alpha = 0.05, power = 0.8}: {alpha?: number; power?: number} = {}): number {
  return (normalQuantile(1 - alpha / 2) + normalQuantile(power)) * 2 * Math.sqrt((n1 + n2 + 1) / (12 * n1 * n2));
}
