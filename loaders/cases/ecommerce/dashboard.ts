/**
 * E-commerce on the overview (dashboard.json): customers, their orders and revenue, and the share at
 * risk or lapsed, filtered by their main category (at most MAX_CATEGORIES with most customers, each of at
 * least 10, the rest together: largestValues; the chart's breakdown) and by when they first ordered (quarter, or year for a log of
 * more than MAX_QUARTERS quarters). The customers are those the RFM segments describe (as of the repeat cutoff when
 * customer ids look re-used after it). "At risk or lapsed" is a rule on recency, not a model: the
 * segments "At risk" (repeat buyers whose last order is among the oldest third) and "Lost" (a
 * single order, among the oldest third): together R = 1, a tertile, so a third of all customers by
 * construction (said on the page; the overview does not compare that share with other cases').
 */
import {caseById} from "../registry.ts";
import {dashboardCube, largestValues, levelsOf, type Dashboard, type DimensionSpec} from "../../analysis/dashboard.ts";
import {orderMsOf, type ScoredCustomer} from "./customers.ts";
import {monthOf} from "../../io/datetime.ts";
import type {EcommerceResult} from "../ecommerce.ts";
import {segmentLabel, type SegmentId} from "./rfm.ts";
import type {Text} from "../../../src/components/i18n.ts";
import {nouns, terms} from "../../../src/components/glossary.ts";
import {moneyUnitText} from "../../analysis/labels.ts";

/** The RFM segments at risk, in Russian: the seed study's own words (glossary). */
const segmentLabelRu: Partial<Record<SegmentId, string>> = {"at-risk": terms.rfmAtRisk.ru, lost: terms.rfmLost.ru};

const AT_RISK: SegmentId[] = ["at-risk", "lost"];
const MAX_QUARTERS = 12;
const MAX_CATEGORIES = 8;
const OTHER = "(other)";

export interface EcommerceDashboardInput {
  customers: readonly ScoredCustomer[];
  /** Category labels (id → label) for the export's or the rules' categories. */
  categoryLabels: Readonly<Record<string, string | Text>>;
  period: {start: string; end: string};
  /** Customers are described as of this day (the repeat cutoff), or null: the whole log. */
  asOf: string | null;
  unit: string;
}

