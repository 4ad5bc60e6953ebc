/**
 * The experiment case on the demo A/B exports: every figure against statsmodels/scipy
 * (tests/golden/experiment.py), the planted truth recovered (data/experiment/truth.json: a lift on
 * product_page in test 1 and none on cart or purchase; a sample ratio mismatch and an overlapping
 * promotion in test 2 only), every bad input counted, and the inputs' edges: no marketing
 * calendar, no plan file, a missing required column.
 */
import {before, test} from "node:test";
import assert from "node:assert/strict";
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {caseInput} from "../../loaders/inputs/resolve.ts";
import {run} from "../../loaders/cases/experiment.ts";
import {readSettings} from "../../loaders/settings.ts";
import {readExperiment} from "../../loaders/cases/experiment/read.ts";
import {wilsonInterval} from "../../loaders/stats/proportionIntervals.ts";
import {isDataError} from "../../loaders/io/problems.ts";
import {proposeFolder} from "../../loaders/inputs/propose.ts";
import {MAPPING_FILE} from "../../loaders/inputs/mapping.ts";
import {assertClose, readGolden} from "../stats/helpers.ts";
import {actionTexts, answerText, interval, signedPct} from "../../src/components/experiment.ts";

const golden = readGolden("experiment.json");
const truth = JSON.parse(readFileSync("data/experiment/truth.json", "utf8"));
const settings = {...readSettings({}), dataDir: "data"};
let a: Record<string, any>;
const byTest = (artifact: string, name: string) => a[artifact].tests.find((t: any) => t.test === name);
const [test1, test2] = [truth.liftOn.test, truth.sampleRatioMismatch];

before(async () => {
  a = await run(caseInput("data", "experiment"), settings);
});

test("group sizes, funnel tests, Holm, Newcombe and log-ratio intervals equal statsmodels", () => {
  for (const [name, g] of Object.entries<any>(golden.tests)) {
    const f = byTest("funnel.json", name);
    assert.deepEqual(f.participants, g.participants, name);
    g.steps.forEach((gs: any, j: number) => {
      const s = f.steps[j];
      const what = `${name} ${gs.step}`;
      assert.equal(s.step, gs.step);
      assert.deepEqual(s.users, gs.users, what);
      assertClose(s.z, gs.z, 1e-9, 1e-12, `${what} z`);
      assertClose(s.pValue, gs.pValue, 1e-8, 1e-15, `${what} p`);
      assertClose(s.pAdjusted, gs.pAdjusted, 1e-8, 1e-15, `${what} Holm p`);
      assertClose(s.difference.lo, gs.difference[0], 1e-9, 1e-12, `${what} difference lo`);
      assertClose(s.difference.hi, gs.difference[1], 1e-9, 1e-12, `${what} difference hi`);
      assertClose(s.lift.lo, gs.lift[0], 1e-9, 1e-12, `${what} lift lo`);
      assertClose(s.lift.hi, gs.lift[1], 1e-9, 1e-12, `${what} lift hi`);
      const w = wilsonInterval(gs.users[0], g.participants[0]);
      assertClose(w.lo, gs.wilsonControl[0], 1e-10, 0, `${what} Wilson lo`);
      assertClose(w.hi, gs.wilsonControl[1], 1e-10, 0, `${what} Wilson hi`);
    });
  }
});

test("minimum detectable lift, power and sample needed equal statsmodels NormalIndPower", () => {
  for (const [name, g] of Object.entries<any>(golden.tests)) {
    const p = byTest("power.json", name);
    g.steps.forEach((gs: any, j: number) => {
      // statsmodels solves for the effect size with its own root finder's tolerance (about 1e-6 relative).
      assertClose(p.steps[j].mde, gs.mde, 1e-5, 0, `${name} ${gs.step} MDE`);
      assertClose(p.steps[j].powerForExpected, gs.powerForExpected, 1e-6, 1e-9, `${name} ${gs.step} power`);
      assert.equal(p.steps[j].neededControl, Math.ceil(gs.neededControl - 1e-6), `${name} ${gs.step} sample needed`);
    });
  }
});

test("revenue per participant: means and Mann–Whitney equal scipy; the bootstrap interval agrees with scipy's", () => {
  for (const [name, g] of Object.entries<any>(golden.tests)) {
    const r = byTest("funnel.json", name).revenue;
    assertClose(r.mean[0], g.revenue.mean[0], 1e-12, 0, "control mean");
    assertClose(r.mean[1], g.revenue.mean[1], 1e-12, 0, "treatment mean");
    assertClose(r.mannWhitney.u, g.revenue.mannWhitney.u, 1e-12, 0, "U");
    assertClose(r.mannWhitney.pValue, g.revenue.mannWhitney.pValue, 1e-8, 0, "Mann–Whitney p");
    // Different resamples (ours: 2000, both groups together; scipy: 9999, each group apart): ends within a tenth of the width.
    const width = g.revenue.bootstrap[1] - g.revenue.bootstrap[0];
    assert.ok(Math.abs(r.difference.lo - g.revenue.bootstrap[0]) < 0.1 * width, `${name} bootstrap lo ${r.difference.lo} vs ${g.revenue.bootstrap[0]}`);
    assert.ok(Math.abs(r.difference.hi - g.revenue.bootstrap[1]) < 0.1 * width, `${name} bootstrap hi ${r.difference.hi} vs ${g.revenue.bootstrap[1]}`);
  }
});

