/**
 * Log-rank test of equal survival in k groups, optionally stratified (as statsmodels'
 * duration.survdiff): at each distinct time with more than one subject at risk, each group's
 * observed events are compared with those expected if the event rate were the same in every group
 * (dⱼ expected = d · nⱼ/n, hypergeometric covariance). Within a stratum only subjects of the same
 * stratum are compared; the strata's O − E and covariances are summed. χ² = (O − E)ᵀ V⁻¹ (O − E) over
 * the first k − 1 groups, with k − 1 degrees of freedom. With `entries` (delayed entry) a subject is
 * at risk only after its entry time (as survdiff's `entry`).
 */
import {Matrix, solve} from "ml-matrix";
import {chiSquareSf} from "./distributions.ts";
import {kaplanMeier, survivalAt} from "./kaplanMeier.ts";
import {atRiskCounter, checkEntries} from "./at-risk.ts";
import {proportionDifferenceEffect} from "./effects.ts";
import {decisionText, inLang, type Label} from "./words.ts";
import {both, type Lang} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";
import {groupLabel} from "./summaries.ts";
import type {GroupSummary, TestResult} from "./types.ts";

export interface LogRank {
  statistic: number;
  df: number;
  pValue: number;
  /** Group keys in the order used (first appearance order of `groups`, unless `order` is given). */
  groups: string[];
  observed: number[];
  expected: number[];
}

interface Accum {
  oe: number[];
  v: number[][];
  o: number[];
  e: number[];
}

function addStratum(idx: number[], times: readonly number[], events: readonly boolean[], g: readonly number[], k: number, acc: Accum, entries?: readonly number[]): void {
  const members = Array.from({length: k}, (_, j) => idx.filter((i) => g[i] === j));
  const atRiskAt = members.map((m) => atRiskCounter(m.map((i) => times[i]), entries && m.map((i) => entries[i])));
  const deaths = new Map<number, number[]>();
  for (const i of idx) {
    if (!events[i]) continue;
    if (!deaths.has(times[i])) deaths.set(times[i], new Array<number>(k).fill(0));
    deaths.get(times[i])![g[i]]++;
  }
  for (const t of [...deaths.keys()].sort((a, b) => a - b)) {
    const d = deaths.get(t)!;
    const atRisk = atRiskAt.map((count) => count(t));
    const n = atRisk.reduce((a, b) => a + b, 0);
    const dAll = d.reduce((a, b) => a + b, 0);
    if (n <= 1) continue;
    const scale = (dAll * (n - dAll)) / (n - 1);
    for (let j = 0; j < k; j++) {
      const r = atRisk[j] / n;
      acc.o[j] += d[j];
      acc.e[j] += dAll * r;
      acc.oe[j] += d[j] - dAll * r;
      for (let l = 0; l < k; l++) acc.v[j][l] += scale * r * ((j === l ? 1 : 0) - atRisk[l] / n);
    }
  }
}

export function logRank(times: readonly number[], events: readonly boolean[], groups: readonly string[],
  {strata, order, entries}: {strata?: readonly string[]; order?: readonly string[]; entries?: readonly number[]} = {}): LogRank {
  checkEntries(times, entries, "log-rank test");
  const keys = order ? [...order] : [...new Set(groups)];
  const k = keys.length;
  if (k < 2) throw new Error("log-rank test: needs at least two groups");
  const index = new Map(keys.map((key, i) => [key, i]));
  const g = groups.map((x) => {
    const i = index.get(x);
    if (i === undefined) throw new Error(`log-rank test: group ${x} is not among ${keys.join(", ")}`);
    return i;
  });
  const byStratum = new Map<string, number[]>();
  groups.forEach((_, i) => {
    const s = strata ? strata[i] : "";
    if (!byStratum.has(s)) byStratum.set(s, []);
    byStratum.get(s)!.push(i);
  });
  const acc: Accum = {oe: new Array(k).fill(0), v: keys.map(() => new Array(k).fill(0)), o: new Array(k).fill(0), e: new Array(k).fill(0)};
  for (const idx of byStratum.values()) addStratum(idx, times, events, g, k, acc, entries);
  // statsmodels drops the first group (any one group may be dropped: O − E sums to zero).
  const u = acc.oe.slice(1);
  const v = acc.v.slice(1).map((row) => row.slice(1));
  if (acc.v.some((row, j) => !(row[j] > 0))) throw new Error(`log-rank test: group ${keys[acc.v.findIndex((row, j) => !(row[j] > 0))]} is never at risk beside another group at an event time${strata ? " of its stratum" : ""}, so it cannot be compared`);
  const x = solve(new Matrix(v), Matrix.columnVector(u)).getColumn(0);
  const statistic = u.reduce((s, ui, i) => s + ui * x[i], 0);
  return {statistic, df: k - 1, pValue: chiSquareSf(statistic, k - 1), groups: keys, observed: acc.o, expected: acc.e};
}

export interface LogRankTestOptions {
  /** What happens (the event), e.g. "a second order". */
  event?: Label;
  /** Label of the grouping variable, e.g. "category of the first order". */
  groupVariable?: Label;
  /** Display label per group key (default: the key). */
  labels?: Readonly<Record<string, Label>>;
  order?: readonly string[];
  strata?: readonly string[];
  /** Words for the strata, e.g. "month of the first order". */
  strataVariable?: Label;
  /** Time at which each group's Kaplan–Meier share with the event is reported (and the effect size judged). */
  horizon: number;
  /** Unit of the times, e.g. "days". */
  unit?: string;
  alpha?: number;
}

