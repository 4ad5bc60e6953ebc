/**
 * Shared colours of the report's charts: one colour per target outcome (the negative outcome in a
 * calm blue, the positive one — churn, declining activity — in red), the chosen model highlighted.
 * Number formats are in format.ts.
 */

export const NEGATIVE = "#4e79a7";
export const POSITIVE = "#e15759";
export const CHOSEN = "#f28e2b";
export const MUTED = "#9aa5b1";

/** Colour of an outcome keyed by its label, for Plot's `color: {domain, range}`. */
export function outcomeColor(negative: string, positive: string) {
  return {domain: [negative, positive], range: [NEGATIVE, POSITIVE], legend: true};
}
