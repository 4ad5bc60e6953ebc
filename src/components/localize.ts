/**
 * A case's own words in the page's language. A loader that names things in English (feature
 * labels, segment names, target classes) writes `ru`, a dictionary English → Russian, into its
 * artifact; `localize(artifact)` returns the artifact with every string that is a key of the
 * dictionary replaced by its Russian form on a Russian page (unchanged on an English one). Equal
 * labels stay equal, so a page or component matching one value against another still works.
 *
 *   const seg = localize(await FileAttachment("../data/one-click/segments.json").json());
 */
import {pageLang, tr, type Lang, type Text} from "./i18n.js";

type Words = Record<string, string>;

/** Fields that hold code values, never shown as words (a model's hyperparameters: scaler "standard"). */
const codeValues = new Set(["params"]);

function swap(x: unknown, words: Words): unknown {
  if (typeof x === "string") return Object.prototype.hasOwnProperty.call(words, x) ? words[x] : x;
  if (Array.isArray(x)) return x.map((v) => swap(v, words));
  if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, codeValues.has(k) ? v : swap(v, words)]));
  return x;
}

export function localize<T>(artifact: T & {ru?: Words}, lang: Lang = pageLang): T {
  const words = artifact?.ru;
  if (lang !== "ru" || !words) return artifact;
  return swap(artifact, words) as T;
}

/** A word of a case's dictionary in the page's language: `word("declined", words)`. */
export function word(x: string, words: Words | undefined, lang: Lang = pageLang): string {
  return lang === "ru" && words && Object.prototype.hasOwnProperty.call(words, x) ? words[x] : x;
}

/**
 * Names of tests, effect sizes and their magnitudes as the report's statistics layer writes them
 * (English strings, or Text once that layer writes both languages), in the page's language.
 */
const statRu: Record<string, string> = {
  negligible: "пренебрежимо малый", small: "малый", medium: "средний", large: "большой",
  "Cohen's d": "d Коэна", "Cohen's h": "h Коэна", "Cramér's V": "V Крамера", "rank-biserial r": "рангово-бисериальный r",
  "Welch t-test": "t-критерий Уэлча", "Mann–Whitney U test": "критерий Манна — Уитни",
  "chi-square test of independence": "критерий хи-квадрат на независимость",
  "chi-square test of independence with Yates' correction": "критерий хи-квадрат на независимость с поправкой Йейтса"
};

export function statWord(x: string | Text, lang: Lang = pageLang): string {
  if (typeof x !== "string") return tr(x, lang);
  return lang === "ru" ? statRu[x] ?? x : x;
}
