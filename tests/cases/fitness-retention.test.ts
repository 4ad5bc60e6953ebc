/**
 * Fitness retention on the real member table against statsmodels (tests/golden/fitness_retention.py):
 * hazards by tenure with Wilson intervals, the delayed-entry retention curve (SurvfuncRight with entry),
 * the levers' log-rank tests (survdiff with entry), the Cox model's hazard ratios and its
 * proportional-hazards check (PHReg with entry). Also: a member table without tenure gets no curve,
 * and delayed entry matters (a plain Kaplan–Meier on tenure gives another answer).
 */
import {before, describe, test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {loadFitness, type FitnessMember} from "../../loaders/clean/fitness.ts";
import {analyseFitness} from "../../loaders/cases/fitness.ts";
import {retentionReport, type RetentionReport} from "../../loaders/cases/fitness/retention.ts";
import {kaplanMeier, survivalAt} from "../../loaders/stats/kaplanMeier.ts";
import {datasets, realDataSkip} from "../real-data.ts";

const golden = JSON.parse(readFileSync("tests/golden/fitness-retention.json", "utf8"));
const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

describe("fitness retention on the real member table", {skip: realDataSkip("fitness/gym_churn_us.csv")}, () => {
  let members: FitnessMember[];
  let r: Extract<RetentionReport, {available: true}>;
  before(async () => {
    members = (await loadFitness(datasets)).members;
    const report = retentionReport(members, analyseFitness(members, {resamples: 20}).features);
    assert.ok(report.available);
    r = report;
  });

  test("monthly hazard by tenure with Wilson intervals, as statsmodels proportion_confint", () => {
    assert.equal(r.hazards.length, golden.hazards.length);
    r.hazards.forEach((h, i) => {
      const g = golden.hazards[i];
      assert.deepEqual([h.tenure, h.members, h.left], [g.tenure, g.members, g.left]);
      close(h.value, g.hazard, 1e-12, `hazard ${h.tenure}`);
      close(h.lo, g.low, 1e-9, `low ${h.tenure}`);
      close(h.hi, g.high, 1e-9, `high ${h.tenure}`);
    });
  });

  test("retention after 1 and 3 months with delayed entry, as SurvfuncRight(entry=tenure)", () => {
    const at = (m: number) => r.overall.find((p) => p.month === m)!;
    close(at(1).value, golden.retained["1"], 1e-12, "S(1)");
    close(at(3).value, golden.retained["3"], 1e-12, "S(3)");
    r.overall.forEach((p) => {
      const i = golden.overall.time.indexOf(p.month);
      close(p.value, golden.overall.survival[i], 1e-12, `S(${p.month})`);
      assert.equal(p.atRisk, golden.overall.atRisk[i]);
      assert.ok(p.lo < p.value && p.value < p.hi);
    });
  });

  test("a plain Kaplan–Meier on tenure (every current tenure read as a finished lifetime) differs", () => {
    const plain = kaplanMeier(members.map((m) => Number(m.lifetime) + 1), members.map((m) => m.churn === 1));
    assert.ok(Math.abs(survivalAt(plain, 3) - golden.retained["3"]) > 0.3);
  });

  test("levers compared at equal tenure: log-rank with delayed entry, as survdiff(entry=tenure)", () => {
    const bySource: Record<string, string> = {contractPeriod: "Contract_period", groupVisits: "Group_visits", partner: "Partner", promoFriends: "Promo_friends"};
    assert.deepEqual(r.levers.map((l) => l.field), Object.keys(bySource));
    for (const lever of r.levers) {
      const g = golden.levers[bySource[lever.field]];
      close(lever.statistic, g.chi2, 1e-9, `${lever.field} chi2`);
      assert.equal(lever.df, g.df);
      for (const group of lever.groups) {
        const s3 = group.points.filter((p) => p.month <= 3).at(-1)!.value;
        close(s3, g.retained3[group.value], 1e-12, `${lever.field}=${group.value} S(3)`);
      }
    }
  });

  test("Cox hazard ratios with delayed entry, as PHReg(entry, ties=breslow)", () => {
    const cox = r.cox!;
    assert.deepEqual(cox.terms.map((t) => t.term), ["contractPeriod=6", "contractPeriod=12", "groupVisits", "partner", "promoFriends"]);
    cox.terms.forEach((t, j) => {
      close(t.value, golden.cox.hr[j], 1e-6, `HR ${t.term}`);
      close(t.lo, golden.cox.low[j], 1e-6, `low ${t.term}`);
      close(t.hi, golden.cox.high[j], 1e-6, `high ${t.term}`);
      close(t.pValue, golden.cox.p[j], 1e-4, `p ${t.term}`);
      close(t.late.value, golden.coxLate.hr[j], 1e-5, `late HR ${t.term}`);
    });
    close(cox.proportional.statistic, golden.coxLate.wald, 1e-5, "PH Wald");
    close(cox.proportional.pValue, golden.coxLate.p, 1e-4, "PH p");
  });

  test("the steady-inflow check fails on this table: the head-count at tenure 1 is far above the chained curve's", () => {
    const one = r.inflow.rows.find((x) => x.tenure === 1)!;
    assert.equal(one.observed, golden.hazards[1].members);
    close(one.expected, golden.hazards[0].members * golden.retained["1"], 1e-12, "expected at 1");
    assert.equal(r.inflow.holds, false);
  });
});

describe("fitness retention without a tenure column", () => {
  test("says why there is no curve", () => {
    const members = [{line: 2, churn: 1, partner: 1}, {line: 3, churn: 0, partner: 0}] as FitnessMember[];
    const report = retentionReport(members, {columns: [], features: [], hypotheses: [], roles: new Set(["partner"])});
    assert.deepEqual(report, {available: false, why: {en: "the member table has no tenure column (months since joining)", ru: "в таблице клиентов нет столбца стажа (месяцев с момента вступления)"}});
  });
});
