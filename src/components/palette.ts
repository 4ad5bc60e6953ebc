/**
 * Shared colours and number formats of the report's charts: one colour per target outcome (the
 * negative outcome in a calm blue, the positive one — churn, declining activity — in red), the
 * chosen model highlighted, a diverging scheme for standardised differences and correlations.
 * More number formats (p-values, test statistics, file sizes) are in format.ts.
 */
import {fixed, grouped} from "./format.js";

export const NEGATIVE = "#4e79a7";
export const POSITIVE = "#e15759";
export const CHOSEN = "#f28e2b";
export const MUTED = "#9aa5b1";

/** Colour of an outcome keyed by its label, for Plot's `color: {domain, range}`. */
export function outcomeColor(negative: string, positive: string) {
  return {domain: [negative, positive], range: [NEGATIVE, POSITIVE], legend: true};
}

/** Share as a percentage, a fixed-decimals number, a whole number with separators; never "-0.00". */
export const pct = (x: number, digits = 1) => (Number.isFinite(x) ? `${fixed(x * 100, digits)}%` : "–");
export const num = (x: number, digits = 3) => fixed(x, digits);
export const int = (x: number) => grouped(Math.round(x));
