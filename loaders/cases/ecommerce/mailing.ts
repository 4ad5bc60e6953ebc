/**
 * The mailing plan: for each RFM segment, which categories to feature, when to send (months,
 * weekday and hour from when those categories sell), how often, and with which offer — every
 * number taken from the segment's own figures by the rules below. With the customer-level
 * setting on, the per-customer mailing list (customer, segment, profile, categories, window).
 *
 * Rules (edit here):
 *   featured categories  the segment's categories by share of its revenue, largest first, until
 *                        FEATURE_COVER of its revenue is covered (at most FEATURE_MAX, each at
 *                        least FEATURE_MIN_SHARE except the first)
 *   send months          calendar months whose seasonality index, averaged over the featured
 *                        categories weighted by their share and over the month and its two
 *                        neighbours, is at least 1 (an average month)
 *   weekday / hour       the weekday, and the start of the three-hour block, with the most order
 *                        lines of the featured categories (weighted the same way)
 *   cadence              repeat segments: half their typical gap between orders (two contacts per
 *                        purchase cycle; the orders segments are scored on — before the repeat cutoff
 *                        when there is one), kept within CADENCE_MIN..CADENCE_MAX days — a gap under
 *                        RHYTHM_MIN_GAP days sets no rhythm and gives CADENCE_MIN; one-order
 *                        segments: timed on when customers who do come back place their 2nd order
 *                        (observed until the repeat cutoff); when half of them do so within
 *                        RHYTHM_MIN_GAP days, no timing follows: CADENCE_MIN days, then monthly
 *   offer                by segment (OFFERS), with a basket threshold = the segment's upper-quartile
 *                        order value rounded up to THRESHOLD_STEP
 *
 * Every sentence is written in both languages (Text): the English and the Russian say the same.
 */
