/**
 * BG/NBD ("beta-geometric / negative binomial distribution") model of repeat purchasing (Fader, Hardie &
 * Lee 2005, "Counting your customers the easy way", Marketing Science 24(2)). While alive, a customer buys
 * as a Poisson process with rate λ ~ Gamma(r, α) (shape r, rate α); after each purchase they drop out with
 * probability p ~ Beta(a, b). Each customer's history is summarised by
 *   x   repeat purchases (purchases after the first) in the calibration period,
 *   tₓ  time of the last purchase, measured from the first (0 when x = 0),
 *   T   time from the first purchase to the end of the period,
 * all in one time unit. The log-likelihood of one customer (FHL 2005, eq. 6), in its stable form:
 *   ℓ = lnΓ(r+x) − lnΓ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
 *       + log( (α+T)^−(r+x) + [x > 0] · a/(b+(x−1)) · (α+tₓ)^−(r+x) )     (the log of a sum by log-sum-exp).
 *
 * Fit: maximum likelihood over (ln r, ln α, ln a, ln b) — unconstrained, so every parameter stays positive —
 * by BFGS with the analytic gradient (loaders/models/bfgs.ts). Customers with identical (x, tₓ, T) are one
 * weighted row, and every term that depends on x alone (the gamma and beta functions and their digamma
 * derivatives) is computed once per distinct x, so an evaluation costs a few logarithms per distinct history:
 * a million customers fit in about a second.
 *
 * Predictions for a customer with history (x, tₓ, T):
 *   P(alive) = 1 / (1 + [x > 0] · a/(b+(x−1)) · ((α+T)/(α+tₓ))^(r+x))                        (FHL 2005, eq. 12)
 *   E[Y(t)]  = (a+b+(x−1))/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+(x−1); t/(α+T+t))] / (1 + …)
 *              expected purchases in the next t time units                                 (FHL 2005, eq. 10)
 * By the model's construction a customer can only drop out right after a purchase, so someone who has not
 * bought again since the first purchase (x = 0) has P(alive) = 1 whatever T: read their outlook from E[Y(t)].
 */
import {digamma, hyp2f1, lgamma} from "../stats/special.ts";
import {minimiseBfgs} from "./bfgs.ts";

export interface BgnbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** One customer's calibration summary (see the header). */
export interface PurchaseHistory {
  x: number;
  tx: number;
  T: number;
}

/** Histories as columns (optionally with a weight: customers sharing the history). */
export interface Histories {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  weight?: ArrayLike<number>;
}

/** Distinct histories with their weights. Each group's x, tₓ and T are indices into tables of distinct values, so
 * the terms that depend on one of them alone are computed once per value. */
export interface HistoryGroups {
  weight: Float64Array;
  /** Distinct x values and each group's index into them; likewise tₓ and T. */
  levels: number[];
  level: Int32Array;
  txValues: Float64Array;
  txIndex: Int32Array;
  TValues: Float64Array;
  TIndex: Int32Array;
  customers: number;
}

export function historiesOf(rows: readonly PurchaseHistory[]): Histories {
  return {x: rows.map((h) => h.x), tx: rows.map((h) => h.tx), T: rows.map((h) => h.T)};
}

/** Index of each distinct value in order of first appearance. */
function valueTable(): {values: number[]; indexOf: (v: number) => number} {
  const at = new Map<number, number>();
  const values: number[] = [];
  return {values, indexOf: (v) => {
    let k = at.get(v);
    if (k === undefined) at.set(v, (k = values.push(v) - 1));
    return k;
  }};
}