test("planted truth: the lift is found on product_page in test 1 and not on cart or purchase", () => {
  const f = byTest("funnel.json", test1);
  const step = (name: string) => f.steps.find((s: any) => s.step === name);
  const page = step(truth.liftOn.step);
  assert.ok(page.significant && page.lift.lo > 0, "product_page lift significant and positive");
  const planted = truth.tests[0].reach.product_page;
  assert.ok(page.difference.lo < planted[1] - planted[0] && planted[1] - planted[0] < page.difference.hi, "the interval holds the planted 8 points");
  for (const name of truth.noLiftOn.steps) assert.ok(!step(name).significant, `${name}: no lift found`);
  for (const s of byTest("funnel.json", test2).steps) assert.ok(!s.significant, `${test2} ${s.step}: no lift found`);
});

test("planted truth: the sample ratio mismatch is flagged on test 2 only, and its verdict waits", () => {
  assert.equal(byTest("validity.json", test2).srm.flagged, true);
  assert.equal(byTest("validity.json", test1).srm.flagged, false);
  const s2 = a["summary.json"].tests.find((t: any) => t.test === test2);
  assert.equal(s2.verdict.decision, "untrusted");
  assert.equal(s2.verdict.reason, "srm");
  const s1 = a["summary.json"].tests.find((t: any) => t.test === test1);
  assert.notEqual(s1.verdict.decision, "untrusted");
  assert.notEqual(s1.verdict.decision, "ship", "purchases did not move: no ship verdict");
});

test("planted truth: the promotion overlapping test 2 in its region is flagged; a campaign in other regions is not", () => {
  const v2 = byTest("validity.json", test2);
  assert.deepEqual(v2.campaigns.filter((c: any) => c.inRegion).map((c: any) => c.name), [truth.overlappingPromotion.name]);
  const v1 = byTest("validity.json", test1);
  assert.deepEqual(v1.campaigns.filter((c: any) => c.inRegion), []);
  assert.ok(v1.campaigns.length > 0, "test 1 shares dates with a campaign in other regions (shown, not flagged)");
});

test("every bad input is counted: both groups, unknown labels, events before sign-up, no sign-up record", () => {
  const e1 = byTest("validity.json", test1).exclusions;
  const e2 = byTest("validity.json", test2).exclusions;
  assert.equal(e1.bothGroups, truth.defects.bothGroups);
  assert.equal(e2.unknownLabelUsers, truth.defects.unknownGroup);
  assert.deepEqual(e2.labels.filter((l: any) => !l.known).map((l: any) => [l.label, l.rows]), [["C", truth.defects.unknownGroup]]);
  assert.equal(e1.events.beforeSignup, truth.defects.eventsBeforeSignup);
  assert.equal(e1.noSignup, truth.defects.noSignupRecord);
  assert.ok(e1.events.afterWindow > 0 && e2.events.afterWindow > 0, "late events are counted");
  const quality = a["quality.json"];
  assert.ok(quality.exclusions.some((x: any) => x.id === `both-groups-${test1}` && x.rows === truth.defects.bothGroups));
});

test("the always-valid readout passes its own simulation check on both tests; daily p-values would not", () => {
  for (const t of a["over-time.json"].tests) {
    assert.ok(t.check.alwaysValid <= t.alpha, `${t.test}: ${t.check.alwaysValid}`);
    assert.ok(t.check.peeking > t.alpha, `${t.test}: peeking ${t.check.peeking}`);
  }
  const page = byTest("over-time.json", test1).steps.find((s: any) => s.step === truth.liftOn.step);
  assert.ok(page.firstCrossing !== null, "the planted lift is found by the always-valid readout too");
});

test("no customer id reaches an artifact but quality.json's redacted examples", () => {
  const ids = readFileSync("data/experiment/final_ab_participants.csv", "utf8").split("\n").slice(1).map((l) => l.split(",")[0]).filter(Boolean);
  const text = JSON.stringify(a);
  assert.deepEqual(ids.filter((id) => text.includes(id)), []);
});

function copyDemo(edit: (dir: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), "experiment-"));
  cpSync("data/experiment", join(root, "experiment"), {recursive: true});
  edit(join(root, "experiment"));
  return root;
}

