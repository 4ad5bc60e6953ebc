/**
 * Consumption profiles: RFM segments summarised, and customers clustered on what and how they
 * buy (k-means with restarts on standardised features, k chosen by silhouette — loaders/cluster),
 * each cluster described by a portrait in the original units and a name derived from it.
 *
 * Clustering features: the share of the customer's revenue in each category of the scheme in use ("other" aside),
 * ln(average order value) and ln(orders). Recency is left out on purpose — it is what RFM
 * segments capture; profiles describe *what* people buy.
 */
import {chooseK, clusterPortraitsFlat, fitKMeans, predictKMeansFlat, standardize} from "../../cluster/index.ts";
import {randomSource, shuffled} from "../../random.ts";
import {quantilesInPlace} from "../../stats/descriptives.ts";
import type {ClusterFeature} from "../../analysis/types.ts";
import {labelTextsOf, OTHER, type Category, type CategoryScheme} from "./categories.ts";
import {both, type Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";
import {tableOf, type ScoredCustomer} from "./customers.ts";
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

/** Mean, median and quartiles (linear interpolation); reorders `values` in place. */
export function spread(values: Float64Array): Spread {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  const [q1, median, q3] = quantilesInPlace(values, [0.25, 0.5, 0.75]);
  return {mean: total / (values.length || 1), median, q1, q3};
}

/** values[rows[j]] for each j (all of `values` when rows is null), into the start of `scratch` (one buffer for every
 * group: a new one per group and figure would be tens of MB each for millions of customers). */
function gather(values: ArrayLike<number>, rows: Int32Array | null, scratch: Float64Array): Float64Array {
  const count = rows ? rows.length : values.length;
  const out = scratch.subarray(0, count);
  if (!rows) for (let j = 0; j < count; j++) out[j] = values[j];
  else for (let j = 0; j < count; j++) out[j] = values[rows[j]];
  return out;
}

/** What the profiles read of each customer, column by column (millions of customers: no object each). */
export interface ProfileColumns {
  size: number;
  revenue: Float64Array;
  aov: Float64Array;
  recencyDays: Float64Array;
  orders: ArrayLike<number>;
  occasions: ArrayLike<number>;
  r: ArrayLike<number>;
  f: ArrayLike<number>;
  m: ArrayLike<number>;
  segment: readonly string[];
  /** Revenue per category, in the order of the scheme's categories. */
  categoryRevenue: Float64Array[];
}

/** The columns of `customers` for the scheme's categories: straight from the table they were read as (customers.ts
 * tableOf), else copied from the objects (tests, a subset). */
export function profileColumnsOf(customers: readonly ScoredCustomer[], scheme: CategoryScheme): ProfileColumns {
  const ids = scheme.categories.map((c) => c.id);
  const table = tableOf(customers);
  if (table) {
    const column = (k: string) => table.categoryRevenue[table.categories.indexOf(k)] ?? new Float64Array(table.size);
    const {revenue, aov, recencyDays} = table.figures;
    const {orders, occasions, r, f, m} = table.counts;
    return {size: table.size, revenue, aov, recencyDays, orders, occasions, r, f, m, segment: table.segment, categoryRevenue: ids.map(column)};
  }
  const of = (value: (c: ScoredCustomer) => number) => Float64Array.from(customers, value);
  return {size: customers.length, revenue: of((c) => c.revenue), aov: of((c) => c.aov), recencyDays: of((c) => c.recencyDays), orders: of((c) => c.orders),
    occasions: of((c) => c.occasions), r: of((c) => c.r), f: of((c) => c.f), m: of((c) => c.m), segment: customers.map((c) => c.segment),
    categoryRevenue: ids.map((k) => of((c) => c.categoryRevenue[k] ?? 0))};
}

/** Customers of a group: their rows in `ProfileColumns`, in increasing order; null: everyone. */
type Rows = Int32Array | null;

const countOf = (cols: ProfileColumns, rows: Rows) => (rows ? rows.length : cols.size);
const rowAt = (rows: Rows, j: number) => (rows ? rows[j] : j);

/** Total revenue and each category's share of it, in one pass over the rows (sums in row order). */
function categoryShares(cols: ProfileColumns, rows: Rows, ids: readonly string[]): {revenue: number; shares: Record<AnalysisCategory, number>} {
  let revenue = 0;
  const sums = ids.map(() => 0);
  const n = countOf(cols, rows);
  for (let j = 0; j < n; j++) {
    const i = rowAt(rows, j);
    revenue += cols.revenue[i];
    for (let c = 0; c < ids.length; c++) sums[c] += cols.categoryRevenue[c][i];
  }
  return {revenue, shares: Object.fromEntries(ids.map((k, j) => [k, revenue > 0 ? sums[j] / revenue : 0])) as Record<AnalysisCategory, number>};
}

/** A group's summary against everyone's (`everyoneShares`: categoryShares of everyone); `scratch` holds cols.size numbers. */
function summarise(cols: ProfileColumns, rows: Rows, scheme: CategoryScheme, everyoneShares: ReturnType<typeof categoryShares>, scratch: Float64Array): GroupSummary {
  const ids = scheme.categories.map((c) => c.id);
  const categoryLabel = labelTextsOf(scheme);
  const {revenue: totalRevenue, shares: everyone} = everyoneShares;
  const {revenue, shares: mine} = categoryShares(cols, rows, ids);
  const n = countOf(cols, rows);
  let repeat = 0;
  for (let j = 0; j < n; j++) if (cols.occasions[rowAt(rows, j)] >= 2) repeat++;
  return {
    customers: n,
    share: n / cols.size,
    revenue,
    revenueShare: revenue / totalRevenue,
    orders: spread(gather(cols.orders, rows, scratch)),
    aov: spread(gather(cols.aov, rows, scratch)),
    recencyDays: spread(gather(cols.recencyDays, rows, scratch)),
    repeatShare: repeat / (n || 1),
    categoryShares: ids.map((k) => ({category: k, label: categoryLabel[k], share: mine[k]})),
    categoryLift: ids.map((k) => ({category: k, label: categoryLabel[k], lift: everyone[k] > 0 ? mine[k] / everyone[k] : 0}))
  };
}

/** The rows of each value of `of` (0 … count − 1), in increasing order. */
function rowsBy(size: number, count: number, of: (i: number) => number): Int32Array[] {
  const sizes = new Int32Array(count);
  for (let i = 0; i < size; i++) sizes[of(i)]++;
  const out = Array.from(sizes, (k) => new Int32Array(k));
  const filled = new Int32Array(count);
  for (let i = 0; i < size; i++) {
    const g = of(i);
    out[g][filled[g]++] = i;
  }
  return out;
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
  /** The feature of customer i. */
  value: (cols: ProfileColumns, i: number) => number;
  unit: ClusterFeatureProfile["shown"]["unit"];
  /** What readers see for a group (default: the feature's mean). */
  shown?: (g: GroupSummary) => number;
  what: Text;
}

/** The clustering features: a share per category of the scheme ("other" aside), order value and orders. */
const featuresOf = (scheme: CategoryScheme): Feature[] => [
  ...scheme.categories.flatMap(({id: k, label}, c): Feature[] => k === OTHER ? [] : [{feature: `share_${k}`,
    // The customer's revenue in the category ÷ their revenue (0 when they spent nothing), as the tables divide.
    label: {en: `${label.en.split(" ")[0]} %`, ru: `${label.ru.split(" ")[0]}, %`}, value: (cols, i) => (cols.revenue[i] === 0 ? 0 : cols.categoryRevenue[c][i] / cols.revenue[i]) || 0,
    unit: "share", what: {en: `mean share of revenue in ${label.en}`, ru: `средняя доля выручки в категории «${label.ru}»`}}]),
  {feature: "ln_aov", label: {en: "Order value", ru: "Сумма заказа"}, value: (cols, i) => Math.log(Math.max(cols.aov[i], 1)), unit: "money", shown: (g) => g.aov.median,
    what: {en: "median of the customers' average order value", ru: "медиана среднего чека клиентов"}},
  {feature: "ln_orders", label: {en: "Orders", ru: "Заказы"}, value: (cols, i) => Math.log(cols.orders[i]), unit: "count", shown: (g) => g.orders.mean,
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

/** Customers standardised and assigned to the nearest centre per block. */
const PREDICT_BLOCK = 65_536;

export function clusterCustomers(cols: ProfileColumns, features: readonly Feature[], {kMin = 3, kMax = 10, nInit = 20, seed = 7, maxFit = 8000}: ClusterOptions = {}) {
  const n = cols.size, d = features.length;
  const raw = new Float64Array(n * d);
  for (let j = 0; j < d; j++) {
    const {value} = features[j];
    for (let i = 0; i < n; i++) raw[i * d + j] = value(cols, i);
  }
  const rowOf = (i: number) => Array.from(raw.subarray(i * d, (i + 1) * d));
  const rows = Int32Array.from({length: n}, (_, i) => i);
  const fitIdx = n > maxFit ? shuffled(rows, randomSource(seed)).slice(0, maxFit).sort() : rows;
  const {X: Xfit, scaler} = standardize(Array.from(fitIdx, rowOf));
  const choice = chooseK(Xfit, {kMin, kMax, nInit, seed});
  const model = fitKMeans(Xfit, {k: choice.k, nInit, seed: seed + choice.k});
  // Every customer to the nearest centre, a block at a time (no standardised copy of millions of rows at once).
  const centres = Float64Array.from(model.centroids.flat());
  const labels = new Int32Array(n);
  const block = new Float64Array(PREDICT_BLOCK * d);
  for (let start = 0; start < n; start += PREDICT_BLOCK) {
    const rows = Math.min(PREDICT_BLOCK, n - start);
    for (let t = 0; t < rows * d; t++) block[t] = (raw[start * d + t] - scaler.mean[t % d]) / scaler.scale[t % d];
    labels.set(predictKMeansFlat(centres, model.k, block, rows, d), start);
  }
  // Order clusters by size (largest first) for stable, readable numbering.
  const sizes = new Map<number, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || a - b);
  const relabel = new Int32Array(model.k);
  order.forEach((l, i) => (relabel[l] = i));
  return {labels: Array.from(labels, (l) => relabel[l]), raw: {data: raw, n, d}, choice, fittedOn: fitIdx.length, restarts: nInit, seed};
}

export function profilesReport(customers: readonly ScoredCustomer[], thresholds: RfmThresholds, scope: ScoringScope, scheme: CategoryScheme, options: ClusterOptions = {}): {report: ProfilesReport; clusterOf: number[]; clusterNames: string[]; clusterNamesRu: string[]} {
  const FEATURES = featuresOf(scheme);
  const cols = profileColumnsOf(customers, scheme);
  const everyone = categoryShares(cols, null, scheme.categories.map((c) => c.id));
  const scratch = new Float64Array(cols.size);
  const overall = summarise(cols, null, scheme, everyone, scratch);
  // Each customer's segment as its place in SEGMENT_RULES (every customer has one: rfm.ts).
  const segmentIndex = new Map<string, number>(SEGMENT_RULES.map((rule, g) => [rule.id, g]));
  const segmentOf = Int32Array.from(cols.segment, (id) => segmentIndex.get(id) ?? -1);
  if (segmentOf.includes(-1)) throw new Error("profiles: a customer has no RFM segment of SEGMENT_RULES");
  const bySegment = rowsBy(cols.size, SEGMENT_RULES.length, (i) => segmentOf[i]);
  const segments: SegmentSummary[] = SEGMENT_RULES.map((rule, g) => ({
    id: rule.id, label: rule.labels, rule: rule.rule, meaning: rule.meanings,
    ...summarise(cols, bySegment[g], scheme, everyone, scratch)
  }));
  // Customers per R × F × M, keyed by a number (scores are small whole numbers).
  const grid = new Map<number, {r: number; f: number; m: number; customers: number}>();
  for (let i = 0; i < cols.size; i++) {
    const r = cols.r[i], f = cols.f[i], m = cols.m[i], key = (r * 1000 + f) * 1000 + m;
    const cell = grid.get(key);
    if (cell) cell.customers++;
    else grid.set(key, {r, f, m, customers: 1});
  }
  const rfmGrid = [...grid.values()].sort((a, b) => a.r - b.r || a.f - b.f || a.m - b.m);

  const {labels, raw, choice, fittedOn, restarts, seed} = clusterCustomers(cols, FEATURES, options);
  const portraits = clusterPortraitsFlat(raw, labels, {features: FEATURES.map((f) => f.feature)});
  const used = new Set<string>();
  const members = rowsBy(cols.size, portraits.length, (i) => labels[i]);
  const clusters: ClusterProfileSummary[] = portraits.map((p) => {
    const mine = members[p.cluster];
    const segmentCounts = new Int32Array(SEGMENT_RULES.length);
    for (let j = 0; j < mine.length; j++) segmentCounts[segmentOf[mine[j]]]++;
    const summary = summarise(cols, mine, scheme, everyone, scratch);
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
      segments: SEGMENT_RULES.map((s, g) => ({segment: s.id, label: s.labels, customers: segmentCounts[g]}))
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
