/**
 * Hypotheses about customers: what they spend per order and whether (and how soon) they come back.
 * The customer is the unit of every test — one value per customer — because a customer's orders are
 * not independent of each other (one customer with a hundred orders would otherwise weigh a hundred
 * times). Money is right-skewed and compared by ranks (Kruskal–Wallis for three or more groups,
 * Mann–Whitney U for two); coming back is a time to the second order, observed for a different time
 * per customer, and compared by a log-rank test with censoring (loaders/stats).
 *
 *   main family   one question per test, Holm-corrected (familywise error ≤ α)
 *   post hoc      first-order value of each first-order category against all other customers'
 *                 first orders, Benjamini–Hochberg
 *   described     differences on what a grouping was built from (profiles on order value and
 *                 orders): effect sizes and medians, no p-value — a test would find what the
 *                 clustering put there
 *   sensitivity   the first-order value questions again with wholesale lines included (each customer's
 *                 first order among all their orders, wholesale lines counted)
 *
 * What this file writes in words (questions, answers, why a test was chosen, group names, notes) is a Text, in
 * both languages; the tests themselves run once, on the English group labels.
 */
import {isText, same} from "../../../src/components/i18n.ts";
import {correctFamily, kruskalWallis, logRankTest, mannWhitneyU} from "../../stats/index.ts";
import type {EffectSize, GroupSummary, TestResult} from "../../stats/types.ts";
import type {HypothesisReport} from "../../analysis/types.ts";
import {labelsOf, labelTextsOf, type CategoryScheme} from "./categories.ts";
import type {ScoredCustomer} from "./customers.ts";
import {segmentLabel, SEGMENT_IDS} from "./rfm.ts";
import {firstOrderAt, firstOrderWithWholesaleAt, returnColumns, returnTimes, type FirstOrder, type FirstOrderColumns, type FirstOrders, type FirstOrderWithWholesale} from "./repeat.ts";
import {randomSource, sampleIndices} from "../../random.ts";
import {detectableRankBiserial} from "../../stats/power.ts";
import {RANK_BISERIAL_THRESHOLDS} from "../../stats/effects.ts";
import {RETURN_MIN_HOURS} from "./occasions.ts";
import {segmentLabels} from "./rfm.ts";
import {asText} from "./mailing.ts";
import type {Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";

const ru = formats("ru");

/** A group of a test with its name in both languages (`label` is the English name the test ran on). */
export type NamedGroup = GroupSummary & {name: Text};

/** A test with its id, a short chart label and the answer to its question in words: "No evidence", "Yes", or for a
 * two-group comparison "Yes: " + which way the difference goes (from the sign of the effect, never from the question).
 * The question, why the test was chosen and the groups' names are in both languages. */
export type EcomTest = Omit<HypothesisReport["tests"][number], "question" | "chosenBecause" | "groups"> & {
  id: string; short: Text; answer: Text; question: Text; chosenBecause: Text; groups: NamedGroup[];
  /** Post hoc tests: the category compared with all other first orders. */
  category?: Text;
};

export interface EcomHypothesisReport extends Omit<HypothesisReport, "tests"> {
  tests: EcomTest[];
}

/** A difference described, not tested: the grouping was built from the variable compared. */
export interface Described {
  id: string;
  short: Text;
  question: Text;
  field: string;
  variable: Text;
  /** epsilon² from the Kruskal–Wallis H (the share of rank variance between groups). */
  effect: EffectSize;
  groups: GroupSummary[];
  /** Why there is no p-value. */
  why: Text;
}

export interface HypothesesReport {
  main: EcomHypothesisReport;
  posthoc: EcomHypothesisReport;
  described: Described[];
  /** The first-order value tests with wholesale lines included (ranks make them robust; this shows it). */
  sensitivity: {id: string; question: Text; pWithout: number; pWith: number; effectWithout: number; effectWith: number; effectName: string; sameDecision: boolean}[];
  /** How repeat purchases were observed: until when, how many customers, the horizon of the shares shown. */
  repeat: {observedUntil: string; repeatCutoff: string | null; customers: number; returned: number; firstSeenAfterCutoff: number; secondOrdersAfterCutoff: number; horizonDays: number; returnMinHours: number};
  /** Groups smaller than this are left out of a test (and said so). */
  minGroup: number;
  /** When the log has more customers than a test runs on: at most `max` customers per test, drawn at random with
   * `seed`, out of `customers` (first orders) and `scored` (scored customers); null: every customer is tested. */
  sample: {max: number; seed: number; customers: number; scored: number; detectable: DetectableInSample} | null;
  notes: Text[];
}

const RANKS_WHY: Text = {en: "Order values are right-skewed (a few large orders pull the mean), so groups are compared by ranks rather than means.",
  ru: "Стоимость заказов скошена вправо (несколько крупных заказов тянут среднее вверх), поэтому группы сравниваются по рангам, а не по средним."};
const FIRST_ORDER_WHY: Text = {en: "Each customer counts once, by their first order (its value and main category), so the values are independent — a customer's later orders are not.",
  ru: "Каждый клиент учитывается один раз — по первому заказу (его стоимости и основной категории), поэтому значения независимы; последующие заказы того же клиента такими не были бы."};
/** Two Texts as one sentence after the other. */
const join = (...parts: Text[]): Text => ({en: parts.map((p) => p.en).filter(Boolean).join(" "), ru: parts.map((p) => p.ru).filter(Boolean).join(" ")});

/** A test run, why it was chosen, and the names of its groups by the English label it ran on. */
interface Ran {
  result: TestResult;
  chosenBecause: Text;
  names: Record<string, Text>;
}
interface Spec {
  id: string;
  /** A few words for chart labels. */
  short: Text;
  field: string;
  /** Asked two-sided ("does … differ"), naming the comparison group: the answer says which way. */
  question: Text;
  /** Two-group tests: the answer when the first group tends to be larger (rank-biserial r > 0) and when smaller. */
  direction?: Direction;
  category?: Text;
  run: () => Ran;
}

export interface Direction {
  higher: Text;
  lower: Text;
}

/** The answer to a test's question after correction: it follows the adjusted decision and, for two groups, the sign of the effect. */
export function answerOf(test: Pick<TestResult, "rejectAdjusted" | "reject" | "effect">, direction?: Direction): Text {
  const reject = test.rejectAdjusted ?? test.reject;
  if (!reject) return {en: "No evidence", ru: "Не доказано"};
  // A difference too small to matter is said to be (as the finding says: src/components/ecommerce-findings.ts).
  const yes: Text = test.effect.magnitude === "negligible" ? {en: "Yes, negligible", ru: "Да, пренебрежимо мало"} : {en: "Yes", ru: "Да"};
  if (!direction) return yes;
  const way = test.effect.value > 0 ? direction.higher : direction.lower;
  return {en: `${yes.en}: ${way.en}`, ru: `${yes.ru}: ${way.ru}`};
}

/** Something computed, or left out with the reason in `notes` (data that cannot answer a question must not stop the report). */
function attempt<T>(what: Text, notes: Text[], run: () => T): T[] {
  try {
    return [run()];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    notes.push({en: `"${what.en}" is left out: ${message}.`, ru: `«${what.ru}» — не рассчитано: ${message}.`});
    return [];
  }
}

function family(candidates: Spec[], correction: "holm" | "bh", alpha: number, notes: Text[]): EcomHypothesisReport {
  const ran = candidates.flatMap((spec) => attempt(spec.question, notes, () => ({spec, ...spec.run()})));
  const corrected = correctFamily(ran.map((x) => x.result), correction);
  const tests = corrected.map((r, i): EcomTest => {
    const {spec, chosenBecause, names} = ran[i];
    return {...r, field: spec.field, kind: "continuous" as const, question: spec.question, id: spec.id, short: spec.short, answer: answerOf(r, spec.direction),
      chosenBecause, groups: r.groups.map((g) => ({...g, name: names[g.label] ?? asText(g.label)})), ...(spec.category ? {category: spec.category} : {})};
  });
  return {
    correction, correctionName: correction === "holm" ? {en: "Holm", ru: "Холма"} : {en: "Benjamini–Hochberg", ru: "Бенджамини — Хохберга"}, alpha, tests,
    significant: tests.filter((t) => t.rejectAdjusted).length,
    significantUncorrected: tests.filter((t) => t.reject).length
  };
}

function groupsOf<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => number, order: readonly string[], minGroup: number) {
  const map = new Map<string, number[]>();
  for (const r of rows) {
    const k = key(r);
    if (!map.has(k)) map.set(k, []);
    map.get(k)!.push(value(r));
  }
  const kept = order.filter((k) => (map.get(k)?.length ?? 0) >= minGroup);
  const dropped = order.filter((k) => (map.get(k)?.length ?? 0) > 0 && !kept.includes(k));
  return {keys: kept, samples: kept.map((k) => map.get(k)!), dropped};
}

