/**
 * A feature's and a target's words in both languages, from their specs: the Russian words where a
 * case gives them (`ru`), else the English ones (an export's own header is the same in both).
 *
 *   featureText(spec)          {en: "Age (years)", ru: "Возраст (лет)"}
 *   featureWord(spec, "high")  {en: "older", ru: "старше"}
 */
import type {Text} from "../../src/components/i18n.ts";
import type {FeatureSpec, TargetSpec} from "./types.ts";

/** A feature's label in both languages. */
export function featureText(f: Pick<FeatureSpec, "label"> & {ru?: FeatureSpec["ru"]; labels?: Text}): Text {
  return f.labels ?? {en: f.label, ru: f.ru?.label ?? f.label};
}

/** One of a feature's words (short, high, low) in both languages, with the English fallback given. */
export function featureWord(f: FeatureSpec, word: "short" | "high" | "low", fallback: Text): Text {
  return {en: f[word] ?? fallback.en, ru: f.ru?.[word] ?? (f[word] === undefined ? fallback.ru : f[word]!)};
}

/** A level's label of a binary/categorical feature in both languages. */
export function levelText(f: FeatureSpec, level: string): Text {
  const en = f.levels?.[level] ?? level;
  return {en, ru: f.ru?.levels?.[level] ?? en};
}

/** The target's words in both languages. */
export function targetTexts(t: TargetSpec): {label: Text; positive: Text; negative: Text} {
  return {
    label: {en: t.label, ru: t.ru?.label ?? t.label},
    positive: {en: t.positive, ru: t.ru?.positive ?? t.positive},
    negative: {en: t.negative, ru: t.ru?.negative ?? t.negative}
  };
}

/** A label of another vocabulary (a column, a case's feature) in both languages: its `labels`, or
 *  `label` with `labelRu` when the vocabulary gives one, else the same words in both. */
export function labelText(x: {label: string; labels?: Text; labelRu?: string}): Text {
  return x.labels ?? {en: x.label, ru: x.labelRu ?? x.label};
}

/** A money unit in both languages: "currency units" (no currency given) is «ден. ед.» in Russian; a currency sign is the same. */
export function moneyUnitText(unit: string): Text {
  return {en: unit, ru: unit === "currency units" ? "ден. ед." : unit};
}
