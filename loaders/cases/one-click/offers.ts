/**
 * One Click offers: for each segment, what to offer and through which channel, derived by rules
 * from the segment's portrait and its numbers. A rule fires only on a difference of at least
 * `distinctiveEffect` (Cohen's medium effect, loaders/cases/one-click/segments.ts) in the
 * direction the rule needs, and the strongest effect comes first. No p-value decides: the segments
 * were cut from the model's predictions of these same features and from profit, so their
 * differences are there by construction, so an action describes the segment and is worded as a
 * trial with a random hold-out group, not as a cure. Plus the aggregates the Offers page needs to
 * compute expected profit live under the reader's assumptions (offer cost, response rate, share of
 * profit lost on decline, months at stake), and the comparison of profit between declined and
 * unchanged customers that says whether the data support any loss at all.
 */
import {distinctiveEffect, type Portrait, type PortraitVariable, type SegmentId, type Segments} from "./segments.ts";
import type {CustomerRow} from "./features.ts";
import {breakEvenProduct, offerValue, type AssumptionValues, type OfferValue} from "../../../src/components/offer-value.ts";
import {profitByActivity, type ProfitByActivity} from "./profit-by-activity.ts";
import type {Assumption as GenericAssumption} from "../../analysis/assumption.ts";

export interface OfferAction {
  /** Rule that fired, e.g. "promo". */
  rule: string;
  title: string;
  /** Why, with the portrait's numbers (computed). */
  because: string;
  /** The portrait's difference that triggered the rule (|value| ≥ distinctiveEffect); null for the low-risk segments' standing actions. */
  effect: {variable: string; name: string; value: number; level?: string} | null;
}

export interface SegmentOffer {
  segment: SegmentId;
  name: string;
  /** Paid retention effort is recommended (high-risk segments). */
  target: boolean;
  headline: string;
  actions: OfferAction[];
  channels: {channel: string; customers: number; why: string}[];
  /** Aggregates for the live expected-profit computation. */
  n: number;
  consenting: number;
  monthlyProfit: number;
  /** Σ probability × monthly profit over the segment ("probability-weighted monthly profit"). */
  expectedProfitAtRisk: number;
  meanProbability: number;
}

export type Assumption = GenericAssumption<"offerCost" | "responseRate" | "lossShare" | "months">;

export interface Offers {
  offers: SegmentOffer[];
  /** When a portrait's difference triggers an action. */
  rule: {threshold: number; text: string};
  assumptions: Assumption[];
  /** How the page turns the assumptions into money, one line per quantity. */
  formula: {name: string; text: string}[];
  profitUnit: string;
  /** Mean monthly profit of declined against unchanged customers: does the data show any loss? */
  profitByActivity: ProfitByActivity;
}

export {breakEvenProduct, offerValue, type AssumptionValues, type OfferValue};

/** The assumptions' default values (what the Summary quotes and the sliders start at). */
/** The default offer cost as a share of the average customer's monthly profit (a week's profit, roughly). */
export const offerCostShare = 0.25;

