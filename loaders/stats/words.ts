/** Wording shared by the tests: p-values and decisions in plain language. */

/** p-value for prose: "0.034", "0.0012", "3.1e-12"; never "0". */
export function formatP(p: number): string {
  if (Number.isNaN(p)) return "NaN";
  if (p === 0) return "< 1e-300";
  if (p >= 0.001) return String(+p.toPrecision(2));
  return p.toExponential(1);
}

export function decisionText(p: number, alpha: number, effectIfRejected: string, noEvidence: string, pLabel = "p"): string {
  return p < alpha
    ? `Reject H0 at α = ${alpha} (${pLabel} = ${formatP(p)}): ${effectIfRejected}`
    : `Do not reject H0 at α = ${alpha} (${pLabel} = ${formatP(p)}): ${noEvidence}`;
}
