/**
 * The mapping file: which of the analyst's exports plays which input of which case, and which of
 * its columns plays which role, with display labels per language. It lives in DATA_DIR as
 * `clientele-mapping.json`; `npm run init -- DIR` writes it and a person may edit it. Reading
 * it checks its shape and its references to the registry; every mistake names the entry at fault
 * (`files[1].columns["Отток"].role`). References to files and headers are checked when the
 * inputs are resolved and read (loaders/inputs/resolve.ts, loaders/io/header.ts).
 */
import {readFileSync} from "node:fs";
import {cases, type CaseId} from "../cases/registry.ts";
import {DataError, shown, type Message, type Problem} from "../io/problems.ts";
import {columnLabel, type ColumnType} from "../io/schema.ts";

export const MAPPING_FILE = "clientele-mapping.json";

/** Roles that are not template fields. */
export const EXTRA_FEATURE = "feature";
export const IGNORED = "ignore";

export interface Labels {
  en?: string;
  ru?: string;
}

export interface MappedColumn {
  /** A role of the case's input (a template field such as "churn"), "feature" (an extra feature) or "ignore". */
  role: string;
  label?: Labels;
  /** For an extra feature: its type (flag, number, integer or category). */
  type?: ColumnType;
  /** Value in the export → value of the template (target classes, period labels, yes/no flags…). */
  values?: Record<string, string>;
  /** How sure `init` was of the role, 0–1 (for the reader; not used by the build). */
  confidence?: number;
  /** Why `init` chose this role or left the column out. */
  why?: string;
}

export interface MappedFile {
  /** Path relative to DATA_DIR. */
  file: string;
  case: CaseId;
  /** Which input of the case the file is (the template file's table name, e.g. "members"). */
  input: string;
  confidence?: number;
  /** Export header → its role. */
  columns: Record<string, MappedColumn>;
}

/** What a case's money is: the currency its amounts are in and, where the template has one, what its
 * profit figure means (what it counts and over which period), per language. */
export interface MoneySpec {
  /** Shown after every amount: "₽", "$", "thousand ₽". */
  currency?: string;
  /** E.g. {"en": "average monthly profit per customer over the last 3 months"}. */
  profit?: Labels;
}

export interface Mapping {
  files: MappedFile[];
  /** Per case: its money's unit and meaning (optional). */
  money?: Partial<Record<CaseId, MoneySpec>>;
}

const cannotRead = {en: `Cannot read ${MAPPING_FILE}`, ru: `Не удаётся прочитать ${MAPPING_FILE}`};

const COLUMN_TYPES: ColumnType[] = ["flag", "number", "integer", "category", "text", "datetime"];

/** Where a mapping entry is, for messages. */
export const fileEntry = (i: number) => `files[${i}]`;
export const columnEntry = (i: number, header: string) => `files[${i}].columns[${JSON.stringify(header)}]`;

