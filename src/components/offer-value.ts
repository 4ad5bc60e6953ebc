/**
 * What a One Click offer to a whole segment returns under the reader's assumptions. Shared by the
 * loader (loaders/cases/one-click/offers.ts: the Summary quotes it at the default assumptions) and
 * the Offers page (recomputed live as the sliders move), so both always agree. Loaders import it
 * from here because pages cannot import from loaders/; scripts/prepare-artifacts.ts fingerprints it.
 */

export interface AssumptionValues {
  /** Cost of the offer per targeted customer (profit units). */
  offerCost: number;
  /** Share of would-be decliners the offer keeps active. */
  responseRate: number;
  /** Share of monthly profit lost when activity declines. */
  lossShare: number;
  /** Months at stake. */
  months: number;
}

export interface OfferValue {
  /** Profit kept over the months at stake, before the cost of the offers. */
  kept: number;
  cost: number;
  net: number;
  /** Response rate at which kept = cost (NaN when nothing is at risk). */
  breakEven: number;
  /** Cost per customer at which kept = cost: the most an offer may cost and still pay (0 for an empty segment). */
  breakEvenCost: number;
  /** Whether a paid offer pays at these assumptions (net above zero). */
  pays: boolean;
}

/** `o.expectedProfitAtRisk` is the segment's sum of decline probability × monthly profit; `o.n` its size. */
export function offerValue(o: {n: number; expectedProfitAtRisk: number}, a: AssumptionValues): OfferValue {
  const atStake = a.lossShare * a.months * o.expectedProfitAtRisk;
  const kept = a.responseRate * atStake;
  const cost = a.offerCost * o.n;
  return {kept, cost, net: kept - cost, breakEven: atStake > 0 ? cost / atStake : NaN, breakEvenCost: o.n > 0 ? kept / o.n : 0, pays: kept - cost > 0};
}

/**
 * The product response rate × share of profit lost at which the net is zero, with the offer's cost
 * and the months at stake as assumed (profit kept grows with that product alone). The net is
 * positive only when the assumed product is at least this. NaN when nothing is at risk.
 */
export function breakEvenProduct(o: {n: number; expectedProfitAtRisk: number}, a: AssumptionValues): number {
  return offerValue(o, {...a, responseRate: 1, lossShare: 1}).breakEven;
}
