/**
 * Choosing the number of clusters from the data: fit k = kMin..kMax (k-means with restarts), score
 * each by mean silhouette (exact up to 10,000 rows, else a seeded sample) and pick the best, with a
 * sentence saying why. (Fitness reads k off its Ward tree instead: loaders/cluster/treeK.ts.)
 */
import type {Text} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";
import {type Matrix} from "./matrix.ts";
import {fitKMeans} from "./kmeans.ts";
import {silhouetteScores, type SilhouetteOptions} from "./silhouette.ts";

export interface KScore {
  k: number;
  silhouette: number;
  /** Within-cluster sum of squares (k-means inertia). */
  inertia: number;
  labels: number[];
}

export interface ChooseKOptions extends SilhouetteOptions {
  kMin?: number;
  kMax?: number;
  /** k-means restarts. Default 10. */
  nInit?: number;
  seed?: number;
}

export interface KChoice {
  k: number;
  reason: Text;
  scores: KScore[];
}

/** Within-cluster sum of squared distances to the cluster means. */
export function withinSumOfSquares(X: Matrix, labels: readonly number[]): number {
  const d = X.length ? X[0].length : 0;
  const sums = new Map<number, {n: number; s: number[]}>();
  X.forEach((row, i) => {
    const g = sums.get(labels[i]) ?? {n: 0, s: new Array(d).fill(0)};
    g.n++;
    row.forEach((v, j) => (g.s[j] += v));
    sums.set(labels[i], g);
  });
  let total = 0;
  X.forEach((row, i) => {
    const g = sums.get(labels[i])!;
    row.forEach((v, j) => (total += (v - g.s[j] / g.n) ** 2));
  });
  return total;
}

export function scanK(X: Matrix, {kMin = 2, kMax = 8, nInit = 10, seed = 42, ...silhouette}: ChooseKOptions = {}): KScore[] {
  const ks = Array.from({length: Math.max(0, Math.min(kMax, X.length - 1) - kMin + 1)}, (_, i) => kMin + i);
  if (!ks.length) throw new Error(`chooseK: no k in ${kMin}..${kMax} fits ${X.length} rows`);
  const fits = ks.map((k) => {
    const m = fitKMeans(X, {k, nInit, seed: seed + k});
    return {k, labels: m.labels, inertia: m.inertia};
  });
  const sil = silhouetteScores(X, fits.map((f) => f.labels), {seed, ...silhouette});
  return fits.map((f, i) => ({...f, silhouette: sil[i].score}));
}

export function chooseK(X: Matrix, options: ChooseKOptions = {}): KChoice {
  const scores = scanK(X, options);
  const ranked = [...scores].sort((a, b) => b.silhouette - a.silhouette || a.k - b.k);
  const best = ranked[0];
  const runner = ranked[1];
  const fmt = (x: number) => x.toFixed(3);
  const fmtRu = (x: number) => formats("ru").fixed(x, 3);
  const range = `${scores[0].k}–${scores[scores.length - 1].k}`;
  let en = `Among k = ${range} (k-means), k = ${best.k} has the highest mean silhouette (${fmt(best.silhouette)})`;
  en += runner ? `, ahead of k = ${runner.k} (${fmt(runner.silhouette)}).` : ".";
  let ru = `Среди k = ${range} (метод k-средних) у k = ${best.k} наибольший средний силуэт (${fmtRu(best.silhouette)})`;
  ru += runner ? `, следом идёт k = ${runner.k} (${fmtRu(runner.silhouette)}).` : ".";
  if (best.silhouette < 0.25) {
    en += " Silhouettes this low mean the groups overlap: treat them as segments of a continuum, not natural types.";
    ru += " Такой низкий силуэт значит, что группы перекрываются: это участки непрерывной шкалы, а не естественные типы.";
  } else if (best.silhouette > 0.5) {
    en += " A silhouette above 0.5 indicates well-separated groups.";
    ru += " Силуэт выше 0,5 говорит о хорошо разделённых группах.";
  }
  return {k: best.k, reason: {en, ru}, scores};
}
