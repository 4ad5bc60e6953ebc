/**
 * Cluster report for any case with a binary target: groups of rows from k-means on standardised
 * features, with k read off a Ward dendrogram of the same features.
 *
 * - Ward linkage (nearest-neighbour chain, loaders/cluster) on z-scored features, drawn as a
 *   truncated dendrogram: the chart that chooses k. Rule (loaders/cluster/treeK.ts): among
 *   k = kMin..kMax whose k-means groups each hold at least `minShare` of the rows, the k with the
 *   largest relative jump in merge height from k to k − 1 groups.
 * - For EVERY k a k-means solution (seeded, `nInit` restarts, the lowest inertia kept) is
 *   precomputed (the page's k selector switches between them), with its within-group sum of
 *   squares and mean silhouette; portraits (mean, median, standardised difference per feature),
 *   the target rate with a 95% Wilson interval, and a name derived from the most distinctive
 *   standardised differences (|d| ≥ minDifference; a group without any is named by its strongest
 *   ones, "leaning to …") (FeatureSpec high/low words; a feature strongly correlated with one
 *   already named is skipped, so "long contracts" is not repeated as "many months left"). Groups
 *   are numbered by decreasing target rate.
 */
import {chooseKFromTree, clusterPortraits, dendrogramLayout, fitKMeans, silhouetteScores, standardize, wardLinkage, type Linkage} from "../cluster/index.ts";
import {correlationMatrixOfColumns} from "../stats/index.ts";
import {wilson} from "./intervals.ts";
import type {ClusterProfile, ClusterReport, ClusterSolution, FeatureSpec} from "./types.ts";
import {featureText, featureWord} from "./labels.ts";
import type {Text} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";

type Profile = Omit<ClusterProfile, "name" | "names" | "distinctive"> & {distinctive: (ClusterProfile["distinctive"][number] & {wordsText: Text})[]};

export interface ClusterReportOptions {
  kMin?: number;
  kMax?: number;
  seed?: number;
  /** Leaves of the truncated dendrogram. Default 30. */
  dendrogramLeaves?: number;
  /** |standardised difference| from which a feature counts as distinctive. Default 0.5. */
  minDifference?: number;
  /** Words per name. Default 2. */
  nameWords?: number;
  /**
   * k-means restarts per k (the lowest inertia kept). Default 30: on the gym's 4,000 members × 13
   * features (the seed export and the demo table) 30 restarts reach, at every k = 2..8, the lowest
   * inertia of 50 and of scikit-learn's best of 100; 10 miss it by up to 2%, 20 by 0.25% at k = 8.
   */
  nInit?: number;
  /** Smallest share of rows a group may hold for its k to be chosen. Default 0.05. */
  minShare?: number;
  /** What a row is, for the sentence giving the choice of k (Russian in the genitive plural: «клиентов»). Default "rows". */
  unit?: string | Text;
}

export interface ClusterReportResult {
  report: ClusterReport;
  /** Group of each row (0-based, numbered as in the report) for every k. */
  labelsByK: Map<number, number[]>;
  linkage: Linkage;
}

function words(f: FeatureSpec, difference: number): Text {
  const label = featureText(f);
  const noun = {en: f.short ?? label.en.toLowerCase(), ru: f.ru?.short ?? f.short ?? lowerFirst(label.ru)};
  return difference > 0
    ? featureWord(f, "high", {en: `high ${noun.en}`, ru: `высокий показатель «${noun.ru}»`})
    : featureWord(f, "low", {en: `low ${noun.en}`, ru: `низкий показатель «${noun.ru}»`});
}

const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** Name each cluster from its most distinctive features, skipping near-duplicates; names are unique. */
function nameClusters(clusters: Profile[], features: readonly FeatureSpec[], correlations: number[][], minDifference: number, nameWords: number): Text[] {
  const index = new Map(features.map((f, j) => [f.field, j]));
  const names = clusters.map((c) => {
    const picked: number[] = [];
    for (const d of c.distinctive) {
      const j = index.get(d.feature)!;
      if (picked.some((p) => Math.abs(correlations[p][j]) >= 0.7)) continue;
      picked.push(j);
    }
    return picked;
  });
  const text = (c: Profile, picked: number[], n: number): Text => {
    const parts = picked.slice(0, n).map((j) => c.distinctive.find((d) => d.feature === features[j].field)!.wordsText);
    if (!parts.length) return {en: "average on every feature", ru: "средние по всем признакам"};
    const en = parts.map((p) => p.en).join(", "), ru = parts.map((p) => p.ru).join(", ");
    return c.distinctive[0].strong ? {en, ru} : {en: `leaning to ${en}`, ru: `скорее ${ru}`};
  };
  const count = clusters.map(() => nameWords);
  let out = clusters.map((c, i) => text(c, names[i], count[i]));
  for (let round = 0; round < features.length; round++) {
    const seen = new Map<string, number[]>();
    out.forEach((n, i) => seen.set(n.en, [...(seen.get(n.en) ?? []), i]));
    const clashes = [...seen.values()].filter((ids) => ids.length > 1);
    if (!clashes.length) break;
    let grew = false;
    for (const ids of clashes) for (const i of ids) if (count[i] < names[i].length) { count[i]++; grew = true; }
    out = clusters.map((c, i) => text(c, names[i], count[i]));
    if (!grew) break;
  }
  // Still equal (nothing left to add): number them.
  const used = new Map<string, number>();
  return out.map((n) => {
    const k = (used.get(n.en) ?? 0) + 1;
    used.set(n.en, k);
    return k > 1 ? {en: `${n.en} (${k})`, ru: `${n.ru} (${k})`} : n;
  });
}

