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
import {median} from "../../stats/descriptives.ts";
import {same, type Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";
import {nouns} from "../../../src/components/glossary.ts";

const memberOf = nouns.memberOf;

/** An assumption of the money figures; its label, unit words and explanation in both languages. */
export type Assumption = Omit<GenericAssumption<keyof RetentionAssumptions>, "label" | "why"> & {label: Text; why: Text; unitText: Text};

/** Defaults: starting guesses, stated as such on the page; the reader sets their own. */
export const ASSUMPTIONS: readonly Assumption[] = [
  {id: "successRate", label: {en: "Success rate", ru: "Доля удержанных"}, unit: "share", unitText: {en: "", ru: ""}, value: 0.1, min: 0, max: 1, step: 0.01,
    why: {en: "share of the expected churners an action reaches whom it keeps. Unknown until a randomised hold-out measures it; 10% is a starting guess.",
      ru: "доля ожидаемых уходящих среди охваченных действием, которых оно удерживает. Неизвестна, пока её не измерит случайно отобранная контрольная группа; 10\u202F% — начальное предположение."}},
  {id: "contactCost", label: {en: "Cost per member contacted", ru: "Стоимость контакта с клиентом"}, unit: "per member contacted, in your currency",
    unitText: {en: "per member contacted", ru: "за контакт с клиентом"}, value: 10, min: 0, max: 100, step: 1,
    why: {en: "the call, discount or free class given to each member an action concerns, whether or not they would have left.",
      ru: "звонок, скидка или бесплатное занятие для каждого клиента, которого касается действие, — ушёл бы он или нет."}},
  {id: "memberMonthValue", label: {en: "Value of a member-month", ru: "Ценность месяца членства"}, unit: "per member-month, in your currency",
    unitText: {en: "per member-month", ru: "за месяц членства"}, value: 50, min: 0, max: 300, step: 5,
    why: {en: "what one member brings in per month (membership fee and extras, less their running cost). The export holds no fees.",
      ru: "сколько приносит один клиент за месяц (абонемент и доп. услуги за вычетом затрат на его обслуживание). Цен в выгрузке нет."}},
  {id: "months", label: {en: "Months a kept member stays", ru: "Сколько месяцев остаётся удержанный клиент"}, unit: "months", unitText: {en: "months", ru: "мес."}, value: 1, min: 1, max: 24, step: 1,
    why: {en: "the data show leaving in the next month only, so how long a kept member then stays is unknown; one month is the cautious default.",
      ru: "данные показывают уход только в следующем месяце, поэтому неизвестно, сколько потом остаётся удержанный клиент; один месяц — осторожное значение по умолчанию."}}
];

export const defaultAssumptions = (): RetentionAssumptions =>
  Object.fromEntries(ASSUMPTIONS.map((a) => [a.id, a.value])) as unknown as RetentionAssumptions;

export interface Action {
  id: ActionId;
  /** Group number (0-based, as in the cluster report) or null for an action across groups. */
  group: number | null;
  groupName: Text;
  title: Text;
  /** Who is contacted, in words. */
  who: Text;
  /** The figures that triggered the rule, in words. */
  why: Text;
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
  formula: {name: Text; text: Text}[];
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
    group: number; name: Text; size: number; churnRate: number; churnLo: number; churnHi: number; expectedChurners: number; actions: string[];
    clubWide: {members: number; expectedChurners: number};
    note: Text | null;
  }[];
}