export function defaultValues(assumptions: readonly Assumption[]): AssumptionValues {
  const value = (id: Assumption["id"]) => assumptions.find((a) => a.id === id)!.value;
  return {offerCost: value("offerCost"), responseRate: value("responseRate"), lossShare: value("lossShare"), months: value("months")};
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const num = (x: number, digits = 1) => x.toFixed(digits);

function variable(p: Portrait | undefined, id: PortraitVariable["id"]): PortraitVariable | undefined {
  return p?.variables.find((v) => v.id === id);
}

/** Retention actions that follow from a high-risk segment's portrait, largest effect first. */
export function actionsFromPortrait(p: Portrait): OfferAction[] {
  const out: OfferAction[] = [];
  const effectOf = (v: PortraitVariable, value = v.effect.value, level?: string) => ({variable: v.label, name: v.effect.name, value, ...(level === undefined ? {} : {level})});
  /** A numeric rule: fires when the segment's mean is higher (lower) by at least the threshold. */
  const add = (v: PortraitVariable | undefined, direction: "higher" | "lower", make: (v: PortraitVariable) => Omit<OfferAction, "effect">) => {
    if (v?.kind !== "numeric") return;
    const d = v.effect.value;
    if (direction === "higher" ? d >= distinctiveEffect : d <= -distinctiveEffect) out.push({...make(v), effect: effectOf(v)});
  };
  const meanText = (v: PortraitVariable, unit: string, digits = 1) => `${num(v.segment!.mean, digits)} ${unit} on average, against ${num(v.rest!.mean, digits)} for everyone else`;
  add(variable(p, "promoShare"), "higher", (v) => ({
    rule: "promo",
    title: "Personal promo code on the favourite category",
    because: `They buy on promotion far more often: ${pct(v.segment!.mean)} of their purchases against ${pct(v.rest!.mean)} for everyone else, so a discount speaks to what already moves them.`
  }));
  add(variable(p, "unpaidItemsQuarter"), "higher", (v) => ({
    rule: "cart",
    title: "Reminder of the items left in the cart, with a time-limited discount on them",
    because: `They leave more items unpaid in the cart: ${meanText(v, "items")} over three months.`
  }));
  add(variable(p, "pagesPerVisit"), "lower", (v) => ({
    rule: "recommendations",
    title: "Personal recommendations on the home page and in the mailing",
    because: `They look at fewer pages per visit (${meanText(v, "pages")}): bring relevant products to them instead of waiting for them to browse.`
  }));
  add(variable(p, "categoriesPerVisit"), "lower", (v) => ({
    rule: "cross-sell",
    title: "Cross-category selections next to their favourite category",
    because: `They view fewer categories per visit (${meanText(v, "categories")}).`
  }));
  add(variable(p, "marketingContacts6m"), "lower", (v) => ({
    rule: "contact",
    title: "Test more regular contact on part of them, keeping a random hold-out group on the usual calendar",
    because: `They receive fewer marketing contacts: ${meanText(v, "marketing contacts a month")} over six months. The store chooses whom it contacts, so fewer contacts may follow their disengagement rather than cause it; only the comparison with the hold-out group shows whether more contact helps.`
  }));
  add(variable(p, "minutesCurrent"), "lower", (v) => ({
    rule: "reactivation",
    title: "Reactivation message with new arrivals",
    because: `They spent less time on the site this month (${meanText(v, "minutes")}).`
  }));
  add(variable(p, "serviceErrors"), "higher", (v) => ({
    rule: "service",
    title: "Apology and priority support after site failures",
    because: `They met more site failures (${meanText(v, "failures")}).`
  }));
  // Categories: the level most over-represented in the segment, when its share is higher by the threshold.
  const category = variable(p, "favouriteCategory");
  const top = category?.levels?.reduce((m, l) => (l.h > m.h ? l : m));
  if (category && top && top.h >= distinctiveEffect) {
    out.push({
      rule: "category",
      title: `Lead the offer with ${top.level}`,
      because: `${top.level} is the favourite category of ${pct(top.segment)} of them against ${pct(top.rest)} of everyone else.`,
      effect: effectOf(category, top.h, top.level)
    });
  }
  const tier = variable(p, "serviceType");
  const premium = tier?.levels?.find((l) => l.level === "premium");
  if (tier && premium && Math.abs(premium.h) >= distinctiveEffect) {
    out.push({...(premium.h < 0
      ? {rule: "tier", title: "A free month of the premium service", because: `Fewer of them use the premium service: ${pct(premium.segment)} against ${pct(premium.rest)} of everyone else.`}
      : {rule: "tier", title: "Remind them of their premium benefits", because: `More of them use the premium service (${pct(premium.segment)} against ${pct(premium.rest)}), and it is not keeping them active.`}),
    effect: effectOf(tier, premium.h, premium.level)});
  }
  return out.sort((a, b) => Math.abs(b.effect!.value) - Math.abs(a.effect!.value));
}

export interface OfferOptions {
  /** Customer rows in the same order as the segments' membership (for consent counts). */
  rows: readonly CustomerRow[];
  /** Segment of each row. */
  membership: readonly SegmentId[];
  /** The unit of money shown after amounts ("₽", "currency units"). */
  unit?: string;
}

/** Offers per segment and the default assumptions (scaled to the data's profit). */
export function designOffers(segments: Segments, {rows, membership, unit = segments.profitUnit}: OfferOptions): Offers {
  const money = (x: number) => `${x.toFixed(2)} ${unit}`;
  const offers: SegmentOffer[] = segments.segments.map((s) => {
    const portrait = segments.portraits.find((p) => p.segment === s.id);
    const idx = membership.flatMap((m, i) => (m === s.id ? [i] : []));
    const consenting = idx.filter((i) => rows[i].values.marketingConsent === "yes").length;
    const actions = s.highRisk && portrait ? actionsFromPortrait(portrait) : [];
    // Whether a paid offer pays depends on the reader's assumptions (offer-value.ts), so the headline only describes the segment.
    const headline = s.highRisk
      ? `${s.n} customers, mean decline probability ${pct(s.meanProbability)}, ${money(s.meanProfit)} profit a month each.`
      : s.highProfit
        ? `No discount: loyalty perks for ${s.n} profitable customers (mean decline probability ${pct(s.meanProbability)}).`
        : `Business as usual for ${s.n} customers (mean decline probability ${pct(s.meanProbability)}).`;
    if (!s.highRisk) {
      actions.push(s.highProfit
        ? {rule: "loyalty", title: "Loyalty perks without discounts (early access, free delivery threshold)", because: `They bring ${money(s.meanProfit)} a month each and only ${pct(s.meanProbability)} are expected to decline: a discount would give away margin.`, effect: null}
        : {rule: "standard", title: "Standard mailings only", because: `Low expected decline (${pct(s.meanProbability)}) and ${money(s.meanProfit)} profit a month each: no paid effort is justified.`, effect: null});
    }
    const channels = [
      {channel: "E-mail and push notifications", customers: consenting, why: `${consenting} of ${s.n} (${pct(s.n ? consenting / s.n : 0)}) consent to marketing messages.`},
      {channel: "Personal banner on the site and in the cart", customers: s.n - consenting, why: `The other ${s.n - consenting} do not consent to messages; they can be reached only when they visit.`}
    ];
    return {
      segment: s.id, name: s.name, target: s.highRisk, headline, actions, channels,
      n: s.n, consenting, monthlyProfit: s.profit, expectedProfitAtRisk: s.expectedProfitAtRisk, meanProbability: s.meanProbability
    };
  });
  const meanProfit = segments.segments.reduce((a, s) => a + s.profit, 0) / Math.max(1, segments.n);
  const profit = profitByActivity(rows);
  const nice = (x: number) => Number(x.toPrecision(1));
  const offerCost = nice(meanProfit * offerCostShare);
  const assumptions: Assumption[] = [
    {id: "offerCost", label: "Cost of the offer per customer", unit, value: offerCost, min: 0, max: nice(meanProfit * 3), step: nice(meanProfit / 400),
      why: `Discount, delivery or service given away per customer offered, in the unit of profit. Starts at ${money(offerCost)}: about a quarter of the average customer's monthly profit (${money(meanProfit)}), roughly one week's profit given back. The store knows its real cost: set it here, and compare it with each segment's break-even cost below (the most an offer may cost per customer and still pay).`},
    {id: "responseRate", label: "Response rate", unit: "share", value: 0.2, min: 0, max: 1, step: 0.01,
      why: "Share of the customers who would have declined that the offer keeps active. An assumption: no offer has been tried on these customers, so only a trial with a random hold-out group can measure it."},
    {id: "lossShare", label: "Share of monthly profit lost when activity declines", unit: "share", value: 0.5, min: 0, max: 1, step: 0.05,
      why: lossShareWhy(profit, unit)},
    {id: "months", label: "Months at stake", unit: "months", value: 3, min: 1, max: 12, step: 1,
      why: "An assumption: the export's activity label describes each customer's current state and carries no time horizon, so the data do not say for how many months an offer protects profit."}
  ];
  return {
    offers,
    rule: {
      threshold: distinctiveEffect,
      text: `An action is proposed only when the segment differs from everyone else by at least a medium effect (Cohen 1988): |Cohen's d| ≥ ${distinctiveEffect} for a mean (the difference in pooled standard deviations), |Cohen's h| ≥ ${distinctiveEffect} for the share of a level. No p-value is used: the segments were cut from the model's predictions, computed from these same features, and from profit, so they differ on them by construction and a test would find a difference whatever the truth. The differences describe the segment; they do not show that changing any of them would keep a customer active (the store itself decides, for instance, whom it contacts). Before changing anything for the whole segment, try each offer on part of it and keep a random hold-out group without the offer: the difference between the two groups is the offer's effect.`
    },
    assumptions,
    profitUnit: unit,
    formula: [
      {name: "Profit kept", text: "response rate × share of profit lost × months × probability-weighted monthly profit (the segment's sum of probability × monthly profit)"},
      {name: "Cost", text: "cost of the offer per customer × customers in the segment"},
      {name: "Net", text: "profit kept − cost"},
      {name: "Break-even response rate", text: "the response rate at which the profit kept equals the cost"},
      {name: "Break-even cost", text: "profit kept ÷ customers in the segment: the most an offer may cost per customer and still pay"},
      {name: "Break-even response × share lost", text: "cost ÷ (months × probability-weighted monthly profit): the net is positive only when response rate × share of profit lost is at least this"}
    ],
    profitByActivity: profit
  };
}

/** The share-lost assumption in words, with what the data say about it (computed, any data). */
export function lossShareWhy(p: ProfitByActivity, unit: string): string {
  const money = (x: number) => `${x.toFixed(2)} ${unit}`;
  const comparison = `declined customers bring ${money(p.declined.mean)} of profit a month on average, unchanged customers ${money(p.unchanged.mean)} (difference ${money(p.difference.value)}, 95% CI ${p.difference.lo.toFixed(2)} to ${money(p.difference.hi)}; Cohen's d ${p.effect.value.toFixed(2)}, ${p.effect.magnitude})`;
  return `An assumption this export cannot measure: it compares different customers at one time, not the same customers before and after a decline. Now, ${p.reading}: ${comparison}. Half of their profit is a starting guess to explore with the slider; the money estimate rests on it, not on the data.`;
}
