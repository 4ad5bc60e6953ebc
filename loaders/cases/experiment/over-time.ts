/**
 * The test day by day. A participant counts from the day their analysis window has closed (sign-up
 * day + window − 1), with the steps reached in that window: each day adds users whose outcome is
 * final, so the daily readouts are looks at a growing sample of complete outcomes. For each step:
 * cumulative shares per group, the difference with the always-valid confidence sequence (mSPRT,
 * stats/sequential.ts) and, for contrast, the daily fixed-horizon p-value that peeking reads. The
 * mixing scale τ is the plan's expected relative lift times the control group's share at the step
 * (the effect the test was sized for). The goal step's readout is checked by simulation: tests
 * with no effect at the same daily sizes, the share that ever cross α with each readout.
 */
import {nullCrossingRate, sequentialTest, type NullCheck} from "../../stats/sequential.ts";
import type {ExperimentPlan} from "./plan.ts";
import type {Participant} from "./read.ts";

export interface DailyLook {
  date: string;
  users: [number, number];
  share: [number, number];
  difference: number;
  lo: number;
  hi: number;
  pValue: number;
  naivePValue: number;
}

export interface StepOverTime {
  step: string;
  tau: number;
  looks: DailyLook[];
  /** First day the always-valid p-value fell below α (null: never). */
  firstCrossing: string | null;
  /** Days on which the daily fixed-horizon p-value was below α. */
  naiveDays: number;
}

export interface OverTime {
  test: string;
  windowDays: number;
  alpha: number;
  steps: StepOverTime[];
  /** The simulation check of the goal step's readout. */
  check: NullCheck & {step: string; rate: number};
}

const DAY = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

export function overTime(test: string, plan: ExperimentPlan, participants: readonly Participant[], {seed = 42, simulations = 2000} = {}): OverTime {
  const mine = participants.filter((p) => p.test === test);
  const closes = (p: Participant) => addDays(p.signup, plan.windowDays - 1);
  const dates = [...new Set(mine.map(closes))].sort();
  const cumulative = (j: number) => {
    const x = [0, 0];
    const n = [0, 0];
    let k = 0;
    const sorted = mine.slice().sort((a, b) => (closes(a) < closes(b) ? -1 : closes(a) > closes(b) ? 1 : 0));
    return dates.map((date) => {
      while (k < sorted.length && closes(sorted[k]) <= date) {
        const p = sorted[k++];
        n[p.treated]++;
        if (p.reached[j]) x[p.treated]++;
      }
      return {date, x: [x[0], x[1]] as [number, number], n: [n[0], n[1]] as [number, number]};
    });
  };
  const steps = plan.funnel.map((step, j): StepOverTime => {
    const days = cumulative(j);
    const last = days[days.length - 1];
    const tau = Math.max(1e-4, plan.expectedLift * (last.n[0] ? last.x[0] / last.n[0] : 0));
    const seq = sequentialTest(days.map((d) => ({x1: d.x[1], n1: d.n[1], x2: d.x[0], n2: d.n[0]})), {tau, alpha: plan.alpha});
    const looks = days.map((d, i) => ({
      date: d.date, users: d.n,
      share: [d.n[0] ? d.x[0] / d.n[0] : 0, d.n[1] ? d.x[1] / d.n[1] : 0] as [number, number],
      difference: seq[i].difference, lo: seq[i].lo, hi: seq[i].hi, pValue: seq[i].pValue, naivePValue: seq[i].naivePValue
    }));
    return {step, tau, looks, firstCrossing: looks.find((l) => l.pValue < plan.alpha)?.date ?? null, naiveDays: looks.filter((l) => l.naivePValue < plan.alpha).length};
  });
  const primary = steps.find((s) => s.step === plan.primary)!;
  const j = plan.funnel.indexOf(plan.primary);
  const end = cumulative(j).at(-1)!;
  const rate = (end.x[0] + end.x[1]) / (end.n[0] + end.n[1]);
  const check = nullCrossingRate(primary.looks.map((l) => ({n1: l.users[1], n2: l.users[0]})), rate, {tau: primary.tau, alpha: plan.alpha, simulations, seed});
  return {test, windowDays: plan.windowDays, alpha: plan.alpha, steps, check: {...check, step: plan.primary, rate}};
}
