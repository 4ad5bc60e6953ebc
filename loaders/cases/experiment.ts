/**
 * Experiment case: did the new feature win, and can the test be trusted? For every test in the
 * export (experiment/read.ts gives one row per participant, every excluded input counted):
 *
 *   summary.json    per test: the verdict (experiment/verdict.ts), the goal step's lift, the lift per
 *                   step, the validity issues, what the test could detect; the plan's settings
 *   validity.json   per test: sample ratio, exclusions, other tests, campaigns, audience
 *   funnel.json     per test: steps by group with tests (Holm), intervals, revenue per participant
 *   over-time.json  per test: daily cumulative shares, always-valid readout (mSPRT), simulation check
 *   power.json      per test: minimum detectable lift, power for the expected lift, sample needed
 *   quality.json    the read, for the overview's file table
 */
import type {Artifacts} from "../artifacts.ts";
import {caseMoney} from "./money.ts";
import type {CaseRun} from "./registry.ts";
import {qualityArtifact} from "../quality/artifact.ts";
import {buildReport} from "../quality/report.ts";
import type {Exclusion} from "../quality/types.ts";
import {nouns} from "../../src/components/glossary.ts";
import {readExperiment, type ExperimentData} from "./experiment/read.ts";
import {validity, type Validity} from "./experiment/validity.ts";
import {funnel, type Funnel} from "./experiment/funnel.ts";
import {overTime} from "./experiment/over-time.ts";
import {powerReport, type PowerReport} from "./experiment/power.ts";
import {verdict} from "./experiment/verdict.ts";

export interface ExperimentOptions {
  seed?: number;
  resamples?: number;
  simulations?: number;
  /** The currency of the purchase amounts ("" = not said): loaders/cases/money.ts. */
  currency?: string;
}

function summaryOf(f: Funnel, v: Validity, p: PowerReport, data: ExperimentData) {
  const plan = data.plan;
  const step = f.steps.find((s) => s.step === plan.primary)!;
  const stepPower = p.steps.find((s) => s.step === plan.primary)!;
  return {
    test: f.test,
    verdict: verdict(f, v, plan),
    participants: f.participants,
    primary: {step: step.step, share: step.share, difference: step.difference, lift: step.lift, pAdjusted: step.pAdjusted, significant: step.significant},
    steps: f.steps.map((s) => ({step: s.step, share: s.share, lift: s.lift, difference: s.difference, pAdjusted: s.pAdjusted, significant: s.significant})),
    revenue: {mean: f.revenue.mean, difference: f.revenue.difference, pValue: f.revenue.mannWhitney.pValue},
    validity: {
      blocking: v.blocking, caveats: v.caveats,
      srm: {pValue: v.srm.pValue, flagged: v.srm.flagged, expected: v.srm.expected, plannedSplit: v.srm.plannedSplit},
      campaigns: v.campaigns.filter((c) => c.inRegion).map((c) => ({name: c.name, days: c.days, start: c.start, finish: c.finish})),
      excludedUsers: v.exclusions.bothGroups + v.exclusions.noSignup + v.exclusions.outsideRegion + v.exclusions.outsideEnrolment + v.exclusions.unknownLabelUsers,
      otherTests: v.otherTests
    },
    power: {mde: stepPower.mde, powerForExpected: stepPower.powerForExpected, neededControl: stepPower.neededControl, neededTreatment: stepPower.neededTreatment}
  };
}

function exclusionsOf(data: ExperimentData): Exclusion[] {
  return data.exclusions.flatMap((e): Exclusion[] => [
    {id: `unknown-label-${e.test}`, reason: {en: `${e.test}: a group label other than the plan's two`, ru: `${e.test}: метка группы, которой нет среди двух групп плана`}, rows: e.unknownLabelUsers, unit: nouns.user, examples: []},
    {id: `both-groups-${e.test}`, reason: {en: `${e.test}: listed in both groups`, ru: `${e.test}: записан в обе группы`}, rows: e.bothGroups, unit: nouns.user, examples: []},
    {id: `no-signup-${e.test}`, reason: {en: `${e.test}: no sign-up record (no analysis window)`, ru: `${e.test}: нет записи о регистрации (нет окна анализа)`}, rows: e.noSignup, unit: nouns.user, examples: []},
    {id: `outside-audience-${e.test}`, reason: {en: `${e.test}: outside the plan's region or enrolment dates`, ru: `${e.test}: вне региона или дат набора по плану`}, rows: e.outsideRegion + e.outsideEnrolment, unit: nouns.user, examples: []},
    {id: `events-outside-${e.test}`, reason: {en: `${e.test}: events before sign-up, after the test or after the user's window`, ru: `${e.test}: события до регистрации, после теста или после окна пользователя`}, rows: e.events.beforeSignup + e.events.afterEnd + e.events.afterWindow, unit: nouns.event, examples: []}
  ].filter((x) => x.rows > 0));
}

/** Every artifact of the case from the read exports (pure; seeded). */
export function experimentArtifacts(data: ExperimentData, {seed = 42, resamples = 2000, simulations = 2000, currency = ""}: ExperimentOptions = {}): Artifacts {
  // Tests in the order they started (then by name).
  const tests = Object.keys(data.plan.tests).sort((a, b) => data.plan.tests[a].start.localeCompare(data.plan.tests[b].start) || a.localeCompare(b));
  const validities = tests.map((t) => validity(t, data.plan, data.participants, data.exclusions.find((e) => e.test === t)!, data.otherTests, data.campaigns));
  const funnels = tests.map((t) => funnel(t, data.plan, data.participants, {seed, resamples}));
  const powers = funnels.map((f) => powerReport(f, data.plan));
  const times = tests.map((t) => overTime(t, data.plan, data.participants, {seed, simulations}));
  return {
    "summary.json": {tests: tests.map((_, i) => summaryOf(funnels[i], validities[i], powers[i], data)), plan: data.plan, currency},
    "validity.json": {tests: validities, plan: data.plan, campaignsRead: data.campaigns.length, marketing: data.read.files.marketing !== undefined},
    "funnel.json": {tests: funnels, plan: data.plan},
    "over-time.json": {tests: times, plan: data.plan},
    "power.json": {tests: powers, plan: data.plan}
  };
}

/** The case's entry point (registry.ts). */
export const run: CaseRun = async (input, settings) => {
  const data = await readExperiment(input);
  const analysed = data.participants.length;
  const quality = buildReport("experiment", data.read, {
    exclusions: exclusionsOf(data),
    clean: {participants: analysed},
    modelling: {unit: nouns.participant, rows: analysed},
    flow: [{stage: {en: "Participant rows read", ru: "Прочитано строк участников"}, rows: data.read.files.participants.report.rows},
      {stage: {en: "Participants analysed (per test)", ru: "Участников в анализе (по тестам)"}, rows: analysed}]
  });
  return {...experimentArtifacts(data, {currency: caseMoney(input, settings).currency}), "quality.json": qualityArtifact(quality, input, settings)};
};
