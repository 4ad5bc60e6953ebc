/**
 * The shared analysis (exploration, models, clusters, tests) labels what it reports with the
 * fitness vocabulary's English words: feature labels, level labels, the target's words, group
 * names built from the features' "high"/"low" words. `localizeLabels` gives each such label both
 * languages, from the vocabulary's Russian (`russianWords`, fitness/features.ts): a label the
 * vocabulary knows becomes a Text `{en, ru}`; the English stays exactly as it was. Only the keys
 * that hold labels are touched (never `field`, `feature` or `term`, which code matches on), and a
 * label the vocabulary does not know (an export's own value) stays a plain string, shown as found, and
 * so does a label whose Russian is the same (a level "1" of a column coded 0/1).
 *
 * A group's name is a list of words ("long-standing, frequent visitors", "leaning to older",
 * "average on every feature", a repeated name numbered "… (2)"): translated word by word.
 */
import {isText, tr, type Text} from "../../../src/components/i18n.ts";

/** Keys whose string values are labels (arrays of strings under "labels"). */
const LABEL_KEYS = new Set(["label", "labels", "aLabel", "bLabel", "partnerLabel", "sourceLabel", "variable", "positive", "negative", "question", "words"]);
/** Keys whose values are group names. */
const NAME_KEYS = new Set(["name", "groupName"]);

/** A group name in Russian, or null when one of its words is not in the vocabulary. */
export function russianName(name: string, words: ReadonlyMap<string, string>): string | null {
  if (name === "average on every feature") return "средние по всем признакам";
  const numbered = /^(.*) \((\d+)\)$/.exec(name);
  if (numbered) {
    const base = russianName(numbered[1], words);
    return base === null ? null : `${base} (${numbered[2]})`;
  }
  const leaning = name.startsWith("leaning to ");
  const parts = (leaning ? name.slice("leaning to ".length) : name).split(", ").map((w) => words.get(w));
  if (parts.some((p) => p === undefined)) return null;
  return `${leaning ? "скорее " : ""}${parts.join(", ")}`;
}

function both(en: string, ru: string | null | undefined): Text | string {
  return ru && ru !== en ? {en, ru} : en;
}

/** A copy of `value` whose labels and group names are Texts wherever the vocabulary knows them. */
export function localizeLabels<T>(value: T, words: ReadonlyMap<string, string>): T {
  const walk = (x: unknown, key: string | null): unknown => {
    if (typeof x === "string") {
      if (key !== null && LABEL_KEYS.has(key)) return both(x, words.get(x));
      if (key !== null && NAME_KEYS.has(key)) return both(x, russianName(x, words));
      return x;
    }
    if (Array.isArray(x)) return x.map((v) => walk(v, key === "labels" ? "label" : null));
    // A Text the shared analysis wrote without a Russian of its own (both languages alike): translated the same way.
    if (isText(x)) return x.en === x.ru && key !== null ? {en: x.en, ru: tr(walk(x.en, key) as Text | string, "ru")} : x;
    if (x === null || typeof x !== "object") return x;
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, walk(v, k)]));
  };
  return walk(value, null) as T;
}