test("without a marketing calendar or a plan the case still runs, with the data's defaults", async () => {
  const root = copyDemo((dir) => {
    rmSync(join(dir, "ab_project_marketing_events.csv"));
    rmSync(join(dir, "experiment-plan.json"));
  });
  try {
    const data = await readExperiment(caseInput(root, "experiment"));
    assert.deepEqual(data.campaigns, []);
    assert.equal(data.plan.source, null);
    assert.deepEqual([data.plan.control, data.plan.treatment], ["A", "B"]);
    assert.equal(data.plan.funnel[0], "login", "the step most participants reach comes first");
    assert.equal(data.plan.tests[test1].region, null);
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
});

test("a mapping without a marketing calendar is complete: the calendar is an optional input", async () => {
  const root = copyDemo((dir) => rmSync(join(dir, "ab_project_marketing_events.csv")));
  try {
    writeFileSync(join(root, MAPPING_FILE), JSON.stringify((await proposeFolder(root)).mapping));
    const input = caseInput(root, "experiment");
    assert.deepEqual(input.files.map((f) => f.table), ["participants", "new_users", "events"]);
    const data = await readExperiment(input);
    assert.deepEqual(data.campaigns, []);
    assert.equal(data.participants.length, (await readExperiment(caseInput("data", "experiment"))).participants.length);
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
});

test("a missing required column is a clear build error naming the file and the column", async () => {
  const root = copyDemo((dir) => {
    const path = join(dir, "final_ab_participants.csv");
    writeFileSync(path, readFileSync(path, "utf8").split("\n").map((l) => l.split(",").filter((_, i) => i !== 1).join(",")).join("\n"));
  });
  try {
    await assert.rejects(readExperiment(caseInput(root, "experiment")), (error: unknown) => {
      assert.ok(isDataError(error));
      assert.match((error as Error).message, /final_ab_participants\.csv/);
      assert.match((error as Error).message, /group/);
      return true;
    });
  } finally {
    rmSync(root, {recursive: true, force: true});
  }
});

/** Latin words left in a Russian sentence once the data's own names (steps, tests, groups, campaigns) are taken out. */
function latinWords(text: string, names: string[]): string[] {
  let rest = text;
  for (const name of [...names].sort((x, y) => y.length - x.length)) rest = rest.split(name).join(" ");
  return (rest.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !["experiment", "plan", "json"].includes(w));
}

test("the verdicts and actions read in Russian: plurals, decimal commas, p < 0,0001; the English ones as before", () => {
  const s = a["summary.json"];
  const plan = s.plan;
  const names = [...plan.funnel, ...s.tests.map((t: any) => t.test), plan.control, plan.treatment, ...s.tests.flatMap((t: any) => t.validity.campaigns.map((c: any) => c.name))];
  const thin = "\u202F";
  const s1 = s.tests.find((t: any) => t.test === test1);
  const s2 = s.tests.find((t: any) => t.test === test2);
  // Test 1 (the demo's numbers: 1,134 and 1,106 participants; purchase 32.7% and 33.7%; 3,306 needed per group).
  assert.equal(answerText(s1, plan, "en"), "Inconclusive: the share of participants reaching purchase is 32.7% in A and 33.7% in B, a lift of +3.1% (95% CI −8.3% to +15.9%); the test could detect only lifts of +17.3% or more, and the expected +10% would have needed 3,306 participants per group (it had 1,134).");
  assert.equal(answerText(s1, plan, "ru"), `Вывода нет: доля участников, дошедших до шага «purchase», — 32,7${thin}% в группе A и 33,7${thin}% в группе B, прирост +3,1${thin}% (95${thin}% ДИ от −8,3${thin}% до +15,9${thin}%); тест мог обнаружить только прирост от +17,3${thin}% и выше, а для ожидаемых +10${thin}% понадобилось бы 3${thin}306 участников в каждой группе (в группе A было 1${thin}134).`);
  // Test 2: the sample ratio mismatch (1,540 and 1,236 where 1,388 each are expected; B has 152 fewer).
  const ru2 = answerText(s2, plan, "ru");
  assert.match(ru2, new RegExp(`^Решение по этому тесту принимать нельзя: в группе A 1${thin}540 участников, в группе B — 1${thin}236, тогда как плановое соотношение даёт 1${thin}388 и 1${thin}388; случайно такое расхождение возникает с p < 0,0001`));
  const actions2 = actionTexts(s2, plan, "ru");
  assert.match(actions2[0], /^Выясните, почему в группе B на 152 участника меньше, чем даёт плановое соотношение 50\u202F% \(1\u202F236 из 2\u202F776\)/, "152 → «участника» (accusative of 2–4)");
  assert.match(actions2.join("\n"), /«Christmas&New Year Promo» шла 10 дней теста \(с 2020-12-25 по 2021-01-03\)/);
  assert.match(actionTexts(s1, plan, "ru").join("\n"), /из анализа исключено пользователей — 18 /);
  assert.match(actionTexts(s2, plan, "en")[0], /^Find why B has 152 participants fewer than the planned 50% split gives \(1,236 of 2,776\)/);
  for (const t of [s1, s2]) {
    for (const text of [answerText(t, plan, "ru"), ...actionTexts(t, plan, "ru")]) assert.deepEqual(latinWords(text, names), [], text);
  }
  assert.equal(interval({value: 0.031, lo: -0.083, hi: 0.159}, (x) => signedPct(x, 1, "ru"), "ru"), `95${thin}% ДИ от −8,3${thin}% до +15,9${thin}%`);
  assert.equal(signedPct(-0.04, 1, "en"), "−4.0%");
});
