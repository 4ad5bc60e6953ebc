/**
 * Fitness recommendations: rules in code that turn the member groups and the out-of-fold churn
 * probabilities into actions. Each rule looks at a group's numbers (or at all members), decides
 * whether it applies, selects the members concerned and sizes the action by
 *   members            how many members it concerns,
 *   churned            how many of them churned in the data (observed),
 *   expectedChurners   the sum of their out-of-fold churn probabilities (each member scored by
 *                      a model that never saw them),
 * and explains itself with the figures that triggered it. Expected churners reached are not members
 * kept: with an assumed success rate, cost per contact and value per member-month (defaults below,
 * editable on the page), members kept = success rate × expected churners reached, and the
 * break-even success rate is the one at which their value equals the cost of the contacts
 * (src/components/retention-value.ts). The comparisons quoted are associations in the month
 * observed, not effects of the actions; only a randomised hold-out measures an action's success
 * rate. Actions are ranked greedily: next comes
 * the one reaching the most expected churners that higher-ranked actions do not already reach;
 * loyalty actions (for low-churn groups) come after every retention action.
 *
 * Rules (thresholds below are the rules' parameters, not data; a group "churns above the overall
 * rate" when its 95% Wilson interval lies wholly above it):
 *   longer-contract   group churns above the overall rate and most of it is on 1-month contracts
 *                     → offer its 1-month members a 6- or 12-month contract at a discount
 *   group-classes     group churns above the overall rate and attends group classes less than
 *                     members overall → invite its members who do not attend to a free class
 *   onboarding        group churns above the overall rate and is made of newcomers (lifetime at
 *                     least half an sd below average) → first-months onboarding for its members
 *                     whose lifetime is below the overall median
 *   friend-promo      group churns above the overall rate and joined through friends less than
 *                     members overall → "bring a friend" offer to its members without a referral
 *                     (how a member joined cannot be changed; the offer rests on the untested
 *                     idea that training with a friend helps members stay, and says so)
 *   visit-drop        any member whose visits this month fell below 75% of their usual weekly
 *                     rate, when such members churn more than others → a trainer's call, called a
 *                     LATE warning: this month's visits are partly the leaving itself, and the
 *                     export has no earlier month to trigger on
 *   renewal           members on 6/12-month contracts with at most one month left, when they churn
 *                     more than others on long contracts → renewal offer before the end
 *   loyalty           group whose churn interval lies wholly below the overall rate → keep it
 *                     engaged cheaply and ask for referrals (low priority by construction)
 *
 * Every rule but loyalty needs a lever: the columns mapped to its roles (RULE_ROLES). A rule whose
 * roles the member table lacks is not applied; the report lists it under `unavailable`, saying which
 * column would enable it. The late warning's counts need this month's visits.
 */
import type {FitnessMember} from "./features.ts";
import type {ClusterSolution} from "../../analysis/types.ts";
import type {Assumption as GenericAssumption} from "../../analysis/assumption.ts";
import type {RetentionAssumptions} from "../../../src/components/retention-value.ts";

export type Assumption = GenericAssumption<keyof RetentionAssumptions>;

/** Defaults: starting guesses, stated as such on the page; the reader sets their own. */
export const ASSUMPTIONS: readonly Assumption[] = [
  {id: "successRate", label: "Success rate", unit: "share", value: 0.1, min: 0, max: 1, step: 0.01,
    why: "share of the expected churners an action reaches whom it keeps. Unknown until a randomised hold-out measures it; 10% is a starting guess."},
  {id: "contactCost", label: "Cost per member contacted", unit: "per member contacted, in your currency", value: 10, min: 0, max: 100, step: 1,
    why: "the call, discount or free class given to each member an action concerns, whether or not they would have left."},
  {id: "memberMonthValue", label: "Value of a member-month", unit: "per member-month, in your currency", value: 50, min: 0, max: 300, step: 5,
    why: "what one member brings in per month (membership fee and extras, less their running cost). The export holds no fees."},
  {id: "months", label: "Months a kept member stays", unit: "months", value: 1, min: 1, max: 24, step: 1,
    why: "the data show leaving in the next month only, so how long a kept member then stays is unknown; one month is the cautious default."}
];

export const defaultAssumptions = (): RetentionAssumptions =>
  Object.fromEntries(ASSUMPTIONS.map((a) => [a.id, a.value])) as unknown as RetentionAssumptions;

