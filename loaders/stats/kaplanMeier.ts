/**
 * Kaplan–Meier estimate of a survival function from right-censored times (as statsmodels'
 * SurvfuncRight): at each distinct event time t, S(t) = Π (1 − dᵢ/nᵢ) over event times ≤ t, with
 * Greenwood's standard error (NaN once S reaches 0, as statsmodels). `events[i]` is true when the event happened at `times[i]` and false
 * when observation stopped there (censored). A subject censored at t is still at risk at t.
 * With `entries` (delayed entry, left truncation), a subject is at risk only after its entry time:
 * entry < t ≤ time (as SurvfuncRight's `entry`).
 */
import {atRiskCounter, checkEntries} from "./at-risk.ts";

export interface SurvivalCurve {
  /** Distinct times with at least one event, ascending. */
  time: number[];
  /** Subjects at risk just before each time (not yet failed nor censored earlier). */
  atRisk: number[];
  events: number[];
  /** S(t) just after each time. */
  survival: number[];
  /** Greenwood's standard error of S(t) (NaN where S(t) = 0). */
  se: number[];
  /** Subjects and events in all. */
  n: number;
  totalEvents: number;
}

export function kaplanMeier(times: readonly number[], events: readonly boolean[], entries?: readonly number[]): SurvivalCurve {
  if (times.length !== events.length) throw new Error(`kaplanMeier: ${times.length} times but ${events.length} event flags`);
  checkEntries(times, entries, "kaplanMeier");
  const deaths = new Map<number, number>();
  times.forEach((t, i) => events[i] && deaths.set(t, (deaths.get(t) ?? 0) + 1));
  const atRiskAt = atRiskCounter(times, entries);
  const curve: SurvivalCurve = {time: [], atRisk: [], events: [], survival: [], se: [], n: times.length, totalEvents: 0};
  let s = 1;
  let greenwood = 0;
  for (const t of [...deaths.keys()].sort((a, b) => a - b)) {
    const d = deaths.get(t)!;
    const atRisk = atRiskAt(t);
    s *= 1 - d / atRisk;
    greenwood += atRisk > d ? d / (atRisk * (atRisk - d)) : Infinity;
    curve.time.push(t);
    curve.atRisk.push(atRisk);
    curve.events.push(d);
    curve.survival.push(s);
    curve.se.push(s === 0 ? NaN : s * Math.sqrt(greenwood));
    curve.totalEvents += d;
  }
  return curve;
}

/** S(t): the estimate just after the last event time ≤ t (1 before the first event). */
export function survivalAt(curve: SurvivalCurve, t: number): number {
  let s = 1;
  for (let i = 0; i < curve.time.length && curve.time[i] <= t; i++) s = curve.survival[i];
  return s;
}

/** A 95 % interval of S(t) on the log(−log) scale (Kalbfleisch–Prentice; R's survival and lifelines by default), which
 * stays within (0, 1); S itself where S is 0 or 1 or its standard error is not finite. */
export function logLogInterval(s: number, se: number, z = 1.959963984540054): {lo: number; hi: number} {
  if (!(s > 0 && s < 1) || !(se > 0) || !Number.isFinite(se)) return {lo: s, hi: s};
  const w = (z * se) / (s * Math.abs(Math.log(s)));
  return {lo: s ** Math.exp(w), hi: s ** Math.exp(-w)};
}
