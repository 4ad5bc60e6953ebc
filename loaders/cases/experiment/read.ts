/**
 * Read the experiment exports into one row per (test, participant) with what the analysis needs,
 * and count every input the analysis cannot use, with the reason (never dropped silently):
 *   rows with a group label other than the plan's two; users listed in both groups of one test;
 *   participants with no sign-up record; participants outside the plan's region or enrolment dates;
 *   events before the user's sign-up, after the test's end, or after the user's analysis window.
 * A participant counts once, in their group, with the funnel steps they reached within the window
 * (whatever the order) and the purchase amounts of that window.
 */
import type {DuckDBConnection} from "../../io/duckdb.ts";
import {ident, literal, queryRows, run, withDatabase} from "../../io/duckdb.ts";
import {readCase, type ReadCase} from "../../io/read-case.ts";
import {datetimeSql} from "../../io/datetime.ts";
import type {CaseInput} from "../../inputs/resolve.ts";
import {readPlan, type DataDefaults, type ExperimentPlan} from "./plan.ts";

export interface Participant {
  test: string;
  /** 1 = treatment, 0 = control. */
  treated: 0 | 1;
  /** ISO sign-up day. */
  signup: string;
  /** Per funnel step (plan order): reached within the window. */
  reached: boolean[];
  revenue: number;
}

export interface Campaign {
  name: string;
  regions: string[];
  start: string;
  finish: string;
}

/** Counts per test of what the analysis leaves out, and why. */
export interface Exclusions {
  test: string;
  rows: number;
  users: number;
  labels: {label: string; rows: number; users: number; known: boolean}[];
  unknownLabelUsers: number;
  bothGroups: number;
  noSignup: number;
  outsideRegion: number;
  outsideEnrolment: number;
  events: {inWindow: number; beforeSignup: number; afterEnd: number; afterWindow: number};
  /** Users with an excluded event of each kind. */
  eventUsers: {beforeSignup: number; afterEnd: number; afterWindow: number};
  /** Analysed participants with no event in their window, per group [control, treatment]. */
  noEvents: [number, number];
  /** New users in the plan's region who signed up in the enrolment dates (the audience). */
  eligible: number;
}

/** Analysed participants also in another test: by their group here, the other test and their group there. */
export interface OtherTest {
  test: string;
  treated: 0 | 1;
  other: string;
  otherGroup: string;
  users: number;
}

export interface ExperimentData {
  plan: ExperimentPlan;
  participants: Participant[];
  exclusions: Exclusions[];
  otherTests: OtherTest[];
  campaigns: Campaign[];
  read: ReadCase;
}

const day = (expr: string) => `strftime(CAST(${expr} AS DATE), '%Y-%m-%d')`;

async function dataDefaults(connection: DuckDBConnection): Promise<DataDefaults> {
  const labels = (await queryRows<{label: string}>(connection, `SELECT "group" AS label FROM participants WHERE "group" IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1`)).map((r) => r.label);
  const events = (await queryRows<{event: string}>(connection, `SELECT e.event FROM ev e JOIN (SELECT DISTINCT userId FROM participants) p USING (userId)
    GROUP BY 1 ORDER BY count(DISTINCT userId) DESC, 1`)).map((r) => r.event);
  const tests = await queryRows<{test: string; firstSignup: string; lastSignup: string; lastEvent: string}>(connection, `
    SELECT p.test, ${day("min(u.signup)")} AS firstSignup, ${day("max(u.signup)")} AS lastSignup,
      ${day("coalesce(max(e.t), max(u.signup))")} AS lastEvent
    FROM (SELECT DISTINCT test, userId FROM participants) p LEFT JOIN nu u USING (userId) LEFT JOIN ev e USING (userId)
    GROUP BY 1 ORDER BY 1`);
  return {labels, events, tests: Object.fromEntries(tests.map(({test, ...d}) => [test, d]))};
}