export interface Action {
  id: ActionId;
  /** Group number (0-based, as in the cluster report) or null for an action across groups. */
  group: number | null;
  groupName: string;
  title: string;
  /** Who is contacted, in words. */
  who: string;
  /** The figures that triggered the rule, in words. */
  why: string;
  members: number;
  churned: number;
  expectedChurners: number;
  /** Mean out-of-fold churn probability of the members concerned. */
  meanProbability: number;
  /** Expected churners this action reaches that no higher-priority action already reaches. */
  newExpectedChurners: number;
  /** 1 = first: ranked greedily by newExpectedChurners. */
  priority: number;
}

export interface RecommendationsReport {
  k: number;
  overallChurnRate: number;
  members: number;
  expectedChurnersAll: number;
  actions: Action[];
  /** Members concerned by at least one retention action (loyalty excluded), and their expected churners. */
  covered: {members: number; expectedChurners: number};
  /** The assumptions behind members kept (defaults, page inputs) and how they combine. */
  assumptions: readonly Assumption[];
  formula: {name: string; text: string}[];
  /**
   * The visit-drop trigger is a late warning: members with no visit at all this month, among
   * those who churned and those who stayed (this month's visits are partly the leaving itself).
   */
  lateWarning: {zeroVisitChurners: number; zeroVisitStayers: number; churners: number; stayers: number} | null;
  /** Rules the member table cannot feed (a role they need is not mapped), with the columns that would enable them. */
  unavailable: Unavailable[];
  /**
   * Per group: size, churn (with its 95% Wilson interval), expected churners, the ids of its
   * actions, how many of its members the club-wide retention actions reach, and — for a group no
   * group action targets — why, in words (null otherwise).
   */
  groups: {
    group: number; name: string; size: number; churnRate: number; churnLo: number; churnHi: number; expectedChurners: number; actions: string[];
    clubWide: {members: number; expectedChurners: number};
    note: string | null;
  }[];
}

/** A recommendation the report cannot make, and why. */
export interface Unavailable {
  id: ActionId;
  title: string;
  /** The missing roles: template field and what the column holds. */
  missing: {role: string; column: string}[];
  /** In words, e.g. "No contract-length column was mapped, so longer contracts cannot be recommended." */
  text: string;
}

/** The roles (template fields) each rule reads. */
const RULE_ROLES: Record<ActionId, string[]> = {
  "loyalty": [],
  "longer-contract": ["contractPeriod"],
  "group-classes": ["groupVisits"],
  "onboarding": ["lifetime"],
  "friend-promo": ["promoFriends"],
  "visit-drop": ["classFrequencyTotal", "classFrequencyCurrentMonth"],
  "renewal": ["contractPeriod", "monthsToEndOfContract"]
};

/** What a role's column holds, in words. */
const COLUMN_WORDS: Record<string, string> = {
  contractPeriod: "contract-length", groupVisits: "group-class attendance", lifetime: "lifetime (tenure)", promoFriends: "friend-promo (referral)",
  classFrequencyTotal: "usual visit frequency", classFrequencyCurrentMonth: "this month's visits", monthsToEndOfContract: "months-to-end-of-contract"
};
/** Each rule's title, what cannot be recommended without its columns, (group rules) its condition in
 *  words, and what each member contacted is given: the action's cost in the club's own units. */
const RULE_WORDS: Record<ActionId, {title: string; what?: string; condition?: string; given: string}> = {
  "loyalty": {title: "Keep engaged, ask for referrals", given: "loyalty perks"},
  "longer-contract": {title: "Offer a 6- or 12-month contract", what: "longer contracts cannot be recommended", condition: "mostly on 1-month contracts", given: "discounted 6- or 12-month contract offers"},
  "group-classes": {title: "Invite to a free group class", what: "group classes cannot be recommended", condition: "fewer group-class goers than the club as a whole", given: "free group-class invitations"},
  "onboarding": {title: "First-months onboarding programme", what: "an onboarding programme for newcomers cannot be recommended", condition: "mostly newcomers", given: "places in the onboarding programme"},
  "friend-promo": {title: "\"Bring a friend\" offer", what: "a \"bring a friend\" offer cannot be recommended", condition: "fewer friend referrals than the club as a whole", given: "\"bring a friend\" offers"},
  "visit-drop": {title: "Late warning: trainer's call when visits drop", what: "a drop in visits cannot trigger a trainer's call", given: "trainer's calls"},
  "renewal": {title: "Renewal offer before the contract ends", what: "renewal offers before the contract ends cannot be recommended", given: "renewal offers"}
};

