/** Wording shared by the tests: p-values and decisions in plain language. */
import {formatP, pEquals} from "../../src/components/format.ts";

// One p-value style for loaders and pages: it lives with the site's formats (pages cannot import loaders).
export {formatP, pEquals};

export function decisionText(p: number, alpha: number, effectIfRejected: string, noEvidence: string, pLabel = "p"): string {
  return p < alpha
    ? `Reject H0 at α = ${alpha} (${pEquals(p, pLabel)}): ${effectIfRejected}`
    : `Do not reject H0 at α = ${alpha} (${pEquals(p, pLabel)}): ${noEvidence}`;
}
