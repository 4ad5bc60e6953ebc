/**
 * One Click features: the joined customer table (one row per customer, English names) and the four
 * feature groups the business asked for — communication, product behaviour, purchase behaviour and
 * site behaviour. Profit (finance export) is kept beside the features: it is not a predictor, it is
 * what a declining customer puts at risk.
 */
import type {OneClickCustomer} from "../../clean/one-click.ts";

export type FeatureGroup = "communication" | "product" | "purchase" | "site";
export type FeatureKind = "numeric" | "categorical";

export interface FeatureDef {
  /** English field name (the clean table's column). */
  id: FeatureId;
  label: string;
  /** Short label for narrow places (chart axes, matrix labels). */
  short: string;
  group: FeatureGroup;
  kind: FeatureKind;
  /** Unit shown after values, or "" when unitless. */
  unit: string;
  /** Whole numbers only (counts): histograms use one bin per value when the range is small. */
  discrete?: boolean;
}

export type FeatureId =
  | "serviceType" | "marketingConsent" | "marketingContacts6m" | "marketingContactsCurrent" | "tenureDays"
  | "favouriteCategory" | "categoriesPerVisit" | "unpaidItemsQuarter"
  | "revenueBeforePrevious" | "revenuePrevious" | "revenueCurrent" | "promoShare"
  | "pagesPerVisit" | "minutesPrevious" | "minutesCurrent" | "serviceErrors";

export const groups: {id: FeatureGroup; label: string; description: string}[] = [
  {id: "communication", label: "Communication", description: "how the store reaches the customer: marketing contacts, consent to mailings, service tier and how long they have been registered"},
  {id: "product", label: "Product behaviour", description: "what the customer looks at: favourite category, categories viewed per visit, unpaid items left in the cart"},
  {id: "purchase", label: "Purchase behaviour", description: "what the customer spends: revenue in each of the three months and the share of purchases bought on promotion"},
  {id: "site", label: "Site behaviour", description: "how the customer uses the site: pages per visit, minutes on site in the last two months, site failures seen"}
];

export const features: FeatureDef[] = [
  {id: "serviceType", label: "Service tier", short: "Service tier", group: "communication", kind: "categorical", unit: ""},
  {id: "marketingConsent", label: "Consents to marketing", short: "Consent", group: "communication", kind: "categorical", unit: ""},
  {id: "marketingContacts6m", label: "Marketing contacts per month (6-month average)", short: "Contacts/month (6 m)", group: "communication", kind: "numeric", unit: "contacts"},
  {id: "marketingContactsCurrent", label: "Marketing contacts this month", short: "Contacts this month", group: "communication", kind: "numeric", unit: "contacts", discrete: true},
  {id: "tenureDays", label: "Days since registration", short: "Tenure (days)", group: "communication", kind: "numeric", unit: "days", discrete: true},
  {id: "favouriteCategory", label: "Favourite category", short: "Favourite category", group: "product", kind: "categorical", unit: ""},
  {id: "categoriesPerVisit", label: "Categories viewed per visit", short: "Categories/visit", group: "product", kind: "numeric", unit: "categories", discrete: true},
  {id: "unpaidItemsQuarter", label: "Unpaid items left in cart (3 months)", short: "Unpaid items", group: "product", kind: "numeric", unit: "items", discrete: true},
  {id: "revenueBeforePrevious", label: "Revenue two months ago", short: "Revenue (−2 m)", group: "purchase", kind: "numeric", unit: "currency units"},
  {id: "revenuePrevious", label: "Revenue last month", short: "Revenue (−1 m)", group: "purchase", kind: "numeric", unit: "currency units"},
  {id: "revenueCurrent", label: "Revenue this month", short: "Revenue (now)", group: "purchase", kind: "numeric", unit: "currency units"},
  {id: "promoShare", label: "Share of purchases on promotion", short: "Promo share", group: "purchase", kind: "numeric", unit: "share"},
  {id: "pagesPerVisit", label: "Pages per visit", short: "Pages/visit", group: "site", kind: "numeric", unit: "pages", discrete: true},
  {id: "minutesPrevious", label: "Minutes on site last month", short: "Minutes (−1 m)", group: "site", kind: "numeric", unit: "minutes", discrete: true},
  {id: "minutesCurrent", label: "Minutes on site this month", short: "Minutes (now)", group: "site", kind: "numeric", unit: "minutes", discrete: true},
  {id: "serviceErrors", label: "Site failures seen", short: "Site failures", group: "site", kind: "numeric", unit: "failures", discrete: true}
];

export const featureById = new Map(features.map((f) => [f.id, f]));

/**
 * The features with the labels the analyst's mapping gives the export's columns (`labels`: field →
 * label, only for columns the mapping labels); the rest keep the case's own words. Derived features
 * (revenue and minutes per month) keep theirs.
 */
export function labelledFeatures(labels: Readonly<Record<string, string>>): FeatureDef[] {
  return features.map((f) => (labels[f.id] ? {...f, label: labels[f.id], short: labels[f.id]} : f));
}

export type FeatureValue = number | string;

/** One modelling customer: features, target, profit. `id` is the export's customer id and must
 *  not reach an artifact unless settings.customerRows. */
export interface CustomerRow {
  id: number;
  /** 1 = purchase activity declined. */
  declined: 0 | 1;
  profit: number;
  values: Record<FeatureId, FeatureValue>;
}

export const target = {label: "Purchase activity", positive: "declined", negative: "unchanged"} as const;
export const profitInfo = {label: "Average monthly profit (3 months)", short: "Profit per month", unit: "currency units"} as const;

/** The value of a feature on a clean customer (booleans become "yes" / "no"). */
function valueOf(c: OneClickCustomer, id: FeatureId): FeatureValue {
  const v = c[id];
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (v === null || v === undefined) throw new Error(`customer on line ${c.line}: ${id} is missing although the customer is used for modelling`);
  return v;
}

/** The modelling table: customers the clean layer kept for modelling, in file order. */
export function customerTable(modelling: readonly OneClickCustomer[]): CustomerRow[] {
  return modelling.map((c) => {
    if (c.profit === null) throw new Error(`customer on line ${c.line}: profit is missing although the customer is used for modelling`);
    const values = {} as Record<FeatureId, FeatureValue>;
    for (const f of features) values[f.id] = valueOf(c, f.id);
    return {id: c.id, declined: c.activity === "declined" ? 1 : 0, profit: c.profit, values};
  });
}

/** The numeric values of a feature (throws on a categorical one). */
export function numericColumn(rows: readonly CustomerRow[], id: FeatureId): number[] {
  return rows.map((r) => r.values[id] as number);
}

export function column(rows: readonly CustomerRow[], id: FeatureId): FeatureValue[] {
  return rows.map((r) => r.values[id]);
}

/** Levels of a categorical feature, most frequent first (ties alphabetical). */
export function levelsByFrequency(rows: readonly CustomerRow[], id: FeatureId): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(String(r.values[id]), (counts.get(String(r.values[id])) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([level]) => level);
}