async function analyse(connection: DuckDBConnection, input: CaseInput): Promise<ExperimentData> {
  const read = await readCase(connection, input);
  const parsed = (table: string, field: string) => datetimeSql(ident(field), read.files[table].datetimes[field]);
  await run(connection, `CREATE TABLE ev AS SELECT userId, ${parsed("events", "time")} AS t, event, amount, rowid AS row FROM events`);
  await run(connection, `CREATE TABLE nu AS SELECT userId, min(${parsed("new_users", "signup")}) AS signup, min(region) AS region FROM new_users GROUP BY userId`);
  const plan = readPlan(input.files[0].path!, await dataDefaults(connection));
  const steps = plan.funnel;
  const testRows = Object.entries(plan.tests).map(([name, t]) =>
    `(${literal(name)}, DATE ${literal(t.start)}, DATE ${literal(t.enrolmentEnd)}, DATE ${literal(t.end)}, ${t.region === null ? "NULL" : literal(t.region)})`);
  await run(connection, `CREATE TABLE plan AS SELECT * FROM (VALUES ${testRows.join(", ")}) AS v(test, start, enrolmentEnd, finish, region)`);
  const known = `"group" IN (${literal(plan.control)}, ${literal(plan.treatment)})`;
  // One row per (test, user) with a known label: the group, whether both groups list the user, the sign-up and its status.
  await run(connection, `CREATE TABLE member AS
    SELECT k.test, k.userId, k.treated, k.groups, u.signup, u.region,
      CASE WHEN k.groups > 1 THEN 'both'
           WHEN u.signup IS NULL THEN 'no-signup'
           WHEN pl.region IS NOT NULL AND u.region IS DISTINCT FROM pl.region THEN 'outside-region'
           WHEN CAST(u.signup AS DATE) < pl.start OR CAST(u.signup AS DATE) > pl.enrolmentEnd THEN 'outside-enrolment'
           ELSE 'ok' END AS status
    FROM (SELECT test, userId, max(CASE WHEN "group" = ${literal(plan.treatment)} THEN 1 ELSE 0 END) AS treated, count(DISTINCT "group") AS groups
          FROM participants WHERE ${known} GROUP BY test, userId) k
    LEFT JOIN nu u USING (userId) JOIN plan pl USING (test)`);
  const window = `INTERVAL ${plan.windowDays} DAY`;
  await run(connection, `CREATE TABLE mev AS
    SELECT m.test, m.userId, m.treated, e.event, e.amount,
      CASE WHEN e.t < CAST(CAST(m.signup AS DATE) AS TIMESTAMP) THEN 'before-signup'
           WHEN e.t >= CAST(pl.finish AS TIMESTAMP) + INTERVAL 1 DAY THEN 'after-end'
           WHEN e.t >= CAST(CAST(m.signup AS DATE) AS TIMESTAMP) + ${window} THEN 'after-window'
           ELSE 'in-window' END AS kind
    FROM member m JOIN plan pl USING (test) JOIN ev e USING (userId) WHERE m.status = 'ok'`);
  const participants = (await queryRows<{test: string; treated: number; signup: string; reached: boolean[]; revenue: number}>(connection, `
    SELECT m.test, m.treated, ${day("m.signup")} AS signup,
      [${steps.map((s) => `coalesce(bool_or(e.event = ${literal(s)}), false)`).join(", ")}] AS reached,
      coalesce(sum(e.amount), 0) AS revenue
    FROM member m LEFT JOIN mev e ON e.test = m.test AND e.userId = m.userId AND e.kind = 'in-window'
    WHERE m.status = 'ok' GROUP BY m.test, m.userId, m.treated, m.signup ORDER BY m.test, m.signup, m.userId`))
    .map((r) => ({test: r.test, treated: (r.treated ? 1 : 0) as 0 | 1, signup: r.signup, reached: r.reached.map(Boolean), revenue: Number(r.revenue)}));
  const exclusions = await exclusionCounts(connection, plan, known);
  const otherTests = (await queryRows<OtherTest>(connection, `
    SELECT m.test, m.treated, p.test AS other, p."group" AS otherGroup, count(DISTINCT m.userId) AS users
    FROM member m JOIN participants p ON p.userId = m.userId AND p.test <> m.test
    WHERE m.status = 'ok' GROUP BY ALL ORDER BY 1, 2, 3, 4`)).map((r) => ({...r, treated: (r.treated ? 1 : 0) as 0 | 1, users: Number(r.users)}));
  const campaigns = read.files.marketing
    ? (await queryRows<{name: string; regions: string; start: string; finish: string}>(connection,
      `SELECT name, regions, ${day(parsed("marketing", "start"))} AS start, ${day(parsed("marketing", "finish"))} AS finish FROM marketing ORDER BY start, name`))
      .map((c) => ({...c, regions: String(c.regions ?? "").split(/[,;]/).map((r) => r.trim()).filter(Boolean)}))
    : [];
  return {plan, participants, exclusions, otherTests, campaigns, read};
}