/** A recommendation the report cannot make, and why. */
export interface Unavailable {
  id: ActionId;
  title: Text;
  /** The missing roles: template field and what the column holds. */
  missing: {role: string; column: Text}[];
  /** In words, e.g. "No contract-length column was mapped, so longer contracts cannot be recommended." */
  text: Text;
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
const COLUMN_WORDS: Record<string, Text> = {
  contractPeriod: {en: "contract-length", ru: "срока абонемента"},
  groupVisits: {en: "group-class attendance", ru: "посещения групповых занятий"},
  lifetime: {en: "lifetime (tenure)", ru: "времени с первого визита (стажа)"},
  promoFriends: {en: "friend-promo (referral)", ru: "акции «Приведи друга»"},
  classFrequencyTotal: {en: "usual visit frequency", ru: "обычной частоты посещений"},
  classFrequencyCurrentMonth: {en: "this month's visits", ru: "посещений в этом месяце"},
  monthsToEndOfContract: {en: "months-to-end-of-contract", ru: "месяцев до конца абонемента"}
};
/** Each rule's title, what cannot be recommended without its columns, (group rules) its condition in
 *  words, and what each member contacted is given: the action's cost in the club's own units. */
const RULE_WORDS: Record<ActionId, {title: Text; what?: Text; condition?: Text; given: Text}> = {
  "loyalty": {title: {en: "Keep engaged, ask for referrals", ru: "Поддерживать вовлечённость, просить рекомендаций"}, given: {en: "loyalty perks", ru: "бонусов лояльности"}},
  "longer-contract": {title: {en: "Offer a 6- or 12-month contract", ru: "Предложить абонемент на 6 или 12 месяцев"},
    what: {en: "longer contracts cannot be recommended", ru: "нельзя рекомендовать более длинные абонементы"},
    condition: {en: "mostly on 1-month contracts", ru: "в основном абонементы на 1 месяц"},
    given: {en: "discounted 6- or 12-month contract offers", ru: "предложений абонемента на 6 или 12 месяцев со скидкой"}},
  "group-classes": {title: {en: "Invite to a free group class", ru: "Пригласить на бесплатное групповое занятие"},
    what: {en: "group classes cannot be recommended", ru: "нельзя рекомендовать групповые занятия"},
    condition: {en: "fewer group-class goers than the club as a whole", ru: "на групповые занятия ходят реже, чем в клубе в целом"},
    given: {en: "free group-class invitations", ru: "приглашений на бесплатное групповое занятие"}},
  "onboarding": {title: {en: "First-months onboarding programme", ru: "Программа адаптации в первые месяцы"},
    what: {en: "an onboarding programme for newcomers cannot be recommended", ru: "нельзя рекомендовать программу адаптации для новичков"},
    condition: {en: "mostly newcomers", ru: "в основном новички"},
    given: {en: "places in the onboarding programme", ru: "мест в программе адаптации"}},
  "friend-promo": {title: {en: "\"Bring a friend\" offer", ru: "Предложение «Приведи друга»"},
    what: {en: "a \"bring a friend\" offer cannot be recommended", ru: "нельзя рекомендовать предложение «Приведи друга»"},
    condition: {en: "fewer friend referrals than the club as a whole", ru: "по приглашению друга приходили реже, чем в клубе в целом"},
    given: {en: "\"bring a friend\" offers", ru: "предложений «Приведи друга»"}},
  "visit-drop": {title: {en: "Late warning: trainer's call when visits drop", ru: "Поздний сигнал: звонок тренера, когда посещения падают"},
    what: {en: "a drop in visits cannot trigger a trainer's call", ru: "падение посещений не может вызвать звонок тренера"},
    given: {en: "trainer's calls", ru: "звонков тренера"}},
  "renewal": {title: {en: "Renewal offer before the contract ends", ru: "Предложение продлить абонемент до его окончания"},
    what: {en: "renewal offers before the contract ends cannot be recommended", ru: "нельзя рекомендовать предложения продлить абонемент до его окончания"},
    given: {en: "renewal offers", ru: "предложений о продлении"}}
};

/** What each member contacted by the action is given, plural ("trainer's calls"; ru in the genitive plural, after a number): its cost in the club's units. */
export const givenOf = (id: ActionId): Text => RULE_WORDS[id].given;

const listed = (xs: readonly string[], or: string) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} ${or} ${xs[xs.length - 1]}`);

/** The rules the roles present cannot feed, in rule order. */
export function unavailableRules(roles: ReadonlySet<string>): Unavailable[] {
  return (Object.keys(RULE_ROLES) as ActionId[]).flatMap((id) => {
    const missing = RULE_ROLES[id].filter((r) => !roles.has(r)).map((role) => ({role, column: COLUMN_WORDS[role]}));
    if (!missing.length) return [];
    const what = RULE_WORDS[id].what!;
    const text = {
      en: `No ${missing.map((m) => `${m.column.en} column (role "${m.role}")`).join(" and no ")} was mapped, so ${what.en}.`,
      ru: `Не сопоставлен ${missing.map((m) => `столбец ${m.column.ru} (роль «${m.role}»)`).join(" и не сопоставлен ")}, поэтому ${what.ru}.`
    };
    return [{id, title: RULE_WORDS[id].title, missing, text}];
  });
}

/** A member's value of a numeric field. */
const value = (m: FitnessMember, field: string) => Number(m[field]);

const en = formats("en"), ru = formats("ru");
const pct = en.pct, int = en.int;
/** One association sentence for every comparison of churn rates the rules quote. */
const ASSOCIATION = {en: "Both rates are from the month observed: an association, not the effect of the action.",
  ru: "Обе доли — за наблюдаемый месяц: это связь, а не эффект действия."};
/** A group in running text: its number and, quoted, its name (names may hold brackets). */
const titled = (c: {cluster: number}, name: Text): Text => ({en: `Group ${c.cluster + 1} "${name.en}"`, ru: `Группа ${c.cluster + 1} «${name.ru}»`});
const allGroups: Text = {en: "all groups", ru: "все группы"};

function share(rows: readonly number[], test: (i: number) => boolean): number {
  return rows.length ? rows.filter(test).length / rows.length : NaN;
}

function rate(members: readonly FitnessMember[], rows: readonly number[]): number {
  return rows.length ? rows.reduce((s, i) => s + members[i].churn, 0) / rows.length : NaN;
}


/**
 * Actions for the member groups of `solution`, from the out-of-fold probabilities; `roles` = the
 * template roles the member table has (default: every role of the seed table).
 */
export function recommend(members: readonly FitnessMember[], oof: readonly number[], labels: readonly number[], solution: ClusterSolution, roles: ReadonlySet<string> = new Set(Object.values(RULE_ROLES).flat()),
  groupNames: readonly Text[] = solution.clusters.map((c) => same(c.name))): RecommendationsReport {
  const n = members.length;
  const all = members.map((_, i) => i);
  const overall = rate(members, all);
  const unavailable = unavailableRules(roles);
  const can = (id: ActionId) => !unavailable.some((u) => u.id === id);
  const groupShare = share(all, (i) => value(members[i], "groupVisits") === 1);
  const promoShare = share(all, (i) => value(members[i], "promoFriends") === 1);
  const medianLifetime = can("onboarding") ? median(members.map((m) => value(m, "lifetime"))) : NaN;
  const selector = selectors(medianLifetime);
  const pick = (id: ActionId, rows: readonly number[]) => rows.filter((i) => selector[id](members[i]));
  const byGroup = solution.clusters.map((c) => ({cluster: c, rows: all.filter((i) => labels[i] === c.cluster)}));
  const actions: Omit<Action, "priority" | "newExpectedChurners">[] = [];

  const make = (id: ActionId, group: number | null, groupName: Text, who: Text, why: Text, {rows}: {rows: number[]}) => {
    if (!rows.length) return;
    const expected = rows.reduce((s, i) => s + oof[i], 0);
    actions.push({id, group, groupName, title: RULE_WORDS[id].title, who, why, members: rows.length, churned: rows.reduce((s, i) => s + members[i].churn, 0), expectedChurners: expected, meanProbability: expected / rows.length});
  };

  for (const {cluster: c, rows} of byGroup) {
    const name = titled(c, groupNames[c.cluster]);
    const groupName = groupNames[c.cluster];
    const churn = rate(members, rows);
    // "Churns above the overall rate" means its 95% interval lies wholly above it.
    if (!(c.targetRate.lo > overall)) {
      if (c.targetRate.hi < overall) {
        make("loyalty", c.cluster, groupName,
          {en: "every member of the group", ru: "все клиенты группы"},
          {en: `${name.en} churns at ${pct(churn)} (95% CI ${pct(c.targetRate.lo)}–${pct(c.targetRate.hi)}), below the overall ${pct(overall)}: low-cost loyalty perks keep it that way, and satisfied members are the best source of friend referrals.`,
            ru: `${name.ru}: доля ушедших ${ru.pct(churn)} (95-процентный ДИ ${ru.pct(c.targetRate.lo)}–${ru.pct(c.targetRate.hi)}), ниже общей (${ru.pct(overall)}): недорогие бонусы лояльности помогут её удержать, а довольные клиенты — лучший источник рекомендаций друзьям.`},
          {rows: pick("loyalty", rows)});
      }
      continue;
    }
    const oneMonthShare = can("longer-contract") ? pick("longer-contract", rows).length / rows.length : NaN;
    if (oneMonthShare >= 0.5) {
      const longer = all.filter((i) => value(members[i], "contractPeriod") > 1);
      const everyoneOneMonth = all.filter((i) => value(members[i], "contractPeriod") === 1);
      make("longer-contract", c.cluster, groupName,
        {en: "members of the group on a 1-month contract", ru: "клиенты группы с абонементом на 1 месяц"},
        {en: `${name.en} churns at ${pct(churn)} against ${pct(overall)} overall, and ${pct(oneMonthShare)} of it is on 1-month contracts. Across the club, 1-month members churned at ${pct(rate(members, everyoneOneMonth))} in the month observed, members on longer contracts at ${pct(rate(members, longer))}. That gap is not what a contract offer would achieve: it reflects who chooses a long contract, and a member whose contract runs on cannot simply leave next month, so "churn next month" means something else for them. What the offer may gain is members who stay past the month; how many is the success rate to test.`,
          ru: `${name.ru}: доля ушедших ${ru.pct(churn)} против ${ru.pct(overall)} в целом, и у ${ru.pct(oneMonthShare)} группы абонемент на 1 месяц. По всему клубу в наблюдаемом месяце ушли ${ru.pct(rate(members, everyoneOneMonth))} клиентов с месячным абонементом и ${ru.pct(rate(members, longer))} клиентов с более длинными. Такой разрыв предложение абонемента не даст: он отражает, кто выбирает длинный абонемент, а клиент, чей абонемент ещё действует, не может просто уйти в следующем месяце, так что «уход в следующем месяце» для него значит другое. Предложение может принести клиентов, которые останутся дольше месяца; сколько — это доля удержанных, которую нужно проверить.`},
        {rows: pick("longer-contract", rows)});
    }
    const inGroupClasses = share(rows, (i) => value(members[i], "groupVisits") === 1);
    if (can("group-classes") && inGroupClasses < groupShare) {
      const attend = all.filter((i) => value(members[i], "groupVisits") === 1), not = all.filter((i) => value(members[i], "groupVisits") === 0);
      make("group-classes", c.cluster, groupName,
        {en: "members of the group who do not attend group classes", ru: "клиенты группы, которые не ходят на групповые занятия"},
        {en: `${name.en} churns at ${pct(churn)} and only ${pct(inGroupClasses)} of it attends group classes (${pct(groupShare)} of all members). Members in group classes churned at ${pct(rate(members, attend))}, the others at ${pct(rate(members, not))}. ${ASSOCIATION.en}`,
          ru: `${name.ru}: доля ушедших ${ru.pct(churn)}, и лишь ${ru.pct(inGroupClasses)} группы ходят на групповые занятия (среди всех клиентов — ${ru.pct(groupShare)}). Из тех, кто ходит на групповые занятия, ушли ${ru.pct(rate(members, attend))}, из остальных — ${ru.pct(rate(members, not))}. ${ASSOCIATION.ru}`},
        {rows: pick("group-classes", rows)});
    }
    const lifetime = c.features.find((f) => f.feature === "lifetime");
    if (can("onboarding") && lifetime && lifetime.standardisedDifference <= -0.5) {
      const fresh = all.filter((i) => value(members[i], "lifetime") < medianLifetime), older = all.filter((i) => value(members[i], "lifetime") >= medianLifetime);
      make("onboarding", c.cluster, groupName,
        {en: `members of the group with a lifetime under ${medianLifetime} months (the club's median)`,
          ru: `клиенты группы, которые в клубе меньше ${Number.isInteger(medianLifetime) ? ru.plural(medianLifetime, "месяца", "месяцев", "месяцев") : `${ru.fixed(medianLifetime, 1)} мес.`} (медиана по клубу)`},
        {en: `${name.en} churns at ${pct(churn)} and has been with the club ${lifetime.mean.toFixed(1)} months on average (everyone: ${lifetime.overallMean.toFixed(1)}). Members below the median lifetime churned at ${pct(rate(members, fresh))}, the rest at ${pct(rate(members, older))}. ${ASSOCIATION.en}`,
          ru: `${name.ru}: доля ушедших ${ru.pct(churn)}, в клубе в среднем ${ru.fixed(lifetime.mean, 1)} мес. (все клиенты: ${ru.fixed(lifetime.overallMean, 1)}). Из клиентов со стажем ниже медианы ушли ${ru.pct(rate(members, fresh))}, из остальных — ${ru.pct(rate(members, older))}. ${ASSOCIATION.ru}`},
        {rows: pick("onboarding", rows)});
    }
    const promo = share(rows, (i) => value(members[i], "promoFriends") === 1);
    if (can("friend-promo") && promo < promoShare) {
      const came = all.filter((i) => value(members[i], "promoFriends") === 1), notCame = all.filter((i) => value(members[i], "promoFriends") === 0);
      make("friend-promo", c.cluster, groupName,
        {en: "members of the group who did not join through a friend", ru: "клиенты группы, пришедшие не по приглашению друга"},
        {en: `${name.en} churns at ${pct(churn)} and ${pct(promo)} of it joined through a friend's promo (${pct(promoShare)} overall). Members who joined that way churned at ${pct(rate(members, came))}, the others at ${pct(rate(members, notCame))}, but that describes how they joined, which no offer now can change. The offer rests on an untested idea, that training with a friend helps a member stay; only a hold-out test can show whether it does.`,
          ru: `${name.ru}: доля ушедших ${ru.pct(churn)}, и ${ru.pct(promo)} группы пришли по акции «Приведи друга» (в целом — ${ru.pct(promoShare)}). Из пришедших так ушли ${ru.pct(rate(members, came))}, из остальных — ${ru.pct(rate(members, notCame))}, но это описывает, как клиенты пришли, а этого никакое предложение теперь не изменит. Предложение опирается на непроверенную идею, что тренировки с другом помогают клиенту остаться; показать, так ли это, может только проверка с контрольной группой.`},
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
    make("visit-drop", null, allGroups,
      {en: "members whose visits this month fell below 75% of their usual weekly rate", ru: "клиенты, которые в этом месяце ходят реже чем на 75\u202F% от своей обычной частоты в неделю"},
      {en: `${int(dropped.length)} members visit less than 75% as often this month as usual; they churned at ${pct(rate(members, dropped))}, the others at ${pct(rate(members, steady))}. `
        + `This is a late warning, not an early one: this month's visits are partly the leaving itself. ${int(lateWarning.zeroVisitChurners)} of the ${int(lateWarning.churners)} members who churned made no visit at all this month, against ${int(lateWarning.zeroVisitStayers)} of the ${int(lateWarning.stayers)} who stayed; ${int(droppedNoVisit.length)} of the members this action concerns had already stopped coming, so expect fewer to be kept than for an action that reaches members in time. `
        + `The export is a single snapshot with no earlier month, so the trigger cannot be moved to a period before the month in question.`,
        ru: `Клиентов, которые в этом месяце ходят реже чем на 75\u202F% от обычного: ${ru.int(dropped.length)}; из них ушли ${ru.pct(rate(members, dropped))}, из остальных — ${ru.pct(rate(members, steady))}. `
        + `Это поздний сигнал, а не ранний: посещения этого месяца отчасти и есть сам уход. Из ${ru.count(lateWarning.churners, memberOf)}, которые ушли, ${ru.int(lateWarning.zeroVisitChurners)} не пришли в этом месяце ни разу, а из ${ru.int(lateWarning.stayers)} оставшихся — ${ru.int(lateWarning.zeroVisitStayers)}; ${ru.int(droppedNoVisit.length)} из клиентов, которых касается это действие, уже перестали ходить, поэтому удержать удастся меньше, чем действием, которое успевает вовремя. `
        + `Выгрузка — один снимок без более раннего месяца, поэтому сигнал нельзя перенести на период до рассматриваемого месяца.`},
      {rows: dropped});
  }
  const ending = can("renewal") ? pick("renewal", all) : [];
  const longRest = all.filter((i) => value(members[i], "contractPeriod") > 1 && value(members[i], "monthsToEndOfContract") > 1);
  if (ending.length && rate(members, ending) > rate(members, longRest)) {
    make("renewal", null, allGroups,
      {en: "members on 6- or 12-month contracts with at most one month left", ru: "клиенты с абонементом на 6 или 12 месяцев, у которых остался не больше месяца"},
      {en: `${int(ending.length)} members on long contracts have at most one month left; they churned at ${pct(rate(members, ending))}, against ${pct(rate(members, longRest))} for long-contract members with more time left. ${ASSOCIATION.en}`,
        ru: `У ${ru.count(ending.length, memberOf)} с длинным абонементом остался не больше месяца; из них ушли ${ru.pct(rate(members, ending))}, а из клиентов с длинным абонементом и большим остатком срока — ${ru.pct(rate(members, longRest))}. ${ASSOCIATION.ru}`},
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
  const note = (c: ClusterSolution["clusters"][number], rows: number[], reach: {members: number; expectedChurners: number}): Text | null => {
    if (ranked.some((a) => a.group === c.cluster)) return null;
    const name = titled(c, groupNames[c.cluster]);
    const churn = rate(members, rows), expected = rows.reduce((s, i) => s + oof[i], 0);
    const ci = `95% CI ${pct(c.targetRate.lo)}–${pct(c.targetRate.hi)}`, ciRu = `95-процентный ДИ ${ru.pct(c.targetRate.lo)}–${ru.pct(c.targetRate.hi)}`;
    const head = c.targetRate.lo > overall
      ? {en: `${name.en} churns at ${pct(churn)} (${ci}), above the overall ${pct(overall)}, but ${conditions.length ? `none of the group rules' conditions holds for it (${listed(conditions.map((x) => x.en), "or")})` : "the member table has none of the columns the group rules need"}, so no action targets the group as such.`,
        ru: `${name.ru}: доля ушедших ${ru.pct(churn)} (${ciRu}), выше общей (${ru.pct(overall)}), но ${conditions.length ? `ни одно из условий групповых правил для неё не выполнено (${listed(conditions.map((x) => x.ru), "или")})` : "в таблице клиентов нет ни одного столбца, нужного групповым правилам"}, поэтому на группу как таковую не нацелено ни одно действие.`}
      : {en: `${name.en} churns at ${pct(churn)} (${ci}); that interval includes the overall ${pct(overall)}, so the group is neither clearly high- nor clearly low-churn and no group rule applies to it.`,
        ru: `${name.ru}: доля ушедших ${ru.pct(churn)} (${ciRu}); интервал включает общую долю ${ru.pct(overall)}, поэтому отток в группе ни явно высокий, ни явно низкий, и ни одно групповое правило к ней не применяется.`};
    const tail = reach.members
      ? {en: ` The club-wide actions still reach ${int(reach.members)} of its ${int(rows.length)} members (${int(reach.expectedChurners)} of its ${int(expected)} expected churners).`,
        ru: ` Действия для всего клуба всё же охватывают ${ru.int(reach.members)} из ${ru.count(rows.length, memberOf)} группы (${ru.int(reach.expectedChurners)} из ${ru.int(expected)} ожидаемых уходящих).`}
      : {en: " No club-wide action reaches its members either.", ru: " Действия для всего клуба её клиентов тоже не охватывают."};
    return {en: head.en + tail.en, ru: head.ru + tail.ru};
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
      {name: {en: "Members kept", ru: "Удержанные клиенты"},
        text: {en: "success rate × expected churners among the members contacted", ru: "доля удержанных × ожидаемые уходящие среди клиентов, с которыми связались"}},
      {name: {en: "Value", ru: "Ценность"},
        text: {en: "members kept × value of a member-month × months a kept member stays", ru: "удержанные клиенты × ценность месяца членства × сколько месяцев остаётся удержанный клиент"}},
      {name: {en: "Cost", ru: "Затраты"}, text: {en: "cost per member contacted × members contacted", ru: "стоимость контакта × число клиентов, с которыми связались"}},
      {name: {en: "Break-even success rate", ru: "Доля удержанных для безубыточности"}, text: {en: "the success rate at which the value equals the cost", ru: "доля удержанных, при которой ценность равна затратам"}}
    ],
    lateWarning,
    unavailable,
    groups: byGroup.map(({cluster: c, rows}) => {
      const reached = rows.filter((i) => clubWide.has(i));
      const reach = {members: reached.length, expectedChurners: reached.reduce((s, i) => s + oof[i], 0)};
      return {
        group: c.cluster,
        name: groupNames[c.cluster],
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
  selector = selectors(a.id === "onboarding" ? median(members.map((m) => value(m, "lifetime"))) : NaN)): number[] {
  return members.flatMap((m, i) => ((a.group === null || labels[i] === a.group) && selector[a.id](m) ? [i] : []));
}

const visits = (x: number) => `${x.toFixed(2)} a week`;
const months = (x: number) => `${+x.toFixed(1)} month${x === 1 ? "" : "s"}`;
const visitsRu = (x: number) => `${ru.fixed(x, 2)} в неделю`;
/** Months in Russian: whole months with their plural ("1 месяц", "5 месяцев"), a fraction as "2,5 мес.". */
const monthsRu = (x: number) => (Number.isInteger(+x.toFixed(1)) ? ru.count(+x.toFixed(1), nouns.month) : `${ru.fixed(x, 1)} мес.`);

/** Why one member is on an action's list, in words (`group`: the member's group as "group 2 \"name\"" / «группа 2 «…»»). */
export function memberReason(id: ActionId, m: FitnessMember, group: Text): Text {
  switch (id) {
    case "loyalty": return {en: `in ${group.en}, which churns less than the club`, ru: `${group.ru}, где уходят реже, чем в клубе в целом`};
    case "longer-contract": return {en: `on a 1-month contract, in ${group.en}`, ru: `абонемент на 1 месяц; ${group.ru}`};
    case "group-classes": return {en: `does not attend group classes, in ${group.en}`, ru: `не ходит на групповые занятия; ${group.ru}`};
    case "onboarding": return {en: `with the club ${months(value(m, "lifetime"))}, under the club's median, in ${group.en}`,
      ru: `в клубе ${monthsRu(value(m, "lifetime"))}, меньше медианы по клубу; ${group.ru}`};
    case "friend-promo": return {en: `did not join through a friend, in ${group.en}`, ru: `пришёл не по приглашению друга; ${group.ru}`};
    case "visit-drop": return {en: `visits this month ${visits(value(m, "classFrequencyCurrentMonth"))} against ${visits(value(m, "classFrequencyTotal"))} usually`,
      ru: `в этом месяце ${visitsRu(value(m, "classFrequencyCurrentMonth"))} против обычных ${visitsRu(value(m, "classFrequencyTotal"))}`};
    case "renewal": return {en: `${months(value(m, "contractPeriod"))} contract with ${months(value(m, "monthsToEndOfContract"))} left`,
      ru: `абонемент на ${monthsRu(value(m, "contractPeriod"))}, осталось ${monthsRu(value(m, "monthsToEndOfContract"))}`};
  }
}