/** Quartile cut points (linear interpolation) of values. */
function quartiles(values: readonly number[]): [number, number, number] {
  const s = Float64Array.from(values).sort();
  const q = (p: number) => {
    const h = (s.length - 1) * p;
    const lo = Math.floor(h);
    return s[lo] + (h - lo) * (s[Math.min(lo + 1, s.length - 1)] - s[lo]);
  };
  return [q(0.25), q(0.5), q(0.75)];
}

export interface HypothesisInputs {
  /** Every customer's first order over the whole log, and when they came back (repeat.ts readFirstOrders). */
  firstOrders: FirstOrders;
  /** The customers RFM scored and profiles clustered (as of the repeat cutoff when there is one): the segment
   * comparison and the profile descriptions use them. */
  scored: readonly ScoredCustomer[];
  /** Each customer's first order when wholesale lines count (repeat.ts readFirstOrdersWithWholesale). */
  firstOrdersWithWholesale: FirstOrderColumns;
  /** Cluster index per scored customer (same order as scored) and cluster names. */
  clusterOf: readonly number[];
  clusterNames: readonly string[];
  /** The same names in Russian, for the tests' Russian sentences (default: as in English). */
  clusterNamesRu?: readonly string[];
  /** The last time in the log (ISO): observation ends there when there is no repeat cutoff. */
  end: string;
  /** Start (ISO date) of a window at the end of the log where customer ids look re-used; repeat-purchase questions
   * end observation there. null: no such window, observe to the end of the log. */
  repeatCutoff: string | null;
  /** The categories in use (tables.ts: TablesInfo.scheme). */
  scheme: CategoryScheme;
}

