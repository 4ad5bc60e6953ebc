/**
 * An always-valid readout of a difference of two proportions, θ = p₁ − p₂, that may be looked at
 * every day: the mixture sequential probability ratio test (mSPRT; Johari, Koomen, Pekelis and
 * Walsh, "Always valid inference", 2017/2022) with a normal mixing distribution θ ~ N(0, τ²) and
 * the normal approximation θ̂ ~ N(θ, V), V = p̂₁(1 − p̂₁)/n₁ + p̂₂(1 − p̂₂)/n₂. In closed form,
 *
 *   Λ = √(V / (V + τ²)) · exp(θ̂² τ² / (2 V (V + τ²)))
 *
 * and, under θ = 0, Λ is (approximately) a martingale, so P(Λ ever ≥ 1/α) ≤ α (Ville's inequality):
 * the always-valid p-value is the running minimum of 1/Λ, and the confidence sequence (every θ₀
 * the test would not reject) is
 *
 *   θ̂ ± √( V (V + τ²) / τ² · (2 log(1/α) + log((V + τ²)/V)) ),
 *
 * intersected over the looks so far. τ sets where the test has most power (an effect of about τ);
 * the guarantee holds for any fixed τ. The approximation (plug-in V, normal θ̂) is checked by
 * `nullCrossingRate`: simulated tests with no effect, at the same daily sample sizes.
 */
import {randomSource} from "../random.ts";
import {normalTwoSided} from "./distributions.ts";

export interface Look {
  /** Successes and users so far: group 1 (treatment), group 2 (control). */
  x1: number;
  n1: number;
  x2: number;
  n2: number;
}

export interface SequentialLook {
  difference: number;
  /** The mixture likelihood ratio Λ at this look (1 when the variance is still 0). */
  ratio: number;
  /** Always-valid p-value: running minimum of min(1, 1/Λ). */
  pValue: number;
  /** Confidence sequence for p₁ − p₂ (running intersection). */
  lo: number;
  hi: number;
  /** The fixed-horizon two-proportion z-test's p-value at this look (the "peeking" readout). */
  naivePValue: number;
}

function variance({x1, n1, x2, n2}: Look): number {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  return (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2;
}

export function mixtureRatio(difference: number, v: number, tau: number): number {
  if (!(v > 0)) return 1;
  const t2 = tau * tau;
  return Math.sqrt(v / (v + t2)) * Math.exp((difference * difference * t2) / (2 * v * (v + t2)));
}

export function confidenceHalfWidth(v: number, tau: number, alpha: number): number {
  if (!(v > 0)) return Infinity;
  const t2 = tau * tau;
  return Math.sqrt(((v * (v + t2)) / t2) * (2 * Math.log(1 / alpha) + Math.log((v + t2) / v)));
}

function pooledZ({x1, n1, x2, n2}: Look): number {
  const p = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
  return se > 0 ? (x1 / n1 - x2 / n2) / se : 0;
}

/** The always-valid readout at each look (cumulative counts, in time order). */
export function sequentialTest(looks: readonly Look[], {tau, alpha = 0.05}: {tau: number; alpha?: number}): SequentialLook[] {
  if (!(tau > 0)) throw new Error(`mSPRT: the mixing scale τ must be positive, got ${tau}`);
  let p = 1;
  let lo = -Infinity;
  let hi = Infinity;
  return looks.map((look) => {
    const ready = look.n1 > 0 && look.n2 > 0;
    const difference = ready ? look.x1 / look.n1 - look.x2 / look.n2 : 0;
    const v = ready ? variance(look) : 0;
    const ratio = mixtureRatio(difference, v, tau);
    p = Math.min(p, 1 / ratio);
    const half = confidenceHalfWidth(v, tau, alpha);
    if (Number.isFinite(half)) {
      lo = Math.max(lo, difference - half);
      hi = Math.min(hi, difference + half);
    }
    return {difference, ratio, pValue: Math.min(1, p), lo, hi, naivePValue: ready ? normalTwoSided(pooledZ(look)) : 1};
  });
}

export interface NullCheck {
  simulations: number;
  alpha: number;
  /** Share of simulated no-effect tests whose always-valid p-value ever fell below α. */
  alwaysValid: number;
  /** Share whose daily fixed-horizon p-value ever fell below α (peeking). */
  peeking: number;
}

/**
 * Simulated tests with no effect: both groups draw successes at `rate`, with the given cumulative
 * sample sizes at each look; the share that ever cross α with each readout (seeded).
 */
export function nullCrossingRate(sizes: readonly {n1: number; n2: number}[], rate: number, {tau, alpha = 0.05, simulations = 2000, seed = 42}: {tau: number; alpha?: number; simulations?: number; seed?: number}): NullCheck {
  const random = randomSource(seed);
  let valid = 0;
  let peek = 0;
  const draw = (n: number) => {
    let k = 0;
    for (let i = 0; i < n; i++) if (random() < rate) k++;
    return k;
  };
  for (let s = 0; s < simulations; s++) {
    let x1 = 0, x2 = 0, m1 = 0, m2 = 0;
    const looks: Look[] = sizes.map(({n1, n2}) => {
      x1 += draw(n1 - m1);
      x2 += draw(n2 - m2);
      m1 = n1;
      m2 = n2;
      return {x1, n1, x2, n2};
    });
    const out = sequentialTest(looks, {tau, alpha});
    if (out.some((l) => l.pValue < alpha)) valid++;
    if (out.some((l) => l.naivePValue < alpha)) peek++;
  }
  return {simulations, alpha, alwaysValid: valid / simulations, peeking: peek / simulations};
}
