/**
 * Choosing k from a Ward dendrogram: the tree has exactly k branches for cut heights between the
 * merge that leaves k groups (height h_k) and the next merge (h_{k−1}). The longer that band
 * relative to its floor — the larger the jump h_{k−1} / h_k — the more the data resist merging k
 * groups into k − 1: the classic "cut where the vertical lines are longest", made scale-free.
 *
 * Rule: among k = kMin..kMax whose groups are all sizeable (every group holds at least `minShare`
 * of the rows — a group too small to target is of no use to act on), the k with the largest
 * relative jump. When no k qualifies, the largest jump over all k.
 */
import type {Linkage} from "./ward.ts";
import {formats} from "../../src/components/format.ts";
import type {Text} from "../../src/components/i18n.ts";

export interface TreeBand {
  k: number;
  /** Merge height that leaves k groups, and the next merge's (the band where there are k). */
  lo: number;
  hi: number;
  /** hi / lo − 1: how much the merge height rises to go from k to k − 1 groups. */
  rise: number;
  /** Smallest group's share of the rows in the k-group solution. */
  smallestShare: number;
  sizeable: boolean;
}

export interface TreeKChoice {
  k: number;
  bands: TreeBand[];
  minShare: number;
  reason: Text;
}

export interface TreeKOptions {
  kMin?: number;
  kMax?: number;
  /** Smallest share of rows a group may hold. Default 0.05. */
  minShare?: number;
  /** Smallest group's share of the rows for each k (of the groups actually used). */
  smallestShare: (k: number) => number;
  /** What a row is, for the reason (e.g. "members"; in Russian in the genitive plural, «клиентов»). Default "rows". */
  unit?: string | Text;
}

const pct = (x: number) => `${(100 * x).toFixed(0)}%`;

export function chooseKFromTree(Z: Linkage, {kMin = 2, kMax = 8, minShare = 0.05, smallestShare, unit = "rows"}: TreeKOptions): TreeKChoice {
  const n = Z.length + 1;
  const top = Math.min(kMax, n - 1);
  if (top < kMin) throw new Error(`chooseKFromTree: no k in ${kMin}..${kMax} fits ${n} rows`);
  const bands: TreeBand[] = [];
  for (let k = kMin; k <= top; k++) {
    const lo = Z[n - k - 1][2];
    const hi = Z[n - k][2];
    const smallest = smallestShare(k);
    bands.push({k, lo, hi, rise: lo > 0 ? hi / lo - 1 : Infinity, smallestShare: smallest, sizeable: smallest >= minShare});
  }
  const byRise = (a: TreeBand, b: TreeBand) => b.rise - a.rise || a.k - b.k;
  const eligible = bands.filter((b) => b.sizeable).sort(byRise);
  const best = eligible[0] ?? bands.slice().sort(byRise)[0];
  const runner = (eligible.length ? eligible : bands.slice().sort(byRise)).find((b) => b !== best);
  const units = typeof unit === "string" ? {en: unit, ru: unit === "rows" ? "строк" : unit} : unit;
  let en = `${best.k} groups: going from ${best.k} to ${best.k - 1} groups raises the Ward merge height by ${pct(best.rise)} (from ${best.lo.toFixed(1)} to ${best.hi.toFixed(1)}), the largest jump among k = ${kMin}–${top}`;
  en += eligible.length
    ? ` whose groups each hold at least ${pct(minShare)} of ${units.en}${runner ? ` (next: k = ${runner.k}, ${pct(runner.rise)})` : ""}.`
    : `; no k keeps every group at ${pct(minShare)} of ${units.en} or more.`;
  const f = formats("ru");
  const pctRu = (x: number) => f.pct(x, 0);
  let ru = `${f.plural(best.k, "группа", "группы", "групп")}: переход от ${best.k} к ${best.k - 1} ${best.k - 1 === 1 ? "группе" : "группам"} поднимает высоту слияния Уорда на ${pctRu(best.rise)} (с ${f.fixed(best.lo, 1)} до ${f.fixed(best.hi, 1)}) — самый большой скачок среди k = ${kMin}–${top}`;
  ru += eligible.length
    ? `, при которых в каждой группе не меньше ${pctRu(minShare)} ${units.ru}${runner ? ` (следующий: k = ${runner.k}, ${pctRu(runner.rise)})` : ""}.`
    : `; ни при одном k каждая группа не составляет ${pctRu(minShare)} ${units.ru} или больше.`;
  return {k: best.k, bands, minShare, reason: {en, ru}};
}
