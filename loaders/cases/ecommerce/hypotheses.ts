/**
 * Hypotheses on order value and order frequency across segments, profiles and categories.
 * Money per order is right-skewed (a few large orders) and orders per customer are small counts
 * with many ties, so every comparison is by ranks: Kruskal–Wallis for three or more groups,
 * Mann–Whitney U for two, chi-square for the share who come back. Effect sizes: epsilon² for
 * Kruskal–Wallis, rank-biserial r for Mann–Whitney, Cramér's V for chi-square (loaders/stats).
 *
 *   main family   one question per test, Holm-corrected (familywise error ≤ α)
 *   post hoc      order value of each main category against all other orders, Benjamini–Hochberg
 *   sensitivity   the order-value questions again with wholesale lines included
 */
import {chiSquareTest, correctFamily, kruskalWallis, mannWhitneyU} from "../../stats/index.ts";
import type {TestResult} from "../../stats/types.ts";
import type {HypothesisReport} from "../../report/types.ts";
import {categoryLabel} from "./categories.ts";
import type {CustomerProfile, OrderRow} from "./customers.ts";
import {ANALYSIS_CATEGORIES} from "./tables.ts";
import {segmentLabel} from "./rfm.ts";

/** A test with its id, a short chart label and the answer to its question in words: "No evidence", "Yes", or for a
 * two-group comparison "Yes: " + which way the difference goes (from the sign of the effect, never from the question). */
export type EcomTest = HypothesisReport["tests"][number] & {id: string; short: string; answer: string};

export interface EcomHypothesisReport extends Omit<HypothesisReport, "tests"> {
  tests: EcomTest[];
}

export interface HypothesesReport {
  main: EcomHypothesisReport;
  posthoc: EcomHypothesisReport;
  /** The order-value tests with wholesale lines included (ranks make them robust; this shows it). */
  sensitivity: {id: string; question: string; pWithout: number; pWith: number; effectWithout: number; effectWith: number; effectName: string; sameDecision: boolean}[];
  /** Groups smaller than this are left out of a test (and said so). */
  minGroup: number;
  notes: string[];
}

const RANKS_WHY = "Order values are right-skewed (a few large orders pull the mean), so groups are compared by ranks rather than means.";
const COUNTS_WHY = "Orders per customer are small whole numbers with many ties, so groups are compared by ranks (tie-corrected).";

interface Spec {
  id: string;
  /** A few words for chart labels. */
  short: string;
  field: string;
  /** Asked two-sided ("does … differ"): the answer says which way. */
  question: string;
  /** Two-group tests: the answer when the first group tends to be larger (rank-biserial r > 0) and when smaller. */
  direction?: Direction;
  run: () => TestResult;
}

export interface Direction {
  higher: string;
  lower: string;
}

/** The answer to a test's question after correction: it follows the adjusted decision and, for two groups, the sign of the effect. */
export function answerOf(test: Pick<TestResult, "rejectAdjusted" | "reject" | "effect">, direction?: Direction): string {
  const reject = test.rejectAdjusted ?? test.reject;
  if (!reject) return "No evidence";
  if (!direction) return "Yes";
  return `Yes: ${test.effect.value > 0 ? direction.higher : direction.lower}`;
}

function family(specs: Spec[], correction: "holm" | "bh", alpha: number): EcomHypothesisReport {
  const results = specs.map((s) => s.run());
  const corrected = correctFamily(results, correction);
  const tests = corrected.map((r, i) => ({...r, field: specs[i].field, kind: "continuous" as const, question: specs[i].question, id: specs[i].id, short: specs[i].short,
    answer: answerOf(r, specs[i].direction)}));
  return {
    correction, correctionName: correction === "holm" ? "Holm" : "Benjamini–Hochberg", alpha, tests,
    significant: tests.filter((t) => t.rejectAdjusted).length,
    significantUncorrected: tests.filter((t) => t.reject).length
  };
}

