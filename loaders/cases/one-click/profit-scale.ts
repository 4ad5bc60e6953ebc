/**
 * Profit against revenue, per customer and month, as a fact about the data: the finance export's
 * profit and the behaviour export's revenue come from different departments, and nothing in the
 * files says they share a unit. When profit is a tiny or an impossible share of revenue (below 1 %
 * or above 100 %: a store's margin lies between), the pages ask the reader to check the unit before
 * reading any money figure. The ratio is computed, never assumed.
 */
import {numericColumn, type CustomerRow} from "./features.ts";

export interface ProfitScale {
  /** Mean monthly profit per customer (the finance export's figure). */
  profit: number;
  /** Mean monthly revenue per customer over the export's three months. */
  revenue: number;
  /** profit ÷ revenue. */
  ratio: number;
  /** Whether the ratio lies outside a store's plausible margin (1 % to 100 %). */
  checkUnit: boolean;
}

/** The plausible range of profit ÷ revenue for a store. */
export const plausibleMargin = {min: 0.01, max: 1} as const;

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

export function profitScale(rows: readonly CustomerRow[]): ProfitScale {
  const profit = mean(rows.map((r) => r.profit));
  const months = (["revenueBeforePrevious", "revenuePrevious", "revenueCurrent"] as const).map((id) => numericColumn(rows, id));
  const revenue = mean(rows.map((_, i) => mean(months.map((m) => m[i]))));
  const ratio = profit / revenue;
  return {profit, revenue, ratio, checkUnit: !(ratio >= plausibleMargin.min && ratio <= plausibleMargin.max)};
}
