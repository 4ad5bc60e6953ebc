/**
 * Shared colours of the report's charts, from the Okabe–Ito palette (Okabe & Ito, "Color Universal
 * Design", 2008): its colours stay apart under the common colour-vision deficiencies (protanopia,
 * deuteranopia, tritanopia) and differ in lightness too, so they survive a grey-scale print. Each
 * is readable on Framework's light and dark themes.
 * One colour per target outcome (the negative outcome in blue, the positive one — churn, declining
 * activity — in vermillion), the chosen model highlighted in orange, the rest muted grey.
 * Number formats are in format.ts.
 */

export const NEGATIVE = "#0072b2";
export const POSITIVE = "#d55e00";
export const CHOSEN = "#e69f00";
export const MUTED = "#999999";

/** Colours for categories without an order (segments, product categories), Okabe–Ito's, black left out for dark mode. */
export const CATEGORICAL = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#999999"];

/** Colour of an outcome keyed by its label, for Plot's `color: {domain, range}`. */
export function outcomeColor(negative: string, positive: string) {
  return {domain: [negative, positive], range: [NEGATIVE, POSITIVE], legend: true};
}
