/** "1 row", "3 rows", "1,300 rows": a count with its noun, for report summaries. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

/** A display label inside a sentence: the first letter lower-cased unless the first word is an
 *  acronym ("Visits per week" → "visits per week"; "ROC-AUC", "BMI" stay). */
export function inSentence(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** The first letter upper-cased, for text that starts a sentence. */
export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Replace a code name (camelCase or snake_case, e.g. "additionalCharges") in prose by its display
 *  label in sentence form; plain words ("revenue") are left as they are. */
export function labelInProse(text: string, field: string | undefined, label: string | undefined): string {
  if (!field || !label || !/[A-Z_]/.test(field)) return text;
  const escaped = field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(?<![\\w.])${escaped}(?![\\w])`, "g"), inSentence(label));
}