export interface HypothesisOptions {
  alpha?: number;
  minGroup?: number;
  /** Most customers a test runs on (MAX_TESTED): beyond, a seeded random sample of this many. */
  maxTested?: number;
  /** Days after the first order at which the share who came back is shown (Kaplan–Meier). */
  horizonDays?: number;
}

/** The variables the tests are run on, as the Russian sentences name them. */
const VARIABLES_RU: Record<string, string> = {
  "first order value": "стоимость первого заказа",
  "first-order value quartile": "квартиль стоимости первого заказа",
  "main category of the first order": "основная категория первого заказа",
  "category of the first order": "категория первого заказа",
  "month of the first order": "месяц первого заказа",
  "average order value": "средний чек",
  "orders per customer": "заказов на клиента",
  "number of orders": "число заказов",
  "consumption profile": "профиль потребления",
  "a return": "возвращение"
};

/** Every Text under `x` with the English names in its Russian side replaced by their Russian ones
 *  (longest first, whole words only). */
function inRussian<T>(x: T, names: readonly [string, string][]): T {
  const pairs = names.filter(([en, ru]) => en && en !== ru).sort((a, b) => b[0].length - a[0].length)
    .map(([en, ru]) => [new RegExp(`(?<![\\p{L}\\d])${en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\d])`, "gu"), ru] as const);
  const walk = (v: unknown): unknown => {
    if (isText(v)) return {...v, ru: pairs.reduce((text, [re, ru]) => text.replace(re, ru), v.ru)};
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, w]) => [k, walk(w)]));
    return v;
  };
  return walk(x) as T;
}

/** What a test on the sample can detect: between groups of `smaller` (SMALL_GROUP_SHARE of the sample) and `larger`
 * customers, the rank-biserial r the Mann–Whitney test finds with `power` at level `alpha` (the strictest level of
 * Holm's correction: α / the number of main tests), against `smallEffect`, the |r| from which an effect counts as small. */
export interface DetectableInSample {
  smaller: number;
  larger: number;
  alpha: number;
  power: number;
  r: number;
  smallEffect: number;
}

/** The share of the sample the smaller group holds in DetectableInSample. */
const SMALL_GROUP_SHARE = 0.05;

function detectableInSample(size: number, alpha: number): DetectableInSample {
  const smaller = Math.round(SMALL_GROUP_SHARE * size), larger = size - smaller, power = 0.8;
  return {smaller, larger, alpha, power, r: detectableRankBiserial(smaller, larger, {alpha, power}), smallEffect: RANK_BISERIAL_THRESHOLDS[0]};
}