function problem(entry: string, expected: Message, found: Message, hint?: Message): Problem {
  return {severity: "error", file: MAPPING_FILE, column: entry, expected, found, hint};
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function lineOf(text: string, error: Error): number | undefined {
  const at = /position (\d+)/.exec(error.message);
  return at ? text.slice(0, Number(at[1])).split("\n").length : undefined;
}

/** Parse and check a mapping's text. Throws a DataError listing every mistake found. */
export function parseMapping(text: string): Mapping {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new DataError([{severity: "error", file: MAPPING_FILE, line: lineOf(text, error as Error), expected: {en: "valid JSON", ru: "правильный JSON"},
      found: (error as Error).message, hint: {en: "check commas and quotes near that line, or run `npm run init -- DIR` again", ru: "проверьте запятые и кавычки рядом с этой строкой или снова запустите `npm run init -- DIR`"}}], cannotRead);
  }
  const problems: Problem[] = [];
  if (!isObject(raw) || !Array.isArray(raw.files)) {
    throw new DataError([problem("files", {en: "an object with a list \"files\"", ru: "объект со списком \"files\""}, shown(JSON.stringify(raw)))], cannotRead);
  }
  const claimed = new Map<string, number>();
  raw.files.forEach((f: unknown, i: number) => {
    const at = fileEntry(i);
    if (!isObject(f)) return problems.push(problem(at, {en: "an object with file, case, input and columns", ru: "объект с file, case, input и columns"}, shown(JSON.stringify(f))));
    const def = cases.find((c) => c.id === f.case);
    if (typeof f.file !== "string" || !f.file) problems.push(problem(`${at}.file`, {en: "the export's path relative to DATA_DIR", ru: "путь к выгрузке относительно DATA_DIR"}, shown(f.file)));
    if (!def) return problems.push(problem(`${at}.case`, {en: `one of ${cases.map((c) => shown(c.id)).join(", ")}`, ru: `одно из ${cases.map((c) => shown(c.id)).join(", ")}`}, shown(f.case)));
    const template = def.schema.files.find((t) => t.table === f.input);
    if (!template) {
      const inputs = def.schema.files.map((t) => shown(t.table)).join(", ");
      return problems.push(problem(`${at}.input`, {en: `an input of ${def.id}: ${inputs}`, ru: `вход кейса ${def.id}: ${inputs}`}, shown(f.input)));
    }
    const key = `${def.id}/${template.table}`;
    if (claimed.has(key)) {
      problems.push(problem(`${at}.input`,
        {en: `one file per input: ${fileEntry(claimed.get(key)!)} is already the ${def.id} input ${shown(template.table)}`, ru: `один файл на вход: ${fileEntry(claimed.get(key)!)} уже вход ${shown(template.table)} кейса ${def.id}`},
        {en: `${shown(f.file)} claiming it too`, ru: `${shown(f.file)}, который тоже на него претендует`},
        {en: "keep one of the two entries, or join the files into one export", ru: "оставьте одну из двух записей или объедините файлы в одну выгрузку"}));
    } else claimed.set(key, i);
    if (!isObject(f.columns)) return problems.push(problem(`${at}.columns`, {en: "an object: export header → {role, label}", ru: "объект: заголовок выгрузки → {role, label}"}, shown(JSON.stringify(f.columns))));
    const roles = new Set(template.columns.map((c) => c.field));
    const taken = new Map<string, string>();
    for (const [header, c] of Object.entries(f.columns)) {
      const entry = columnEntry(i, header);
      if (!isObject(c) || typeof c.role !== "string") {
        problems.push(problem(entry, {en: "an object with a role", ru: "объект с role"}, shown(JSON.stringify(c))));
        continue;
      }
      if (c.role !== EXTRA_FEATURE && c.role !== IGNORED && !roles.has(c.role)) {
        const list = `(${[...roles].join(", ")}), "${EXTRA_FEATURE}"`;
        problems.push(problem(`${entry}.role`, {en: `a role of ${def.id} ${template.table} ${list} or "${IGNORED}"`, ru: `роль входа ${template.table} кейса ${def.id} ${list} или "${IGNORED}"`}, shown(c.role)));
        continue;
      }
      if (c.role !== EXTRA_FEATURE && c.role !== IGNORED) {
        if (taken.has(c.role)) {
          problems.push(problem(`${entry}.role`, {en: `each role once in a file`, ru: "каждая роль один раз в файле"},
            {en: `${shown(c.role)} also given to ${columnEntry(i, taken.get(c.role)!)}`, ru: `${shown(c.role)} дана ещё и ${columnEntry(i, taken.get(c.role)!)}`},
            {en: "keep the role on one column and set the other's role to \"ignore\"", ru: "оставьте роль у одного столбца, а другому дайте роль \"ignore\""}));
        } else taken.set(c.role, header);
      }
      if (c.role === EXTRA_FEATURE && c.type !== undefined && !COLUMN_TYPES.includes(c.type as ColumnType)) {
        problems.push(problem(`${entry}.type`, {en: `one of ${COLUMN_TYPES.join(", ")}`, ru: `одно из ${COLUMN_TYPES.join(", ")}`}, shown(c.type)));
      }
      if (c.values !== undefined && (!isObject(c.values) || Object.values(c.values).some((v) => typeof v !== "string"))) {
        problems.push(problem(`${entry}.values`, {en: "an object: value in the export → value of the template (both text)", ru: "объект: значение в выгрузке → значение шаблона (оба — текст)"}, shown(JSON.stringify(c.values))));
      } else if (c.values !== undefined) {
        // A yes/no column (a template flag, or an extra feature of type flag) stands for 1 or 0.
        const isFlag = c.role === EXTRA_FEATURE ? c.type === "flag" : template.columns.find((t) => t.field === c.role)?.type === "flag";
        const wrong = isFlag ? Object.entries(c.values as Record<string, string>).filter(([, v]) => v !== "0" && v !== "1") : [];
        if (wrong.length) {
          problems.push(problem(`${entry}.values`, {en: `"1" or "0" for each label of a yes/no column`, ru: `"1" или "0" для каждой метки столбца «да/нет»`}, wrong.map(([k, v]) => `${shown(k)} → ${shown(v)}`).join(", "),
            {en: `write e.g. {"${wrong[0][0]}": "1"} for the label that means yes`, ru: `напишите, например, {"${wrong[0][0]}": "1"} для метки, которая означает «да»`}));
        }
      }
      if (c.label !== undefined && (!isObject(c.label) || Object.values(c.label).some((v) => typeof v !== "string"))) {
        problems.push(problem(`${entry}.label`, {en: "an object like {\"en\": \"Contract length\", \"ru\": \"Срок договора\"}", ru: "объект вида {\"en\": \"Contract length\", \"ru\": \"Срок договора\"}"}, shown(JSON.stringify(c.label))));
      }
    }
    for (const col of template.columns) {
      if (col.optional || taken.has(col.field)) continue;
      problems.push(problem(`${at}.columns`, {en: `a column with the role ${shown(col.field)} (${col.label})`, ru: `столбец с ролью ${shown(col.field)} (${columnLabel(col).ru})`},
        {en: "no column given that role", ru: "ни одному столбцу не дана эта роль"},
        {en: `add "<header>": {"role": "${col.field}"} for the export's column that holds it`, ru: `добавьте "<заголовок>": {"role": "${col.field}"} для столбца выгрузки, в котором это записано`}));
    }
  });
  problems.push(...moneyProblems(raw.money));
  if (problems.length) throw new DataError(problems, {en: `${MAPPING_FILE} has mistakes`, ru: `В ${MAPPING_FILE} есть ошибки`});
  return raw as unknown as Mapping;
}

