/**
 * Consumption profiles: RFM segments summarised, and customers clustered on what and how they
 * buy (k-means with restarts on standardised features, k chosen by silhouette — loaders/cluster),
 * each cluster described by a portrait in the original units and a name derived from it.
 *
 * Clustering features: the share of the customer's revenue in each category of the scheme in use ("other" aside),
 * ln(average order value) and ln(orders). Recency is left out on purpose — it is what RFM
 * segments capture; profiles describe *what* people buy.
 */
import {chooseK, clusterPortraits, fitKMeans, predictKMeans, standardize, transformScaler} from "../../cluster/index.ts";
import {randomSource, shuffled} from "../../random.ts";
import type {ClusterFeature} from "../../analysis/types.ts";
import {labelTextsOf, OTHER, type Category, type CategoryScheme} from "./categories.ts";
import {both, type Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";
import type {CustomerProfile, ScoredCustomer} from "./customers.ts";
import type {AnalysisCategory, ScoringScope} from "./tables.ts";
import {SEGMENT_RULES, type SegmentId, type RfmThresholds} from "./rfm.ts";
import {RETURN_MIN_HOURS} from "./occasions.ts";

export interface Spread {
  mean: number;
  median: number;
  q1: number;
  q3: number;
}

export interface GroupSummary {
  customers: number;
  share: number;
  revenue: number;
  revenueShare: number;
  orders: Spread;
  aov: Spread;
  recencyDays: Spread;
  /** Share of customers who came back: two or more purchase occasions (loaders/cases/ecommerce/occasions.ts). */
  repeatShare: number;
  /** Share of the group's revenue per category (categories in table order, "other" last). */
  categoryShares: {category: AnalysisCategory; label: Text; share: number}[];
  /** Category shares relative to everyone's (1 = same as the whole customer base). */
  categoryLift: {category: AnalysisCategory; label: Text; lift: number}[];
}

export interface SegmentSummary extends GroupSummary {
  id: SegmentId;
  /** The segment's name and meaning in both languages (rfm.ts: its labels and meanings). */
  label: Text;
  rule: string;
  meaning: Text;
}

export interface ClusterFeatureProfile extends Omit<ClusterFeature, "label"> {
  label: Text;
  /** The profile's value in the reader's units, for charts: the mean share of a category, the median of the
   * customers' average order value (money), the mean number of orders — with everyone's value alongside. */
  shown: {unit: "share" | "money" | "count"; value: number; overall: number; what: Text};
}

export interface ClusterProfileSummary extends GroupSummary {
  cluster: number;
  name: Text;
  /** The category with the largest share of the profile's revenue. */
  dominant: Category;
  /** Words on what sets the cluster apart (computed from its portrait). */
  description: Text;
  features: ClusterFeatureProfile[];
  /** Customers per RFM segment. */
  segments: {segment: SegmentId; label: Text; customers: number}[];
}

export interface ProfilesReport {
  /** Customers scored and profiled. */
  n: number;
  /** As of when they are described, and who and what was left out. */
  scope: ScoringScope;
  /** A repeat buyer came back: an order more than this many hours after their first (loaders/cases/ecommerce/occasions.ts). */
  returnMinHours: number;
  thresholds: RfmThresholds;
  rules: {id: SegmentId; label: Text; rule: string; meaning: Text}[];
  scoreRules: Text[];
  segments: SegmentSummary[];
  /** Customers per R × F × M score combination. */
  rfmGrid: {r: number; f: number; m: number; customers: number}[];
  overall: GroupSummary;
  clustering: {
    features: {feature: string; label: Text}[];
    k: number;
    /** Seeded k-means restarts for each k (the best of them by inertia is kept). */
    restarts: number;
    reason: Text;
    scores: {k: number; silhouette: number; inertia: number}[];
    fittedOn: number;
    /** Seed of the sample k-means is fitted on when fittedOn < n (and of its restarts). */
    seed: number;
    clusters: ClusterProfileSummary[];
  };
}

const quantile = (sorted: number[], p: number) => {
  if (!sorted.length) return NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
};

export function spread(values: number[]): Spread {
  const s = Float64Array.from(values).sort();
  const arr = Array.from(s);
  return {mean: arr.reduce((a, b) => a + b, 0) / (arr.length || 1), median: quantile(arr, 0.5), q1: quantile(arr, 0.25), q3: quantile(arr, 0.75)};
}

/** Total revenue and each category's share of it, in one pass over the rows (sums in row order). */
function categoryShares(rows: readonly CustomerProfile[], ids: readonly string[]): {revenue: number; shares: Record<AnalysisCategory, number>} {
  let revenue = 0;
  const sums = ids.map(() => 0);
  for (const c of rows) {
    revenue += c.revenue;
    const byCategory = c.categoryRevenue;
    for (let j = 0; j < ids.length; j++) sums[j] += byCategory[ids[j]] ?? 0;
  }
  return {revenue, shares: Object.fromEntries(ids.map((k, j) => [k, revenue > 0 ? sums[j] / revenue : 0])) as Record<AnalysisCategory, number>};
}

/** A group's summary against everyone's (`all`; pass `everyone` = categoryShares(all) when summarising many groups of the same customers). */
export function summarise(rows: readonly CustomerProfile[], all: readonly CustomerProfile[], scheme: CategoryScheme, everyoneShares?: ReturnType<typeof categoryShares>): GroupSummary {
  const ids = scheme.categories.map((c) => c.id);
  const categoryLabel = labelTextsOf(scheme);
  const {revenue: totalRevenue, shares: everyone} = everyoneShares ?? categoryShares(all, ids);
  const {revenue, shares: mine} = categoryShares(rows, ids);
  return {
    customers: rows.length,
    share: rows.length / all.length,
    revenue,
    revenueShare: revenue / totalRevenue,
    orders: spread(rows.map((c) => c.orders)),
    aov: spread(rows.map((c) => c.aov)),
    recencyDays: spread(rows.map((c) => c.recencyDays)),
    repeatShare: rows.filter((c) => c.occasions >= 2).length / (rows.length || 1),
    categoryShares: ids.map((k) => ({category: k, label: categoryLabel[k], share: mine[k]})),
    categoryLift: ids.map((k) => ({category: k, label: categoryLabel[k], lift: everyone[k] > 0 ? mine[k] / everyone[k] : 0}))
  };
}

export interface ClusterOptions {
  kMin?: number;
  kMax?: number;
  nInit?: number;
  seed?: number;
  /** Most customers k-means is fitted on (a seeded sample; the rest are assigned to the nearest centre). */
  maxFit?: number;
}

interface Feature {
  feature: string;
  /** Column label for readers (the log features are shown back in money and orders). */
  label: Text;
  /** The feature of a customer, given their category shares (read once per customer: a record made on each read). */
  value: (c: CustomerProfile, shares: Record<AnalysisCategory, number>) => number;
  unit: ClusterFeatureProfile["shown"]["unit"];
  /** What readers see for a group (default: the feature's mean). */
  shown?: (g: GroupSummary) => number;
  what: Text;
}

/** The clustering features: a share per category of the scheme ("other" aside), order value and orders. */
const featuresOf = (scheme: CategoryScheme): Feature[] => [
  ...scheme.categories.filter((c) => c.id !== OTHER).map(({id: k, label}): Feature => ({feature: `share_${k}`,
    label: {en: `${label.en.split(" ")[0]} %`, ru: `${label.ru.split(" ")[0]}, %`}, value: (_, shares) => shares[k] || 0,
    unit: "share", what: {en: `mean share of revenue in ${label.en}`, ru: `средняя доля выручки в категории «${label.ru}»`}})),
  {feature: "ln_aov", label: {en: "Order value", ru: "Сумма заказа"}, value: (c) => Math.log(Math.max(c.aov, 1)), unit: "money", shown: (g) => g.aov.median,
    what: {en: "median of the customers' average order value", ru: "медиана среднего чека клиентов"}},
  {feature: "ln_orders", label: {en: "Orders", ru: "Заказы"}, value: (c) => Math.log(c.orders), unit: "count", shown: (g) => g.orders.mean,
    what: {en: "mean number of orders", ru: "среднее число заказов"}}
];

/** A name from a cluster's portrait: its dominant categories, and its basket size or repeat habit when they stand out. */
function nameCluster(summary: GroupSummary, features: Pick<ClusterFeature, "feature" | "standardisedDifference">[]): {name: Text; description: Text} {
  const shares = [...summary.categoryShares].filter((s) => s.category !== "other").sort((a, b) => b.share - a.share);
  const [first, second] = shares;
  if (!first) return {name: {en: "Uncategorised", ru: "Без категории"}, description: {en: "no named category in their purchases", ru: "в их покупках нет товаров названных категорий"}};
  const z = (f: string) => features.find((x) => x.feature === f)?.standardisedDifference ?? 0;
  const extras: Text[] = [];
  if (z("ln_aov") >= 0.5) extras.push({en: "big baskets", ru: "крупные заказы"});
  else if (z("ln_aov") <= -0.5) extras.push({en: "small baskets", ru: "мелкие заказы"});
  if (z("ln_orders") >= 0.5) extras.push({en: "repeat buyers", ru: "повторные покупки"});
  const name = both((lang) => {
    const what = first.share >= 0.6 || !second ? `${first.label[lang]}` : `${first.label[lang]} + ${second.label[lang]}`;
    return extras.length ? `${what} · ${extras.map((e) => e[lang]).join(", ")}` : what;
  });
  const ru = formats("ru");
  const description = {
    en: `${Math.round(first.share * 100)}% of their revenue is ${first.label.en}` +
      (first.share < 0.9 && second ? `, ${Math.round(second.share * 100)}% ${second.label.en}` : "") +
      `; median order ${Math.round(summary.aov.median).toLocaleString("en-US")}, ${Math.round(summary.repeatShare * 100)}% came back`,
    ru: `${ru.pct(first.share, 0)} их выручки — «${first.label.ru}»` +
      (first.share < 0.9 && second ? `, ${ru.pct(second.share, 0)} — «${second.label.ru}»` : "") +
      `; медианный заказ ${ru.int(summary.aov.median)}, вернулись ${ru.pct(summary.repeatShare, 0)}`
  };
  return {name, description};
}

/** Customers assigned to the nearest centre per block. */
const PREDICT_BLOCK = 65_536;

export function clusterCustomers(customers: readonly CustomerProfile[], features: readonly Feature[], {kMin = 3, kMax = 10, nInit = 20, seed = 7, maxFit = 8000}: ClusterOptions = {}) {
  const raw = customers.map((c) => {
    const shares = c.shares;
    return features.map((f) => f.value(c, shares));
  });
  const fitIdx = customers.length > maxFit ? shuffled(customers.map((_, i) => i), randomSource(seed)).slice(0, maxFit).sort((a, b) => a - b) : customers.map((_, i) => i);
  const {X: Xfit, scaler} = standardize(fitIdx.map((i) => raw[i]));
  const choice = chooseK(Xfit, {kMin, kMax, nInit, seed});
  const model = fitKMeans(Xfit, {k: choice.k, nInit, seed: seed + choice.k});
  // Every customer to the nearest centre, a block at a time (no standardised copy of millions of rows at once).
  const labels: number[] = [];
  for (let start = 0; start < raw.length; start += PREDICT_BLOCK) for (const l of predictKMeans(model, transformScaler(scaler, raw.slice(start, start + PREDICT_BLOCK)))) labels.push(l);
  // Order clusters by size (largest first) for stable, readable numbering.
  const sizes = new Map<number, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a - b);
  const relabel = new Map(order.map((l, i) => [l, i]));
  return {labels: labels.map((l) => relabel.get(l)!), raw, choice, fittedOn: fitIdx.length, restarts: nInit, seed};
}

