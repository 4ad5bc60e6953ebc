/**
 * Fitness lists to act on, the Summary's sizes and the Hypotheses page's answers, checked against
 * recounts made here from the member rows (and, on the real export, from the CSV file itself):
 * - each action's list holds exactly the members its rule selects, a control group that is the same
 *   members in every list (about the set share), rows only when customer rows are allowed;
 * - members kept = the stated success rate × the expected churners among the members contacted
 *   (control left out); the Summary's total counts a member on several lists once, and each
 *   action's "beyond the actions above" adds up to it;
 * - a question's churn rates and means are the members' own, and "Yes" only after correction;
 * - no setting name is shown to a manager outside an analyst note.
 */
import {before, describe, test} from "node:test";
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import {run} from "../../loaders/cases/fitness.ts";
import {caseInput} from "../../loaders/inputs/resolve.ts";
import {readSettings} from "../../loaders/settings.ts";
import {loadFitness, type FitnessMember} from "../../loaders/clean/fitness.ts";
import {fitnessArtifacts} from "../../loaders/cases/fitness.ts";
import {defaultAssumptions} from "../../loaders/cases/fitness/recommendations.ts";
import {retentionValue} from "../../src/components/retention-value.ts";
import type {PlannedAction, Reach} from "../../loaders/cases/fitness/action-plan.ts";
import type {AnsweredQuestion} from "../../loaders/cases/fitness/questions.ts";
import type {HypothesisReport} from "../../loaders/analysis/types.ts";
import {datasets, realDataSkip} from "../real-data.ts";

type Summary = {actions: (PlannedAction & {addedKept: number})[]; reach: Reach; controlShare: number; question: {en: string; ru: string}};
type Artifacts = {summary: Summary; actions: PlannedAction[]; members: {row: number; line: number; churnProbability: number; group: number}[]; questions: AnsweredQuestion[]; hypotheses: HypothesisReport};

function close(actual: number, expected: number, tol: number, what: string) {
  assert.ok(Math.abs(actual - expected) <= tol, `${what}: ${actual} vs ${expected} (tolerance ${tol})`);
}

function build(members: readonly FitnessMember[], customerRows: boolean, controlShare = 0.1): Artifacts {
  const a = fitnessArtifacts(members, {customerRows, controlShare, resamples: 20}) as Record<string, any>;
  return {summary: a["summary.json"], actions: a["recommendations.json"].actions, members: a["members.json"].rows,
    questions: a["hypotheses.json"].questions, hypotheses: a["hypotheses.json"]};
}

/** The members a rule selects, recounted here from the rows (labels: each member's group, 1-based, from members.json). */
function recount(id: string, group: number | null, members: readonly FitnessMember[], groupOf: (i: number) => number): number[] {
  const lifetimes = members.map((m) => Number(m.lifetime)).sort((a, b) => a - b);
  const n = lifetimes.length, median = n % 2 ? lifetimes[(n - 1) / 2] : (lifetimes[n / 2 - 1] + lifetimes[n / 2]) / 2;
  const rule: Record<string, (m: FitnessMember) => boolean> = {
    "loyalty": () => true,
    "longer-contract": (m) => m.contractPeriod === 1,
    "group-classes": (m) => m.groupVisits === 0,
    "onboarding": (m) => Number(m.lifetime) < median,
    "friend-promo": (m) => m.promoFriends === 0,
    "visit-drop": (m) => Number(m.classFrequencyTotal) > 0 && Number(m.classFrequencyCurrentMonth) < 0.75 * Number(m.classFrequencyTotal),
    "renewal": (m) => Number(m.contractPeriod) > 1 && Number(m.monthsToEndOfContract) <= 1
  };
  return members.flatMap((m, i) => ((group === null || groupOf(i) === group + 1) && rule[id](m) ? [i] : []));
}

