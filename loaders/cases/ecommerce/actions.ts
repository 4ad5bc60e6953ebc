/**
 * The e-commerce actions: one mailing per RFM segment of the plan (loaders/cases/ecommerce/mailing.ts),
 * each with its list to act on (loaders/analysis/action-list.ts: every scored customer of the segment,
 * the reason in words, a control group held back) and what it may bring under a stated assumption
 * (src/components/mailing-value.ts). Segments bringing the largest share of revenue first (a fact of the log, not of
 * the assumption): the Summary shows the first few, the Mailing plan page all.
 */
import {actionList, type ActionList, type ListColumn} from "../../analysis/action-list.ts";
import type {Settings} from "../../settings.ts";
import {DEFAULT_EXTRA_ORDER_RATE, mailingValue, type MailingValue} from "../../../src/components/mailing-value.ts";
import {moneyUnit} from "../../../src/components/format.ts";
import type {Money} from "../money.ts";
import type {ScoredCustomer} from "./customers.ts";
import {customerMailing, type MailingReport} from "./mailing.ts";
import {OTHER} from "./categories.ts";
import {MAX_OCCASIONS} from "./occasions.ts";
import type {ProfilesReport} from "./profiles.ts";
import type {SegmentId} from "./rfm.ts";
import type {TimeReport} from "./time.ts";

export interface MailingAction {
  segment: SegmentId;
  label: string;
  goal: string;
  offer: string;
  /** The offer applies to orders above this amount (money.currency). */
  threshold: number;
  discount: number;
  featured: string[];
  window: string;
  /** The segment's share of customers and of revenue (revenue before the repeat cutoff when there is one). */
  share: number;
  revenueShare: number;
  list: ActionList;
  /** At `extraOrderRate` (EcommerceActions), for the list's contacted customers. */
  expected: MailingValue;
}

export interface EcommerceActions {
  money: Money;
  /** Extra orders per customer mailed, assumed (DEFAULT_EXTRA_ORDER_RATE); pages let the reader change it. */
  extraOrderRate: number;
  /** Segments are scored as of this day (customer ids look re-used from then on), or null: to the end of the log. */
  asOf: string | null;
  /** Customers first seen on or after asOf: on no list. */
  customersLeftOut: number;
  actions: MailingAction[];
}

export interface ActionsInputs {
  mailing: MailingReport;
  profiles: ProfilesReport;
  time: TimeReport;
  customers: readonly ScoredCustomer[];
  clusterOf: readonly number[];
}

const share = (x: number) => `${Math.round(x * 100)}%`;

/** Why a customer is on their segment's list, from their own figures. */
export function reasonOf(c: ScoredCustomer, categoryLabel: Record<string, string>, asOf: string | null): string {
  const top = Object.entries(c.shares).filter(([k, s]) => k !== OTHER && s > 0).sort((a, b) => b[1] - a[1])[0];
  const times = c.occasions === 1 ? "one purchase" : c.occasions >= MAX_OCCASIONS ? `${MAX_OCCASIONS} or more purchases` : `${c.occasions} purchases`;
  const last = `last ${Math.round(c.recencyDays)} day${Math.round(c.recencyDays) === 1 ? "" : "s"} before ${asOf ?? "the end of the log"}`;
  return `${times}, ${last}${top ? `; ${share(top[1])} of their spend on ${categoryLabel[top[0]] ?? top[0]}` : ""}`;
}

export function ecommerceActions({mailing, profiles, time, customers, clusterOf}: ActionsInputs, money: Money,
  settings: Pick<Settings, "customerRows" | "controlShare">, extraOrderRate = DEFAULT_EXTRA_ORDER_RATE): EcommerceActions {
  const {asOf} = profiles.scope;
  const names = profiles.clustering.clusters.map((c) => c.name.en);
  const categoryLabel: Record<string, string> = Object.fromEntries(profiles.overall.categoryShares.map((s) => [s.category, s.label.en]));
  const columns: ListColumn[] = [
    {key: "segment", label: "segment", type: "text"},
    {key: "profile", label: "consumption profile", type: "text"},
    {key: "categories", label: "categories to feature", type: "text"},
    {key: "send", label: "send window", type: "text"},
    {key: "orders", label: "orders", type: "number"},
    {key: "revenue", label: `revenue (${moneyUnit(money)})`, type: "number"}
  ];
  const indexed = customers.map((c, i) => ({c, profile: names[clusterOf[i]]}));
  const actions = mailing.plan.map((p): MailingAction => {
    const mine = indexed.filter((x) => x.c.segment === p.segment)
      .sort((a, b) => b.c.revenue - a.c.revenue || (a.c.customerId < b.c.customerId ? -1 : 1));
    const list = actionList("ecommerce", {id: `ecommerce-mail-${p.segment}`, title: `${p.label}: ${p.goal}`, columns}, mine.map(({c, profile}) => {
      const own = customerMailing(c, time);
      return {id: c.customerId, reason: reasonOf(c, categoryLabel, asOf), values: {
        segment: p.label, profile, categories: own.featured.map((f) => categoryLabel[f.category] ?? f.category).join(", "), send: own.window.text,
        orders: c.orders, revenue: Math.round(c.revenue * 100) / 100
      }};
    }), settings);
    return {
      segment: p.segment, label: p.label, goal: p.goal, offer: p.offer, threshold: p.threshold, discount: p.discount,
      featured: p.featured.map((f) => f.label), window: p.window.text, share: p.share, revenueShare: p.revenueShare,
      list, expected: mailingValue({contact: list.contact, threshold: p.threshold, discount: p.discount}, extraOrderRate)
    };
  }).sort((a, b) => b.revenueShare - a.revenueShare || b.list.size - a.list.size);
  return {money, extraOrderRate, asOf, customersLeftOut: profiles.scope.customersLeftOut, actions};
}
