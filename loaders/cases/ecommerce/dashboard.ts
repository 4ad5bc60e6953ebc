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
import type {ScoredCustomer} from "./customers.ts";
import type {EcommerceResult} from "../ecommerce.ts";
import {segmentLabel, type SegmentId} from "./rfm.ts";

const AT_RISK: SegmentId[] = ["at-risk", "lost"];
const MAX_QUARTERS = 12;
const MAX_CATEGORIES = 8;
const OTHER = "(other)";

export interface EcommerceDashboardInput {
  customers: readonly ScoredCustomer[];
  /** Category labels (id → label) for the export's or the rules' categories. */
  categoryLabels: Readonly<Record<string, string>>;
  period: {start: string; end: string};
  /** Customers are described as of this day (the repeat cutoff), or null: the whole log. */
  asOf: string | null;
  unit: string;
}

const quarterOf = (iso: string) => `${iso.slice(0, 4)} Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

export function ecommerceDashboard({customers, categoryLabels, period, asOf, unit}: EcommerceDashboardInput): Dashboard {
  const quarters = new Set(customers.map((c) => quarterOf(c.firstTime)));
  const cohort = quarters.size > MAX_QUARTERS ? (c: ScoredCustomer) => c.firstTime.slice(0, 4) : (c: ScoredCustomer) => quarterOf(c.firstTime);
  const top = largestValues(customers.map((c) => c.mainCategory), {max: MAX_CATEGORIES});
  const category = (c: ScoredCustomer) => (top.includes(c.mainCategory) ? c.mainCategory : OTHER);
  const label = (id: string) => (id === OTHER ? "Other categories" : categoryLabels[id] ?? id);
  const dimensions: DimensionSpec<ScoredCustomer>[] = [
    {id: "category", label: "Main category (most revenue)", levels: [...top, ...(customers.some((c) => !top.includes(c.mainCategory)) ? [OTHER] : [])].map((value) => ({value, label: label(value)})), of: category},
    {id: "cohort", label: "First order in", levels: levelsOf(customers.map(cohort)), of: cohort}
  ];
  const atRisk = (c: ScoredCustomer) => AT_RISK.includes(c.segment);
  const cube = dashboardCube(customers, dimensions, {
    orders: (c) => c.orders,
    revenue: (c) => c.revenue,
    atRisk: (c) => Number(atRisk(c)),
    revenueAtRisk: (c) => (atRisk(c) ? c.revenue : 0)
  });
  const segments = AT_RISK.map((s) => `"${segmentLabel[s]}"`).join(" and ");
  const until = asOf ? `before ${asOf} (customer ids look re-used from then on)` : "in the log";
  const {title, question} = caseById("ecommerce");
  return {
    title,
    question,
    unit: "customers",
    period: {start: period.start.slice(0, 10), end: period.end.slice(0, 10)},
    periodNote: `orders from ${period.start.slice(0, 10)} to ${period.end.slice(0, 10)}`,
    kpis: [
      {label: "Customers", measure: null, show: "count", unit: "customers", note: `with an order ${until}`},
      {label: "Orders", measure: "orders", show: "count", unit: "orders", note: `their orders ${until}, wholesale lines aside`},
      {label: "Revenue", measure: "revenue", show: "money", unit, note: `of those orders`},
      {label: "At risk or lapsed", measure: "atRisk", show: "share", unit: "customers", note: `RFM segments ${segments}: of all customers a third by construction; compare the filters' levels`}
    ],
    atRisk: {label: "at risk or lapsed", measure: "atRisk", rule: "rule: last order among the oldest third", definition: `customers in the RFM segments ${segments}: their last order is among the oldest third (a rule on recency, no model)`,
      fixedShare: `its rule takes the third of customers whose last order is oldest (R = 1), so a third of all customers are at risk or lapsed by construction; only the shares within a category or first-order period say something about the data`},
    valueAtRisk: {measure: "revenueAtRisk", unit, label: "Revenue from customers at risk or lapsed",
      definition: "what they have spent over the whole period: the spending a win-back could recover, not a loss that has happened"},
    cube
  };
}

/** The dashboard from the case's result. Money carries no currency yet: "currency units". */
export function ecommerceDashboardOf(r: Pick<EcommerceResult, "customers" | "summary">, unit = "currency units"): Dashboard {
  const categoryLabels = Object.fromEntries(r.summary.categories.map((c) => [c.category, c.label.en]));
  return ecommerceDashboard({customers: r.customers, categoryLabels, period: r.summary.period, asOf: r.summary.scope.asOf, unit});
}