/** Most customers each test runs on. A log with more is tested on a seeded random sample of this many customers
 * (the first orders and the scored customers each drawn on their own; the first orders with wholesale lines are those
 * of the same customers as the first orders, so the wholesale sensitivity check compares like with like): a test's
 * p-value, effect size and group sizes are those of a simple random sample — at this size the rank tests' cost
 * (n log n per test, dozens of tests) stays bounded, and effects far below small ones are still detected
 * (DetectableInSample, which the page states). Counts of
 * customers observed and returned stay those of everyone (the page says so). */
export const MAX_TESTED = 200_000;
/** Seed of that sample. */
export const TEST_SAMPLE_SEED = 20;

/** The rows of `rows` at `indices`. */
const pick = <T>(rows: readonly T[], indices: Int32Array): T[] => Array.from(indices, (i) => rows[i]);

/** The first orders with wholesale lines of the customers `sampled` from `everyone` (so the wholesale sensitivity check
 * compares the same customers with and without those lines), and of customers with wholesale orders only (absent
 * from `everyone`) at the same rate, drawn with `random`. */
function sameCustomers(withWholesale: FirstOrderColumns, everyone: FirstOrderColumns, sampled: readonly FirstOrder[], random: () => number): FirstOrderWithWholesale[] {
  let size = 0;
  for (const k of withWholesale.customer) size = Math.max(size, k + 1);
  for (const k of everyone.customer) size = Math.max(size, k + 1);
  // 0: not among the first orders, 1: among them, 2: sampled.
  const state = new Uint8Array(size);
  for (const k of everyone.customer) state[k] = 1;
  for (const o of sampled) state[o.customer] = 2;
  const rate = sampled.length / (everyone.size || 1);
  const out: FirstOrderWithWholesale[] = [];
  for (let i = 0; i < withWholesale.size; i++) {
    const k = withWholesale.customer[i];
    if (state[k] === 0 ? random() < rate : state[k] === 2) out.push(firstOrderWithWholesaleAt(withWholesale, i));
  }
  return out;
}

