import {formats, plural, upperFirst} from "../../src/components/format.ts";
import type {Text} from "../../src/components/i18n.ts";

/** "1 row", "3 rows", "1,300 rows": a count with its noun, for report summaries (the site's own format). */
export {plural as count, upperFirst};

/** The Russian formats, for the Russian half of a report's texts: ru.plural(5, "строка", "строки", "строк") → "5 строк". */
export const ru = formats("ru");

/** A display label inside a sentence: the first letter lower-cased unless the first word is an
 *  acronym ("Visits per week" → "visits per week"; "ROC-AUC", "BMI" stay). */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** Replace a code name (camelCase or snake_case, e.g. "additionalCharges") in prose by its display
 *  label in sentence form; plain words ("revenue") are left as they are. */
export function labelInProse(text: string, field: string | undefined, label: string | undefined): string {
  if (!field || !label || !/[A-Z_]/.test(field)) return text;
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(?<![\\w.])${escaped}(?![\\w])`, "g"), inSentence(label));
}

/** A report text with code names replaced by column labels: in English the text's own field by its
 *  label in sentence form (labelInProse); in Russian every field of the case named in the text, by
 *  its Russian label in «quotes» (a Russian sentence names a column «Выручка» in any case ending). */
export function labelInText(text: Text, field: string | undefined, labels: Record<string, Text>): Text {
  let russian = text.ru;
  for (const [name, label] of Object.entries(labels).sort((a, b) => b[0].length - a[0].length)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    russian = russian.replace(new RegExp(`(?<![\\w.«])${escaped}(?![\\w»])`, "g"), `«${label.ru}»`);
  }
  return {en: labelInProse(text.en, field, field ? labels[field]?.en : undefined), ru: russian};
}