import {OTHER, type Category} from "./categories.ts";
import {both, type Lang, type Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";
import {orderMsOf, type ScoredCustomer} from "./customers.ts";
import {median} from "../../stats/descriptives.ts";
import type {ProfilesReport, SegmentSummary} from "./profiles.ts";
import {segmentLabels, SEGMENT_RULES, type SegmentId} from "./rfm.ts";
import {MONTH_NAMES, WEEKDAY_NAMES, type TimeReport} from "./time.ts";
import type {ScoringScope} from "./tables.ts";

export const FEATURE_COVER = 0.6;
export const FEATURE_MAX = 3;
export const FEATURE_MIN_SHARE = 0.1;
export const CADENCE_MIN = 14;
export const CADENCE_MAX = 60;
/** A typical gap between orders shorter than this (days) is too short to set a mailing rhythm from. */
export const RHYTHM_MIN_GAP = 7;
export const THRESHOLD_STEP = 50;
const BLOCK_HOURS = 3;

interface OfferRule {
  /** The offer in words; pages add "on orders above" the segment's threshold, with the case's currency. */
  offer: Text;
  goal: Text;
  /** Share of an order's value the offer gives away (0: none, e.g. early access and free delivery). */
  discount: number;
}

const ru = formats("ru");
// Russian day counts: "через 5 дней", "раз в 21 день" (accusative, as the nominative) and "в течение 21 дня" (genitive).
const days = (n: number) => ru.plural(n, "день", "дня", "дней");
const daysOf = (n: number) => ru.plural(n, "дня", "дней", "дней");
/** A share in an offer's words: "5%" (ru "5 %"). */
const off = (x: number): Text => ({en: `${Math.round(x * 100)}%`, ru: ru.pct(x, 0)});

export const OFFERS: Record<SegmentId, OfferRule> = {
  best: {goal: {en: "keep them close without giving margin away", ru: "удержать их, не отдавая маржу"}, discount: 0,
    offer: {en: "early access to the new season's range in the featured categories and free delivery", ru: "ранний доступ к ассортименту нового сезона в категориях рассылки и бесплатная доставка"}},
  loyal: {goal: {en: "grow the basket", ru: "увеличить сумму заказа"}, discount: 0.05,
    offer: {en: `a ${off(0.05).en} loyalty bonus in the featured categories`, ru: `бонус за лояльность ${off(0.05).ru} в категориях рассылки`}},
  "at-risk": {goal: {en: "win them back before they lapse", ru: "вернуть их, пока они не перестали покупать"}, discount: 0.15,
    offer: {en: `a ${off(0.15).en} win-back coupon on the featured categories, valid 14 days`, ru: `купон на возвращение со скидкой ${off(0.15).ru} на категории рассылки, действует 14 дней`}},
  promising: {goal: {en: "turn a first order into a second", ru: "превратить первый заказ во второй"}, discount: 0.1,
    offer: {en: `${off(0.1).en} off the second order, with picks from the categories of their first order`, ru: `скидка ${off(0.1).ru} на второй заказ и подборка из категорий их первого заказа`}},
  "one-time": {goal: {en: "bring them back in their season", ru: "вернуть их в их сезон"}, discount: 0.1,
    offer: {en: `a seasonal selection with ${off(0.1).en} off during the send months`, ru: `сезонная подборка со скидкой ${off(0.1).ru} в месяцы рассылки`}},
  lost: {goal: {en: "one attempt to reactivate", ru: "одна попытка вернуть"}, discount: 0.2,
    offer: {en: `a single ${off(0.2).en} reactivation coupon, sent once at the peak of their categories' season`, ru: `разовый купон на возвращение со скидкой ${off(0.2).ru}, отправляется один раз на пике сезона их категорий`}}
};

export interface SendWindow {
  /** Calendar months (1–12) to send in, in calendar order, and the busiest one. */
  months: number[];
  peakMonth: number;
  weekday: number;
  /** Start hour of the busiest three-hour block. */
  hour: number;
  text: Text;
}

/** A category's label as the profiles give it: the label in both languages, or one string shown as it is. */
type CategoryLabel = ProfilesReport["overall"]["categoryShares"][number]["label"];
/** A label that may be one string (an export's own words) or a Text, as a Text. */
export const asText = (x: string | Text): Text => (typeof x === "string" ? {en: x, ru: x} : x);

export interface PlanRow {
  segment: SegmentId;
  label: Text;
  customers: number;
  share: number;
  revenueShare: number;
  medianAov: number;
  repeatShare: number;
  medianRecencyDays: number;
  featured: {category: Category; label: CategoryLabel; share: number; lift: number}[];
  window: SendWindow;
  cadenceDays: number | null;
  cadence: Text;
  /** The offer applies to orders above this amount (the case's currency). */
  threshold: number;
  offer: Text;
  /** Share of an order's value the offer gives away. */
  discount: number;
  goal: Text;
  /** A warning computed from the numbers, when one applies. */
  caution: Text | null;
}

export interface MailingReport {
  rules: Text[];
  /** A repeat buyer came back: an order more than this many hours after their first (loaders/cases/ecommerce/occasions.ts). */
  returnMinHours: number;
  plan: PlanRow[];
  /** Customers per segment × profile (aggregate, always shown). */
  crosstab: {segment: SegmentId; segmentLabel: Text; profile: ProfilesReport["clustering"]["clusters"][number]["name"]; dominant: Category; customers: number}[];
  /** Who the segments describe (profiles.scope): customers first seen on or after asOf are in no plan and no list. */
  scope: ScoringScope;
}

/** Calendar months (Jan…, format.ts) and weekdays (Sun…) in each language; Russian months also in the genitive ("в начале ноября"). */
const MONTHS: Record<Lang, string[]> = {en: MONTH_NAMES, ru: formats("ru").calendar.monthsShort};
const WEEKDAYS: Record<Lang, string[]> = {en: WEEKDAY_NAMES, ru: ["вс", "пн", "вт", "ср", "чт", "пт", "сб"]};
const MONTHS_OF = formats("ru").calendar.monthsGenitive;

const monthsText = (months: number[], lang: Lang): string => {
  const names = MONTHS[lang];
  if (!months.length) return lang === "ru" ? "любой месяц" : "any month";
  // Group consecutive calendar months (wrapping December → January) into ranges.
  const set = new Set(months);
  const starts = months.filter((m) => !set.has(m === 1 ? 12 : m - 1));
  if (!starts.length) return lang === "ru" ? "круглый год" : "all year";
  return starts.map((s) => {
    let e = s;
    while (set.has(e === 12 ? 1 : e + 1) && (e === 12 ? 1 : e + 1) !== s) e = e === 12 ? 1 : e + 1;
    return e === s ? names[s - 1] : `${names[s - 1]}–${names[e - 1]}`;
  }).join(", ");
};

export function sendWindow(weights: Partial<Record<Category, number>>, time: TimeReport): SendWindow {
  const entries = Object.entries(weights).filter(([, w]) => (w ?? 0) > 0) as [Category, number][];
  const total = entries.reduce((s, [, w]) => s + w, 0) || 1;
  const idx = (c: Category, m: number) => time.seasonality.find((s) => s.category === c && s.month === m)?.index ?? null;
  const monthScores = Array.from({length: 12}, (_, i) => {
    const m = i + 1;
    let s = 0, wsum = 0;
    for (const [c, w] of entries) {
      const v = idx(c, m);
      if (v !== null) {
        s += w * v;
        wsum += w;
      }
    }
    return {m, score: wsum ? s / wsum : null};
  });
  // Smooth over the neighbouring months (circular 3-month mean) so a send window is a season, not scattered months.
  const smoothed = monthScores.map(({m, score}) => {
    if (score === null) return {m, score: null};
    const near = [monthScores[(m + 10) % 12].score, score, monthScores[m % 12].score].filter((v): v is number => v !== null);
    return {m, score: near.reduce((a, b) => a + b, 0) / near.length};
  });
  const present = smoothed.filter((x) => x.score !== null) as {m: number; score: number}[];
  const months = present.filter((x) => x.score >= 1).map((x) => x.m);
  const peakMonth = [...present].sort((a, b) => b.score - a.score || a.m - b.m)[0]?.m ?? 1;
  const share = (rows: {category: string; lines: number}[], c: Category) => {
    const mine = rows.filter((r) => r.category === c);
    return mine.reduce((s, r) => s + r.lines, 0) || 1;
  };
  const weekdayScore = Array.from({length: 7}, (_, d) => entries.reduce((s, [c, w]) =>
    s + (w / total) * ((time.categoryWeekday.find((r) => r.category === c && r.weekday === d)?.lines ?? 0) / share(time.categoryWeekday, c)), 0));
  const weekday = weekdayScore.reduce((best, v, d) => (v > weekdayScore[best] ? d : best), 1);
  const hourShare = Array.from({length: 24}, (_, h) => entries.reduce((s, [c, w]) =>
    s + (w / total) * ((time.categoryHour.find((r) => r.category === c && r.hour === h)?.lines ?? 0) / share(time.categoryHour, c)), 0));
  const blocks = Array.from({length: 24}, (_, h) => Array.from({length: BLOCK_HOURS}, (_, k) => hourShare[(h + k) % 24]).reduce((a, b) => a + b, 0));
  const hour = blocks.reduce((best, v, h) => (v > blocks[best] ? h : best), 0);
  const text = both((lang) => `${monthsText(months, lang)} (${lang === "ru" ? "пик — " : "peak "}${MONTHS[lang][peakMonth - 1]}), ${WEEKDAYS[lang][weekday]} ${String(hour).padStart(2, "0")}:00`);
  return {months, peakMonth, weekday, hour, text};
}

/** The categories a group should see: largest shares until FEATURE_COVER is reached. */
export function featuredCategories(shares: {category: string; share: number}[]): {category: Category; share: number}[] {
  const sorted = shares.filter((s) => s.category !== OTHER && s.share > 0).sort((a, b) => b.share - a.share);
  const out: {category: Category; share: number}[] = [];
  let covered = 0;
  for (const s of sorted) {
    if (out.length >= FEATURE_MAX || covered >= FEATURE_COVER) break;
    if (out.length && s.share < FEATURE_MIN_SHARE) break;
    out.push({category: s.category as Category, share: s.share});
    covered += s.share;
  }
  return out;
}

const roundUp = (x: number, step: number) => Math.max(step, Math.ceil(x / step) * step);

function planRow(seg: SegmentSummary, customers: readonly ScoredCustomer[], time: TimeReport, asOf: string | null): PlanRow {
  const featured = featuredCategories(seg.categoryShares).map((f) => ({
    ...f, label: asText(seg.categoryShares.find((s) => s.category === f.category)?.label ?? f.category), lift: seg.categoryLift.find((l) => l.category === f.category)?.lift ?? 1
  }));
  const window = sendWindow(Object.fromEntries(featured.map((f) => [f.category, f.share])), time);
  // Gaps between orders: from the orders the customers were scored on (before the repeat cutoff, if any), of those
  // who came back (two purchase occasions: loaders/cases/ecommerce/occasions.ts) — a basket placed twice sets no rhythm.
  const firstMs = orderMsOf(customers, "first"), lastMs = orderMsOf(customers, "last");
  const gaps: number[] = [];
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    if (c.segment === seg.id && c.occasions >= 2) gaps.push((lastMs(i) - firstMs(i)) / 86400000 / (c.orders - 1));
  }
  const gap = median(gaps);
  const toSecond = time.repeat.daysToSecond;
  let cadenceDays: number | null = null;
  let cadence: Text;
  let caution: Text | null = null;
  if (gaps.length && Number.isFinite(gap)) {
    const half = gap / 2;
    const g = Math.round(gap);
    cadenceDays = Math.min(CADENCE_MAX, Math.max(CADENCE_MIN, Math.round(half)));
    const why: Text = gap < RHYTHM_MIN_GAP
      ? {en: `the ${CADENCE_MIN}-day minimum: their orders typically fall within the same week, too close together to set a rhythm`,
        ru: `минимум в ${days(CADENCE_MIN)}: их заказы обычно приходятся на одну неделю — слишком близко друг к другу, чтобы задать ритм`}
      : half > CADENCE_MAX ? {en: `half their typical ${g}-day gap between orders, capped at ${CADENCE_MAX} days`,
        ru: `половина их типичного интервала между заказами (${days(g)}), но не реже чем раз в ${days(CADENCE_MAX)}`}
      : half < CADENCE_MIN ? {en: `the ${CADENCE_MIN}-day minimum (half their typical ${g}-day gap between orders would be shorter)`,
        ru: `минимум в ${days(CADENCE_MIN)} (половина их типичного интервала между заказами, ${days(g)}, была бы короче)`}
      : {en: `half their typical ${g}-day gap between orders`, ru: `половина их типичного интервала между заказами (${days(g)})`};
    cadence = seg.id === "at-risk"
      ? {en: `a three-mail win-back sequence (day 0, 7, 21) in the next send window, then every ${cadenceDays} days — ${why.en}`,
        ru: `серия из трёх писем на возвращение (дни 0, 7 и 21) в ближайшее окно рассылки, затем раз в ${days(cadenceDays)} — ${why.ru}`}
      : {en: `every ${cadenceDays} days — ${why.en}`, ru: `раз в ${days(cadenceDays)} — ${why.ru}`};
    if (gap < RHYTHM_MIN_GAP) caution = {
      en: `Their orders are typically only ${gap < 1 ? "hours" : `${g} day${g === 1 ? "" : "s"}`} apart: more likely one purchase placed twice than a buying habit, so treat them like one-order customers when judging results.`,
      ru: `Их заказы обычно разделяют всего ${gap < 1 ? "несколько часов" : days(g)}: скорее это одна покупка, оформленная дважды, чем привычка покупать, поэтому при оценке результатов считайте их покупателями с одним заказом.`};
  } else if (seg.id === "promising" && Number.isFinite(toSecond.median) && toSecond.median < RHYTHM_MIN_GAP) {
    const d = Math.round(toSecond.median);
    const when: Text = toSecond.median < 1 ? {en: "within hours", ru: "в течение нескольких часов"} : {en: `within ${d} day${d === 1 ? "" : "s"}`, ru: `в течение ${daysOf(d)}`};
    cadenceDays = CADENCE_MIN;
    cadence = {en: `a first mail ${CADENCE_MIN} days after the first order, then monthly in the send months — half of the customers who came back did so ${when.en} of their first order, which sets no timing for a mail`,
      ru: `первое письмо через ${days(CADENCE_MIN)} после первого заказа, затем ежемесячно в месяцы рассылки — половина вернувшихся покупателей сделала второй заказ ${when.ru} после первого, а это не задаёт время для письма`};
    caution = {en: `Returning customers typically placed their second order ${when.en} of the first: more likely one purchase placed twice than a return, so the timing of returns is unknown.`,
      ru: `Вернувшиеся покупатели обычно делали второй заказ ${when.ru} после первого: скорее это одна покупка, оформленная дважды, чем возвращение, поэтому когда покупатели возвращаются на самом деле, неизвестно.`};
  } else if (seg.id === "promising" && Number.isFinite(toSecond.median)) {
    const q1 = Math.round(toSecond.q1), med = Math.round(toSecond.median);
    cadenceDays = Math.max(CADENCE_MIN, q1);
    cadence = q1 >= CADENCE_MIN
      ? {en: `a first mail ${cadenceDays} days after the first order and a reminder at day ${med} — when a quarter and half of returning customers have come back`,
        ru: `первое письмо через ${days(cadenceDays)} после первого заказа и напоминание на ${med}-й день — к этим срокам возвращаются четверть и половина вернувшихся покупателей`}
      : {en: `a first mail ${cadenceDays} days after the first order, then monthly in the send months — a quarter of returning customers are back within ${q1} days and half within ${med}, but no mail comes sooner than the ${CADENCE_MIN}-day minimum`,
        ru: `первое письмо через ${days(cadenceDays)} после первого заказа, затем ежемесячно в месяцы рассылки — четверть вернувшихся покупателей возвращается в течение ${daysOf(q1)}, половина — в течение ${daysOf(med)}, но письмо не уходит раньше минимума в ${days(CADENCE_MIN)}`};
  } else if (seg.id === "lost") {
    cadence = {en: `once, at the start of ${MONTH_NAMES[window.peakMonth - 1]}; more only if they respond`, ru: `один раз, в начале ${MONTHS_OF[window.peakMonth - 1]}; повторно — только если откликнутся`};
  } else {
    cadenceDays = 30;
    cadence = {en: `monthly, in the send months only`, ru: `ежемесячно, только в месяцы рассылки`};
  }
  const threshold = roundUp(seg.aov.q3, THRESHOLD_STEP);
  const rule = OFFERS[seg.id];
  return {
    segment: seg.id, label: segmentLabels[seg.id], customers: seg.customers, share: seg.share, revenueShare: seg.revenueShare,
    medianAov: seg.aov.median, repeatShare: seg.repeatShare, medianRecencyDays: seg.recencyDays.median,
    featured, window, cadenceDays, cadence, threshold, offer: rule.offer, discount: rule.discount, goal: rule.goal, caution
  };
}

