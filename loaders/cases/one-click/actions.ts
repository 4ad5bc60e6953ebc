/**
 * The Summary's actions, each with its list to act on. A high-risk segment gets a paid offer only
 * where the offer pays at the default assumptions (offer-value.ts: profit kept above its cost);
 * otherwise it gets the portrait's messages through the channels the store already has, at no
 * extra cost, and the break-even cost says what a paid offer could cost there. The low-risk, high
 * profit segment gets loyalty perks without discounts. Each list holds back a control group
 * (actionList), so the next export measures the response the money figures assume.
 */
import {actionList, type ActionList, type ListColumn, type ListedCustomer} from "../../analysis/action-list.ts";
import type {Settings} from "../../settings.ts";
import type {CustomerRow} from "./features.ts";
import {segmentDefs, type SegmentId} from "./segments.ts";
import type {Text} from "../../../src/components/i18n.ts";
import {offerValue, type AssumptionValues, type Offers, type SegmentOffer} from "./offers.ts";

export type ActionKind = "paid-offer" | "no-cost-messages" | "loyalty";

export interface OneClickAction {
  kind: ActionKind;
  /** The kind in words, for headings ("Paid offer"). */
  kindLabel: Text;
  segment: SegmentId;
  segmentName: string;
  /** What to do, from the segment's portrait (its strongest action) or its standing rule. */
  title: Text;
  n: number;
  /** Customers reachable by e-mail and push (they consent to marketing messages). */
  consenting: number;
  /** Σ probability × monthly profit over the segment. */
  expectedProfitAtRisk: number;
  /** Cost of the offers at the default cost per customer: null when no paid offer is made. */
  cost: number | null;
  /** Profit kept over the months at stake, at the default assumptions: null when no paid offer is made. */
  kept: number | null;
  net: number | null;
  /** The most an offer may cost per customer and still pay, at the default response, share lost and months. */
  breakEvenCost: number;
  list: ActionList;
}

export interface ActionInputs {
  offers: Offers;
  defaults: AssumptionValues;
  rows: readonly CustomerRow[];
  membership: readonly SegmentId[];
  /** Out-of-fold probability of decline per row. */
  probabilities: readonly number[];
  /** The features raising each row's probability most (customer rows only), else null. */
  reasons: readonly string[][] | null;
  unit: string;
}

const KIND_LABEL: Record<ActionKind, Text> = {
  "paid-offer": {en: "Paid offer", ru: "Платное предложение"},
  "no-cost-messages": {en: "Messages without a discount", ru: "Сообщения без скидки"},
  "loyalty": {en: "Loyalty perks", ru: "Привилегии лояльности"}
};

/** The Russian words of the lists' columns and channels (the lists keep the English ones; words.ts). */
export const listWords: Record<string, string> = {
  "probability of decline": "вероятность снижения",
  "monthly profit": "прибыль в месяц",
  channel: "канал",
  action: "действие",
  "e-mail and push": "эл. почта и уведомления",
  "banner on the site": "баннер на сайте"
};

const columns: ListColumn[] = [
  {key: "probability", label: "probability of decline", type: "number"},
  {key: "profit", label: "monthly profit", type: "number"},
  {key: "channel", label: "channel", type: "text"},
  {key: "action", label: "action", type: "text"}
];

function kindOf(o: SegmentOffer, pays: boolean): ActionKind | null {
  if (o.target) return pays ? "paid-offer" : "no-cost-messages";
  return segmentDefs.find((s) => s.id === o.segment)?.highProfit ? "loyalty" : null;
}

/** The actions at the default assumptions, paid offers first, with their lists. */
export function oneClickActions({offers, defaults, rows, membership, probabilities, reasons, unit}: ActionInputs,
  settings: Pick<Settings, "customerRows" | "controlShare">): OneClickAction[] {
  const pct = (x: number) => `${Math.round(100 * x)} %`;
  const actions: OneClickAction[] = [];
  for (const o of offers.offers) {
    const value = offerValue(o, defaults);
    const kind = kindOf(o, value.pays);
    if (kind === null) continue;
    const title: Text = o.actions[0]?.title ?? o.headline;
    const customers: ListedCustomer[] = rows.flatMap((r, i) => membership[i] !== o.segment ? [] : [{
      id: String(r.id),
      reason: [`${o.name.toLowerCase()}: probability of decline ${pct(probabilities[i])}, profit ${r.profit.toFixed(2)} ${unit} a month`,
        ...(reasons && reasons[i].length ? [`raised most by ${reasons[i].join(", ").toLowerCase()}`] : [])].join("; "),
      values: {probability: Number(probabilities[i].toFixed(4)), profit: r.profit,
        channel: r.values.marketingConsent === "yes" ? "e-mail and push" : "banner on the site", action: title.en}
    }]);
    const list = actionList("one-click", {id: `one-click-${kind}-${o.segment}`, title: `${title.en}: ${o.name}`, columns}, customers, settings);
    const paid = kind === "paid-offer";
    actions.push({
      kind, kindLabel: KIND_LABEL[kind], segment: o.segment, segmentName: o.name, title, n: o.n, consenting: o.consenting, expectedProfitAtRisk: o.expectedProfitAtRisk,
      cost: paid ? value.cost : null, kept: paid ? value.kept : null, net: paid ? value.net : null, breakEvenCost: value.breakEvenCost, list
    });
  }
  const order: ActionKind[] = ["paid-offer", "no-cost-messages", "loyalty"];
  return actions.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}
