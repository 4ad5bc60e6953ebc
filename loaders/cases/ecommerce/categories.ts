/**
 * Product categories from free-text names, as DuckDB SQL generated from the one editable rule
 * table `category-rules.json` (read its "about" notes before editing).
 *
 * Normalisation (`normaliseSql`), applied before any rule:
 *   1. each whitespace-separated token that mixes Latin and Cyrillic letters is folded to its
 *      majority script (ties → Cyrillic) through the look-alike pairs (Latin a/c/e/o/p/x/y/k/m/t/h/b
 *      and their capitals ↔ Cyrillic а/с/е/о/р/х/у/к/м/т/н/в …), so "Tepмокружка" reads "термокружка";
 *   2. lower case; ё → е; runs of white space → one space; trimmed.
 * Rules (`categorySql`): tried in the table's order, the first match wins. A stem matches at the
 * start of a word (preceded by the start or by a character that is not a letter, digit or "_");
 * a pattern is a regular expression searched anywhere, where `[^\w]` means "not a letter, digit
 * or _" in any script (translated to RE2's `[^\p{L}\p{N}_]`). Every pattern has a description in words
 * (`patternsRead`, same order), which the Categories page shows instead of the expression.
 *
 * tests/golden/ecommerce.py re-implements both steps in Python from the same JSON file.
 */
import {readFileSync} from "node:fs";
import {literal} from "../../io/duckdb.ts";

export const CATEGORY_IDS = ["plants", "garden", "kitchen", "bathroom", "cleaning", "storage", "textiles", "tools"] as const;
/** The eight product categories of the store; "other" is the rule table's catch-all for home goods outside them. */
export type Category = (typeof CATEGORY_IDS)[number];
export type CategoryOrOther = Category | "other";

export interface CategoryRule {
  category: CategoryOrOther;
  note: string;
  stems: string[];
  patterns?: string[];
  /** Each pattern in plain words, for readers (same length and order as patterns). */
  patternsRead?: string[];
}

export interface CategoryTable {
  about: string[];
  categories: {id: CategoryOrOther; label: string}[];
  rules: CategoryRule[];
}

export const RULES_FILE = new URL("./category-rules.json", import.meta.url);

const ALL_IDS: readonly string[] = [...CATEGORY_IDS, "other"];

/** Read and check the rule table (a clear error names the rule and stem that is wrong). */
export function readCategoryTable(path: URL | string = RULES_FILE): CategoryTable {
  const table = JSON.parse(readFileSync(path, "utf8")) as CategoryTable;
  const where = (i: number) => `category-rules.json, rule ${i + 1}`;
  if (!Array.isArray(table.rules) || !table.rules.length) throw new Error("category-rules.json: no rules");
  const ids = table.categories.map((c) => c.id);
  if (ids.join() !== ALL_IDS.join()) throw new Error(`category-rules.json: categories must be, in order, ${ALL_IDS.join(", ")}`);
  table.rules.forEach((rule, i) => {
    if (!ALL_IDS.includes(rule.category)) throw new Error(`${where(i)}: unknown category "${rule.category}"`);
    for (const stem of rule.stems) {
      if (stem !== stem.toLowerCase() || stem.includes("ё") || /\s{2}/.test(stem) || stem.trim() === "") {
        throw new Error(`${where(i)}: stem "${stem}" must be lower case, with е for ё and single spaces`);
      }
    }
    if ((rule.patterns?.length ?? 0) !== (rule.patternsRead?.length ?? 0)) {
      throw new Error(`${where(i)}: give every pattern a description in words in "patternsRead" (${rule.patterns?.length ?? 0} patterns, ${rule.patternsRead?.length ?? 0} descriptions)`);
    }
    for (const pattern of rule.patterns ?? []) {
      if (/\\w/.test(pattern.replaceAll("[^\\w]", ""))) throw new Error(`${where(i)}: pattern "${pattern}" may use \\w only as [^\\w]`);
      new RegExp(pattern, "u");
    }
  });
  return table;
}

export const categoryTable: CategoryTable = readCategoryTable();

export const categoryLabel: Record<CategoryOrOther, string> = Object.fromEntries(
  categoryTable.categories.map((c) => [c.id, c.label])
) as Record<CategoryOrOther, string>;

// Look-alike pairs, capitals included (folding happens before lower-casing).
const LATIN = "aceopxykmthbACEOPXYKMTHB".split("");
const CYRILLIC = "асеорхукмтнвАСЕОРХУКМТНВ".split("");
const cyrToLatLatin = "aceopxykmtABCEHKMOPTXY";
const cyrToLatCyr = "асеорхукмтАВСЕНКМОРТХУ";

/** SQL expression: the normalised form of a VARCHAR expression (see the module comment). */
export function normaliseSql(expr: string): string {
  const cyr = `length(regexp_replace(w, '[^а-яёА-ЯЁ]', '', 'g'))`;
  const lat = `length(regexp_replace(w, '[^a-zA-Z]', '', 'g'))`;
  const fold = `CASE WHEN ${cyr} = 0 OR ${lat} = 0 THEN w
      WHEN ${cyr} >= ${lat} THEN translate(w, ${literal(LATIN.join(""))}, ${literal(CYRILLIC.join(""))})
      ELSE translate(w, ${literal(cyrToLatCyr)}, ${literal(cyrToLatLatin)}) END`;
  const tokens = `regexp_split_to_array(trim(${expr}), '\\s+')`;
  return `replace(lower(array_to_string(list_transform(${tokens}, w -> ${fold}), ' ')), 'ё', 'е')`;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NOT_WORD = "[^\\p{L}\\p{N}_]";

/** The RE2 regular expression of one rule. */
export function ruleRegex(rule: CategoryRule): string {
  const parts: string[] = [];
  if (rule.stems.length) parts.push(`(^|${NOT_WORD})(${rule.stems.map(escapeRegex).join("|")})`);
  for (const p of rule.patterns ?? []) parts.push(`(${p.replaceAll("[^\\w]", NOT_WORD)})`);
  return parts.join("|");
}

/** SQL CASE expression giving the category id of a normalised name, NULL when no rule matches. */
export function categorySql(normalised: string, table: CategoryTable = categoryTable): string {
  const whens = table.rules.map((rule) => `WHEN regexp_matches(${normalised}, ${literal(ruleRegex(rule))}) THEN ${literal(rule.category)}`);
  return `CASE ${whens.join("\n  ")} ELSE NULL END`;
}

/** SQL CASE expression giving the 1-based index of the first matching rule (NULL: none). */
export function ruleIndexSql(normalised: string, table: CategoryTable = categoryTable): string {
  const whens = table.rules.map((rule, i) => `WHEN regexp_matches(${normalised}, ${literal(ruleRegex(rule))}) THEN ${i + 1}`);
  return `CASE ${whens.join("\n  ")} ELSE NULL END`;
}