describe("fitness lists to act on (demo data)", () => {
  let members: FitnessMember[];
  let on: Artifacts, off: Artifacts;
  before(async () => {
    members = (await loadFitness(resolve("data"))).members.slice(0, 1500);
    on = build(members, true);
    off = build(members, false);
  });

  test("each action's list holds exactly the members its rule selects, each with a reason", () => {
    const groupOf = (i: number) => on.members[i].group;
    assert.ok(on.actions.length >= 3, `${on.actions.length} actions`);
    for (const a of on.actions) {
      const expected = recount(a.id, a.group, members, groupOf).map((i) => String(members[i].line));
      assert.equal(a.list.size, expected.length, `${a.id}: list size`);
      assert.equal(a.list.size, a.members, `${a.id}: the list is the action's members`);
      assert.deepEqual(a.list.rows.map((r) => r.customer).sort(), expected.sort(), `${a.id}: the members listed`);
      assert.equal(a.list.contact + a.list.control, a.list.size);
      for (const {reason: r} of a.list.rows) {
        const reason = typeof r === "string" ? r : r.en;
        assert.ok(reason.length > 10 && /churn risk \d+%/.test(reason), `${a.id}: reason "${reason}"`);
      }
    }
  });

  test("the control group is about the set share and the same members in every list", () => {
    const control = new Map<string, boolean>();
    let held = 0, listed = 0;
    for (const a of on.actions) {
      for (const r of a.list.rows) {
        const isControl = r.group === "control";
        if (control.has(r.customer)) assert.equal(control.get(r.customer), isControl, `member ${r.customer} is control in one list and not in another`);
        control.set(r.customer, isControl);
      }
      held += a.list.control;
      listed += a.list.size;
    }
    const members = [...control.values()];
    const share = members.filter(Boolean).length / members.length, sd = Math.sqrt(0.1 * 0.9 / members.length);
    assert.ok(Math.abs(share - 0.1) < 4 * sd, `control share ${share} of ${members.length} members`);
    assert.ok(held > 0 && held < listed);
  });

  test("rows only when customer rows are allowed; the counts are the same either way", () => {
    for (const [k, a] of off.actions.entries()) {
      assert.equal(a.list.allowed, false);
      assert.deepEqual(a.list.rows, []);
      assert.deepEqual([a.list.size, a.list.contact, a.list.control], [on.actions[k].list.size, on.actions[k].list.contact, on.actions[k].list.control]);
    }
    assert.doesNotMatch(JSON.stringify(off.summary), /"customer":/);
  });

  test("members kept = the stated success rate × expected churners among the members contacted", () => {
    const rate = defaultAssumptions().successRate;
    const p = new Map(on.members.map((m) => [String(m.line), m.churnProbability]));
    for (const a of on.actions) {
      const contacted = a.list.rows.filter((r) => r.group === "contact").map((r) => p.get(r.customer)!);
      close(a.contactedChurners, contacted.reduce((s, x) => s + x, 0), 1e-9, `${a.id}: expected churners contacted`);
      close(a.atDefaults.kept, rate * a.contactedChurners, 1e-12, `${a.id}: members kept`);
      close(a.atDefaults.cost, defaultAssumptions().contactCost * a.list.contact, 1e-9, `${a.id}: cost of the contacts`);
      // At the break-even success rate the value of the members kept equals the cost.
      const even = retentionValue({members: a.list.contact, expectedChurners: a.contactedChurners}, {...defaultAssumptions(), successRate: a.atDefaults.breakEven});
      close(even.value, even.cost, 1e-6, `${a.id}: value = cost at the break-even success rate`);
      assert.equal(a.list.contact, contacted.length);
    }
  });

  test("the Summary's total counts a member on several lists once, and the actions' added members kept add up to it", () => {
    const rate = defaultAssumptions().successRate;
    const p = new Map(on.members.map((m) => [String(m.line), m.churnProbability]));
    const s = on.summary;
    const union = new Set(s.actions.filter((a) => a.id !== "loyalty").flatMap((a) => on.actions.find((x) => x.priority === a.priority)!.list.rows.filter((r) => r.group === "contact").map((r) => r.customer)));
    const churners = [...union].reduce((t, id) => t + p.get(id)!, 0);
    assert.equal(s.reach.contacted, union.size);
    close(s.reach.kept, rate * churners, 1e-9, "members kept by the Summary's actions together");
    close(s.actions.reduce((t, a) => t + a.addedKept, 0), s.reach.kept, 1e-9, "added members kept add up to the total");
    assert.ok(s.reach.kept < s.actions.reduce((t, a) => t + a.atDefaults.kept, 0) - 1e-9 || s.actions.length === 1, "overlapping lists are not added twice");
    assert.equal(s.question.en, "Which members will leave next month, and what kinds of members are there?");
    assert.equal(s.controlShare, 0.1);
  });

  test("each question's figures are the members' own, and the answer says yes only after correction", () => {
    assert.equal(on.questions.length, on.hypotheses.tests.length);
    for (const [k, q] of on.questions.entries()) {
      const t = on.hypotheses.tests[k];
      assert.equal(q.field, t.field);
      assert.equal(q.differs, !!t.rejectAdjusted);
      assert.match(q.answer.en, q.differs ? /^Yes: / : /^No clear difference/);
      assert.match(q.answer.ru, q.differs ? /^Да: / : /^Явной разницы нет/);
      if (q.chart.kind === "rate") {
        for (const bar of q.chart.bars) {
          const level = Object.entries({"1 month": 1, "6 months": 6, "12 months": 12, no: 0, yes: 1}).find(([l]) => l === bar.label.en)![1];
          const rows = members.filter((m) => m[q.field] === level);
          assert.equal(bar.n, rows.length, `${q.field}=${bar.label}: members`);
          close(bar.value, rows.filter((m) => m.churn === 1).length / rows.length, 1e-12, `${q.field}=${bar.label}: churn rate`);
        }
      } else {
        const [left, stayed] = [1, 0].map((c) => members.filter((m) => m.churn === c).map((m) => Number(m[q.field])));
        const stat = (xs: number[]) => {
          if (q.chart.kind === "mean") return xs.reduce((s, x) => s + x, 0) / xs.length;
          const s = xs.slice().sort((a, b) => a - b), n = s.length;
          return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        };
        close(q.chart.bars[0].value, stat(left), 1e-9, `${q.field}: ${q.chart.kind} of members who churned`);
        close(q.chart.bars[1].value, stat(stayed), 1e-9, `${q.field}: ${q.chart.kind} of members who stayed`);
      }
    }
  });
});

