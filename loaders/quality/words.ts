import {plural, upperFirst} from "../../src/components/format.ts";

/** "1 row", "3 rows", "1,300 rows": a count with its noun, for report summaries (the site's own format). */
export {plural as count, upperFirst};

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
