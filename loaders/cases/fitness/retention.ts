/**
 * How long members stay, from a snapshot of current members. Each member is seen at one tenure t
 * (months since joining) and for one month: whether they leave before tenure t + 1. So the data
 * give the monthly churn hazard at each tenure directly — members at tenure t who leave, over
 * members at tenure t — and nothing about members who left before the snapshot. A plain
 * Kaplan–Meier on tenure would treat every current tenure as a completed lifetime; instead each
 * member enters the risk set at t and leaves it at t + 1 (delayed entry), which chains the monthly
 * hazards into a retention curve S(m) = Π_{t<m} (1 − h_t) with Greenwood intervals.
 *
 * That curve is a cohort's retention only if the hazards held for past cohorts and the inflow of new
 * members was steady: then the snapshot's head-count at tenure t is n₀ · S(t). The report checks this
 * against the tenure counts and says when it fails. The levers (contract length, group classes,
 * partner programme, friend promo) are compared at equal tenure: log-rank tests with the same delayed
 * entry (Holm-corrected over the levers), and a Cox model of all levers together, whose
 * proportional-hazards assumption is checked by letting each hazard ratio differ after tenure 3.
 */
import {wilson} from "../../analysis/intervals.ts";
import {holm} from "../../stats/corrections.ts";
import {coxRegression, waldTest} from "../../stats/cox.ts";
import {kaplanMeier, logLogInterval, survivalAt, type SurvivalCurve} from "../../stats/kaplanMeier.ts";
import {logRank} from "../../stats/logRank.ts";
import type {FitnessFeatures, FitnessMember} from "./features.ts";
import type {Text} from "../../../src/components/i18n.ts";

/** The template roles the club can act on, in the order the report shows them. */
export const LEVERS = ["contractPeriod", "groupVisits", "partner", "promoFriends"] as const;
/** A curve is drawn while at least this many members are at risk. */
export const MIN_AT_RISK = 20;
/** Tenure from which the proportional-hazards check lets a hazard ratio differ. */
export const LATE_TENURE = 3;
/** The steady-inflow check fails when the head-count at a tenure is off the chained curve by more than this factor. */
export const INFLOW_FACTOR = 2;

export interface Interval {
  value: number;
  lo: number;
  hi: number;
}

export interface HazardRow extends Interval {
  tenure: number;
  members: number;
  left: number;
}

export interface RetentionPoint extends Interval {
  month: number;
  atRisk: number;
}

export interface RetentionGroup {
  value: string;
  label: Text;
  members: number;
  points: RetentionPoint[];
}

export interface LeverRetention {
  field: string;
  label: Text;
  groups: RetentionGroup[];
  statistic: number;
  df: number;
  pValue: number;
  /** Holm-adjusted over the levers compared. */
  pHolm: number;
}

export interface InflowRow {
  tenure: number;
  observed: number;
  /** n₀ · S(tenure): the head-count if inflow and hazards had been steady. */
  expected: number;
}

export interface CoxTerm extends Interval {
  /** Design column: the lever's field, or field=level for a level of contract length. */
  term: string;
  label: Text;
  /** The lever's label, the level the ratio is about and the one it is compared with: "Contract length", "12 months", "1 month"; "yes"/"no" for a yes/no lever. */
  lever: Text;
  level: Text;
  reference: Text;
  pValue: number;
  /** Hazard ratio at tenure ≥ LATE_TENURE relative to earlier tenures (the interaction), with its interval. */
  late: Interval & {pValue: number};
}

export interface CoxReport {
  terms: CoxTerm[];
  members: number;
  events: number;
  /** Joint Wald test that no hazard ratio changes after LATE_TENURE (proportional hazards). */
  proportional: {statistic: number; df: number; pValue: number};
}

export type RetentionReport =
  | {available: false; why: Text}
  | {
      available: true;
      members: number;
      /** The report's fixed rules, for the page to state. */
      rules: {minAtRisk: number; lateTenure: number; inflowFactor: number};
      hazards: HazardRow[];
      overall: RetentionPoint[];
      inflow: InflowCheck;
      levers: LeverRetention[];
      cox: CoxReport | null;
    };

/** S with its 95 % interval (log(−log) scale), while at least MIN_AT_RISK members are at risk. */
function pointsOf(curve: SurvivalCurve): RetentionPoint[] {
  return curve.time.flatMap((month, i) => curve.atRisk[i] < MIN_AT_RISK ? [] :
    [{month, atRisk: curve.atRisk[i], value: curve.survival[i], ...logLogInterval(curve.survival[i], curve.se[i])}]);
}

const timesOf = (members: readonly FitnessMember[]) => members.map((m) => Number(m.lifetime) + 1);
const entriesOf = (members: readonly FitnessMember[]) => members.map((m) => Number(m.lifetime));
const eventsOf = (members: readonly FitnessMember[]) => members.map((m) => Number(m.churn) === 1);

function retentionCurve(members: readonly FitnessMember[]): SurvivalCurve {
  return kaplanMeier(timesOf(members), eventsOf(members), entriesOf(members));
}

function hazards(members: readonly FitnessMember[]): HazardRow[] {
  const byTenure = new Map<number, {members: number; left: number}>();
  for (const m of members) {
    const t = Number(m.lifetime);
    const row = byTenure.get(t) ?? {members: 0, left: 0};
    row.members++;
    row.left += Number(m.churn);
    byTenure.set(t, row);
  }
  return [...byTenure.entries()].sort((a, b) => a[0] - b[0]).map(([tenure, r]) => ({tenure, ...r, ...wilson(r.left, r.members)}));
}

