/**
 * How well one sampled export fits one input of a case template, and which role each of its columns
 * plays there: names (the template's header, field, label and synonyms, compared as in names.ts),
 * value kinds (a flag role needs 0/1 or yes/no, a date role dates…) and, for labelled roles, whether
 * the values found can be placed. Columns with no template role become features of a churn table
 * (a case read from one file with a target) unless they must not: personal data, identifiers and
 * columns that record the outcome are left out with the reason.
 */
import type {CaseDefinition, CaseId} from "../cases/registry.ts";
import {closest} from "../io/edit-distance.ts";
import type {ColumnSpec, ColumnType, FileSpec} from "../io/schema.ts";
import {flagWords, idWords, outcomeWords, personalWords, russianLabels, valueWords} from "./glossary.ts";
import type {InspectedColumn, InspectedFile} from "./inspect.ts";
import {EXTRA_FEATURE, IGNORED, type MappedColumn} from "./mapping.ts";
import {nameHasWord, nameSimilarity, normalName, readableName} from "./names.ts";
import type {Text} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";

const ru = formats("ru");

/** Least score (name or value pattern, times type fit) for a column to take a role. */
const ROLE_THRESHOLD = 0.45;

export interface ColumnGuess extends Omit<MappedColumn, "why"> {
  header: string;
  /** Why init chose this role or left the column out, in both languages (the mapping keeps CLIENTELE_LANG's). */
  why?: Text;
  /** Sampled values init could not place (the analyst must give their meaning in `values`). */
  unplaced?: string[];
  /** Sampled values read as misspellings of a template value (the reader repairs and counts them). */
  misspelt?: string[];
}

export interface InputGuess {
  case: CaseId;
  input: string;
  columns: ColumnGuess[];
  /** Roles the template needs that no column plays. */
  missing: ColumnSpec[];
  /** All needed roles found. */
  fits: boolean;
  /** Mean confidence over the needed roles (0 for each missing one). */
  confidence: number;
  /** Mean confidence over every role of the input, optional ones included (0 for each not found): tells apart files that fit equally well on the needed roles. */
  coverage: number;
}

interface Placement {
  values: Record<string, string>;
  unplaced: string[];
  misspelt: string[];
}

const round = (x: number) => Math.round(x * 100) / 100;
const yes = new Set(flagWords["1"].map(normalName));
const no = new Set(flagWords["0"].map(normalName));

/** Values of a yes/no or 0/1 column → "1"/"0". */
function placeFlag(col: InspectedColumn): Placement {
  const values: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const v of col.values) {
    const n = normalName(v);
    if (yes.has(n) || /^1(\.0+)?$/.test(v)) values[v] = "1";
    else if (no.has(n) || /^0(\.0+)?$/.test(v)) values[v] = "0";
    else unplaced.push(v);
  }
  return {values, unplaced, misspelt: []};
}

/** Values of a labelled column → the role's template values (by the template's labels, then the glossary's words; a store's own categories as found). */
function placeCategory(role: ColumnSpec, col: InspectedColumn): Placement {
  const template = role.values ?? {};
  const allowed = new Set(Object.values(template));
  const words = Object.entries(valueWords[role.field] ?? {}).filter(([value]) => allowed.has(value));
  const fixed = role.field in valueWords;
  const byLabel = new Map(Object.keys(template).map((k) => [normalName(k), k]));
  const values: Record<string, string> = {};
  const unplaced: string[] = [];
  const misspelt: string[] = [];
  const rest: string[] = [];
  for (const v of col.values) {
    const n = normalName(v);
    const named = byLabel.has(n) ? template[byLabel.get(n)!] : words.find(([, ws]) => ws.some((w) => normalName(w) === n))?.[0];
    if (named) values[v] = named;
    else rest.push(v);
  }
  const known = [...Object.keys(template), ...Object.keys(values)];
  for (const v of rest) {
    const near = closest(v, known);
    if (near && near.distance <= 2 && v.length > 4) {
      misspelt.push(v);
      // the reader repairs a misspelling to the nearest label the mapping lists, so that label must be listed
      if (!(near.value in values)) values[near.value] = template[near.value];
    } else {
      // a misspelt word of the glossary ("last mnth") is given its value outright: no label of the file is near it
      const word = v.length > 4 ? words.find(([, ws]) => ws.some((w) => w.length > 4 && (closest(v, [w])?.distance ?? Infinity) <= 2)) : undefined;
      if (word) {
        misspelt.push(v);
        values[v] = word[0];
      } else if (fixed) unplaced.push(v);
      else values[v] = v;
    }
  }
  return {values, unplaced, misspelt};
}

