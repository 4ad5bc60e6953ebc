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
import {asText, customerMailing, type MailingReport} from "./mailing.ts";
import type {Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";
import {OTHER} from "./categories.ts";
import {MAX_OCCASIONS} from "./occasions.ts";
import type {ProfilesReport} from "./profiles.ts";
import type {SegmentId} from "./rfm.ts";
import type {TimeReport} from "./time.ts";

export interface MailingAction {
  segment: SegmentId;
  label: Text;
  goal: Text;
  offer: Text;
  /** The offer applies to orders above this amount (money.currency). */
  threshold: number;
  discount: number;
  featured: Text[];
  window: Text;
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
const ru = formats("ru");

/** Why a customer is on their segment's list, from their own figures, in both languages. */
export function reasonOf(c: ScoredCustomer, categoryLabel: Record<string, Text>, asOf: string | null): Text {
  const top = Object.entries(c.shares).filter(([k, s]) => k !== OTHER && s > 0).sort((a, b) => b[1] - a[1])[0];
  const topLabel = top ? categoryLabel[top[0]] ?? asText(top[0]) : null;
  const times = c.occasions === 1 ? "one purchase" : c.occasions >= MAX_OCCASIONS ? `${MAX_OCCASIONS} or more purchases` : `${c.occasions} purchases`;
  const timesRu = c.occasions === 1 ? "одна покупка" : c.occasions >= MAX_OCCASIONS ? `${ru.plural(MAX_OCCASIONS, "покупка", "покупки", "покупок")} и более` : ru.plural(c.occasions, "покупка", "покупки", "покупок");
  const d = Math.round(c.recencyDays);
  const last = `last ${d} day${d === 1 ? "" : "s"} before ${asOf ?? "the end of the log"}`;
  const lastRu = `последняя — за ${ru.plural(d, "день", "дня", "дней")} до ${asOf ?? "конца журнала заказов"}`;
  return {
    en: `${times}, ${last}${top && topLabel ? `; ${share(top[1])} of their spend on ${topLabel.en}` : ""}`,
    ru: `${timesRu}, ${lastRu}${top && topLabel ? `; ${ru.pct(top[1], 0)} расходов — на «${topLabel.ru}»` : ""}`
  };
}

export function ecommerceActions({mailing, profiles, time, customers, clusterOf}: ActionsInputs, money: Money,
  settings: Pick<Settings, "customerRows" | "controlShare">, extraOrderRate = DEFAULT_EXTRA_ORDER_RATE): EcommerceActions {
  const {asOf} = profiles.scope;
  const names = profiles.clustering.clusters.map((c) => c.name);
  const categoryLabel: Record<string, Text> = Object.fromEntries(profiles.overall.categoryShares.map((s) => [s.category, asText(s.label)]));
  const columns: ListColumn[] = [
    {key: "segment", label: "segment", type: "text"},
    {key: "profile", label: "consumption profile", type: "text"},
    {key: "categories", label: "categories to feature", type: "text"},
    {key: "send", label: "send window", type: "text"},
    {key: "orders", label: "orders", type: "number"},
    {key: "revenue", label: `revenue (${moneyUnit(money)})`, type: "number"}
  ];
  const bySegment = new Map<string, number[]>(mailing.plan.map((p) => [p.segment, []]));
  customers.forEach((c, i) => bySegment.get(c.segment)?.push(i));
  const actions = mailing.plan.map((p): MailingAction => {
    const mine = bySegment.get(p.segment)!;
    // The lists' downloads are English until action lists take both languages (loaders/analysis/action-list.ts).
    const list = actionList("ecommerce", {id: `ecommerce-mail-${p.segment}`, title: `${p.label.en}: ${p.goal.en}`, columns}, {
      ids: mine.map((i) => customers[i].customerId),
      rows: () => mine.map((i) => ({i, c: customers[i]})).sort((a, b) => b.c.revenue - a.c.revenue || (a.c.customerId < b.c.customerId ? -1 : 1)).map(({i, c}) => {
        const own = customerMailing(c, time);
        return {id: c.customerId, reason: reasonOf(c, categoryLabel, asOf).en, values: {
          segment: p.label.en, profile: asText(names[clusterOf[i]]).en, categories: own.featured.map((f) => (categoryLabel[f.category] ?? asText(f.category)).en).join(", "), send: own.window.text.en,
          orders: c.orders, revenue: Math.round(c.revenue * 100) / 100
        }};
      })
    }, settings);
    return {
      segment: p.segment, label: p.label, goal: p.goal, offer: p.offer, threshold: p.threshold, discount: p.discount,
      featured: p.featured.map((f) => asText(f.label)), window: p.window.text, share: p.share, revenueShare: p.revenueShare,
      list, expected: mailingValue({contact: list.contact, threshold: p.threshold, discount: p.discount}, extraOrderRate)
    };
  }).sort((a, b) => b.revenueShare - a.revenueShare || b.list.size - a.list.size);
  return {money, extraOrderRate, asOf, customersLeftOut: profiles.scope.customersLeftOut, actions};
}
