/** Kaplan–Meier and log-rank against statsmodels (tests/golden/survival.py → survival.json): tied whole-day
 * times, censoring, three groups, four strata. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {kaplanMeier, survivalAt, logRank, logRankTest} from "../../loaders/stats/index.ts";
import {readGolden, assertClose, assertAllClose} from "./helpers.ts";

const g = readGolden("survival.json");
const events: boolean[] = g.status.map((s: number) => s === 1);

test("Kaplan–Meier matches statsmodels SurvfuncRight: times, at risk, events, S(t) and Greenwood SE", () => {
  const km = kaplanMeier(g.time, events);
  assertAllClose(km.time, g.km.time, 0, 0, "time");
  assertAllClose(km.atRisk, g.km.atRisk, 0, 0, "at risk");
  assertAllClose(km.events, g.km.events, 0, 0, "events");
  assertAllClose(km.survival, g.km.survival, 1e-12, 1e-15, "S");
  assertAllClose(km.se, g.km.se.map((x: number | null) => x ?? NaN), 1e-9, 1e-15, "se (NaN where S = 0)");
  assert.equal(survivalAt(km, -1), 1);
  assertClose(survivalAt(km, g.km.time[3] + 0.5), g.km.survival[3], 1e-12);
});

test("log-rank, k = 3, matches statsmodels survdiff", () => {
  const r = logRank(g.time, events, g.group);
  assertClose(r.statistic, g.logrank.chi2, 1e-9, 0, "chi2");
  assert.equal(r.df, g.logrank.df);
  assertClose(r.pValue, g.logrank.p, 1e-8, 0, "p");
  assertClose(r.observed.reduce((a, b) => a + b, 0), r.expected.reduce((a, b) => a + b, 0), 1e-12, 0, "O and E sum to the same total");
});

test("stratified log-rank matches survdiff(strata=…)", () => {
  const r = logRank(g.time, events, g.group, {strata: g.stratum});
  assertClose(r.statistic, g.logrankStratified.chi2, 1e-9, 0, "chi2");
  assertClose(r.pValue, g.logrankStratified.p, 1e-8, 0, "p");
});

test("two-group log-rank matches survdiff; the group order does not change the statistic", () => {
  const keep = g.group.map((x: string) => x !== "c");
  const pick = <T>(xs: T[]) => xs.filter((_, i) => keep[i]);
  const a = logRank(pick(g.time), pick(events), pick(g.group), {order: ["a", "b"]});
  const b = logRank(pick(g.time), pick(events), pick(g.group), {order: ["b", "a"]});
  assertClose(a.statistic, g.logrankTwo.chi2, 1e-9, 0, "chi2");
  assertClose(b.statistic, g.logrankTwo.chi2, 1e-9, 0, "chi2 reversed");
});

test("logRankTest reports each group's Kaplan–Meier share with the event by the horizon and the spread as effect", () => {
  const t = logRankTest(g.time, events, g.group, {horizon: 30, order: ["a", "b", "c"], event: "an event"});
  assertClose(t.statistic, g.logrank.chi2, 1e-9);
  for (const s of t.groups) {
    const idx = g.group.flatMap((x: string, i: number) => (x === s.label ? [i] : []));
    const km = kaplanMeier(idx.map((i: number) => g.time[i]), idx.map((i: number) => events[i]));
    assertClose(s.proportion!, 1 - survivalAt(km, 30), 1e-12);
  }
  const shares = t.groups.map((s) => s.proportion!);
  assertClose(t.effect.value, Math.max(...shares) - Math.min(...shares), 1e-12);
  assert.equal(t.test, "log-rank test");
});

test("log-rank refuses groups that are never compared (each alone in its stratum) with a clear error", () => {
  assert.throws(() => logRank([1, 2, 3, 4], [true, true, true, false], ["a", "a", "b", "b"], {strata: ["x", "x", "y", "y"]}), /never at risk beside another group/);
});

test("delayed entry: Kaplan–Meier and log-rank match SurvfuncRight(entry=…) and survdiff(entry=…), entries tied with event times", () => {
  const km = kaplanMeier(g.time, events, g.entry);
  assertAllClose(km.time, g.kmEntry.time, 0, 0, "time");
  assertAllClose(km.atRisk, g.kmEntry.atRisk, 0, 0, "at risk (entry < t ≤ time)");
  assertAllClose(km.survival, g.kmEntry.survival, 1e-12, 1e-15, "S");
  assertAllClose(km.se, g.kmEntry.se.map((x: number | null) => x ?? NaN), 1e-9, 1e-15, "se");
  const r = logRank(g.time, events, g.group, {entries: g.entry});
  assertClose(r.statistic, g.logrankEntry.chi2, 1e-9, 0, "chi2");
  assertClose(r.pValue, g.logrankEntry.p, 1e-8, 0, "p");
  assert.throws(() => kaplanMeier([1, 2], [true, false], [1, 0]), /subject 0 enters at 1, not before its time 1/);
});