/** Merge identical (x, tₓ, T) into weighted groups (numbered in order of first appearance), checking each history. */
export function groupHistories({x, tx, T, weight}: Histories): HistoryGroups {
  const n = x.length;
  if (tx.length !== n || T.length !== n || (weight && weight.length !== n)) throw new Error("groupHistories: x, tx, T (and weight) differ in length");
  const [xs, txs, Ts] = [valueTable(), valueTable(), valueTable()];
  // Each history as its three values' places in their tables, then as one number: one lookup per history.
  const ix = new Int32Array(n), itx = new Int32Array(n), iT = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i], ti = tx[i], Ti = T[i], wi = weight ? weight[i] : 1;
    if (!(Number.isInteger(xi) && xi >= 0 && ti >= 0 && Ti >= ti && Ti > 0 && (xi > 0 || ti === 0) && wi >= 0)) {
      throw new Error(`groupHistories: history ${i} is not valid (x = ${xi}, tx = ${ti}, T = ${Ti}, weight = ${wi}): need integer x ≥ 0, 0 ≤ tx ≤ T, T > 0, tx = 0 when x = 0`);
    }
    ix[i] = xs.indexOf(xi), itx[i] = txs.indexOf(ti), iT[i] = Ts.indexOf(Ti);
  }
  const nT = Ts.values.length, ntx = txs.values.length;
  if (xs.values.length * nT * ntx > Number.MAX_SAFE_INTEGER) throw new Error("groupHistories: too many distinct values to key the histories");
  const groupOf = new Map<number, number>();
  const gx: number[] = [], gtx: number[] = [], gT: number[] = [], gw: number[] = [];
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const wi = weight ? weight[i] : 1;
    const key = (ix[i] * nT + iT[i]) * ntx + itx[i];
    const g = groupOf.get(key);
    if (g === undefined) {
      groupOf.set(key, gw.length);
      gx.push(ix[i]), gtx.push(itx[i]), gT.push(iT[i]), gw.push(wi);
    } else gw[g] += wi;
    customers += wi;
  }
  return {weight: Float64Array.from(gw), levels: xs.values, level: Int32Array.from(gx), txValues: Float64Array.from(txs.values), txIndex: Int32Array.from(gtx),
    TValues: Float64Array.from(Ts.values), TIndex: Int32Array.from(gT), customers};
}

/** ln(α + v) and 1/(α + v) for each value of a table. */
function shifted(alpha: number, values: Float64Array): {log: Float64Array; inverse: Float64Array} {
  const log = new Float64Array(values.length), inverse = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) (log[k] = Math.log(alpha + values[k])), (inverse[k] = 1 / (alpha + values[k]));
  return {log, inverse};
}

/** Mean log-likelihood per customer and its gradient with respect to (ln r, ln α, ln a, ln b). */
function meanLogLikelihood(params: BgnbdParams, g: HistoryGroups, withGradient: boolean): {value: number; gradient: number[]} {
  const {r, alpha, a, b} = params;
  const L = g.levels.length;
  const lgr = new Float64Array(L), dgr = new Float64Array(L), beta = new Float64Array(L), dba = new Float64Array(L), dbb = new Float64Array(L), lc = new Float64Array(L);
  const [lgrr, lgb, lgab] = [lgamma(r), lgamma(b), lgamma(a + b)];
  const [dr, db, dab] = withGradient ? [digamma(r), digamma(b), digamma(a + b)] : [0, 0, 0];
  for (let k = 0; k < L; k++) {
    const x = g.levels[k];
    lgr[k] = lgamma(r + x) - lgrr;
    beta[k] = lgamma(b + x) + lgab - lgb - lgamma(a + b + x);
    lc[k] = x > 0 ? Math.log(a) - Math.log(b + (x - 1)) : -Infinity;
    if (withGradient) {
      dgr[k] = digamma(r + x) - dr;
      const dabx = digamma(a + b + x);
      dba[k] = dab - dabx;
      dbb[k] = digamma(b + x) + dab - db - dabx;
    }
  }
  const atT = shifted(alpha, g.TValues), atTx = shifted(alpha, g.txValues);
  const {weight, level, TIndex, txIndex, levels} = g;
  const lnAlpha = Math.log(alpha);
  let ll = 0, gr = 0, galpha = 0, ga = 0, gb = 0;
  for (let i = 0; i < weight.length; i++) {
    const w = weight[i], k = level[i], x = levels[k], rx = r + x, iT = TIndex[i];
    const lT = atT.log[iT];
    const a3 = -rx * lT;
    // log(e^a3 + e^a4) with p4 = e^a4 / (e^a3 + e^a4), by one exponential.
    let logSum = a3, p4 = 0, lt = 0, it = 0;
    if (x > 0) {
      const j = txIndex[i];
      lt = atTx.log[j];
      it = atTx.inverse[j];
      const d = lc[k] - rx * lt - a3;
      const e = Math.exp(-Math.abs(d));
      logSum = (d > 0 ? a3 + d : a3) + Math.log1p(e);
      p4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
    }
    ll += w * (lgr[k] + r * lnAlpha + beta[k] + logSum);
    if (withGradient) {
      const p3 = 1 - p4;
      gr += w * (dgr[k] + lnAlpha - p3 * lT - p4 * lt);
      galpha += w * (r / alpha - rx * (p3 * atT.inverse[iT] + p4 * it));
      if (x > 0) (ga += w * (dba[k] + p4 / a)), (gb += w * (dbb[k] - p4 / (b + (x - 1))));
      else (ga += w * dba[k]), (gb += w * dbb[k]);
    }
  }
  const n = g.customers;
  return {value: ll / n, gradient: [(r * gr) / n, (alpha * galpha) / n, (a * ga) / n, (b * gb) / n]};
}

