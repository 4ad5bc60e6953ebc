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
 */
import {OTHER, type Category} from "./categories.ts";
import type {ScoredCustomer} from "./customers.ts";
import type {ProfilesReport, SegmentSummary} from "./profiles.ts";
import {segmentLabel, SEGMENT_RULES, type SegmentId} from "./rfm.ts";
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
  offer: string;
  goal: string;
  /** Share of an order's value the offer gives away (0: none, e.g. early access and free delivery). */
  discount: number;
}

export const OFFERS: Record<SegmentId, OfferRule> = {
  best: {goal: "keep them close without giving margin away", discount: 0,
    offer: "early access to the new season's range in the featured categories and free delivery"},
  loyal: {goal: "grow the basket", discount: 0.05,
    offer: "a 5% loyalty bonus in the featured categories"},
  "at-risk": {goal: "win them back before they lapse", discount: 0.15,
    offer: "a 15% win-back coupon on the featured categories, valid 14 days"},
  promising: {goal: "turn a first order into a second", discount: 0.1,
    offer: "10% off the second order, with picks from the categories of their first order"},
  "one-time": {goal: "bring them back in their season", discount: 0.1,
    offer: "a seasonal selection with 10% off during the send months"},
  lost: {goal: "one attempt to reactivate", discount: 0.2,
    offer: "a single 20% reactivation coupon, sent once at the peak of their categories' season"}
};

export interface SendWindow {
  /** Calendar months (1–12) to send in, in calendar order, and the busiest one. */
  months: number[];
  peakMonth: number;
  weekday: number;
  /** Start hour of the busiest three-hour block. */
  hour: number;
  text: string;
}

export interface PlanRow {
  segment: SegmentId;
  label: string;
  customers: number;
  share: number;
  revenueShare: number;
  medianAov: number;
  repeatShare: number;
  medianRecencyDays: number;
  featured: {category: Category; label: string; share: number; lift: number}[];
  window: SendWindow;
  cadenceDays: number | null;
  cadence: string;
  /** The offer applies to orders above this amount (the case's currency). */
  threshold: number;
  offer: string;
  /** Share of an order's value the offer gives away. */
  discount: number;
  goal: string;
  /** A warning computed from the numbers, when one applies. */
  caution: string | null;
}

export interface MailingReport {
  rules: string[];
  /** A repeat buyer came back: an order more than this many hours after their first (loaders/cases/ecommerce/occasions.ts). */
  returnMinHours: number;
  plan: PlanRow[];
  /** Customers per segment × profile (aggregate, always shown). */
  crosstab: {segment: SegmentId; segmentLabel: string; profile: string; dominant: Category; customers: number}[];
  /** Who the segments describe (profiles.scope): customers first seen on or after asOf are in no plan and no list. */
  scope: ScoringScope;
}