/** How far a column's values suit a role's type, 0–1. */
function typeFit(role: ColumnSpec, col: InspectedColumn): number {
  const kind = col.kind;
  const inRange = () => (typeof role.min !== "number" || (col.min ?? 0) >= role.min) && (typeof role.max !== "number" || (col.max ?? 0) <= role.max) ? 1 : 0.4;
  switch (role.type) {
    case "flag": return kind === "flag" || kind === "yes-no" ? 1 : 0;
    case "integer": return kind === "integer" ? inRange() : kind === "flag" ? 0.7 * inRange() : 0;
    case "number": return kind === "number" || kind === "integer" || kind === "flag" ? inRange() : 0;
    case "datetime": return kind === "datetime" ? 1 : 0;
    case "text":
      if (role.customerId) return kind === "uuid" || kind === "integer" ? 1 : kind === "text" || kind === "category" ? 0.8 : 0;
      return kind === "text" ? 1 : kind === "category" ? 0.7 : 0;
    case "category": {
      if (!["category", "yes-no", "flag", "text"].includes(kind) || (kind === "text" && col.distinct > 100)) return 0;
      const placed = placeCategory(role, col);
      const known = Object.keys(placed.values).length + placed.misspelt.length;
      return (kind === "text" ? 0.5 : 1) * (0.4 + 0.6 * known / Math.max(1, known + placed.unplaced.length));
    }
  }
}

/** How well a header names a role, 0–1 (`byName`); value patterns stand in for a name where they are telling. */
function nameFit(role: ColumnSpec, col: InspectedColumn): {score: number; byName: boolean} {
  const names = [role.source, role.field, role.label, russianLabels[role.field] ?? role.label, ...(role.synonyms ?? [])];
  const byName = Math.max(...names.map((n) => nameSimilarity(col.header, n)));
  const byPattern = (role.type === "datetime" && col.kind === "datetime") || (role.customerId && col.kind === "uuid") ? 0.6 : 0;
  return {score: Math.max(byName, byPattern), byName: byName >= byPattern};
}

const labelOf = (role: ColumnSpec) => ({en: role.label, ru: russianLabels[role.field] ?? role.label});

function roleGuess(role: ColumnSpec, col: InspectedColumn, score: number, byName: boolean): ColumnGuess {
  const guess: ColumnGuess = {header: col.header, role: role.field, label: labelOf(role), confidence: round(score)};
  let placed: Placement | null = null;
  // 0/1 is the flag's own form: values only for labels (yes/no, да/нет…), so a seed export reads exactly as without a mapping
  if (role.type === "flag" && col.kind === "yes-no") placed = placeFlag(col);
  if (role.type === "category") placed = placeCategory(role, col);
  if (placed) {
    const template = role.values ?? {};
    const added = Object.keys(placed.values).some((v) => template[v] !== placed!.values[v]);
    if (role.target || added) guess.values = placed.values;
    if (placed.unplaced.length) guess.unplaced = placed.unplaced;
    if (placed.misspelt.length) guess.misspelt = placed.misspelt;
  }
  guess.why = byName
    ? {en: `named like the role (${role.label}), ${col.kind} values`, ru: `название похоже на роль (${labelOf(role).ru}), значения: ${kindRu[col.kind]}`}
    : {en: `${col.kind} values (the name did not say)`, ru: `значения: ${kindRu[col.kind]} (по названию не понять)`};
  return guess;
}

