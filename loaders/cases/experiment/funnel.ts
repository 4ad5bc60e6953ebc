/**
 * The funnel by group: participants reaching each step within their window (share of all
 * participants, and of the previous step's), the two-proportion z-test per step with Holm's
 * correction over the steps (the family), the difference in points (Newcombe) and the relative
 * lift (log risk ratio) with 95 % intervals, treatment against control. Revenue per participant
 * (zeros included): Mann–Whitney U and a percentile bootstrap interval of the difference in means.
 */
import {twoProportionZTest} from "../../stats/proportions.ts";
import {holm} from "../../stats/corrections.ts";
import {newcombeDifference, relativeLift, type ProportionInterval} from "../../stats/proportionIntervals.ts";
import {mannWhitneyStatistic} from "../../stats/mannWhitney.ts";
import {bootstrap, type BootstrapInterval} from "../../evaluation/bootstrap.ts";
import type {ExperimentPlan} from "./plan.ts";
import type {Participant} from "./read.ts";

export interface FunnelStep {
  step: string;
  /** [control, treatment] */
  users: [number, number];
  share: [number, number];
  /** Users at this step over users at the previous one (null for the first step). */
  fromPrevious: [number | null, number | null];
  z: number;
  pValue: number;
  pAdjusted: number;
  significant: boolean;
  difference: ProportionInterval;
  /** null when a group has no user at the step. */
  lift: ProportionInterval | null;
}

export interface Revenue {
  /** Mean revenue per participant [control, treatment]. */
  mean: [number, number];
  /** Participants with any purchase amount [control, treatment]. */
  payers: [number, number];
  total: [number, number];
  mannWhitney: {u: number; z: number; pValue: number};
  /** Treatment mean − control mean, percentile bootstrap. */
  difference: BootstrapInterval;
}

export interface Funnel {
  test: string;
  participants: [number, number];
  steps: FunnelStep[];
  correction: string;
  revenue: Revenue;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export function funnel(test: string, plan: ExperimentPlan, participants: readonly Participant[], {seed = 42, resamples = 2000} = {}): Funnel {
  const groups = [0, 1].map((g) => participants.filter((p) => p.test === test && p.treated === g));
  const n: [number, number] = [groups[0].length, groups[1].length];
  const raw = plan.funnel.map((step, j) => {
    const users = groups.map((g) => g.filter((p) => p.reached[j]).length) as [number, number];
    const z = twoProportionZTest([users[1], users[0]], [n[1], n[0]], {alpha: plan.alpha});
    return {step, users, z};
  });
  const adjusted = holm(raw.map((r) => r.z.pValue));
  const steps: FunnelStep[] = raw.map(({step, users, z}, j) => ({
    step, users,
    share: [users[0] / n[0], users[1] / n[1]],
    fromPrevious: j === 0 ? [null, null] : [0, 1].map((g) => (raw[j - 1].users[g] ? users[g] / raw[j - 1].users[g] : null)) as [number | null, number | null],
    z: z.statistic, pValue: z.pValue, pAdjusted: adjusted[j], significant: adjusted[j] < plan.alpha,
    difference: newcombeDifference(users[1], n[1], users[0], n[0]),
    lift: relativeLift(users[1], n[1], users[0], n[0])
  }));
  return {test, participants: n, steps, correction: "Holm", revenue: revenue(groups[0].map((p) => p.revenue), groups[1].map((p) => p.revenue), {seed, resamples})};
}

export function revenue(control: readonly number[], treatment: readonly number[], {seed = 42, resamples = 2000} = {}): Revenue {
  const mw = mannWhitneyStatistic(treatment, control);
  const all = [...control, ...treatment];
  const isTreated = all.map((_, i) => i >= control.length);
  // Resample participants of both groups together (group sizes vary between resamples, as they would between tests).
  const {difference} = bootstrap(all.length, (idx) => {
    let s0 = 0, n0 = 0, s1 = 0, n1 = 0;
    for (const i of idx) {
      if (isTreated[i]) { s1 += all[i]; n1++; } else { s0 += all[i]; n0++; }
    }
    return {difference: s1 / n1 - s0 / n0};
  }, {seed, resamples});
  return {
    mean: [sum(control) / control.length, sum(treatment) / treatment.length],
    payers: [control.filter((x) => x > 0).length, treatment.filter((x) => x > 0).length],
    total: [sum(control), sum(treatment)],
    mannWhitney: {u: mw.u1, z: mw.z, pValue: mw.pValue},
    difference
  };
}
