/**
 * Gamma-Gamma model of the value of a customer's purchases (Fader, Hardie & Lee 2005, "RFM and CLV: using
 * iso-value curves for customer base analysis", JMR 42(4); after Colombo & Jiang 1999). Each purchase of a
 * customer is worth Z ~ Gamma(p, ν); across customers ν ~ Gamma(q, γ). A customer with x purchases of mean
 * value m contributes (FHL 2005, eq. 3 of the note "The Gamma-Gamma model of monetary value")
 *   ℓ = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + px ln x + (px−1) ln m − (px+q) ln(γ + x m),
 * and their expected value per future purchase is
 *   E[Z | x, m] = p(γ + x m) / (px + q − 1),
 * a weighted mean of the population mean pγ/(q − 1) and the customer's own mean m (more purchases, more weight
 * on m). The model assumes the value of purchases does not depend on how often a customer buys: check the
 * correlation between x and m before relying on it. Fit by maximum likelihood over (ln p, ln q, ln γ) with
 * BFGS and the analytic gradient (loaders/models/bfgs.ts), customers with x ≥ 1 and m > 0 only.
 */
import {digamma, lgamma} from "../stats/special.ts";
import {minimiseBfgs} from "./bfgs.ts";

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** Purchases counted and their mean value, per customer. */
export interface SpendHistory {
  x: number;
  mean: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  logLikelihood: number;
  customers: number;
  iterations: number;
  converged: boolean;
  /** Population mean value per purchase, pγ/(q − 1); NaN when q ≤ 1 (no finite mean). */
  populationMean: number;
  optimiser: string;
}

function check(rows: readonly SpendHistory[]): void {
  rows.forEach(({x, mean}, i) => {
    if (!(Number.isInteger(x) && x >= 1 && mean > 0)) throw new Error(`gamma-gamma: customer ${i} has x = ${x}, mean = ${mean}: need integer x ≥ 1 and a positive mean value`);
  });
}

/** Mean log-likelihood per customer and its gradient in (ln p, ln q, ln γ). */
function meanLogLikelihood({p, q, gamma}: GammaGammaParams, rows: readonly SpendHistory[]): {value: number; gradient: number[]} {
  const terms = new Map<number, {lg: number; dpx: number; dpxq: number}>();
  for (const {x} of rows) if (!terms.has(x)) terms.set(x, {lg: lgamma(p * x + q) - lgamma(p * x), dpx: digamma(p * x), dpxq: digamma(p * x + q)});
  const [lgq, dq, lnGamma] = [lgamma(q), digamma(q), Math.log(gamma)];
  let ll = 0, gp = 0, gq = 0, gg = 0;
  for (const {x, mean} of rows) {
    const t = terms.get(x)!;
    const lx = Math.log(x), lm = Math.log(mean), ls = Math.log(gamma + x * mean);
    ll += t.lg - lgq + q * lnGamma + p * x * lx + (p * x - 1) * lm - (p * x + q) * ls;
    gp += x * (t.dpxq - t.dpx + lx + lm - ls);
    gq += t.dpxq - dq + lnGamma - ls;
    gg += q / gamma - (p * x + q) / (gamma + x * mean);
  }
  const n = rows.length;
  return {value: ll / n, gradient: [(p * gp) / n, (q * gq) / n, (gamma * gg) / n]};
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly SpendHistory[]): number {
  check(rows);
  return meanLogLikelihood(params, rows).value * rows.length;
}

const fromLog = (theta: readonly number[]): GammaGammaParams => ({p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2])});

export function fitGammaGamma(rows: readonly SpendHistory[]): GammaGammaFit {
  check(rows);
  if (rows.length < 2) throw new Error("gamma-gamma: at least two customers with repeat purchases are needed");
  const average = rows.reduce((s, r) => s + r.mean, 0) / rows.length;
  // Start at p = 1, q = 2, γ = the average of the means (a population mean equal to it).
  const m = minimiseBfgs((theta) => {
    const {value, gradient} = meanLogLikelihood(fromLog(theta), rows);
    return {value: -value, gradient: gradient.map((g) => -g)};
  }, [0, Math.log(2), Math.log(average)]);
  const params = fromLog(m.theta);
  return {params, logLikelihood: -m.value * rows.length, customers: rows.length, iterations: m.iterations, converged: m.converged,
    populationMean: params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : NaN,
    optimiser: "maximum likelihood by BFGS with the analytic gradient, over the logarithms of p, q and γ"};
}

/** Expected value per future purchase of a customer with x purchases of mean value `mean` (x = 0: the population mean). */
export function expectedPurchaseValue({p, q, gamma}: GammaGammaParams, {x, mean}: SpendHistory): number {
  return (p * (gamma + x * mean)) / (p * x + q - 1);
}
