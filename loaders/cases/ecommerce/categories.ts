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
 *
 * The built-in table is written for one garden and household store. Another store's products get
 * their categories from its own export column when the mapping gives one the role `category`, else
 * from DATA_DIR/category-rules.json when the analyst writes one (same format, its own categories:
 * `readCategoryTable` checks it and names the entry at fault), else from the built-in table
 * (loaders/cases/ecommerce/category-source.ts decides).
 *
 * Every text of a table a reader sees (category labels, rule notes, pattern descriptions, the notes
 * in "about") is either one text, shown as it is in both editions (an analyst's table in their own
 * language), or {"en": …, "ru": …} (the built-in table); a table read here holds them as Text.
 */
import {existsSync, readFileSync} from "node:fs";
import {literal} from "../../io/duckdb.ts";
import {isText as isBilingual, same, type Lang, type Text} from "../../../src/components/i18n.ts";

/** A category id of the table in use (the built-in one: plants, garden, kitchen, bathroom, cleaning,
 * storage, textiles, tools and "other" for home goods outside them). */
export type Category = string;
export type CategoryOrOther = Category;

export interface CategoryRule {
  category: CategoryOrOther;
  note: Text;
  stems: string[];
  patterns?: string[];
  /** Each pattern in plain words, for readers (same length and order as patterns). */
  patternsRead?: Text[];
}

export interface CategoryTable {
  about: Text[];
  categories: {id: CategoryOrOther; label: Text}[];
  rules: CategoryRule[];
}

/** The built-in table, written for one garden and household store (the default). */
export const RULES_FILE = new URL("./category-rules.json", import.meta.url);
/** The name of a rule file the analyst supplies in DATA_DIR (same format as the built-in one). */
export const DATA_DIR_RULES = "category-rules.json";
/** Most categories a table may declare ("other" included): each is a column of the customer tables and a profile feature. */
export const MAX_CATEGORIES = 16;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
/** A reader's text of a table: one text for both editions, or {"en": …, "ru": …}. */
const isWords = (v: unknown): v is string | Text => typeof v === "string" || isBilingual(v);
const asText = (v: string | Text): Text => (typeof v === "string" ? same(v) : {en: v.en, ru: v.ru});
const filled = (v: unknown) => isText(v) || (isBilingual(v) && isText(v.en) && isText(v.ru));

/** Read and check a rule table; every mistake names its entry (e.g. `category-rules.json: rules[2].stems[0]`). */
export function readCategoryTable(path: URL | string = RULES_FILE, name = typeof path === "string" ? path : DATA_DIR_RULES): CategoryTable {
  if (!existsSync(path)) throw new Error(`${name}: no such file`);
  let table: unknown;
  try {
    table = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`${name}: not valid JSON (${(error as Error).message})`);
  }
  return checkCategoryTable(table, name);
}

