/**
 * Effect sizes and their conventional magnitudes.
 * - Cohen's d (pooled sd): 0.2 small, 0.5 medium, 0.8 large (Cohen 1988).
 * - rank-biserial r, |r|: 0.1 / 0.3 / 0.5 (Cohen's thresholds for r).
 * - Cramér's V: Cohen's w thresholds 0.1 / 0.3 / 0.5 divided by sqrt(min(r, c) − 1).
 * - epsilon² (Kruskal–Wallis): 0.01 / 0.06 / 0.14 (the η² conventions, Field 2013).
 * - difference in proportions: judged by Cohen's h = 2·asin√p1 − 2·asin√p2, 0.2 / 0.5 / 0.8.
 */
import type {EffectSize, Magnitude} from "./types.ts";
import {mean, variance} from "./descriptives.ts";
import {both, type Lang} from "../../src/components/i18n.ts";

export function magnitudeOf(value: number, [small, medium, large]: readonly [number, number, number]): Magnitude {
  const v = Math.abs(value);
  if (!(v >= small)) return "negligible";
  if (v < medium) return "small";
  if (v < large) return "medium";
  return "large";
}

const fmtIn = (x: number, lang: Lang) => (lang === "ru" ? String(+x.toFixed(3)).replace(".", ",") : String(+x.toFixed(3)));
const fmt = (x: number) => fmtIn(x, "en");
function thresholds(t: readonly [number, number, number], lang: Lang = "en"): string {
  return lang === "ru"
    ? `${fmtIn(t[0], lang)} — малый, ${fmtIn(t[1], lang)} — средний, ${fmtIn(t[2], lang)} — большой`
    : `${fmt(t[0])} small, ${fmt(t[1])} medium, ${fmt(t[2])} large`;
}

/** Cohen's d of a − b with the pooled standard deviation (n − 1 denominators). */
export function cohensD(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const na = a.length;
  const nb = b.length;
  const pooled = Math.sqrt(((na - 1) * variance(a) + (nb - 1) * variance(b)) / (na + nb - 2));
  return (mean(a) - mean(b)) / pooled;
}

export function cohensDEffect(d: number): EffectSize {
  const t = [0.2, 0.5, 0.8] as const;
  return {name: "Cohen's d", names: {en: "Cohen's d", ru: "d Коэна"}, value: d, magnitude: magnitudeOf(d, t),
    convention: both((lang) => `|d|: ${thresholds(t, lang)} (${lang === "ru" ? "Коэн, 1988" : "Cohen 1988"})`)};
}

/** Rank-biserial correlation from U of the first group: r = 2U₁/(n₁n₂) − 1, positive when the
 *  first group tends to have larger values. */
export function rankBiserial(u1: number, n1: number, n2: number): number {
  return (2 * u1) / (n1 * n2) - 1;
}

/** |r| from which a rank-biserial r is small, medium and large (Cohen's thresholds for r). */
export const RANK_BISERIAL_THRESHOLDS = [0.1, 0.3, 0.5] as const;

export function rankBiserialEffect(r: number): EffectSize {
  const t = RANK_BISERIAL_THRESHOLDS;
  return {name: "rank-biserial r", names: {en: "rank-biserial r", ru: "рангово-бисериальная r"}, value: r, magnitude: magnitudeOf(r, t),
    convention: both((lang) => `|r|: ${thresholds(t, lang)} (${lang === "ru" ? "пороги Коэна для r" : "Cohen's thresholds for r"})`)};
}

export function cramersVEffect(v: number, rows: number, columns: number): EffectSize {
  const k = Math.max(1, Math.min(rows, columns) - 1);
  const t = [0.1 / Math.sqrt(k), 0.3 / Math.sqrt(k), 0.5 / Math.sqrt(k)] as const;
  return {
    name: "Cramér's V", names: {en: "Cramér's V", ru: "V Крамера"},
    value: v,
    magnitude: magnitudeOf(v, t),
    convention: both((lang) => lang === "ru"
      ? (k === 1 ? `${thresholds(t, lang)} (пороги Коэна для таблицы с двумя столбцами)` : `${thresholds(t, lang)} (пороги w Коэна, делённые на √${k}, для таблицы с min(строк, столбцов) − 1 = ${k})`)
      : (k === 1 ? `${thresholds(t)} (Cohen's thresholds for a 2-column table)` : `${thresholds(t)} (Cohen's w thresholds divided by √${k}, for a table with min(rows, columns) − 1 = ${k})`)),
  };
}

/** epsilon² = H / (n − 1) for the Kruskal–Wallis H over n observations (Tomczak & Tomczak 2014). */
export function epsilonSquared(h: number, n: number): number {
  return h / (n - 1);
}

export function epsilonSquaredEffect(e2: number): EffectSize {
  const t = [0.01, 0.06, 0.14] as const;
  return {name: "epsilon²", names: {en: "epsilon²", ru: "эпсилон²"}, value: e2, magnitude: magnitudeOf(e2, t),
    convention: both((lang) => `ε²: ${thresholds(t, lang)} (${lang === "ru" ? "соглашения для η²" : "η² conventions"})`)};
}

export function cohensH(p1: number, p2: number): number {
  return 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2));
}

export function proportionDifferenceEffect(p1: number, p2: number): EffectSize {
  const h = cohensH(p1, p2);
  const t = [0.2, 0.5, 0.8] as const;
  return {
    name: "difference in proportions", names: {en: "difference in proportions", ru: "разность долей"},
    value: p1 - p2,
    magnitude: magnitudeOf(h, t),
    convention: both((lang) => lang === "ru" ? `по h Коэна = ${fmtIn(h, lang)}; |h|: ${thresholds(t, lang)}` : `judged by Cohen's h = ${fmt(h)}; |h|: ${thresholds(t)}`),
  };
}