const monthsText = (months: number[]): string => {
  if (!months.length) return "any month";
  // Group consecutive calendar months (wrapping December → January) into ranges.
  const set = new Set(months);
  const starts = months.filter((m) => !set.has(m === 1 ? 12 : m - 1));
  if (!starts.length) return "all year";
  return starts.map((s) => {
    let e = s;
    while (set.has(e === 12 ? 1 : e + 1) && (e === 12 ? 1 : e + 1) !== s) e = e === 12 ? 1 : e + 1;
    return e === s ? MONTH_NAMES[s - 1] : `${MONTH_NAMES[s - 1]}–${MONTH_NAMES[e - 1]}`;
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
  const text = `${monthsText(months)} (peak ${MONTH_NAMES[peakMonth - 1]}), ${WEEKDAY_NAMES[weekday]} ${String(hour).padStart(2, "0")}:00`;
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
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const h = (s.length - 1) / 2;
  return (s[Math.floor(h)] + s[Math.ceil(h)]) / 2;
};

function planRow(seg: SegmentSummary, customers: readonly ScoredCustomer[], time: TimeReport, asOf: string | null): PlanRow {
  const featured = featuredCategories(seg.categoryShares).map((f) => ({
    ...f, label: seg.categoryShares.find((s) => s.category === f.category)?.label.en ?? f.category, lift: seg.categoryLift.find((l) => l.category === f.category)?.lift ?? 1
  }));
  const window = sendWindow(Object.fromEntries(featured.map((f) => [f.category, f.share])), time);
  const mine = customers.filter((c) => c.segment === seg.id);
  // Gaps between orders: from the orders the customers were scored on (before the repeat cutoff, if any), of those
  // who came back (two purchase occasions: loaders/cases/ecommerce/occasions.ts) — a basket placed twice sets no rhythm.
  const gaps = mine.filter((c) => c.occasions >= 2).map((c) => (Date.parse(c.lastTime) - Date.parse(c.firstTime)) / 86400000 / (c.orders - 1));
  const gap = median(gaps);
  const toSecond = time.repeat.daysToSecond;
  let cadenceDays: number | null = null;
  let cadence: string;
  let caution: string | null = null;
  if (gaps.length && Number.isFinite(gap)) {
    const half = gap / 2;
    cadenceDays = Math.min(CADENCE_MAX, Math.max(CADENCE_MIN, Math.round(half)));
    const why = gap < RHYTHM_MIN_GAP ? `the ${CADENCE_MIN}-day minimum: their orders typically fall within the same week, too close together to set a rhythm`
      : half > CADENCE_MAX ? `half their typical ${Math.round(gap)}-day gap between orders, capped at ${CADENCE_MAX} days`
      : half < CADENCE_MIN ? `the ${CADENCE_MIN}-day minimum (half their typical ${Math.round(gap)}-day gap between orders would be shorter)`
      : `half their typical ${Math.round(gap)}-day gap between orders`;
    cadence = seg.id === "at-risk"
      ? `a three-mail win-back sequence (day 0, 7, 21) in the next send window, then every ${cadenceDays} days — ${why}`
      : `every ${cadenceDays} days — ${why}`;
    if (gap < RHYTHM_MIN_GAP) caution = `Their orders are typically only ${gap < 1 ? "hours" : `${Math.round(gap)} day${Math.round(gap) === 1 ? "" : "s"}`} apart: more likely one purchase placed twice than a buying habit, so treat them like one-order customers when judging results.`;
  } else if (seg.id === "promising" && Number.isFinite(toSecond.median) && toSecond.median < RHYTHM_MIN_GAP) {
    const when = toSecond.median < 1 ? "within hours" : `within ${Math.round(toSecond.median)} day${Math.round(toSecond.median) === 1 ? "" : "s"}`;
    cadenceDays = CADENCE_MIN;
    cadence = `a first mail ${CADENCE_MIN} days after the first order, then monthly in the send months — half of the customers who came back did so ${when} of their first order, which sets no timing for a mail`;
    caution = `Returning customers typically placed their second order ${when} of the first: more likely one purchase placed twice than a return, so the timing of returns is unknown.`;
  } else if (seg.id === "promising" && Number.isFinite(toSecond.median)) {
    cadenceDays = Math.max(CADENCE_MIN, Math.round(toSecond.q1));
    cadence = Math.round(toSecond.q1) >= CADENCE_MIN
      ? `a first mail ${cadenceDays} days after the first order and a reminder at day ${Math.round(toSecond.median)} — when a quarter and half of returning customers have come back`
      : `a first mail ${cadenceDays} days after the first order, then monthly in the send months — a quarter of returning customers are back within ${Math.round(toSecond.q1)} days and half within ${Math.round(toSecond.median)}, but no mail comes sooner than the ${CADENCE_MIN}-day minimum`;
  } else if (seg.id === "lost") {
    cadence = `once, at the start of ${MONTH_NAMES[window.peakMonth - 1]}; more only if they respond`;
  } else {
    cadenceDays = 30;
    cadence = `monthly, in the send months only`;
  }
  const threshold = roundUp(seg.aov.q3, THRESHOLD_STEP);
  const rule = OFFERS[seg.id];
  return {
    segment: seg.id, label: seg.label.en, customers: seg.customers, share: seg.share, revenueShare: seg.revenueShare,
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
  const names = profiles.clustering.clusters.map((c) => c.name.en);
  const dominant = profiles.clustering.clusters.map((c) => c.dominant);
  const segmentIndex = new Map(SEGMENT_RULES.map((s, i) => [s.id, i]));
  const counts = new Float64Array(SEGMENT_RULES.length * names.length);
  customers.forEach((c, i) => counts[segmentIndex.get(c.segment)! * names.length + clusterOf[i]]++);
  const crosstab: MailingReport["crosstab"] = [];
  for (const [j, s] of SEGMENT_RULES.entries()) {
    for (let k = 0; k < names.length; k++) {
      const n = counts[j * names.length + k];
      if (n) crosstab.push({segment: s.id, segmentLabel: s.label, profile: names[k], dominant: dominant[k], customers: n});
    }
  }
  const rules = [
    `Featured categories: the segment's categories by share of its revenue, largest first, until ${Math.round(FEATURE_COVER * 100)}% of it is covered (at most ${FEATURE_MAX}; after the first, only categories with at least ${Math.round(FEATURE_MIN_SHARE * 100)}%).`,
    "Send months: calendar months whose seasonality index — averaged over the featured categories weighted by their share, then over the month and its two neighbours — is at least 1 (an average month or busier); the peak is the highest of these.",
    `Weekday and hour: the weekday, and the start of the ${BLOCK_HOURS}-hour block, with the most order lines of the featured categories.`,
    `Cadence: for repeat buyers, half their median gap between orders (two contacts per purchase cycle), within ${CADENCE_MIN}–${CADENCE_MAX} days (${CADENCE_MIN} days when orders are typically under ${RHYTHM_MIN_GAP} days apart); for first-time buyers, timed on when returning customers place their second order.${asOf ? ` Gaps count only orders before ${asOf} (customer ids look re-used from then on).` : ""}`,
    `Offer: by segment (see the table), on orders above a threshold: the segment's upper-quartile order value, rounded up to a multiple of ${THRESHOLD_STEP}.`,
    "Customer-level lists (actions.ts) use the customer's own categories (same rule) and the send window of those categories."
  ];
  return {rules, plan, crosstab, scope: profiles.scope, returnMinHours: profiles.returnMinHours};
}