const quarterOf = (iso: string) => `${iso.slice(0, 4)} Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

export function ecommerceDashboard({customers, categoryLabels, period, asOf, unit}: EcommerceDashboardInput): Dashboard {
  // Each customer's first-order quarter, one text per month met (millions of customers); the cube's rows are customer numbers.
  const firstMs = orderMsOf(customers, "first");
  const byMonth = new Map<string, string>();
  const firstQuarters = customers.map((_, i) => {
    const month = monthOf(firstMs(i));
    let quarter = byMonth.get(month);
    if (quarter === undefined) byMonth.set(month, (quarter = quarterOf(month)));
    return quarter;
  });
  const quarters = new Set(firstQuarters);
  const cohortOf = quarters.size > MAX_QUARTERS ? (quarter: string) => quarter.slice(0, 4) : (quarter: string) => quarter;
  const cohort = (i: number) => cohortOf(firstQuarters[i]);
  const top = largestValues(customers.map((c) => c.mainCategory), {max: MAX_CATEGORIES});
  const category = (i: number) => (top.includes(customers[i].mainCategory) ? customers[i].mainCategory : OTHER);
  const label = (id: string): string | Text => (id === OTHER ? {en: "Other categories", ru: "Другие категории"} : categoryLabels[id] ?? id);
  // A quarter "2019 Q3" reads «3 кв. 2019» in Russian; a year is the same.
  const cohortLabel = (v: string): string | Text => {
    const q = /^(\d{4}) Q([1-4])$/.exec(v);
    return q ? {en: v, ru: `${q[2]} кв. ${q[1]}`} : v;
  };
  const dimensions: DimensionSpec<number>[] = [
    {id: "category", label: {en: "Main category (most revenue)", ru: "Основная категория (наибольшая выручка)"}, levels: [...top, ...(customers.some((c) => !top.includes(c.mainCategory)) ? [OTHER] : [])].map((value) => ({value, label: label(value)})), of: category},
    {id: "cohort", label: {en: "First order in", ru: "Первый заказ"}, levels: levelsOf(firstQuarters.map(cohortOf), cohortLabel), of: cohort}
  ];
  const atRisk = (i: number) => AT_RISK.includes(customers[i].segment);
  const cube = dashboardCube(customers.map((_, i) => i), dimensions, {
    orders: (i) => customers[i].orders,
    revenue: (i) => customers[i].revenue,
    atRisk: (i) => Number(atRisk(i)),
    revenueAtRisk: (i) => (atRisk(i) ? customers[i].revenue : 0)
  });
  const segments = AT_RISK.map((s) => `"${segmentLabel[s]}"`).join(" and ");
  const segmentsRu = AT_RISK.map((s) => `«${segmentLabelRu[s] ?? segmentLabel[s]}»`).join(" и ");
  const until = asOf ? `before ${asOf} (customer ids look re-used from then on)` : "in the log";
  const untilRu = asOf ? `до ${asOf} (с этой даты идентификаторы клиентов, похоже, используются повторно)` : "в журнале";
  const money = moneyUnitText(unit);
  const from = period.start.slice(0, 10), to = period.end.slice(0, 10);
  const {title, question} = caseById("ecommerce");
  return {
    title,
    question,
    unit: nouns.buyer,
    period: {start: from, end: to},
    periodNote: {en: `orders from ${from} to ${to}`, ru: `заказы с ${from} по ${to}`},
    kpis: [
      {label: {en: "Customers", ru: "Покупатели"}, measure: null, show: "count", unit: nouns.buyer, note: {en: `with an order ${until}`, ru: `с заказом ${untilRu}`}},
      {label: {en: "Orders", ru: "Заказы"}, measure: "orders", show: "count", unit: nouns.order, note: {en: `their orders ${until}, wholesale lines aside`, ru: `их заказы ${untilRu}, без оптовых строк`}},
      {label: {en: "Revenue", ru: "Выручка"}, measure: "revenue", show: "money", unit: money, note: {en: `of those orders`, ru: "по этим заказам"}},
      {label: {en: "At risk or lapsed", ru: "В зоне риска или ушедшие"}, measure: "atRisk", show: "share", unit: nouns.buyer,
        note: {en: `RFM segments ${segments}: of all customers a third by construction; compare the filters' levels`, ru: `RFM-сегменты ${segmentsRu}: по построению треть всех покупателей; сравнивайте значения фильтров`}}
    ],
    atRisk: {label: {en: "at risk or lapsed", ru: "в зоне риска или ушедших"}, measure: "atRisk", rule: {en: "rule: last order among the oldest third", ru: "правило: последний заказ — среди самой давней трети"},
      definition: {
        en: `customers in the RFM segments ${segments}: their last order is among the oldest third (a rule on recency, no model)`,
        ru: `покупатели в RFM-сегментах ${segmentsRu}: их последний заказ — среди самой давней трети (правило по давности покупки, без модели)`
      },
      fixedShare: {
        en: `its rule takes the third of customers whose last order is oldest (R = 1), so a third of all customers are at risk or lapsed by construction; only the shares within a category or first-order period say something about the data`,
        ru: "его правило берёт треть покупателей с самым давним последним заказом (R = 1), так что по построению треть всех покупателей — в зоне риска или ушедшие; о данных говорят только доли внутри категории или периода первого заказа"
      }},
    valueAtRisk: {measure: "revenueAtRisk", unit: money, label: {en: "Revenue from customers at risk or lapsed", ru: "Выручка от покупателей в зоне риска или ушедших"},
      definition: {en: "what they have spent over the whole period: the spending a win-back could recover, not a loss that has happened", ru: "сколько они потратили за весь период: траты, которые может вернуть кампания возврата, а не уже понесённый убыток"}},
    cube
  };
}

/** The dashboard from the case's result. Money carries no currency yet: "currency units". */
export function ecommerceDashboardOf(r: Pick<EcommerceResult, "customers" | "summary">, unit = "currency units"): Dashboard {
  // A category's label in both languages where the categories carry them (labels: Text), else its one label.
  const categoryLabels = Object.fromEntries(r.summary.categories.map((c) => [c.category, (c as {labels?: Text}).labels ?? c.label]));
  return ecommerceDashboard({customers: r.customers, categoryLabels, period: r.summary.period, asOf: r.summary.scope.asOf, unit});
}