/**
 * The log-rank test as a TestResult: per group, subjects, events and the Kaplan–Meier share with the event
 * by `horizon` (`proportion`); effect size = the largest minus the smallest of those shares, a difference in
 * proportions judged by Cohen's h.
 */
export function logRankTest(times: readonly number[], events: readonly boolean[], groups: readonly string[], options: LogRankTestOptions): TestResult {
  const {event = "the event", groupVariable = "group", labels = {}, order, strata, strataVariable = "stratum", horizon, unit = "days", alpha = 0.05} = options;
  const lr = logRank(times, events, groups, {strata, order});
  const summaries: GroupSummary[] = lr.groups.map((key, j) => {
    const idx = groups.flatMap((x, i) => (x === key ? [i] : []));
    const curve = kaplanMeier(idx.map((i) => times[i]), idx.map((i) => events[i]));
    return {...groupLabel(labels[key] ?? key), n: idx.length, proportion: 1 - survivalAt(curve, horizon),
      counts: {[inLang(event, "en")]: lr.observed[j], expected: lr.expected[j], censored: idx.length - lr.observed[j]}};
  });
  const shares = summaries.map((s) => s.proportion!);
  const hi = shares.indexOf(Math.max(...shares));
  const lo = shares.indexOf(Math.min(...shares));
  const effect = proportionDifferenceEffect(shares[hi], shares[lo]);
  const name = (g: GroupSummary, lang: Lang) => inLang(g.labels ?? g.label, lang);
  const ev = (lang: Lang) => inLang(event, lang);
  const gv = (lang: Lang) => inLang(groupVariable, lang);
  effect.names = both((lang) => lang === "ru"
    ? `разница в доле с событием «${ev(lang)}» к сроку ${formats("ru").grouped(horizon, 1)} ${unit === "days" ? "дн." : unit} (${name(summaries[hi], lang)} − ${name(summaries[lo], lang)})`
    : `gap in the share with ${ev(lang)} by ${horizon} ${unit} (${name(summaries[hi], lang)} − ${name(summaries[lo], lang)})`);
  effect.name = effect.names.en;
  const stratified = strata !== undefined;
  const top = lr.groups.map((_, j) => lr.observed[j] / lr.expected[j]);
  const fastest = summaries[top.indexOf(Math.max(...top))];
  return {
    test: stratified ? "stratified log-rank test" : "log-rank test",
    why: {
      en: `Compares the time to ${ev("en")} across ${lr.groups.length} groups using every subject for as long as they were observed: a subject whose observation ends before ${ev("en")} (censored) counts as "not yet" up to that time, never as "never". At each time, each group's events are compared with those expected if the rate were the same in every group. Assumes censoring unrelated to the group's chances and independent subjects; it is most powerful when one group's rate is a constant multiple of another's.` +
        (stratified ? ` Stratified by ${inLang(strataVariable, "en")}: subjects are compared only with others of the same ${inLang(strataVariable, "en")}, and the strata's evidence is summed.` : ""),
      ru: `Сравнивает время до события «${ev("ru")}» в ${formats("ru").plural(lr.groups.length, "группе", "группах", "группах")}, используя каждого наблюдаемого столько, сколько он был под наблюдением: тот, чьё наблюдение закончилось до события (цензурированное наблюдение), до этого момента считается «событие ещё не наступило», а не «не наступит никогда». В каждый момент времени события каждой группы сравниваются с ожидаемыми при одинаковой частоте во всех группах. Предполагает, что цензурирование не связано с шансами группы, а наблюдаемые независимы; критерий мощнее всего, когда частота событий в одной группе — постоянное кратное частоты в другой.` +
        (stratified ? ` Со стратификацией по «${inLang(strataVariable, "ru")}»: каждый сравнивается только с теми, у кого то же значение «${inLang(strataVariable, "ru")}», и свидетельства страт суммируются.` : "")
    },
    h0: both((lang) => lang === "ru" ? `время до события «${ev(lang)}» распределено одинаково во всех группах по «${gv(lang)}».` : `the time to ${ev(lang)} is distributed the same in every ${gv(lang)} group.`),
    h1: both((lang) => lang === "ru" ? `время до события «${ev(lang)}» различается между группами по «${gv(lang)}».` : `the time to ${ev(lang)} differs between ${gv(lang)} groups.`),
    alpha,
    statistic: lr.statistic,
    statisticName: "χ²",
    df: lr.df,
    pValue: lr.pValue,
    effect,
    groups: summaries,
    reject: lr.pValue < alpha,
    decision: decisionText(lr.pValue, alpha,
      both((lang) => lang === "ru"
        ? `время до события «${ev(lang)}» различается между группами по «${gv(lang)}» (наибольшее отношение наблюдаемых событий к ожидаемым: ${name(fastest, lang)}).`
        : `the time to ${ev(lang)} differs between ${gv(lang)} groups (highest ratio of observed to expected: ${name(fastest, lang)}).`),
      both((lang) => lang === "ru"
        ? `нет свидетельств, что время до события «${ev(lang)}» различается между группами по «${gv(lang)}».`
        : `no evidence that the time to ${ev(lang)} differs between ${gv(lang)} groups.`)),
    variable: both((lang) => (lang === "ru" ? `время до события «${ev(lang)}»` : `time to ${ev(lang)}`))
  };
}