/** What each member contacted by the action is given, plural ("trainer's calls"): its cost in the club's units. */
export const givenOf = (id: ActionId): string => RULE_WORDS[id].given;

const listed = (xs: readonly string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} or ${xs[xs.length - 1]}`);

/** The rules the roles present cannot feed, in rule order. */
export function unavailableRules(roles: ReadonlySet<string>): Unavailable[] {
  return (Object.keys(RULE_ROLES) as ActionId[]).flatMap((id) => {
    const missing = RULE_ROLES[id].filter((r) => !roles.has(r)).map((role) => ({role, column: COLUMN_WORDS[role]}));
    if (!missing.length) return [];
    const columns = missing.map((m) => `${m.column} column (role "${m.role}")`);
    const text = `No ${columns.join(" and no ")} was mapped, so ${RULE_WORDS[id].what}.`;
    return [{id, title: RULE_WORDS[id].title, missing, text}];
  });
}

/** A member's value of a numeric field. */
const value = (m: FitnessMember, field: string) => Number(m[field]);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const int = (x: number) => Math.round(x).toLocaleString("en-US");
/** One association sentence for every comparison of churn rates the rules quote. */
const ASSOCIATION = "Both rates are from the month observed: an association, not the effect of the action.";
/** A group in running text: its number and, quoted, its name (names may hold brackets). */
const titled = (c: {cluster: number; name: string}) => `Group ${c.cluster + 1} "${c.name}"`;

function share(rows: readonly number[], test: (i: number) => boolean): number {
  return rows.length ? rows.filter(test).length / rows.length : NaN;
}

function rate(members: readonly FitnessMember[], rows: readonly number[]): number {
  return rows.length ? rows.reduce((s, i) => s + members[i].churn, 0) / rows.length : NaN;
}

function medianOf(values: number[]): number {
  const s = values.slice().sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * Actions for the member groups of `solution`, from the out-of-fold probabilities; `roles` = the
 * template roles the member table has (default: every role of the seed table).
 */
export function recommend(members: readonly FitnessMember[], oof: readonly number[], labels: readonly number[], solution: ClusterSolution, roles: ReadonlySet<string> = new Set(Object.values(RULE_ROLES).flat())): RecommendationsReport {
  const n = members.length;
  const all = members.map((_, i) => i);
  const overall = rate(members, all);
  const unavailable = unavailableRules(roles);
  const can = (id: ActionId) => !unavailable.some((u) => u.id === id);
  const groupShare = share(all, (i) => value(members[i], "groupVisits") === 1);
  const promoShare = share(all, (i) => value(members[i], "promoFriends") === 1);
  const medianLifetime = can("onboarding") ? medianOf(members.map((m) => value(m, "lifetime"))) : NaN;
  const selector = selectors(medianLifetime);
  const pick = (id: ActionId, rows: readonly number[]) => rows.filter((i) => selector[id](members[i]));
  const byGroup = solution.clusters.map((c) => ({cluster: c, rows: all.filter((i) => labels[i] === c.cluster)}));
  const actions: Omit<Action, "priority" | "newExpectedChurners">[] = [];

  const make = (id: ActionId, group: number | null, groupName: string, who: string, why: string, {rows}: {rows: number[]}) => {
    if (!rows.length) return;
    const expected = rows.reduce((s, i) => s + oof[i], 0);
    actions.push({id, group, groupName, title: RULE_WORDS[id].title, who, why, members: rows.length, churned: rows.reduce((s, i) => s + members[i].churn, 0), expectedChurners: expected, meanProbability: expected / rows.length});
  };

  for (const {cluster: c, rows} of byGroup) {
    const name = titled(c);
    const churn = rate(members, rows);
    // "Churns above the overall rate" means its 95% interval lies wholly above it.
    if (!(c.targetRate.lo > overall)) {
      if (c.targetRate.hi < overall) {
        make("loyalty", c.cluster, c.name,
          "every member of the group",
          `${name} churns at ${pct(churn)} (95% CI ${pct(c.targetRate.lo)}–${pct(c.targetRate.hi)}), below the overall ${pct(overall)}: low-cost loyalty perks keep it that way, and satisfied members are the best source of friend referrals.`,
          {rows: pick("loyalty", rows)});
      }
      continue;
    }
    const oneMonthShare = can("longer-contract") ? pick("longer-contract", rows).length / rows.length : NaN;
    if (oneMonthShare >= 0.5) {
      const longer = all.filter((i) => value(members[i], "contractPeriod") > 1);
      const everyoneOneMonth = all.filter((i) => value(members[i], "contractPeriod") === 1);
      make("longer-contract", c.cluster, c.name,
        "members of the group on a 1-month contract",
        `${name} churns at ${pct(churn)} against ${pct(overall)} overall, and ${pct(oneMonthShare)} of it is on 1-month contracts. Across the club, 1-month members churned at ${pct(rate(members, everyoneOneMonth))} in the month observed, members on longer contracts at ${pct(rate(members, longer))}. That gap is not what a contract offer would achieve: it reflects who chooses a long contract, and a member whose contract runs on cannot simply leave next month, so "churn next month" means something else for them. What the offer may gain is members who stay past the month; how many is the success rate to test.`,
        {rows: pick("longer-contract", rows)});
    }
    const inGroupClasses = share(rows, (i) => value(members[i], "groupVisits") === 1);
    if (can("group-classes") && inGroupClasses < groupShare) {
      const attend = all.filter((i) => value(members[i], "groupVisits") === 1), not = all.filter((i) => value(members[i], "groupVisits") === 0);
      make("group-classes", c.cluster, c.name,
        "members of the group who do not attend group classes",
        `${name} churns at ${pct(churn)} and only ${pct(inGroupClasses)} of it attends group classes (${pct(groupShare)} of all members). Members in group classes churned at ${pct(rate(members, attend))}, the others at ${pct(rate(members, not))}. ${ASSOCIATION}`,
        {rows: pick("group-classes", rows)});
    }
    const lifetime = c.features.find((f) => f.feature === "lifetime");
    if (can("onboarding") && lifetime && lifetime.standardisedDifference <= -0.5) {
      const fresh = all.filter((i) => value(members[i], "lifetime") < medianLifetime), older = all.filter((i) => value(members[i], "lifetime") >= medianLifetime);
      make("onboarding", c.cluster, c.name,
        `members of the group with a lifetime under ${medianLifetime} months (the club's median)`,
        `${name} churns at ${pct(churn)} and has been with the club ${lifetime.mean.toFixed(1)} months on average (everyone: ${lifetime.overallMean.toFixed(1)}). Members below the median lifetime churned at ${pct(rate(members, fresh))}, the rest at ${pct(rate(members, older))}. ${ASSOCIATION}`,
        {rows: pick("onboarding", rows)});
    }
    const promo = share(rows, (i) => value(members[i], "promoFriends") === 1);
    if (can("friend-promo") && promo < promoShare) {
      const came = all.filter((i) => value(members[i], "promoFriends") === 1), notCame = all.filter((i) => value(members[i], "promoFriends") === 0);
      make("friend-promo", c.cluster, c.name,
        "members of the group who did not join through a friend",
        `${name} churns at ${pct(churn)} and ${pct(promo)} of it joined through a friend's promo (${pct(promoShare)} overall). Members who joined that way churned at ${pct(rate(members, came))}, the others at ${pct(rate(members, notCame))}, but that describes how they joined, which no offer now can change. The offer rests on an untested idea, that training with a friend helps a member stay; only a hold-out test can show whether it does.`,
        {rows: pick("friend-promo", rows)});
    }
  }

  const dropped = can("visit-drop") ? pick("visit-drop", all) : [];
  const steady = all.filter((i) => !dropped.includes(i));
  const noVisit = all.filter((i) => value(members[i], "classFrequencyCurrentMonth") === 0);
  const lateWarning = roles.has("classFrequencyCurrentMonth") ? {
    zeroVisitChurners: noVisit.filter((i) => members[i].churn === 1).length,
    zeroVisitStayers: noVisit.filter((i) => members[i].churn === 0).length,
    churners: all.filter((i) => members[i].churn === 1).length,
    stayers: all.filter((i) => members[i].churn === 0).length
  } : null;
  if (lateWarning && dropped.length && rate(members, dropped) > rate(members, steady)) {
    const droppedNoVisit = dropped.filter((i) => value(members[i], "classFrequencyCurrentMonth") === 0);
    make("visit-drop", null, "all groups",
      "members whose visits this month fell below 75% of their usual weekly rate",
      `${int(dropped.length)} members visit less than 75% as often this month as usual; they churned at ${pct(rate(members, dropped))}, the others at ${pct(rate(members, steady))}. `
      + `This is a late warning, not an early one: this month's visits are partly the leaving itself. ${int(lateWarning.zeroVisitChurners)} of the ${int(lateWarning.churners)} members who churned made no visit at all this month, against ${int(lateWarning.zeroVisitStayers)} of the ${int(lateWarning.stayers)} who stayed; ${int(droppedNoVisit.length)} of the members this action concerns had already stopped coming, so expect fewer to be kept than for an action that reaches members in time. `
      + `The export is a single snapshot with no earlier month, so the trigger cannot be moved to a period before the month in question.`,
      {rows: dropped});
  }
  const ending = can("renewal") ? pick("renewal", all) : [];
  const longRest = all.filter((i) => value(members[i], "contractPeriod") > 1 && value(members[i], "monthsToEndOfContract") > 1);
  if (ending.length && rate(members, ending) > rate(members, longRest)) {
    make("renewal", null, "all groups",
      "members on 6- or 12-month contracts with at most one month left",
      `${int(ending.length)} members on long contracts have at most one month left; they churned at ${pct(rate(members, ending))}, against ${pct(rate(members, longRest))} for long-contract members with more time left. ${ASSOCIATION}`,
      {rows: ending});
  }

  // Greedy priority: next is the action reaching the most expected churners not already reached
  // by a higher-priority action (so the top actions do not all target the same members).
  const selection = (a: Pick<Action, "id" | "group">) => actionMembers(a, members, labels, selector);
  const pending = actions.map((a) => ({a, rows: selection(a)}));
  const coveredRows = new Set<number>();
  const ranked: Action[] = [];
  while (pending.length) {
    // Loyalty actions (low-churn groups) come after every retention action.
    const retentionLeft = pending.some(({a}) => a.id !== "loyalty");
    const gain = pending.map(({a, rows}) => (retentionLeft && a.id === "loyalty" ? -1 : rows.reduce((s, i) => s + (coveredRows.has(i) ? 0 : oof[i]), 0)));
    let best = 0;
    for (let j = 1; j < pending.length; j++) {
      const [p, q] = [pending[j].a, pending[best].a];
      if (gain[j] > gain[best] + 1e-9 || (Math.abs(gain[j] - gain[best]) <= 1e-9 && (p.id < q.id || (p.id === q.id && (p.group ?? -1) < (q.group ?? -1))))) best = j;
    }
    const [{a, rows}] = pending.splice(best, 1);
    ranked.push({...a, newExpectedChurners: rows.reduce((s, i) => s + (coveredRows.has(i) ? 0 : oof[i]), 0), priority: ranked.length + 1});
    if (a.id !== "loyalty") rows.forEach((i) => coveredRows.add(i));
  }
  const covered = [...coveredRows];
  // Club-wide retention actions (visit-drop, renewal) reach members of every group.
  const clubWide = new Set(ranked.filter((a) => a.group === null && a.id !== "loyalty").flatMap((a) => selection(a)));
  const conditions = (Object.keys(RULE_WORDS) as ActionId[]).filter((id) => can(id) && RULE_WORDS[id].condition).map((id) => RULE_WORDS[id].condition!);
  const note = (c: ClusterSolution["clusters"][number], rows: number[], reach: {members: number; expectedChurners: number}): string | null => {
    if (ranked.some((a) => a.group === c.cluster)) return null;
    const name = titled(c);
    const ci = `95% CI ${pct(c.targetRate.lo)}–${pct(c.targetRate.hi)}`;
    const head = c.targetRate.lo > overall
      ? `${name} churns at ${pct(rate(members, rows))} (${ci}), above the overall ${pct(overall)}, but ${conditions.length ? `none of the group rules' conditions holds for it (${listed(conditions)})` : "the member table has none of the columns the group rules need"}, so no action targets the group as such.`
      : `${name} churns at ${pct(rate(members, rows))} (${ci}); that interval includes the overall ${pct(overall)}, so the group is neither clearly high- nor clearly low-churn and no group rule applies to it.`;
    const tail = reach.members
      ? ` The club-wide actions still reach ${int(reach.members)} of its ${int(rows.length)} members (${int(reach.expectedChurners)} of its ${int(rows.reduce((s, i) => s + oof[i], 0))} expected churners).`
      : " No club-wide action reaches its members either.";
    return head + tail;
  };
  const coveredExpected = covered.reduce((s, i) => s + oof[i], 0);
  return {
    k: solution.k,
    overallChurnRate: overall,
    members: n,
    expectedChurnersAll: oof.reduce((a, b) => a + b, 0),
    actions: ranked,
    covered: {members: covered.length, expectedChurners: coveredExpected},
    assumptions: ASSUMPTIONS,
    formula: [
      {name: "Members kept", text: "success rate × expected churners among the members contacted"},
      {name: "Value", text: "members kept × value of a member-month × months a kept member stays"},
      {name: "Cost", text: "cost per member contacted × members contacted"},
      {name: "Break-even success rate", text: "the success rate at which the value equals the cost"}
    ],
    lateWarning,
    unavailable,
    groups: byGroup.map(({cluster: c, rows}) => {
      const reached = rows.filter((i) => clubWide.has(i));
      const reach = {members: reached.length, expectedChurners: reached.reduce((s, i) => s + oof[i], 0)};
      return {
        group: c.cluster,
        name: c.name,
        size: rows.length,
        churnRate: rate(members, rows),
        churnLo: c.targetRate.lo,
        churnHi: c.targetRate.hi,
        expectedChurners: rows.reduce((s, i) => s + oof[i], 0),
        actions: ranked.filter((a) => a.group === c.cluster).map((a) => a.id),
        clubWide: reach,
        note: note(c, rows, reach)
      };
    })
  };
}

