/**
 * What a fitness retention action may return under the reader's assumptions. Shared by the loader
 * (loaders/cases/fitness/recommendations.ts: figures at the default assumptions, quoted on the
 * Summary) and the Recommendations page (recomputed live as the inputs move), so both agree.
 *
 * Reaching an expected churner is not keeping one: members kept = success rate × expected churners
 * reached. The success rate is an assumption until a randomised hold-out measures it.
 */

export interface RetentionAssumptions {
  /** Share of the expected churners reached whom the action keeps. */
  successRate: number;
  /** Cost of contacting one member (currency of the reader). */
  contactCost: number;
  /** Value of one member-month (currency of the reader). */
  memberMonthValue: number;
  /** Months a kept member stays on. */
  months: number;
}

export interface RetentionValue {
  /** Members kept: success rate × expected churners reached. */
  kept: number;
  /** Value of the members kept over the months assumed. */
  value: number;
  /** Cost of contacting every member concerned. */
  cost: number;
  net: number;
  /** Success rate at which value = cost (NaN when no churner is expected). */
  breakEven: number;
}

/** `a.members` are contacted; `a.expectedChurners` is the sum of their churn probabilities. */
export function retentionValue(a: {members: number; expectedChurners: number}, x: RetentionAssumptions): RetentionValue {
  const atStake = a.expectedChurners * x.memberMonthValue * x.months;
  const kept = x.successRate * a.expectedChurners;
  const value = x.successRate * atStake;
  const cost = x.contactCost * a.members;
  return {kept, value, cost, net: value - cost, breakEven: atStake > 0 ? cost / atStake : NaN};
}