const isLabels = (v: unknown) => isObject(v) && Object.values(v).every((t) => typeof t === "string");

function moneyProblems(money: unknown): Problem[] {
  if (money === undefined) return [];
  if (!isObject(money)) return [problem("money", "an object: case id → {currency, profit}", shown(JSON.stringify(money)))];
  return Object.entries(money).flatMap(([id, spec]): Problem[] => {
    const at = `money[${JSON.stringify(id)}]`;
    if (!cases.some((c) => c.id === id)) return [problem(at, `one of ${cases.map((c) => shown(c.id)).join(", ")}`, shown(id))];
    if (!isObject(spec)) return [problem(at, "an object like {\"currency\": \"₽\"}", shown(JSON.stringify(spec)))];
    return [
      ...(spec.currency !== undefined && typeof spec.currency !== "string" ? [problem(`${at}.currency`, "text such as \"₽\" or \"thousand ₽\"", shown(JSON.stringify(spec.currency)))] : []),
      ...(spec.profit !== undefined && !isLabels(spec.profit) ? [problem(`${at}.profit`, "an object like {\"en\": \"average monthly profit over 3 months\", \"ru\": \"…\"}", shown(JSON.stringify(spec.profit)))] : [])
    ];
  });
}

export function readMapping(path: string): Mapping {
  return parseMapping(readFileSync(path, "utf8"));
}