/** The total log-likelihood of the histories under the parameters. */
export function bgnbdLogLikelihood(params: BgnbdParams, histories: Histories | HistoryGroups): number {
  const g = "levels" in histories ? histories : groupHistories(histories);
  return meanLogLikelihood(params, g, false).value * g.customers;
}

export interface BgnbdFit {
  params: BgnbdParams;
  logLikelihood: number;
  customers: number;
  /** Distinct (x, tₓ, T) histories the likelihood was summed over. */
  groups: number;
  iterations: number;
  /** Likelihood evaluations (with gradient) the optimiser made. */
  evaluations: number;
  converged: boolean;
  optimiser: string;
}

export const BGNBD_OPTIMISER = "maximum likelihood by BFGS with the analytic gradient, over the logarithms of r, α, a and b";

const fromLog = (theta: readonly number[]): BgnbdParams => ({r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), a: Math.exp(theta[2]), b: Math.exp(theta[3])});

export function fitBgnbd(histories: Histories | HistoryGroups, {start}: {start?: BgnbdParams} = {}): BgnbdFit {
  const g = "levels" in histories ? histories : groupHistories(histories);
  let purchases = 0, time = 0;
  for (let i = 0; i < g.weight.length; i++) (purchases += g.weight[i] * g.levels[g.level[i]]), (time += g.weight[i] * g.TValues[g.TIndex[i]]);
  if (!(purchases > 0)) throw new Error("fitBgnbd: no repeat purchases: the purchase rate and dropout cannot be estimated");
  // Start where the mean rate r/α matches repeat purchases per unit time, a mean dropout chance of 1/4.
  const s = start ?? {r: 1, alpha: time / purchases, a: 1, b: 3};
  const m = minimiseBfgs((theta) => {
    const {value, gradient} = meanLogLikelihood(fromLog(theta), g, true);
    return {value: -value, gradient: gradient.map((v) => -v)};
  }, [Math.log(s.r), Math.log(s.alpha), Math.log(s.a), Math.log(s.b)], {gradientTol: 1e-9});
  return {params: fromLog(m.theta), logLikelihood: -m.value * g.customers, customers: g.customers, groups: g.weight.length,
    iterations: m.iterations, evaluations: m.evaluations, converged: m.converged, optimiser: BGNBD_OPTIMISER};
}

/** ln of the "dropped out" odds term: ln(a/(b+(x−1))) + (r+x) ln((α+T)/(α+tₓ)); −∞ when x = 0. */
function logDropOdds({r, alpha, a, b}: BgnbdParams, {x, tx, T}: PurchaseHistory): number {
  return x > 0 ? Math.log(a / (b + (x - 1))) + (r + x) * Math.log((alpha + T) / (alpha + tx)) : -Infinity;
}

/** Probability the customer is still alive (has not dropped out) at the end of the calibration period. */
export function pAlive(params: BgnbdParams, h: PurchaseHistory): number {
  return 1 / (1 + Math.exp(logDropOdds(params, h)));
}

/** Expected purchases in the next t time units of a customer with history h, were they still alive. */
export function expectedPurchasesIfAlive(params: BgnbdParams, t: number, h: PurchaseHistory): number {
  if (t <= 0) return 0;
  const {r, alpha, a, b} = params;
  const {x, T} = h;
  const z = t / (alpha + T + t);
  const tail = Math.exp((r + x) * Math.log((alpha + T) / (alpha + T + t))) * hyp2f1(r + x, b + x, a + b + (x - 1), z);
  return ((a + b + (x - 1)) / (a - 1)) * (1 - tail);
}

/** Expected purchases in the next t time units of a customer with history h. */
export function expectedPurchases(params: BgnbdParams, t: number, h: PurchaseHistory): number {
  return expectedPurchasesIfAlive(params, t, h) * pAlive(params, h);
}

/** Expected purchases in a period of length t by a customer just acquired (FHL 2005, eq. 9). */
export function expectedPurchasesNew({r, alpha, a, b}: BgnbdParams, t: number): number {
  const z = t / (alpha + t);
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, z));
}
