/**
 * Demo data for the experiment case (A/B tests): `experiment/` with the four exports of the template
 * (participants, new users, events, marketing calendar), the test plan (`experiment-plan.json`, the
 * product team's specification) and `truth.json`, the planted structure:
 *
 *   test 1 (recommender_system_test)  EU sign-ups 2020-12-01..09, 25 % of them, split 50/50 at random,
 *                                     analysis window 14 days after sign-up, test ends 2020-12-23.
 *                                     Planted: the share of participants reaching product_page is
 *                                     62 % in A and 70 % in B (a lift of 8 points, +12.9 %); the
 *                                     shares reaching product_cart (30 %) and purchase (32 %) are the
 *                                     same in both groups; purchase amounts have one distribution.
 *   test 2 (interface_eu_test)        EU sign-ups 2020-12-07..21, 20 % of them, planned 50/50, no
 *                                     effect on any step; 20 % of group B's users were lost by the
 *                                     assignment log (a sample ratio mismatch), and the
 *                                     "Christmas&New Year Promo" (EU, from 2020-12-25) runs inside its
 *                                     window. Users who signed up 2020-12-07..09 may be in both tests
 *                                     (assigned independently).
 *   bad inputs                        users listed in both groups of test 1, rows of test 2 with an
 *                                     unknown group label, events before the user's sign-up, test-1
 *                                     participants with no sign-up record, events after a user's
 *                                     14-day window; counts in truth.json.
 *
 * Every draw comes from the seed; truth.json records the counts the case must find.
 */
import {mkdirSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {randomSource, type Random} from "../../loaders/random.ts";
import {bernoulli, pick, weighted, word32} from "./draw.ts";
import {csvText} from "./format.ts";

const DAY = 86_400_000;
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);
const isoTime = (t: number) => new Date(t).toISOString().slice(0, 19).replace("T", " ");

export const EXPERIMENT_FUNNEL = ["login", "product_page", "product_cart", "purchase"] as const;
const REGIONS = ["EU", "N.America", "APAC", "CIS"];
const DEVICES = ["Android", "PC", "iPhone", "Mac"];
const PRICES = [4.99, 9.99, 99.99, 499.99];
const PRICE_WEIGHTS = [0.5, 0.25, 0.2, 0.05];

interface TestSpec {
  name: string;
  start: string;
  enrolmentEnd: string;
  end: string;
  audienceShare: number;
  /** Share of participants reaching each step after login, per group [A, B]. */
  reach: Record<"product_page" | "product_cart" | "purchase", [number, number]>;
  /** Share of group B's users the assignment log loses (a sample ratio mismatch). */
  lostB: number;
}

export const EXPERIMENT_TESTS: TestSpec[] = [
  {name: "recommender_system_test", start: "2020-12-01", enrolmentEnd: "2020-12-09", end: "2020-12-23", audienceShare: 0.25,
    reach: {product_page: [0.62, 0.7], product_cart: [0.3, 0.3], purchase: [0.32, 0.32]}, lostB: 0},
  {name: "interface_eu_test", start: "2020-12-07", enrolmentEnd: "2020-12-21", end: "2021-01-04", audienceShare: 0.2,
    reach: {product_page: [0.65, 0.65], product_cart: [0.3, 0.3], purchase: [0.33, 0.33]}, lostB: 0.2}
];

const MARKETING = [
  ["Black Friday Ads Campaign", "N.America, APAC", "2020-11-26", "2020-12-01"],
  ["Christmas&New Year Promo", "EU, N.America", "2020-12-25", "2021-01-03"],
  ["CIS New Year Gift Lottery", "CIS", "2020-12-30", "2021-01-07"],
  ["St. Valentine's Day Giveaway", "EU, CIS, APAC, N.America", "2020-02-14", "2020-02-16"]
];

const WINDOW_DAYS = 14;
/** Share of participants with no event at all (they never came back). */
const NO_EVENTS = 0.04;
/** Share of participants with extra events 15–20 days after sign-up (outside the window). */
const LATE = 0.08;

interface User {id: string; signup: number; region: string; device: string}

function userId(random: Random): string {
  return (word32(random).toString(16).padStart(8, "0") + word32(random).toString(16).padStart(8, "0")).toUpperCase();
}

/** A time within day `offset` after the user's sign-up day. */
const at = (u: User, offset: number, random: Random) => u.signup + offset * DAY + Math.floor(random() * DAY / 1000) * 1000;

/** Events of one participant: login, then each reached step on a day within the window. */
function eventsOf(u: User, group: 0 | 1, spec: TestSpec, random: Random): string[][] {
  if (bernoulli(NO_EVENTS, random)) return [];
  const out: string[][] = [];
  const emit = (name: string, t: number, details = "") => out.push([u.id, isoTime(t), name, details]);
  const first = random.int(4);
  const logins = 1 + random.int(3);
  for (let i = 0; i < logins; i++) emit("login", at(u, first + random.int(WINDOW_DAYS - first), random));
  // Shares are of all participants (those without events included); cart and purchase only after a product page.
  const page = bernoulli(spec.reach.product_page[group] / (1 - NO_EVENTS), random);
  const given = (step: "product_cart" | "purchase") => spec.reach[step][group] / spec.reach.product_page[group];
  if (page) {
    for (let i = 0; i <= random.int(3); i++) emit("product_page", at(u, first + random.int(WINDOW_DAYS - first), random));
    if (bernoulli(given("product_cart"), random)) emit("product_cart", at(u, first + random.int(WINDOW_DAYS - first), random));
    if (bernoulli(given("purchase"), random)) {
      for (let i = 0; i <= random.int(2); i++) emit("purchase", at(u, first + random.int(WINDOW_DAYS - first), random), String(PRICES[weighted(PRICE_WEIGHTS, random)]));
    }
  }
  if (bernoulli(LATE, random)) {
    emit("product_page", at(u, WINDOW_DAYS + 1 + random.int(6), random));
    emit("purchase", at(u, WINDOW_DAYS + 1 + random.int(6), random), "99.99");
  }
  return out;
}