/** What one customer's own mail features (their categories, by the segment rule) and when it goes (those categories' send window). */
export function customerMailing(c: Pick<ScoredCustomer, "shares">, time: TimeReport): {featured: {category: Category; share: number}[]; window: SendWindow} {
  const featured = featuredCategories(Object.entries(c.shares).map(([category, share]) => ({category, share})));
  return {featured, window: sendWindow(Object.fromEntries(featured.map((f) => [f.category, f.share])), time)};
}

/** `customers`: the scored customers of profiles (loaders/cases/ecommerce/customers.ts readScoredCustomers), in the
 * order of clusterOf; as of the repeat cutoff when there is one, so customers first seen after it get no plan. */
export function mailingPlan(profiles: ProfilesReport, customers: readonly ScoredCustomer[], clusterOf: readonly number[], time: TimeReport): MailingReport {
  const {asOf} = profiles.scope;
  const plan = profiles.segments.filter((s) => s.customers > 0).map((s) => planRow(s, customers, time, asOf));
  const names = profiles.clustering.clusters.map((c) => c.name);
  const dominant = profiles.clustering.clusters.map((c) => c.dominant);
  const segmentIndex = new Map(SEGMENT_RULES.map((s, i) => [s.id, i]));
  const counts = new Float64Array(SEGMENT_RULES.length * names.length);
  customers.forEach((c, i) => counts[segmentIndex.get(c.segment)! * names.length + clusterOf[i]]++);
  const crosstab: MailingReport["crosstab"] = [];
  for (const [j, s] of SEGMENT_RULES.entries()) {
    for (let k = 0; k < names.length; k++) {
      const n = counts[j * names.length + k];
      if (n) crosstab.push({segment: s.id, segmentLabel: s.labels, profile: names[k], dominant: dominant[k], customers: n});
    }
  }
  const pct0 = (x: number): Text => ({en: `${Math.round(x * 100)}%`, ru: ru.pct(x, 0)});
  const rules: Text[] = [
    {en: `Featured categories: the segment's categories by share of its revenue, largest first, until ${pct0(FEATURE_COVER).en} of it is covered (at most ${FEATURE_MAX}; after the first, only categories with at least ${pct0(FEATURE_MIN_SHARE).en}).`,
      ru: `Категории рассылки: категории сегмента по доле в его выручке, начиная с наибольшей, пока не наберётся ${pct0(FEATURE_COVER).ru} выручки (не больше ${FEATURE_MAX}; после первой — только категории с долей не меньше ${pct0(FEATURE_MIN_SHARE).ru}).`},
    {en: "Send months: calendar months whose seasonality index — averaged over the featured categories weighted by their share, then over the month and its two neighbours — is at least 1 (an average month or busier); the peak is the highest of these.",
      ru: "Месяцы рассылки: календарные месяцы, в которые индекс сезонности — усреднённый по категориям рассылки с весами по их долям, а затем по самому месяцу и двум соседним — не меньше 1 (средний месяц или оживлённее); пик — месяц с наибольшим индексом."},
    {en: `Weekday and hour: the weekday, and the start of the ${BLOCK_HOURS}-hour block, with the most order lines of the featured categories.`,
      ru: `День недели и час: день недели и начало ${BLOCK_HOURS}-часового интервала, на которые приходится больше всего строк заказов в категориях рассылки.`},
    {en: `Cadence: for repeat buyers, half their median gap between orders (two contacts per purchase cycle), within ${CADENCE_MIN}–${CADENCE_MAX} days (${CADENCE_MIN} days when orders are typically under ${RHYTHM_MIN_GAP} days apart); for first-time buyers, timed on when returning customers place their second order.${asOf ? ` Gaps count only orders before ${asOf} (customer ids look re-used from then on).` : ""}`,
      ru: `Частота: для повторных покупателей — половина медианного интервала между их заказами (два контакта на цикл покупки), в пределах ${CADENCE_MIN}–${CADENCE_MAX} дней (${days(CADENCE_MIN)}, если заказы обычно разделяет меньше ${daysOf(RHYTHM_MIN_GAP)}); для покупателей с одним заказом — по тому, когда вернувшиеся покупатели делают второй заказ.${asOf ? ` Интервалы считаются только по заказам до ${asOf} (с этой даты идентификаторы покупателей, по-видимому, используются повторно).` : ""}`},
    {en: `Offer: by segment (see the table), on orders above a threshold: the segment's upper-quartile order value, rounded up to a multiple of ${THRESHOLD_STEP}.`,
      ru: `Предложение: своё для каждого сегмента (см. таблицу), при заказе свыше порога — верхнего квартиля стоимости заказа в сегменте, округлённого вверх до числа, кратного ${THRESHOLD_STEP}.`},
    {en: "Customer-level lists (actions.ts) use the customer's own categories (same rule) and the send window of those categories.",
      ru: "Списки покупателей строятся по собственным категориям каждого покупателя (по тому же правилу) и окну рассылки этих категорий."}
  ];
  return {rules, plan, crosstab, scope: profiles.scope, returnMinHours: profiles.returnMinHours};
}
