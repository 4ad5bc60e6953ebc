/**
 * The verdict on one test, about the plan's goal step (one rule, stated):
 *   untrusted    a blocking validity issue (sample ratio mismatch, imbalance across another test):
 *                the groups are not comparable, so no lift is read from them;
 *   ship         the goal step's share is higher in treatment, significant after Holm's correction;
 *   do-not-ship  it is significantly lower; or not significant and the lift's 95 % interval lies
 *                wholly below the expected lift (the effect the feature was built for is ruled out);
 *   inconclusive otherwise (the interval still holds the expected lift: the test was too small).
 */
import type {Funnel} from "./funnel.ts";
import type {ExperimentPlan} from "./plan.ts";
import type {Validity} from "./validity.ts";

export type Decision = "untrusted" | "ship" | "do-not-ship" | "inconclusive";

export interface Verdict {
  decision: Decision;
  /** Why, as a code the page words: "srm", "other-test", "higher", "lower", "expected-ruled-out", "too-small". */
  reason: string;
  primary: string;
}

export function verdict(f: Funnel, v: Validity, plan: ExperimentPlan): Verdict {
  const primary = plan.primary;
  if (v.blocking.length) return {decision: "untrusted", reason: v.blocking[0].split(":")[0], primary};
  const s = f.steps.find((x) => x.step === primary)!;
  if (s.significant) return s.difference.value > 0 ? {decision: "ship", reason: "higher", primary} : {decision: "do-not-ship", reason: "lower", primary};
  if (s.lift && s.lift.hi < plan.expectedLift) return {decision: "do-not-ship", reason: "expected-ruled-out", primary};
  return {decision: "inconclusive", reason: "too-small", primary};
}