/** Check a parsed rule table (see readCategoryTable). */
export function checkCategoryTable(table: unknown, name = DATA_DIR_RULES): CategoryTable {
  const fail = (entry: string, what: string): never => {
    throw new Error(`${name}: ${entry}: ${what}`);
  };
  if (!isObject(table)) return fail("the file", "must be an object with \"categories\" and \"rules\" (and optionally \"about\")");
  if (table.about !== undefined && (!Array.isArray(table.about) || !table.about.every(isWords))) fail("about", "must be a list of texts (each a text or {\"en\": …, \"ru\": …})");
  if (!Array.isArray(table.categories) || !table.categories.length) return fail("categories", "must list the categories, e.g. [{\"id\": \"phones\", \"label\": \"Phones\"}]");
  if (table.categories.length > MAX_CATEGORIES) fail("categories", `at most ${MAX_CATEGORIES} categories (found ${table.categories.length}); merge the smallest`);
  const ids: string[] = [];
  table.categories.forEach((c: unknown, i: number) => {
    if (!isObject(c) || !isText(c.id) || !filled(c.label)) fail(`categories[${i}]`, "must be {\"id\": …, \"label\": …} with both filled in (the label a text or {\"en\": …, \"ru\": …})");
    const id = (c as {id: string}).id;
    if (ids.includes(id)) fail(`categories[${i}].id`, `"${id}" is declared twice`);
    ids.push(id);
  });
  if (!Array.isArray(table.rules) || !table.rules.length) return fail("rules", "must list at least one rule");
  table.rules.forEach((rule: unknown, i: number) => {
    const at = `rules[${i}] (rule ${i + 1})`;
    if (!isObject(rule)) return fail(at, "must be {\"category\": …, \"note\": …, \"stems\": […]}");
    if (typeof rule.category !== "string" || !ids.includes(rule.category)) fail(`${at}.category`, `unknown category ${JSON.stringify(rule.category)} (the categories are ${ids.join(", ")})`);
    if (rule.note !== undefined && !isWords(rule.note)) fail(`${at}.note`, "must be a text or {\"en\": …, \"ru\": …}");
    if (!Array.isArray(rule.stems)) return fail(`${at}.stems`, "must be a list of texts (may be empty when patterns are given)");
    rule.stems.forEach((stem: unknown, j: number) => {
      if (typeof stem !== "string" || stem !== stem.toLowerCase() || stem.includes("ё") || /\s{2}/.test(stem) || stem.trim() === "") {
        fail(`${at}.stems[${j}]`, `stem ${JSON.stringify(stem)} must be lower case, with е for ё and single spaces`);
      }
    });
    const patterns = rule.patterns ?? [];
    const read = rule.patternsRead ?? [];
    if (!Array.isArray(patterns) || !Array.isArray(read)) return fail(at, "\"patterns\" and \"patternsRead\" must be lists of texts");
    read.forEach((r: unknown, j: number) => isWords(r) || fail(`${at}.patternsRead[${j}]`, "must be a text or {\"en\": …, \"ru\": …}"));
    if (patterns.length !== read.length) {
      fail(`${at}.patternsRead`, `give every pattern a description in words (${patterns.length} patterns, ${read.length} descriptions)`);
    }
    if (!rule.stems.length && !patterns.length) fail(at, "needs at least one stem or pattern");
    patterns.forEach((pattern: unknown, j: number) => {
      if (typeof pattern !== "string") return fail(`${at}.patterns[${j}]`, "must be a text");
      if (/\\w/.test(pattern.replaceAll("[^\\w]", ""))) fail(`${at}.patterns[${j}]`, `pattern "${pattern}" may use \\w only as [^\\w]`);
      try {
        new RegExp(pattern, "u");
      } catch (error) {
        fail(`${at}.patterns[${j}]`, `pattern "${pattern}" is not a regular expression (${(error as Error).message})`);
      }
    });
  });
  type Read = {category: string; note?: string | Text; stems: string[]; patterns?: string[]; patternsRead?: (string | Text)[]};
  return {
    about: ((table.about as (string | Text)[] | undefined) ?? []).map(asText),
    categories: (table.categories as {id: string; label: string | Text}[]).map(({id, label}) => ({id, label: asText(label)})),
    rules: (table.rules as Read[]).map((r) => ({...r, note: asText(r.note ?? ""), patternsRead: r.patternsRead?.map(asText)}))
  };
}

/** The built-in rule table (for one garden and household store). */
export const categoryTable: CategoryTable = readCategoryTable(RULES_FILE, "loaders/cases/ecommerce/category-rules.json");

/** Where a report's categories come from. */
export type CategorySource = "export-column" | "rule-file" | "built-in";

/** How the lines get their categories, decided before the analysis: the export's own column, or a rule table. */
export type CategoryChoice =
  | {source: "export-column"; column: string}
  | {source: "rule-file" | "built-in"; table: CategoryTable; file: string};

/** The categories a report uses, once the data are read: ids in order (ties and display), "other" last. */
export interface CategoryScheme {
  source: CategorySource;
  /** The export column's header, the rule file (DATA_DIR/category-rules.json) or the built-in table's path. */
  from: string;
  categories: {id: string; label: Text}[];
  /** The rule table (null for an export column). */
  rules: CategoryTable | null;
  /** Export categories beyond the MAX_CATEGORIES − 1 largest, merged into "other" (0 for rules). */
  merged: number;
}

/** The id of the catch-all category (uncategorised lines are analysed under it). */
export const OTHER = "other";

/** The scheme of a rule table: its categories, with "other" appended last when it has none. */
export function rulesScheme(choice: Extract<CategoryChoice, {table: CategoryTable}>): CategoryScheme {
  const own = choice.table.categories.filter((c) => c.id !== OTHER);
  const other = choice.table.categories.find((c) => c.id === OTHER) ?? {id: OTHER, label: {en: "Other", ru: "Прочее"}};
  return {source: choice.source, from: choice.file, categories: [...own, other], rules: choice.table, merged: 0};
}

/** The built-in choice (garden and household store), and its scheme. */
export const BUILT_IN: Extract<CategoryChoice, {table: CategoryTable}> = {source: "built-in", table: categoryTable, file: "loaders/cases/ecommerce/category-rules.json"};
export const BUILT_IN_SCHEME: CategoryScheme = rulesScheme(BUILT_IN);

/** Category id → label of a scheme, in one language (English by default). */
export function labelsOf(scheme: CategoryScheme, lang: Lang = "en"): Record<string, string> {
  return Object.fromEntries(scheme.categories.map((c) => [c.id, c.label[lang]]));
}

/** Category id → label of a scheme, in both languages. */
export function labelTextsOf(scheme: CategoryScheme): Record<string, Text> {
  return Object.fromEntries(scheme.categories.map((c) => [c.id, c.label]));
}

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