export function generateExperiment({seed, outDir}: {seed: number; outDir: string}): void {
  const random = randomSource(seed ^ 0x5eed18);
  const users: User[] = [];
  for (let t = day("2020-12-01"); t <= day("2020-12-21"); t += DAY) {
    for (let i = 0; i < 1000; i++) users.push({id: userId(random), signup: t, region: "EU", device: pick(DEVICES, random)});
    for (let i = 0; i < 300; i++) users.push({id: userId(random), signup: t, region: pick(REGIONS.slice(1), random), device: pick(DEVICES, random)});
  }
  const participants: string[][] = [];
  const events: string[][] = [];
  const truth: Record<string, unknown>[] = [];
  const withEvents = new Set<string>();
  for (const spec of EXPERIMENT_TESTS) {
    const eligible = users.filter((u) => u.region === "EU" && u.signup >= day(spec.start) && u.signup <= day(spec.enrolmentEnd));
    const groups = [0, 0];
    const lost = {b: 0};
    for (const u of eligible) {
      if (!bernoulli(spec.audienceShare, random)) continue;
      const group = bernoulli(0.5, random);
      if (group === 1 && bernoulli(spec.lostB, random)) {
        lost.b++;
        continue;
      }
      groups[group]++;
      participants.push([u.id, group ? "B" : "A", spec.name]);
      // A user's events are the user's, not a test's: one in both tests has the events of the first.
      if (!withEvents.has(u.id)) events.push(...eventsOf(u, group, spec, random));
      withEvents.add(u.id);
    }
    truth.push({name: spec.name, eligible: eligible.length, planned: {audienceShare: spec.audienceShare, split: 0.5}, groups: {A: groups[0], B: groups[1]}, lostFromB: lost.b, reach: spec.reach});
  }
  // Bad inputs.
  const test1 = EXPERIMENT_TESTS[0].name;
  const inTest1 = participants.filter((p) => p[2] === test1);
  const bothGroups = inTest1.slice(0, 10).map((p) => [p[0], p[1] === "A" ? "B" : "A", test1]);
  participants.push(...bothGroups);
  const unknownGroup = Array.from({length: 6}, () => {
    const u = pick(users.filter((x) => x.region === "EU" && x.signup >= day("2020-12-10")), random);
    return [u.id, "C", EXPERIMENT_TESTS[1].name];
  });
  participants.push(...unknownGroup);
  const byId = new Map(users.map((u) => [u.id, u]));
  const beforeSignup = inTest1.slice(100, 115).map((p) => {
    const u = byId.get(p[0])!;
    return [u.id, isoTime(u.signup - (1 + random.int(3)) * DAY), "login", ""];
  });
  events.push(...beforeSignup);
  const unregistered = Array.from({length: 8}, () => {
    const u: User = {id: userId(random), signup: day("2020-12-05"), region: "EU", device: "PC"};
    events.push(...eventsOf(u, 0, EXPERIMENT_TESTS[0], random));
    return [u.id, pick(["A", "B"], random), test1];
  });
  participants.push(...unregistered);
  events.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

  const dir = join(outDir, "experiment");
  mkdirSync(dir, {recursive: true});
  writeFileSync(join(dir, "final_ab_participants.csv"), csvText(["user_id", "group", "ab_test"], participants));
  writeFileSync(join(dir, "final_ab_new_users.csv"), csvText(["user_id", "first_date", "region", "device"], users.map((u) => [u.id, isoDate(u.signup), u.region, u.device])));
  writeFileSync(join(dir, "final_ab_events.csv"), csvText(["user_id", "event_dt", "event_name", "details"], events));
  writeFileSync(join(dir, "ab_project_marketing_events.csv"), csvText(["name", "regions", "start_dt", "finish_dt"], MARKETING));
  const plan = {
    funnel: [...EXPERIMENT_FUNNEL], windowDays: WINDOW_DAYS, control: "A", treatment: "B", alpha: 0.05, expectedLift: 0.1, power: 0.8,
    tests: Object.fromEntries(EXPERIMENT_TESTS.map((s) => [s.name, {start: s.start, enrolmentEnd: s.enrolmentEnd, end: s.end, region: "EU", audienceShare: s.audienceShare, split: 0.5}]))
  };
  writeFileSync(join(dir, "experiment-plan.json"), JSON.stringify(plan, null, 2) + "\n");
  writeFileSync(join(dir, "truth.json"), JSON.stringify({
    seed, windowDays: WINDOW_DAYS, tests: truth,
    liftOn: {test: test1, step: "product_page"}, noLiftOn: {test: test1, steps: ["product_cart", "purchase"]},
    sampleRatioMismatch: EXPERIMENT_TESTS[1].name, overlappingPromotion: {test: EXPERIMENT_TESTS[1].name, name: MARKETING[1][0]},
    defects: {bothGroups: bothGroups.length, unknownGroup: unknownGroup.length, eventsBeforeSignup: beforeSignup.length, noSignupRecord: unregistered.length}
  }, null, 2) + "\n");
}
