/**
 * What the test could detect: per funnel step, the minimum detectable relative lift at the achieved
 * group sizes (two-sided z-test at α, the plan's power, on the control group's share), the power it
 * had for the plan's expected lift, and the participants per group the expected lift would have
 * needed at the planned split (statsmodels NormalIndPower on Cohen's h, stats/power.ts).
 */
import {minimumDetectableEffect, powerOfH, sampleSizeForLift} from "../../stats/power.ts";
import {cohensH} from "../../stats/effects.ts";
import type {ExperimentPlan} from "./plan.ts";
import type {Funnel} from "./funnel.ts";

export interface StepPower {
  step: string;
  baseline: number;
  /** Smallest relative lift detected with the plan's power at the achieved sizes. */
  mde: number;
  mdeAbsolute: number;
  /** Power for the expected lift at the achieved sizes. */
  powerForExpected: number;
  /** Participants needed for the expected lift, split as the plan says. */
  neededControl: number;
  neededTreatment: number;
}

export interface PowerReport {
  test: string;
  alpha: number;
  power: number;
  expectedLift: number;
  participants: [number, number];
  steps: StepPower[];
}

export function powerReport(f: Funnel, plan: ExperimentPlan): PowerReport {
  const [n0, n1] = f.participants;
  const options = {alpha: plan.alpha, ratio: n1 / n0};
  const split = plan.tests[f.test].split;
  const planned = {alpha: plan.alpha, ratio: split / (1 - split)};
  const steps = f.steps.map((s): StepPower => {
    const baseline = s.share[0];
    const mde = minimumDetectableEffect(baseline, n0, plan.power, options);
    const needed = sampleSizeForLift(baseline, plan.expectedLift, plan.power, planned);
    return {
      step: s.step, baseline, mde: mde.relative, mdeAbsolute: mde.absolute,
      powerForExpected: powerOfH(cohensH(Math.min(1, baseline * (1 + plan.expectedLift)), baseline), n0, options),
      neededControl: Math.ceil(needed), neededTreatment: Math.ceil(needed * planned.ratio)
    };
  });
  return {test: f.test, alpha: plan.alpha, power: plan.power, expectedLift: plan.expectedLift, participants: f.participants, steps};
}
