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

/** The data as the likelihood reads it: per customer x and m; the sums that do not depend on the parameters; and the
 * customers per number of purchases (the lnΓ and ψ terms depend on x only: computed once per distinct x). */
interface SpendData {
  n: number;
  x: Float64Array;
  mean: Float64Array;
  /** Σ x ln x, Σ x ln m, Σ ln m. */
  sumXLnX: number;
  sumXLnM: number;
  sumLnM: number;
  /** Distinct x and the customers with each. */
  xs: number[];
  counts: number[];
}

function spendData(rows: readonly SpendHistory[]): SpendData {
  const n = rows.length;
  const x = new Float64Array(n), mean = new Float64Array(n);
  const perX = new Map<number, number>();
  let sumXLnX = 0, sumXLnM = 0, sumLnM = 0;
  rows.forEach((r, i) => {
    x[i] = r.x, (mean[i] = r.mean);
    const lm = Math.log(r.mean);
    sumXLnX += r.x * Math.log(r.x), (sumXLnM += r.x * lm), (sumLnM += lm);
    perX.set(r.x, (perX.get(r.x) ?? 0) + 1);
  });
  const xs = [...perX.keys()].sort((a, b) => a - b);
  return {n, x, mean, sumXLnX, sumXLnM, sumLnM, xs, counts: xs.map((v) => perX.get(v)!)};
}

/** Mean log-likelihood per customer and its gradient in (ln p, ln q, ln γ): ℓ summed over customers, its terms in x alone
 * summed per distinct x, those in x and m alone summed once (spendData), one logarithm per customer per evaluation. */
function meanLogLikelihood({p, q, gamma}: GammaGammaParams, d: SpendData): {value: number; gradient: number[]} {
  const {n, x, mean} = d;
  const [lgq, dq, lnGamma] = [lgamma(q), digamma(q), Math.log(gamma)];
  let ll = 0, gp = 0, gq = 0;
  d.xs.forEach((v, j) => {
    const c = d.counts[j], dpx = digamma(p * v), dpxq = digamma(p * v + q);
    ll += c * (lgamma(p * v + q) - lgamma(p * v));
    gp += c * v * (dpxq - dpx);
    gq += c * dpxq;
  });
  // Σ ln(γ + x m), Σ x ln(γ + x m) and Σ (px + q)/(γ + x m) over customers.
  let sumLs = 0, sumXLs = 0, gg = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i], s = gamma + xi * mean[i], ls = Math.log(s);
    sumLs += ls, (sumXLs += xi * ls), (gg += (p * xi + q) / s);
  }
  ll += n * (q * lnGamma - lgq) + p * (d.sumXLnX + d.sumXLnM) - d.sumLnM - p * sumXLs - q * sumLs;
  gp += d.sumXLnX + d.sumXLnM - sumXLs;
  gq += n * (lnGamma - dq) - sumLs;
  const gradGamma = (n * q) / gamma - gg;
  return {value: ll / n, gradient: [(p * gp) / n, (q * gq) / n, (gamma * gradGamma) / n]};
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, rows: readonly SpendHistory[]): number {
  check(rows);
  return meanLogLikelihood(params, spendData(rows)).value * rows.length;
}

const fromLog = (theta: readonly number[]): GammaGammaParams => ({p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2])});

export function fitGammaGamma(rows: readonly SpendHistory[]): GammaGammaFit {
  check(rows);
  if (rows.length < 2) throw new Error("gamma-gamma: at least two customers with repeat purchases are needed");
  const average = rows.reduce((s, r) => s + r.mean, 0) / rows.length;
  const data = spendData(rows);
  // Start at p = 1, q = 2, γ = the average of the means (a population mean equal to it).
  const m = minimiseBfgs((theta) => {
    const {value, gradient} = meanLogLikelihood(fromLog(theta), data);
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