export function hypothesesReport(inputs: HypothesisInputs, {alpha = 0.05, minGroup = 20, horizonDays = 90, maxTested = MAX_TESTED}: HypothesisOptions = {}): HypothesesReport {
  const {clusterNames, clusterNamesRu = clusterNames, end, repeatCutoff, scheme} = inputs;
  const everyoneReturns = returnColumns(inputs.firstOrders, {end, repeatCutoff});
  const random = randomSource(TEST_SAMPLE_SEED);
  const firstSample = sampleIndices(inputs.firstOrders.size, maxTested, random);
  const scoredSample = sampleIndices(inputs.scored.length, maxTested, random);
  const firstOrders = Array.from(firstSample, (i) => firstOrderAt(inputs.firstOrders, i));
  const scored = pick(inputs.scored, scoredSample);
  const clusterOf = pick(inputs.clusterOf, scoredSample);
  const sampled = inputs.scored.length > maxTested || inputs.firstOrders.size > maxTested;
  const withWholesale = inputs.firstOrdersWithWholesale;
  const firstOrdersWithWholesale = inputs.firstOrders.size > maxTested ? sameCustomers(withWholesale, inputs.firstOrders, firstOrders, random)
    : Array.from({length: withWholesale.size}, (_, i) => firstOrderWithWholesaleAt(withWholesale, i));
  const notes: Text[] = [];
  const catOrder = scheme.categories.map((c) => c.id);
  const categoryLabel = labelsOf(scheme);
  const categoryTexts = labelTextsOf(scheme);
  const label = (k: string) => categoryLabel[k] ?? k;
  const labelText = (k: string): Text => categoryTexts[k] ?? asText(label(k));
  const money = (x: number) => Math.round(x).toLocaleString("en-US");
  const groupsWord = (n: number) => ru.plural(n, "группы", "групп", "групп");
  const kw = (samples: number[][], labels: string[], names: Text[], variable: string, groupVariable: string, why: Text): Ran => {
    const result = kruskalWallis(samples, {variable, groupVariable, labels, alpha});
    return {result, names: Object.fromEntries(labels.map((l, i) => [l, names[i]])),
      chosenBecause: join(why, {en: `One test for all ${labels.length} groups, rather than many pairwise ones.`, ru: `Один критерий для всех ${groupsWord(labels.length)} вместо множества попарных сравнений.`})};
  };
  const mw = (a: number[], b: number[], labels: [string, string], names: [Text, Text], variable: string, why: Text): Ran => {
    const result = mannWhitneyU(a, b, {variable, labels, alpha});
    return {result, names: {[labels[0]]: names[0], [labels[1]]: names[1]},
      chosenBecause: join(why, {en: "With two groups, Mann–Whitney U compares their distributions.", ru: "Для двух групп их распределения сравнивает критерий Манна — Уитни."})};
  };
  const note = (what: Text, dropped: string[], name: (k: string) => Text) => {
    if (dropped.length) notes.push({en: `${what.en}: ${dropped.map((k) => name(k).en).join(", ")} left out (fewer than ${minGroup} in the group).`,
      ru: `${what.ru}: не учтены ${dropped.map((k) => `«${name(k).ru}»`).join(", ")} (в группе меньше ${minGroup}).`});
  };

  // Described, not tested: profiles were clustered on ln(order value) and ln(orders).
  const byCustomerIndex = scored.map((c, i) => ({c, cluster: String(clusterOf[i])}));
  const clusterOrder = clusterNames.map((_, i) => String(i));
  const aovByCluster = groupsOf(byCustomerIndex, (x) => x.cluster, (x) => x.c.aov, clusterOrder, minGroup);
  const ordersByCluster = groupsOf(byCustomerIndex, (x) => x.cluster, (x) => x.c.orders, clusterOrder, minGroup);
  note({en: "Profiles", ru: "Профили"}, aovByCluster.dropped, (k) => asText(clusterNames[Number(k)]));
  const circular = (what: Text): Text => ({
    en: `The profiles were formed by clustering customers on the logarithm of their ${what.en} (with their category shares), so they differ on it by construction: a test would find what the clustering put there, and its p-value would mean nothing. The size of the differences is described instead.`,
    ru: `Профили получены кластеризацией клиентов по логарифму ${what.ru} (вместе с долями категорий), поэтому различаются по нему по построению: критерий нашёл бы то, что заложила кластеризация, и его p-значение ничего бы не значило. Вместо этого описан размер различий.`});
  const describe = (id: string, short: Text, field: string, question: Text, variable: string, samples: number[][], keys: string[], what: Text): Described[] =>
    attempt(question, notes, () => {
      const r = kruskalWallis(samples, {variable, groupVariable: "consumption profile", labels: keys.map((k) => clusterNames[Number(k)])});
      const profileRu = new Map(clusterNames.map((name, i) => [name, clusterNamesRu[i] ?? name]));
      const groups = r.groups.map((g) => (typeof g.label === "string" ? {...g, labels: {en: g.label, ru: profileRu.get(g.label) ?? g.label}} : g));
      return {id, short, field, question, variable: {en: variable, ru: VARIABLES_RU[variable] ?? variable}, effect: r.effect, groups, why: circular(what)};
    });
  const described = aovByCluster.keys.length < 2 ? [] : [
    ...describe("aov-profile", {en: "order value × profile", ru: "средний чек × профиль"}, "aov",
      {en: "How much does the average order value differ between consumption profiles?", ru: "Насколько различается средний чек между профилями потребления?"}, "average order value",
      aovByCluster.samples, aovByCluster.keys, {en: "average order value", ru: "среднего чека"}),
    ...describe("frequency-profile", {en: "orders × profile", ru: "заказы × профиль"}, "orders",
      {en: "How much does the number of orders per customer differ between consumption profiles?", ru: "Насколько различается число заказов на клиента между профилями потребления?"}, "orders per customer",
      ordersByCluster.samples, ordersByCluster.keys, {en: "number of orders", ru: "числа заказов"})
  ];

  // The customer as the unit: each customer's first order.
  const firstCats = groupsOf(firstOrders, (c) => c.category, (c) => c.value, catOrder, minGroup);
  note({en: "First-order categories", ru: "Категории первого заказа"}, firstCats.dropped, labelText);

  // Coming back: time to the second order, censored at the end of observation, stratified by the month of the first order.
  const returns = returnTimes(firstOrders, {end, repeatCutoff});
  const firstCatCount = new Map<string, number>();
  for (const r of returns.rows) firstCatCount.set(r.first.category, (firstCatCount.get(r.first.category) ?? 0) + 1);
  const returnCats = catOrder.filter((k) => (firstCatCount.get(k) ?? 0) >= minGroup);
  note({en: "Coming back by first-order category", ru: "Возвращение по категории первого заказа"}, catOrder.filter((k) => (firstCatCount.get(k) ?? 0) > 0 && !returnCats.includes(k)), labelText);
  const strataVariable = "month of the first order";
  const survival = (rows: typeof returns.rows, group: (r: (typeof rows)[number]) => string, order: string[], labels: Record<string, string>, names: Record<string, Text>, groupVariable: string, why: Text): Ran => {
    const result = logRankTest(rows.map((x) => x.days), rows.map((x) => x.returned), rows.map(group),
      {event: "a return", groupVariable, labels, order, strata: rows.map((x) => x.first.cohort), strataVariable, horizon: horizonDays, unit: "days", alpha});
    return {result, chosenBecause: why, names: Object.fromEntries(Object.entries(labels).map(([k, l]) => [l, names[k]]))};
  };
  const observedUntil = returns.observedUntil.slice(0, 10);
  const hours = (n: number) => ru.plural(n, "час", "часа", "часов");
  const TIME_WHY: Text = {
    en: `Coming back means an order placed more than ${RETURN_MIN_HOURS} hours after the first: orders within ${RETURN_MIN_HOURS} hours are the same purchase, placed twice or split over several order ids. Customers were observed for different lengths of time (those who started late had less time to come back), and what customers first buy can change with the season, so a share who "ever" ordered again would compare unequal chances. The log-rank test uses each customer's time to a return, counts those not back yet as censored at the end of observation (${observedUntil}), and compares customers only with others whose first order was in the same month. A fixed-horizon share (back within ${horizonDays} days, only customers observed that long) would drop the customers who started late; the log-rank test keeps them.`,
    ru: `Вернуться — значит сделать заказ позже чем через ${hours(RETURN_MIN_HOURS)} после первого: заказы в пределах ${ru.plural(RETURN_MIN_HOURS, "часа", "часов", "часов")} — та же покупка, оформленная дважды или разбитая на несколько заказов. Клиентов наблюдали разное время (у начавших поздно было меньше времени вернуться), а то, что клиенты покупают впервые, может меняться по сезонам, поэтому доля «когда-либо» заказавших снова сравнивала бы неравные шансы. Логранговый критерий использует время каждого клиента до возвращения, считает ещё не вернувшихся цензурированными на конец наблюдения (${observedUntil}) и сравнивает клиентов только с теми, чей первый заказ был в том же месяце. Доля за фиксированный срок (вернулись в течение ${ru.plural(horizonDays, "дня", "дней", "дней")}, только клиенты, которых наблюдали так долго) отбросила бы начавших поздно; логранговый критерий их сохраняет.`};
  const valueCuts = returns.rows.length >= 4 * minGroup ? quartiles(returns.rows.map((r) => r.first.value)) : null;
  const valueBand = (v: number) => (valueCuts ? String(valueCuts.filter((c) => v > c).length) : "0");
  const bandLabels: Record<string, string> = valueCuts ? {
    0: `first order ≤ ${money(valueCuts[0])}`, 1: `first order ${money(valueCuts[0])}–${money(valueCuts[1])}`, 2: `first order ${money(valueCuts[1])}–${money(valueCuts[2])}`, 3: `first order > ${money(valueCuts[2])}`
  } : {};
  const bandNames: Record<string, Text> = valueCuts ? Object.fromEntries(Object.entries(bandLabels).map(([k, en]) => {
    const [a, b, c] = valueCuts.map((x) => ru.int(x));
    return [k, {en, ru: ["первый заказ ≤ " + a, `первый заказ ${a}–${b}`, `первый заказ ${b}–${c}`, `первый заказ > ${c}`][Number(k)]}];
  })) : {};
  const bands = Object.keys(bandLabels).filter((b) => returns.rows.some((r) => valueBand(r.first.value) === b));

  // RFM: one segment against all other repeat buyers who have not lapsed, whatever rule carved them.
  const atRisk = scored.filter((c) => c.segment === "at-risk");
  const otherRepeat = scored.filter((c) => c.occasions >= 2 && c.segment !== "at-risk");
  const otherIds = SEGMENT_IDS.filter((s) => otherRepeat.some((c) => c.segment === s));
  const otherSegments = otherIds.map((s) => segmentLabel[s]);
  const comparison = `all other repeat buyers (${otherSegments.join(" and ")})`;
  const comparisonName: Text = {en: comparison, ru: `все остальные повторные покупатели (${otherIds.map((s) => segmentLabels[s].ru).join(" и ")})`};
  const riskName = segmentLabels["at-risk"];

  const specs: Spec[] = [];
  if (firstCats.keys.length >= 2) specs.push({id: "value-first-category", short: {en: "first-order value × category", ru: "стоимость первого заказа × категория"}, field: "firstOrderValue",
    question: {en: "Does the value of a customer's first order differ by the main category of that order?", ru: "Различается ли стоимость первого заказа клиента в зависимости от основной категории этого заказа?"},
    run: () => kw(firstCats.samples, firstCats.keys.map(label), firstCats.keys.map(labelText), "first order value", "main category of the first order", join(RANKS_WHY, FIRST_ORDER_WHY))});
  if (returnCats.length >= 2) {
    const rows = returns.rows.filter((r) => returnCats.includes(r.first.category));
    specs.push({id: "return-first-category", short: {en: "coming back × first category", ru: "возвращение × категория первого заказа"}, field: "returned",
      question: {en: "Does how soon customers come back differ by the category of their first order?", ru: "Зависит ли то, как скоро клиенты возвращаются, от категории их первого заказа?"},
      run: () => survival(rows, (r) => r.first.category, returnCats, Object.fromEntries(returnCats.map((k) => [k, label(k)])), Object.fromEntries(returnCats.map((k) => [k, labelText(k)])), "category of the first order", TIME_WHY)});
  }
  if (bands.length >= 2) specs.push({id: "return-first-value", short: {en: "coming back × first-order value", ru: "возвращение × стоимость первого заказа"}, field: "returned",
    question: {en: "Does how soon customers come back differ by the value of their first order (quartiles)?", ru: "Зависит ли то, как скоро клиенты возвращаются, от стоимости их первого заказа (по квартилям)?"},
    run: () => survival(returns.rows, (r) => valueBand(r.first.value), bands, bandLabels, bandNames, "first-order value quartile", TIME_WHY)});
  if (atRisk.length >= minGroup && otherRepeat.length >= minGroup) {
    specs.push({id: "aov-at-risk-vs-repeat", short: {en: `order value: ${segmentLabel["at-risk"]} vs other repeat buyers`, ru: `средний чек: «${riskName.ru}» против остальных повторных покупателей`}, field: "aov",
      question: {en: `Do ${segmentLabel["at-risk"]} customers spend a different amount per order than ${comparison}?`,
        ru: `Тратят ли клиенты сегмента «${riskName.ru}» на один заказ иную сумму, чем ${comparisonName.ru}?`},
      direction: {
        higher: {en: `${segmentLabel["at-risk"]} customers spend more per order than other repeat buyers`, ru: `клиенты сегмента «${riskName.ru}» тратят на заказ больше, чем остальные повторные покупатели`},
        lower: {en: `${segmentLabel["at-risk"]} customers spend less per order than other repeat buyers`, ru: `клиенты сегмента «${riskName.ru}» тратят на заказ меньше, чем остальные повторные покупатели`}},
      run: () => {
        const r = mw(atRisk.map((c) => c.aov), otherRepeat.map((c) => c.aov), [segmentLabel["at-risk"], comparison], [riskName, comparisonName], "average order value", RANKS_WHY);
        return {...r, chosenBecause: join(r.chosenBecause, {
          en: `The comparison group is every other customer with two or more orders (${otherSegments.join(", ")}), so it does not depend on how the rules split those customers among themselves — comparing with one of those segments alone would, because a rule on revenue (M) moves the big spenders out of it. Average order value is revenue divided by orders; the two groups are split on recency only (both have two or more orders and neither is cut on M), so the comparison is not circular.${repeatCutoff ? ` Segments are scored as of ${repeatCutoff}, on each customer's orders before it: from then on customer ids look re-used, so no later order makes anyone a repeat buyer.` : ""}`,
          ru: `Группа сравнения — все остальные клиенты с двумя и более заказами (${otherIds.map((s) => segmentLabels[s].ru).join(", ")}), поэтому она не зависит от того, как правила делят этих клиентов между собой; сравнение с одним из этих сегментов зависело бы, потому что правило по выручке (M) уводит из него крупных покупателей. Средний чек — это выручка, делённая на число заказов; две группы разделены только по давности покупки (в обеих по два и более заказа, и ни одна не отсекается по M), поэтому сравнение не замкнуто на себя.${repeatCutoff ? ` Сегменты рассчитаны на ${repeatCutoff} по заказам каждого клиента до этой даты: с неё идентификаторы клиентов, по-видимому, используются повторно, поэтому никакой более поздний заказ не делает клиента повторным покупателем.` : ""}`})};
      }});
  } else notes.push({en: `The ${segmentLabel["at-risk"]} comparison is left out: it or the other repeat buyers number fewer than ${minGroup}.`,
    ru: `Сравнение сегмента «${riskName.ru}» не проводилось: в нём или среди остальных повторных покупателей меньше ${ru.plural(minGroup, "клиента", "клиентов", "клиентов")}.`});
  const main = family(specs, "holm", alpha, notes);

  const firstOrderRest = (k: string, rows: readonly {category: string; value: number}[]) =>
    mw(rows.filter((o) => o.category === k).map((o) => o.value), rows.filter((o) => o.category !== k).map((o) => o.value),
      [`first orders in ${label(k)}`, "other customers' first orders"], [{en: `first orders in ${labelText(k).en}`, ru: `первые заказы в категории «${labelText(k).ru}»`}, {en: "other customers' first orders", ru: "первые заказы остальных клиентов"}],
      "first order value", join(RANKS_WHY, FIRST_ORDER_WHY));
  const post: Spec[] = firstCats.keys.length >= 2 ? firstCats.keys.map((k) => ({
    id: `first-value-${k}-vs-rest`, short: {en: `${label(k)} vs other first orders`, ru: `«${labelText(k).ru}» против остальных первых заказов`}, field: "firstOrderValue",
    question: {en: `Are first orders whose main category is ${label(k)} larger or smaller than other customers' first orders?`,
      ru: `Больше или меньше первые заказы с основной категорией «${labelText(k).ru}», чем первые заказы остальных клиентов?`},
    direction: {higher: {en: "larger", ru: "больше"}, lower: {en: "smaller", ru: "меньше"}},
    category: labelText(k),
    run: () => firstOrderRest(k, firstOrders)
  })) : [];
  const posthoc = family(post, "bh", alpha, notes);

  // Sensitivity: each customer's first order when wholesale lines count (an order of wholesale lines only can then come first).
  const withW = groupsOf(firstOrdersWithWholesale, (o) => o.category, (o) => o.value, catOrder, minGroup);
  const valueTest = main.tests.find((t) => t.id === "value-first-category");
  const sens = [
    ...(valueTest && withW.keys.length >= 2 ? [{id: valueTest.id, question: valueTest.question, without: valueTest,
      with: kw(withW.samples, withW.keys.map(label), withW.keys.map(labelText), "first order value", "main category of the first order", RANKS_WHY).result}] : []),
    ...posthoc.tests.filter((t) => withW.keys.includes(t.id.replace(/^first-value-/, "").replace(/-vs-rest$/, ""))).map((t) => {
      const k = t.id.replace(/^first-value-/, "").replace(/-vs-rest$/, "");
      return {id: t.id, question: t.question, without: t, with: firstOrderRest(k, firstOrdersWithWholesale).result};
    })
  ];
  const sensitivity = sens.map((s) => ({
    id: s.id, question: s.question, pWithout: s.without.pValue, pWith: s.with.pValue,
    effectWithout: s.without.effect.value, effectWith: s.with.effect.value, effectName: s.without.effect.name,
    sameDecision: (s.without.pValue < alpha) === (s.with.pValue < alpha)
  }));
  const repeat = {observedUntil: everyoneReturns.observedUntil, repeatCutoff, customers: everyoneReturns.days.length, returned: everyoneReturns.returnedCount,
    firstSeenAfterCutoff: everyoneReturns.firstSeenAfterCutoff, secondOrdersAfterCutoff: everyoneReturns.secondOrdersAfterCutoff, horizonDays, returnMinHours: RETURN_MIN_HOURS};
  // The tests ran once, on the English names: their Russian sentences get the Russian ones.
  const names: [string, string][] = [
    ...Object.entries(VARIABLES_RU),
    ...catOrder.map((k): [string, string] => [label(k), labelText(k).ru]),
    ...Object.keys(bandLabels).map((k): [string, string] => [bandLabels[k], bandNames[k].ru]),
    ...SEGMENT_IDS.map((id): [string, string] => [segmentLabel[id], segmentLabels[id].ru]),
    ...clusterNames.map((name, i): [string, string] => [name, clusterNamesRu[i] ?? name]),
    [comparison, comparisonName.ru]
  ];
  const sample = sampled ? {max: maxTested, seed: TEST_SAMPLE_SEED, customers: inputs.firstOrders.size, scored: inputs.scored.length,
    detectable: detectableInSample(maxTested, alpha / main.tests.length)} : null;
  return {...inRussian({main, posthoc, described, notes}, names), sensitivity, repeat, minGroup, sample};
}