function groupsOf<T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => number, order: readonly string[], minGroup: number) {
  const map = new Map<string, number[]>();
  for (const r of rows) {
    const k = key(r);
    if (!map.has(k)) map.set(k, []);
    map.get(k)!.push(value(r));
  }
  const kept = order.filter((k) => (map.get(k)?.length ?? 0) >= minGroup);
  const dropped = order.filter((k) => (map.get(k)?.length ?? 0) > 0 && !kept.includes(k));
  return {keys: kept, samples: kept.map((k) => map.get(k)!), dropped};
}

export interface HypothesisInputs {
  customers: readonly CustomerProfile[];
  orders: readonly OrderRow[];
  ordersWithWholesale: readonly OrderRow[];
  /** Cluster index per customer (same order as customers) and cluster names. */
  clusterOf: readonly number[];
  clusterNames: readonly string[];
}

export function hypothesesReport({customers, orders, ordersWithWholesale, clusterOf, clusterNames}: HypothesisInputs, {alpha = 0.05, minGroup = 20} = {}): HypothesesReport {
  const notes: string[] = [];
  const catOrder = ANALYSIS_CATEGORIES as readonly string[];
  const kw = (samples: number[][], labels: string[], variable: string, groupVariable: string, why: string) => {
    const r = kruskalWallis(samples, {variable, groupVariable, labels, alpha});
    return {...r, chosenBecause: `${why} One test for all ${labels.length} groups, rather than many pairwise ones.`};
  };
  const mw = (a: number[], b: number[], labels: [string, string], variable: string, why: string) => {
    const r = mannWhitneyU(a, b, {variable, labels, alpha});
    return {...r, chosenBecause: `${why} With two groups, Mann–Whitney U compares their distributions.`};
  };
  const note = (what: string, dropped: string[], label: (k: string) => string) => {
    if (dropped.length) notes.push(`${what}: ${dropped.map(label).join(", ")} left out (fewer than ${minGroup} in the group).`);
  };

  const byCustomerIndex = customers.map((c, i) => ({c, cluster: String(clusterOf[i])}));
  const clusterOrder = clusterNames.map((_, i) => String(i));
  const aovByCluster = groupsOf(byCustomerIndex, (x) => x.cluster, (x) => x.c.aov, clusterOrder, minGroup);
  const ordersByCluster = groupsOf(byCustomerIndex, (x) => x.cluster, (x) => x.c.orders, clusterOrder, minGroup);
  note("Profiles", aovByCluster.dropped, (k) => clusterNames[Number(k)]);

  const valueByCategory = (rows: readonly OrderRow[]) => groupsOf(rows, (o) => o.mainCategory, (o) => o.revenue, catOrder, minGroup);
  const orderCats = valueByCategory(orders);
  note("Order main categories", orderCats.dropped, (k) => categoryLabel[k as keyof typeof categoryLabel]);
  const freqByFirst = groupsOf(customers, (c) => c.firstCategory, (c) => c.orders, catOrder, minGroup);
  note("First-order categories", freqByFirst.dropped, (k) => categoryLabel[k as keyof typeof categoryLabel]);
  const firstKept = new Set(freqByFirst.keys);
  const returned = customers.filter((c) => c.orders >= 2);
  const once = customers.filter((c) => c.orders === 1);
  const loyal = customers.filter((c) => c.segment === "loyal");
  const atRisk = customers.filter((c) => c.segment === "at-risk");
  const label = (k: string) => categoryLabel[k as keyof typeof categoryLabel];

  const specs: Spec[] = [
    {id: "aov-profile", short: "order value × profile", field: "aov", question: "Does the average order value differ between consumption profiles?",
      run: () => kw(aovByCluster.samples, aovByCluster.keys.map((k) => clusterNames[Number(k)]), "average order value", "consumption profile", RANKS_WHY)},
    {id: "frequency-profile", short: "orders × profile", field: "orders", question: "Does the number of orders per customer differ between consumption profiles?",
      run: () => kw(ordersByCluster.samples, ordersByCluster.keys.map((k) => clusterNames[Number(k)]), "orders per customer", "consumption profile", COUNTS_WHY)},
    {id: "value-category", short: "order value × category", field: "orderValue", question: "Does the order value differ between the main categories of orders?",
      run: () => kw(orderCats.samples, orderCats.keys.map(label), "order value", "main category of the order", RANKS_WHY)},
    {id: "frequency-first-category", short: "orders × first category", field: "orders", question: "Does the number of orders differ by the category of the customer's first order?",
      run: () => kw(freqByFirst.samples, freqByFirst.keys.map(label), "orders per customer", "category of the first order", COUNTS_WHY)},
    {id: "return-first-category", short: "ordering again × first category", field: "returned", question: "Does the share of customers who order again differ by the category of their first order?",
      run: () => {
        const rows = customers.filter((c) => firstKept.has(c.firstCategory));
        const r = chiSquareTest(rows.map((c) => label(c.firstCategory)), rows.map((c) => (c.orders >= 2 ? "ordered again" : "one order")),
          {rowVariable: "category of the first order", columnVariable: "ordering again", alpha});
        return {...r, chosenBecause: "Ordering again is yes/no and the first-order category has several levels, so the shares are compared in a contingency table."};
      }},
    {id: "first-value-return", short: "first order: returners vs not", field: "firstOrderValue",
      question: "Does the first order of customers who come back differ in value from the first order of those who do not?",
      direction: {higher: "larger for those who come back", lower: "smaller for those who come back"},
      run: () => mw(returned.map((c) => c.firstOrderValue), once.map((c) => c.firstOrderValue), ["ordered again", "one order"], "first order value", RANKS_WHY)}
  ];
  if (loyal.length >= minGroup && atRisk.length >= minGroup) {
    specs.push({id: "aov-loyal-at-risk", short: `order value: ${segmentLabel["at-risk"]} vs ${segmentLabel.loyal}`, field: "aov",
      question: `Do repeat buyers of the ${segmentLabel["at-risk"]} segment spend a different amount per order than those of the ${segmentLabel.loyal} segment?`,
      direction: {higher: `${segmentLabel["at-risk"]} customers spend more per order`, lower: `${segmentLabel["at-risk"]} customers spend less per order`},
      run: () => mw(atRisk.map((c) => c.aov), loyal.map((c) => c.aov), [segmentLabel["at-risk"], segmentLabel.loyal], "average order value", RANKS_WHY)});
  } else notes.push(`The ${segmentLabel["at-risk"]} vs ${segmentLabel.loyal} comparison is left out: a segment has fewer than ${minGroup} customers.`);
  const main = family(specs, "holm", alpha);

  const post: Spec[] = orderCats.keys.map((k) => ({
    id: `value-${k}-vs-rest`, short: `${label(k)} vs other orders`, field: "orderValue",
    question: `Do orders whose main category is ${label(k)} differ in value from other orders?`,
    direction: {higher: "larger", lower: "smaller"},
    run: () => mw(orders.filter((o) => o.mainCategory === k).map((o) => o.revenue), orders.filter((o) => o.mainCategory !== k).map((o) => o.revenue),
      [`${label(k)} orders`, "other orders"], "order value", RANKS_WHY)
  }));
  const posthoc = family(post, "bh", alpha);

  const withW = valueByCategory(ordersWithWholesale);
  const sens = [
    {id: "value-category", question: main.tests.find((t) => t.id === "value-category")!.question,
      without: main.tests.find((t) => t.id === "value-category")!, with: kw(withW.samples, withW.keys.map(label), "order value", "main category of the order", RANKS_WHY)},
    ...posthoc.tests.map((t) => {
      const k = t.id.replace(/^value-/, "").replace(/-vs-rest$/, "");
      return {id: t.id, question: t.question, without: t,
        with: mw(ordersWithWholesale.filter((o) => o.mainCategory === k).map((o) => o.revenue), ordersWithWholesale.filter((o) => o.mainCategory !== k).map((o) => o.revenue),
          [`${label(k)} orders`, "other orders"], "order value", RANKS_WHY)};
    })
  ];
  const sensitivity = sens.map((s) => ({
    id: s.id, question: s.question, pWithout: s.without.pValue, pWith: s.with.pValue,
    effectWithout: s.without.effect.value, effectWith: s.with.effect.value, effectName: s.without.effect.name,
    sameDecision: (s.without.pValue < alpha) === (s.with.pValue < alpha)
  }));
  return {main, posthoc, sensitivity, minGroup, notes};
}