describe("fitness Summary on an export with rows left out", () => {
  test("says how many rows of the export the analysis left out: the exact duplicates added to it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fitness-left-out-"));
    mkdirSync(join(dir, "fitness"));
    const lines = readFileSync("data/fitness/gym_churn_us.csv", "utf8").trim().split(/\r?\n/).slice(0, 701);
    writeFileSync(join(dir, "fitness", "gym_churn_us.csv"), [...lines, ...lines.slice(1, 8)].join("\n") + "\n");
    const artifacts = await run(caseInput(dir, "fitness"), {...readSettings({}), dataDir: dir});
    const summary = artifacts["summary.json"] as {rowsLeftOut: number; members: number};
    assert.equal(summary.members, 700);
    assert.equal(summary.rowsLeftOut, 7);
  });
});

describe("fitness pages show no setting name to a manager", () => {
  test("a CLIENTELE_ setting appears only inside an analyst note", () => {
    for (const file of readdirSync("pages/fitness").filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(`pages/fitness/${file}`, "utf8").replace(/<details class="analyst-note">[\s\S]*?<\/details>/g, "");
      assert.doesNotMatch(text, /CLIENTELE_/, `pages/fitness/${file} names a setting outside an analyst note`);
    }
  });
});

describe("fitness lists on the real export", {skip: realDataSkip("fitness/gym_churn_us.csv")}, () => {
  test("the visit-drop list holds the members a plain read of the CSV selects", async () => {
    const [header, ...lines] = readFileSync(`${datasets}/fitness/gym_churn_us.csv`, "utf8").trim().split(/\r?\n/);
    const col = header.split(",");
    const total = col.indexOf("Avg_class_frequency_total"), current = col.indexOf("Avg_class_frequency_current_month");
    const dropped = lines.flatMap((line, k) => {
      const v = line.split(",").map(Number);
      return v[total] > 0 && v[current] < 0.75 * v[total] ? [String(k + 2)] : [];
    });
    const {members, columns} = await loadFitness(datasets);
    assert.equal(members.length, lines.length, "no row dropped by the cleaning");
    const a = fitnessArtifacts(members, {columns, customerRows: true, controlShare: 0.1, resamples: 20}) as Record<string, any>;
    const action = (a["recommendations.json"].actions as PlannedAction[]).find((x) => x.id === "visit-drop")!;
    assert.deepEqual(action.list.rows.map((r) => r.customer).sort(), dropped.sort());
    assert.equal(action.list.size, 650);
  });
});