async function exclusionCounts(connection: DuckDBConnection, plan: ExperimentPlan, known: string): Promise<Exclusions[]> {
  const labels = await queryRows<{test: string; label: string; rows: number; users: number}>(connection,
    `SELECT test, coalesce("group", '') AS label, count(*) AS rows, count(DISTINCT userId) AS users FROM participants GROUP BY ALL ORDER BY 1, 3 DESC, 2`);
  const totals = await queryRows<{test: string; rows: number; users: number; unknownLabelUsers: number}>(connection, `
    SELECT test, count(*) AS rows, count(DISTINCT userId) AS users,
      count(DISTINCT userId) FILTER (WHERE NOT coalesce(${known}, false)) AS unknownLabelUsers
    FROM participants GROUP BY 1`);
  const status = await queryRows<{test: string; status: string; users: number}>(connection, `SELECT test, status, count(*) AS users FROM member GROUP BY ALL`);
  const events = await queryRows<{test: string; kind: string; events: number; users: number}>(connection, `SELECT test, kind, count(*) AS events, count(DISTINCT userId) AS users FROM mev GROUP BY ALL`);
  const silent = await queryRows<{test: string; treated: number; users: number}>(connection, `
    SELECT m.test, m.treated, count(*) AS users FROM member m
    WHERE m.status = 'ok' AND NOT EXISTS (SELECT 1 FROM mev e WHERE e.test = m.test AND e.userId = m.userId AND e.kind = 'in-window') GROUP BY ALL`);
  const eligible = await queryRows<{test: string; users: number}>(connection, `
    SELECT pl.test, count(u.userId) AS users FROM plan pl LEFT JOIN nu u
      ON CAST(u.signup AS DATE) BETWEEN pl.start AND pl.enrolmentEnd AND (pl.region IS NULL OR u.region = pl.region) GROUP BY 1`);
  const n = (x: unknown) => Number(x ?? 0);
  return Object.keys(plan.tests).map((test) => {
    const t = totals.find((r) => r.test === test)!;
    const s = (k: string) => n(status.find((r) => r.test === test && r.status === k)?.users);
    const e = (k: string) => events.find((r) => r.test === test && r.kind === k);
    return {
      test, rows: n(t.rows), users: n(t.users),
      labels: labels.filter((l) => l.test === test).map((l) => ({label: l.label, rows: n(l.rows), users: n(l.users), known: l.label === plan.control || l.label === plan.treatment})),
      unknownLabelUsers: n(t.unknownLabelUsers),
      bothGroups: s("both"), noSignup: s("no-signup"), outsideRegion: s("outside-region"), outsideEnrolment: s("outside-enrolment"),
      events: {inWindow: n(e("in-window")?.events), beforeSignup: n(e("before-signup")?.events), afterEnd: n(e("after-end")?.events), afterWindow: n(e("after-window")?.events)},
      eventUsers: {beforeSignup: n(e("before-signup")?.users), afterEnd: n(e("after-end")?.users), afterWindow: n(e("after-window")?.users)},
      noEvents: [n(silent.find((r) => r.test === test && !r.treated)?.users), n(silent.find((r) => r.test === test && r.treated)?.users)],
      eligible: n(eligible.find((r) => r.test === test)?.users)
    };
  });
}

export function readExperiment(input: CaseInput): Promise<ExperimentData> {
  return withDatabase((connection) => analyse(connection, input));
}