export interface InflowCheck {
  rows: InflowRow[];
  /** Whether every head-count checked is within INFLOW_FACTOR of the chained curve's. */
  holds: boolean;
  /** The tenure furthest off. */
  worst: InflowRow;
}

function inflowCheck(rows: readonly HazardRow[], curve: SurvivalCurve): InflowCheck {
  const n0 = rows.find((r) => r.tenure === 0)?.members ?? 0;
  const checked = rows.filter((r) => r.tenure >= 1 && r.members >= MIN_AT_RISK && r.tenure <= 6)
    .map((r) => ({tenure: r.tenure, observed: r.members, expected: n0 * survivalAt(curve, r.tenure)}));
  const off = (r: InflowRow) => Math.max(r.observed / r.expected, r.expected / r.observed);
  const worst = checked.reduce((a, b) => (off(b) > off(a) ? b : a), checked[0]);
  return {rows: checked, holds: checked.every((r) => off(r) <= INFLOW_FACTOR), worst};
}

/** A level's label in both languages (the export's own value where the vocabulary has none). */
function levelName(feature: FitnessFeatures["features"][number], level: string): Text {
  return {en: feature.levels?.[level] ?? level, ru: feature.ru.levels?.[level] ?? feature.levels?.[level] ?? level};
}

/** Design columns of the Cox model: each binary lever as 0/1, each level of a categorical lever but the first. */
function coxDesign(members: readonly FitnessMember[], spec: FitnessFeatures, levers: readonly string[]) {
  const terms: {term: string; label: Text; lever: Text; level: Text; reference: Text; value: (m: FitnessMember) => number}[] = [];
  for (const field of levers) {
    const feature = spec.features.find((f) => f.source === field)!;
    const lever = {en: feature.label, ru: feature.ru.label};
    if (feature.kind === "binary") {
      terms.push({term: field, label: lever, lever, level: {en: "yes", ru: "да"}, reference: {en: "no", ru: "нет"}, value: (m) => Number(m[field])});
    } else {
      const levels = [...new Set(members.map((m) => String(m[field])))].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
      const name = (level: string) => levelName(feature, level);
      for (const level of levels.slice(1)) {
        const [l, r] = [name(level), name(levels[0])];
        terms.push({term: `${field}=${level}`, label: {en: `${lever.en}: ${l.en} (vs ${r.en})`, ru: `${lever.ru}: ${l.ru} (против ${r.ru})`}, lever,
          level: l, reference: r, value: (m) => (String(m[field]) === level ? 1 : 0)});
      }
    }
  }
  return terms;
}

function coxReport(members: readonly FitnessMember[], spec: FitnessFeatures, levers: readonly string[]): CoxReport | null {
  const terms = coxDesign(members, spec, levers);
  if (!terms.length) return null;
  const times = timesOf(members), events = eventsOf(members), entries = entriesOf(members);
  const x = members.map((m) => terms.map((t) => t.value(m)));
  const fit = coxRegression(times, events, x, {entries});
  // Proportional hazards: the same model with each term × (tenure ≥ LATE_TENURE); every member is seen at one
  // tenure only, so the interaction is an ordinary covariate.
  const late = members.map((m) => (Number(m.lifetime) >= LATE_TENURE ? 1 : 0));
  const withLate = coxRegression(times, events, x.map((row, i) => [...row, ...row.map((v) => v * late[i])]), {entries});
  const p = terms.length;
  return {
    terms: terms.map((t, j) => ({
      term: t.term, label: t.label, lever: t.lever, level: t.level, reference: t.reference, value: fit.hazardRatio[j], lo: fit.low[j], hi: fit.high[j], pValue: fit.pValue[j],
      late: {value: withLate.hazardRatio[p + j], lo: withLate.low[p + j], hi: withLate.high[p + j], pValue: withLate.pValue[p + j]}
    })),
    members: members.length,
    events: events.filter(Boolean).length,
    proportional: waldTest(withLate, terms.map((_, j) => p + j))
  };
}

export function retentionReport(members: readonly FitnessMember[], spec: FitnessFeatures): RetentionReport {
  if (!spec.roles.has("lifetime")) return {available: false, why: {en: "the member table has no tenure column (months since joining)", ru: "в таблице клиентов нет столбца стажа (месяцев с момента вступления)"}};
  const curve = retentionCurve(members);
  const hazardRows = hazards(members);
  const levers = LEVERS.filter((field) => spec.roles.has(field));
  const tests = levers.map((field) => {
    const feature = spec.features.find((f) => f.source === field)!;
    const values = [...new Set(members.map((m) => String(m[field])))].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
    const lr = logRank(timesOf(members), eventsOf(members), members.map((m) => String(m[field])), {entries: entriesOf(members), order: values});
    const groups = values.map((value) => {
      const group = members.filter((m) => String(m[field]) === value);
      return {value, label: levelName(feature, value), members: group.length, points: pointsOf(retentionCurve(group))};
    });
    return {field, label: {en: feature.label, ru: feature.ru.label}, groups, statistic: lr.statistic, df: lr.df, pValue: lr.pValue, pHolm: 0};
  });
  const adjusted = holm(tests.map((t) => t.pValue));
  tests.forEach((t, i) => (t.pHolm = adjusted[i]));
  return {
    available: true,
    members: members.length,
    rules: {minAtRisk: MIN_AT_RISK, lateTenure: LATE_TENURE, inflowFactor: INFLOW_FACTOR},
    hazards: hazardRows,
    overall: pointsOf(curve),
    inflow: inflowCheck(hazardRows, curve),
    levers: tests,
    cox: coxReport(members, spec, levers)
  };
}