export function profilesReport(customers: readonly ScoredCustomer[], thresholds: RfmThresholds, scope: ScoringScope, scheme: CategoryScheme, options: ClusterOptions = {}): {report: ProfilesReport; clusterOf: number[]; clusterNames: string[]; clusterNamesRu: string[]} {
  const FEATURES = featuresOf(scheme);
  const everyone = categoryShares(customers, scheme.categories.map((c) => c.id));
  const overall = summarise(customers, customers, scheme, everyone);
  const segments: SegmentSummary[] = SEGMENT_RULES.map((rule) => ({
    id: rule.id, label: rule.labels, rule: rule.rule, meaning: rule.meanings,
    ...summarise(customers.filter((c) => c.segment === rule.id), customers, scheme, everyone)
  }));
  const grid = new Map<string, number>();
  for (const c of customers) grid.set(`${c.r}-${c.f}-${c.m}`, (grid.get(`${c.r}-${c.f}-${c.m}`) ?? 0) + 1);
  const rfmGrid = [...grid.entries()].map(([key, customers]) => {
    const [r, f, m] = key.split("-").map(Number);
    return {r, f, m, customers};
  }).sort((a, b) => a.r - b.r || a.f - b.f || a.m - b.m);

  const {labels, raw, choice, fittedOn, restarts, seed} = clusterCustomers(customers, FEATURES, options);
  const portraits = clusterPortraits(raw, labels, {features: FEATURES.map((f) => f.feature)});
  const used = new Set<string>();
  const members = portraits.map((): ScoredCustomer[] => []);
  customers.forEach((c, i) => members[labels[i]].push(c));
  const clusters: ClusterProfileSummary[] = portraits.map((p) => {
    const mine = members[p.cluster];
    const summary = summarise(mine, customers, scheme, everyone);
    const features = p.features.map((f) => {
      const spec = FEATURES.find((x) => x.feature === f.feature)!;
      const shown = spec.shown ? {value: spec.shown(summary), overall: spec.shown(overall)} : {value: f.mean, overall: f.overallMean};
      return {...f, label: spec.label, shown: {unit: spec.unit, ...shown, what: spec.what}};
    });
    const named = nameCluster(summary, features);
    let name = named.name;
    for (let n = 2; used.has(name.en); n++) name = both((lang) => `${named.name[lang]} (${n})`);
    used.add(name.en);
    const {description} = named;
    const dominant = summary.categoryShares.filter((s) => s.category !== OTHER).sort((a, b) => b.share - a.share)[0]?.category ?? OTHER;
    return {
      cluster: p.cluster, name, dominant, description, features, ...summary,
      segments: SEGMENT_RULES.map((s) => ({segment: s.id, label: s.labels, customers: mine.filter((c) => c.segment === s.id).length}))
    };
  });
  const report: ProfilesReport = {
    n: customers.length,
    scope,
    thresholds,
    rules: SEGMENT_RULES.map(({id, labels, rule, meanings}) => ({id, label: labels, rule, meaning: meanings})),
    scoreRules: [
      {en: `R (recency): 3 = the most recent third of customers by days since their last order${scope.asOf ? ` before ${scope.asOf}, counted to that day` : ""}, 2 = the middle third, 1 = the longest ago.`,
        ru: `R (давность): 3 — самая недавняя треть клиентов по числу дней с последнего заказа${scope.asOf ? ` до ${scope.asOf}, считая до этого дня` : ""}, 2 — средняя треть, 1 — самые давние.`},
      {en: `F (frequency): purchase occasions — 1 = one, 2 = two, 3 = three or more (counts rather than thirds, because most customers buy once); orders placed within ${RETURN_MIN_HOURS} hours of an occasion's first order are the same occasion (a basket split over two orders or placed twice is not a return)${scope.asOf ? `; orders before ${scope.asOf} only` : ""}.`,
        ru: `F (частота): число покупок — 1 = одна, 2 = две, 3 = три и больше (счёт, а не трети, потому что большинство клиентов покупают один раз); заказы в пределах ${formats("ru").plural(RETURN_MIN_HOURS, "часа", "часов", "часов")} от первого заказа покупки — та же покупка (корзина, разбитая на два заказа или оформленная дважды, — не возвращение)${scope.asOf ? `; только заказы до ${scope.asOf}` : ""}.`},
      {en: `M (monetary): 3 = the top third by revenue (wholesale lines excluded${scope.asOf ? `, orders before ${scope.asOf} only` : ""}), 2 = the middle third, 1 = the bottom third.`,
        ru: `M (сумма): 3 — верхняя треть по выручке (без оптовых строк${scope.asOf ? `, только заказы до ${scope.asOf}` : ""}), 2 — средняя треть, 1 — нижняя треть.`}
    ],
    returnMinHours: RETURN_MIN_HOURS, segments, rfmGrid, overall,
    clustering: {
      features: FEATURES.map(({feature, label}) => ({feature, label})),
      k: choice.k, restarts, reason: choice.reason,
      scores: choice.scores.map(({k, silhouette, inertia}) => ({k, silhouette, inertia})),
      fittedOn, seed, clusters
    }
  };
  return {report, clusterOf: labels, clusterNames: clusters.map((c) => c.name.en), clusterNamesRu: clusters.map((c) => c.name.ru)};
}