export type ActionId = "loyalty" | "longer-contract" | "group-classes" | "onboarding" | "friend-promo" | "visit-drop" | "renewal";

/** Which members of its scope (a group, or everyone) each action concerns. */
function selectors(medianLifetime: number): Record<ActionId, (m: FitnessMember) => boolean> {
  return {
    "loyalty": () => true,
    "longer-contract": (m) => value(m, "contractPeriod") === 1,
    "group-classes": (m) => value(m, "groupVisits") === 0,
    "onboarding": (m) => value(m, "lifetime") < medianLifetime,
    "friend-promo": (m) => value(m, "promoFriends") === 0,
    "visit-drop": (m) => value(m, "classFrequencyTotal") > 0 && value(m, "classFrequencyCurrentMonth") < 0.75 * value(m, "classFrequencyTotal"),
    "renewal": (m) => value(m, "contractPeriod") > 1 && value(m, "monthsToEndOfContract") <= 1
  };
}

/**
 * The members (row indices) an action concerns: those of its scope (its group, or everyone) whom its
 * rule selects. `selector`: the rules' selectors when the caller has them (else from the members).
 */
export function actionMembers(a: Pick<Action, "id" | "group">, members: readonly FitnessMember[], labels: readonly number[],
  selector = selectors(a.id === "onboarding" ? medianOf(members.map((m) => value(m, "lifetime"))) : NaN)): number[] {
  return members.flatMap((m, i) => ((a.group === null || labels[i] === a.group) && selector[a.id](m) ? [i] : []));
}

const visits = (x: number) => `${x.toFixed(2)} a week`;
const months = (x: number) => `${+x.toFixed(1)} month${x === 1 ? "" : "s"}`;

/** Why one member is on an action's list, in words (`group`: the member's group as "group 2 \"name\""). */
export function memberReason(id: ActionId, m: FitnessMember, group: string): string {
  switch (id) {
    case "loyalty": return `in ${group}, which churns less than the club`;
    case "longer-contract": return `on a 1-month contract, in ${group}`;
    case "group-classes": return `does not attend group classes, in ${group}`;
    case "onboarding": return `with the club ${months(value(m, "lifetime"))}, under the club's median, in ${group}`;
    case "friend-promo": return `did not join through a friend, in ${group}`;
    case "visit-drop": return `visits this month ${visits(value(m, "classFrequencyCurrentMonth"))} against ${visits(value(m, "classFrequencyTotal"))} usually`;
    case "renewal": return `${months(value(m, "contractPeriod"))} contract with ${months(value(m, "monthsToEndOfContract"))} left`;
  }
}
