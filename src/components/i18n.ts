/**
 * The report's two languages. Every text a reader sees exists in English and Russian:
 *  - prose typed in a page: its source (pages/<case>/<page>.md) holds both, in `::: en` / `::: ru`
 *    blocks (scripts/editions.ts writes one page per language from it);
 *  - text in a page's code or a component: `tr({en: "Churn rate", ru: "Доля ушедших"})`;
 *  - text a loader writes into an artifact (findings, conclusions, reasons): a `Text`, both
 *    languages at once, which the page shows with `tr(text)`.
 * Loaders write both languages so one run of the analysis serves both editions.
 *
 * The page's language is its `<html lang>` attribute (scripts/build.ts sets it in every page of
 * the Russian edition; observablehq.config.ts sets it while a page loads, for `npm run dev`). In
 * Node (loaders, tests) it is English unless a caller passes a language. (format.ts makes d3's
 * default number and time formats Russian on a Russian page.)
 */

export type Lang = "en" | "ru";
export const languages: Lang[] = ["en", "ru"];

/** A text in both languages, as loaders write it into artifacts. */
export interface Text {
  en: string;
  ru: string;
}

/** A noun's forms for counting: English singular and plural; Russian for 1, 2–4 and 5+
 *  ({en: ["customer", "customers"], ru: ["клиент", "клиента", "клиентов"]}). */
export interface Noun {
  en: [string, string];
  ru: [string, string, string];
}

/** The language of the page being shown (its `<html lang>`); "en" outside a browser. */
export const pageLang: Lang =
  typeof document !== "undefined" && document.documentElement?.lang === "ru" ? "ru" : "en";

export function isText(x: unknown): x is Text {
  return typeof x === "object" && x !== null && typeof (x as Text).en === "string" && typeof (x as Text).ru === "string";
}

/** A text in the page's language. A plain string (an export's own header or label, a name) is
 *  shown as it is; null and undefined give "". */
export function tr(text: Text | string | number | null | undefined, lang: Lang = pageLang): string {
  if (text === null || text === undefined) return "";
  if (typeof text === "string") return text;
  if (typeof text === "number") return String(text);
  return text[lang];
}

/** The same text in both languages: for a name that is not translated (a column header, "ROC-AUC"). */
export const same = (s: string): Text => ({en: s, ru: s});

/** Builds a Text from one function called once per language: both((lang) => …). */
export function both(make: (lang: Lang) => string): Text {
  return {en: make("en"), ru: make("ru")};
}

const russianPlural = new Intl.PluralRules("ru");

/** The form of a noun for a count: nounFor(3, customer, "ru") → "клиента". */
export function nounFor(n: number, noun: Noun, lang: Lang = pageLang): string {
  if (lang === "en") return Math.abs(n) === 1 ? noun.en[0] : noun.en[1];
  const rule = russianPlural.select(Math.abs(n));
  return rule === "one" ? noun.ru[0] : rule === "few" || rule === "other" ? noun.ru[1] : noun.ru[2];
}

/** A copy of an artifact with every Text in it replaced by the page's language (plain strings
 *  stay): for a page to hand an artifact to components that draw strings. */
export function localized<T>(value: T, lang: Lang = pageLang): Localized<T> {
  const walk = (x: unknown): unknown =>
    isText(x) ? x[lang] : Array.isArray(x) ? x.map(walk) : x !== null && typeof x === "object" ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v)])) : x;
  return walk(value) as Localized<T>;
}

/** The type of `localized(x)`: Text fields become strings. */
export type Localized<T> = T extends Text ? string : T extends (infer U)[] ? Localized<U>[] : T extends object ? {[K in keyof T]: Localized<T[K]>} : T;