export function clusterReport(X: readonly number[][], features: readonly FeatureSpec[], target: readonly number[], options: ClusterReportOptions = {}): ClusterReportResult {
  const {kMin = 2, kMax = 8, seed = 42, dendrogramLeaves = 30, minDifference = 0.5, nameWords = 2, nInit = 30, minShare = 0.05, unit = "rows"} = options;
  const n = X.length;
  const {X: Z} = standardize(X);
  const ks = Array.from({length: Math.max(0, Math.min(kMax, n - 1) - kMin + 1)}, (_, i) => kMin + i);
  if (!ks.length) throw new Error(`clusterReport: no k in ${kMin}..${kMax} fits ${n} rows`);
  const fits = ks.map((k) => fitKMeans(Z, {k, nInit, seed: seed + k}));
  const silhouettes = silhouetteScores(Z, fits.map((f) => f.labels), {seed});
  const linkage = wardLinkage(Z);
  const smallestShare = (k: number) => {
    const sizes = new Array<number>(k).fill(0);
    for (const l of fits.find((f) => f.k === k)!.labels) sizes[l]++;
    return Math.min(...sizes) / n;
  };
  const choice = chooseKFromTree(linkage, {kMin, kMax, minShare, smallestShare, unit});
  const layout = dendrogramLayout(linkage, {p: dendrogramLeaves});
  const correlations = correlationMatrixOfColumns(features.map((_, j) => X.map((r) => r[j])));
  const overallTargetRate = target.reduce((a, b) => a + b, 0) / n;
  const labelsByK = new Map<number, number[]>();

  const solutions: ClusterSolution[] = fits.map((fit, f) => {
    const score = {k: fit.k, silhouette: silhouettes[f].score, inertia: fit.inertia};
    const raw = fit.labels;
    const portraits = clusterPortraits(X, raw, {features: features.map((f) => f.field), target});
    // Number groups by decreasing target rate (ties: larger first, then original label).
    const order = portraits.slice().sort((a, b) => b.targetRate! - a.targetRate! || b.size - a.size || a.cluster - b.cluster);
    const renumber = new Map(order.map((p, i) => [p.cluster, i]));
    labelsByK.set(score.k, raw.map((l) => renumber.get(l)!));
    const profiles = order.map((p, i) => {
      const positives = Math.round(p.targetRate! * p.size);
      const feats = p.features.map((fp, j) => ({...fp, label: features[j].label, labels: featureText(features[j])}));
      const ranked = feats
        .map((fp, j) => {
          const w = words(features[j], fp.standardisedDifference);
          return {feature: fp.feature, label: fp.label, labels: fp.labels, difference: fp.standardisedDifference, words: w.en, wordsText: w};
        })
        .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.feature.localeCompare(b.feature));
      // Distinctive: |difference| ≥ minDifference; a group with none is described by its
      // strongest (weaker) differences, its name starts "leaning to".
      const strong = ranked.filter((d) => Math.abs(d.difference) >= minDifference).map((d) => ({...d, strong: true}));
      const distinctive = strong.length ? strong : ranked.filter((d) => Math.abs(d.difference) > 0).slice(0, nameWords + 2).map((d) => ({...d, strong: false}));
      return {cluster: i, size: p.size, share: p.share, targetRate: wilson(positives, p.size), targetCount: positives, features: feats, distinctive};
    });
    const names = nameClusters(profiles, features, correlations, minDifference, nameWords);
    return {k: score.k, silhouette: score.silhouette, inertia: score.inertia, clusters: profiles.map((p, i) => ({...p, name: names[i].en, names: names[i]}))};
  });

  const report: ClusterReport = {
    method: {en: `k-means (${nInit} seeded restarts) on standardised features`, ru: `метод k-средних (${formats("ru").plural(nInit, "запуск", "запуска", "запусков")} с заданными начальными значениями генератора) на стандартизованных признаках`},
    features: features.map((f) => ({feature: f.field, label: f.label, labels: featureText(f)})),
    n,
    dendrogram: {
      segments: layout.segments.map(({x1, y1, x2, y2}) => ({x1, y1, x2, y2})),
      leaves: layout.leaves.map(({x, size}) => ({x, size})),
      maxHeight: layout.maxHeight
    },
    kChoice: {bands: choice.bands, minShare: choice.minShare},
    scores: solutions.map(({k, silhouette, inertia}) => ({k, silhouette, inertia})),
    chosenK: choice.k,
    reason: choice.reason,
    solutions,
    overallTargetRate,
    distinctiveThreshold: minDifference
  };
  return {report, labelsByK, linkage};
}