/** Why a column must not become a feature, or null. */
export function exclusion(col: InspectedColumn, hasTarget: boolean): Text | null {
  if (col.kind === "empty") return {en: "empty in the sample", ru: "пуст в выборке"};
  if (hasTarget && nameHasWord(col.header, outcomeWords)) return {en: "records the outcome the target predicts (it would leak it)", ru: "записывает исход, который предсказывает целевой признак (выдал бы его модели)"};
  if (col.kind === "email") return {en: "personal data (e-mails)", ru: "персональные данные (адреса электронной почты)"};
  if (col.kind === "phone") return {en: "personal data (phone numbers)", ru: "персональные данные (номера телефонов)"};
  if (col.kind === "person-name") return {en: "personal data (names)", ru: "персональные данные (имена)"};
  if (col.kind !== "flag") {
    for (const [what, words] of Object.entries(personalWords)) if (nameHasWord(col.header, words)) return {en: `personal data (${what})`, ru: `персональные данные (${personalRu[what as keyof typeof personalWords]})`};
  }
  const unique = col.filled >= 20 && col.distinct / col.filled >= 0.95;
  const distinct = (lang: "en" | "ru") => lang === "en" ? `${col.distinct} different values in ${col.filled} sampled rows`
    : `${ru.plural(col.distinct, "разное значение", "разных значения", "разных значений")} в ${ru.plural(col.filled, "строке", "строках", "строках")} выборки`;
  if (col.kind === "uuid" || (["integer", "text", "category"].includes(col.kind) && (unique || (col.distinct / Math.max(1, col.filled) >= 0.5 && nameHasWord(col.header, idWords))))) {
    return {en: `an identifier (${distinct("en")})`, ru: `идентификатор (${distinct("ru")})`};
  }
  if (col.kind === "datetime") return {en: "a date: not a feature as it stands (a duration derived from it could be)", ru: "дата: как есть не признак (признаком мог бы стать срок, вычисленный из неё)"};
  if (col.kind === "text") return {en: `free text (${distinct("en")})`, ru: `произвольный текст (${distinct("ru")})`};
  return null;
}

/** The kinds of values init recognises, in Russian. */
const kindRu: Record<InspectedColumn["kind"], string> = {
  empty: "пустые", flag: "0 и 1", "yes-no": "да/нет", integer: "целые числа", number: "числа", datetime: "даты",
  uuid: "уникальные идентификаторы", email: "адреса электронной почты", phone: "номера телефонов", "person-name": "имена людей",
  category: "категории", text: "текст"
};

const personalRu: Record<keyof typeof personalWords, string> = {names: "имена", emails: "адреса электронной почты", phones: "номера телефонов", addresses: "адреса"};

const featureType: Partial<Record<InspectedColumn["kind"], ColumnType>> = {flag: "flag", "yes-no": "flag", integer: "integer", number: "number", category: "category"};

/** An extra column of a churn table: a feature of its own, or left out with the reason. */
function extraGuess(col: InspectedColumn, churnTable: boolean, hasTarget: boolean): ColumnGuess {
  const why = exclusion(col, hasTarget);
  if (why) return {header: col.header, role: IGNORED, why, confidence: 0.8};
  if (!churnTable) return {header: col.header, role: IGNORED, why: {en: "no role in this template", ru: "в этом шаблоне для него нет роли"}};
  const type = featureType[col.kind]!;
  const readable = readableName(col.header);
  const guess: ColumnGuess = {header: col.header, role: EXTRA_FEATURE, type, label: {en: readable, ru: readable}, confidence: 0.7, why: {en: `${col.kind} values`, ru: `значения: ${kindRu[col.kind]}`}};
  if (col.kind === "yes-no") guess.values = placeFlag(col).values;
  return guess;
}

/** The roles an export's columns play in one template input, and how well the export fits it. */
export function guessInput(file: InspectedFile, def: CaseDefinition, template: FileSpec): InputGuess {
  const pairs: {role: ColumnSpec; col: InspectedColumn; score: number; byName: boolean}[] = [];
  for (const role of template.columns) {
    for (const col of file.columns) {
      const fit = typeFit(role, col);
      if (!fit) continue;
      const named = nameFit(role, col);
      const score = fit * named.score;
      if (score >= ROLE_THRESHOLD) pairs.push({role, col, score, byName: named.byName});
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const byHeader = new Map<string, ColumnGuess>();
  const taken = new Set<string>();
  for (const {role, col, score, byName} of pairs) {
    if (taken.has(role.field) || byHeader.has(col.header)) continue;
    taken.add(role.field);
    byHeader.set(col.header, roleGuess(role, col, score, byName));
  }
  const hasTarget = template.columns.some((c) => c.target && taken.has(c.field));
  const churnTable = def.schema.files.length === 1 && template.columns.some((c) => c.target);
  const columns = file.columns.map((col) => byHeader.get(col.header) ?? extraGuess(col, churnTable, hasTarget));
  const needed = template.columns.filter((c) => !c.optional);
  const missing = needed.filter((c) => !taken.has(c.field));
  const confidence = needed.reduce((s, c) => s + (columns.find((g) => g.role === c.field)?.confidence ?? 0), 0) / Math.max(1, needed.length);
  const coverage = template.columns.reduce((s, c) => s + (columns.find((g) => g.role === c.field)?.confidence ?? 0), 0) / template.columns.length;
  return {case: def.id, input: template.table, columns, missing, fits: missing.length === 0, confidence: round(confidence), coverage: round(coverage)};
}
