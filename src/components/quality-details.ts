/**
 * Text blocks for the Data quality pages: findings with their method and examples, repairs and
 * exclusions. Everything from the data is written with textContent — a product name holding
 * "<script>" shows as those characters, never as markup.
 */
import type {QualityArtifact} from "../../loaders/quality/artifact.ts";
import type {Example, Exclusion, Finding, Repair} from "../../loaders/quality/types.ts";
import type {Problem} from "../../loaders/io/problems.ts";
import type {ColumnType} from "../../loaders/io/schema.ts";
import {findingTitle, findingsWithRows, kindInSentence, kindLabel} from "./quality.js";
import {count, formatFound, grouped, plural, upperFirst} from "./format.js";
import {isText, pageLang, tr, type Noun, type Text} from "./i18n.js";
import {nouns} from "./glossary.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | number, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

const number = (n: number) => grouped(n);

/** A Russian count after «из» (genitive): из 1 строки, из 3 строк, из 732 строк. */
function ofCount(n: number, noun: Noun): string {
  return `${number(n)} ${new Intl.PluralRules("ru").select(n) === "one" ? noun.ru[1] : noun.ru[2]}`;
}

/** Field types of the case, to format numeric example values. */
function fieldTypes(q: QualityArtifact): Record<string, string> {
  return Object.fromEntries(q.columns.map((c) => [c.field, c.type]));
}

/** Field → (analysis value → the export's label), for the case's category columns. */
function fieldValues(q: QualityArtifact): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  // One field may be a column of several files (a period in two exports): the first label of each value.
  for (const c of q.columns) if (c.values) out[c.field] = {...c.values, ...out[c.field]};
  return out;
}

export interface ExamplesOptions {
  customerRows?: boolean;
  labels?: Record<string, Text>;
  /** Field → column type: numeric values ("552.5907404") are shown rounded, with separators. */
  types?: Record<string, string>;
  /** Field → (a category's analysis value → the export's label): the Russian edition shows the export's label. */
  values?: Record<string, Record<string, string>>;
  /** Columns every example shares with its heading (one file, the finding's field) are left out. */
  file?: string;
  field?: string;
  /** How many rows the examples stand for, and their noun: adds "Showing 5 of 111 rows." when cut. */
  total?: number;
  unit?: Noun;
}

/** A table of example rows; ids appear only when the build allows customer rows. */
export function examplesTable(examples: Example[], {customerRows = false, labels = {}, types = {}, values = {}, file, field, total, unit = nouns.row}: ExamplesOptions = {}): HTMLElement {
  if (!examples.length) return el("p", tr({en: "No example rows.", ru: "Примеров строк нет."}), "muted");
  const numeric = (f?: string) => f !== undefined && (types[f] === "number" || types[f] === "integer");
  const columns: {key: keyof Example; title: string; num?: boolean}[] = [
    ...(file !== undefined && examples.every((e) => e.file === file) ? [] : [{key: "file" as const, title: tr({en: "File", ru: "Файл"})}]),
    {key: "line", title: tr({en: "Line", ru: "Строка"}), num: true},
    ...(customerRows && examples.some((e) => e.id !== undefined) ? [{key: "id" as const, title: tr({en: "Id", ru: "Идентификатор"})}] : []),
    ...(examples.some((e) => e.field) && !(field !== undefined && examples.every((e) => e.field === field)) ? [{key: "field" as const, title: tr({en: "Column", ru: "Столбец"})}] : []),
    ...(examples.some((e) => e.found !== undefined) ? [{key: "found" as const, title: tr({en: "Found", ru: "Найдено"}), num: examples.every((e) => numeric(e.field))}] : []),
    ...(examples.some((e) => e.becomes !== undefined) ? [{key: "becomes" as const, title: tr({en: "Becomes", ru: "Станет"})}] : []),
    ...(examples.some((e) => e.note) ? [{key: "note" as const, title: tr({en: "Note", ru: "Примечание"})}] : [])
  ];
  const root = el("div");
  // The box scrolls sideways on a narrow screen, never the page.
  const table = root.appendChild(el("div", undefined, "table-scroll")).appendChild(el("table", undefined, "quality-examples"));
  const head = table.createTHead().insertRow();
  for (const c of columns) head.appendChild(el("th", c.title, c.num ? "num" : undefined));
  const body = table.createTBody();
  for (const e of examples) {
    const row = body.insertRow();
    for (const c of columns) {
      const value = e[c.key];
      const text = c.key === "field" && typeof value === "string" ? tr(labels[value] ?? value)
        : c.key === "note" ? tr(value as Text | undefined)
        : c.key === "line" ? (value === 0 ? "—" : number(value as number))
        : (c.key === "found" || c.key === "becomes") && typeof value === "string" && numeric(e.field) ? formatFound(value)
        : (c.key === "found" || c.key === "becomes") && typeof value === "string" && pageLang === "ru" && e.field ? values[e.field]?.[value] ?? value
        : value ?? "";
      const cell = row.appendChild(el("td", String(text), c.num ? "num" : undefined));
      // A value from the data (or a note that is the same in both languages: a product name) is not translated.
      if (c.key === "found" || c.key === "becomes" || (c.key === "note" && e.note?.en === e.note?.ru)) cell.translate = false;
    }
  }
  if (total !== undefined && total > examples.length) {
    root.appendChild(el("p", tr({en: `Showing ${number(examples.length)} of ${count(total, unit)}.`, ru: `Показано ${number(examples.length)} из ${ofCount(total, unit)}.`}), "table-note"));
  }
  return root;
}

function block(title: string, lines: (string | null | undefined)[], examples: Example[], q: QualityArtifact, context: {file?: string; field?: string; total?: number; unit?: Noun}): HTMLElement {
  const section = el("section", undefined, "quality-item");
  section.appendChild(el("h3", title));
  for (const line of lines) if (line) section.appendChild(el("p", line));
  section.appendChild(examplesTable(examples, {
    customerRows: q.customerRows, labels: q.labels, types: fieldTypes(q), values: fieldValues(q),
    file: q.files.length === 1 ? q.files[0].file : undefined, ...context
  }));
  return section;
}

/** Russian numbers in the genitive ("findings of three kinds" → "находок трёх видов"). */
const genitiveRu = ["", "одного", "двух", "трёх", "четырёх", "пяти", "шести", "семи", "восьми", "девяти", "десяти"];

/** "the audit flagged 5 findings (outliers in 5 columns)", "… 4 findings of 3 kinds (…)". */
export function auditSummary(q: QualityArtifact): string {
  const hits = findingsWithRows(q);
  if (!hits.length) return tr({en: "the audit found no defect", ru: "аудит не нашёл дефектов"});
  const kinds = [...new Set(hits.map((f) => f.kind))];
  const parts = kinds.map((k) => {
    const same = hits.filter((f) => f.kind === k);
    const columns = new Set(same.map((f) => f.field).filter(Boolean)).size;
    const where = same.length > 1 && columns === same.length ? tr({en: ` in ${plural(columns, "column")}`, ru: ` в ${plural(columns, "столбце", "столбцах", "столбцах")}`}) : "";
    return `${kindInSentence(k)}${where}`;
  });
  const ofKinds = kinds.length > 1 ? tr({en: ` of ${kinds.length} kinds`, ru: ` ${genitiveRu[kinds.length] ?? kinds.length} видов`}) : "";
  return tr({en: `the audit flagged ${plural(hits.length, "finding")}`, ru: `аудит отметил ${count(hits.length, nouns.finding)}`}) + `${ofKinds} (${parts.join("; ")})`;
}

/** Each finding that affects rows, in the order of the findings chart: summary, method, example rows. */
export function findingsList(q: QualityArtifact): HTMLElement {
  const root = el("div");
  const hits = findingsWithRows(q);
  if (!hits.length) root.appendChild(el("p", tr({en: "The audit found no defect.", ru: "Аудит не нашёл дефектов."})));
  for (const f of hits) {
    root.appendChild(block(findingTitle(f, q).replace(" · ", " — "),
      [upperFirst(tr(f.summary)) + ".", f.method ? tr({en: `Method: ${f.method.en}.`, ru: `Метод: ${f.method.ru}.`}) : null,
        tr({en: `Rows affected: ${number(f.rows)}${f.groups !== undefined ? `; groups: ${number(f.groups)}` : ""}.`, ru: `Затронуто строк: ${number(f.rows)}${f.groups !== undefined ? `; групп: ${number(f.groups)}` : ""}.`})],
      f.examples, q, {file: f.file, field: f.field, ...exampleTotal(q, f)}));
  }
  return root;
}

const labelKinds = new Set<Finding["kind"]>(["misspelling", "lookalike", "format"]);

/** What the examples of a finding or repair stand for: one example per repaired label for label
 *  fixes (counted by the label findings' groups), one per row otherwise. */
function exampleTotal(q: QualityArtifact, x: Finding | Repair): {total: number; unit: Noun} {
  const labelFindings = q.findings.filter((f) => labelKinds.has(f.kind) && f.file === x.file && f.field === x.field);
  if ("kind" in x ? labelKinds.has(x.kind) : labelFindings.length && x.id.startsWith("fix-label")) {
    return {total: "kind" in x ? x.groups ?? x.examples.length : labelFindings.reduce((s, f) => s + (f.groups ?? 0), 0), unit: nouns.label};
  }
  return {total: x.rows, unit: rowNoun(q)};
}

/** What a row of the case's files is called: "lines" for an order-line log, else "rows". */
function rowNoun(q: QualityArtifact): Noun {
  return /line/.test(q.counts.modelling.unit.en[1]) ? nouns.line : nouns.row;
}

/** The checks that found nothing, as one list (so a clean result is visible too). */
export function cleanChecksList(q: QualityArtifact): HTMLElement {
  const clean = q.findings.filter((f) => f.rows === 0 && !(f.groups ?? 0));
  if (!clean.length) return el("p", tr({en: "Every check found something; see above.", ru: "Каждая проверка что-то нашла; см. выше."}), "muted");
  const list = el("ul");
  const several = q.files.length > 1;
  for (const f of clean) list.appendChild(el("li", `${kindLabel(f.kind)}${several ? ` (${f.file})` : ""}: ${tr(f.summary)}.`));
  return list;
}

/** Every repair rule of the case: those that changed rows with examples, then those that did not. */
export function repairsList(q: QualityArtifact): HTMLElement {
  const root = el("div");
  const several = q.files.length > 1;
  const used = q.repairs.filter((r) => r.rows > 0);
  if (!used.length) root.appendChild(el("p", tr({en: "No repair was needed: the clean tables hold the rows exactly as exported.", ru: "Исправлений не понадобилось: чистые таблицы содержат строки ровно такими, какими они выгружены."})));
  for (const r of used) {
    const action = r.action === "removed" ? tr({en: "Removed", ru: "Удалено"}) : tr({en: "Changed", ru: "Изменено"});
    root.appendChild(block(`${action}: ${count(r.rows, rowNoun(q))}${several ? ` — ${r.file}` : ""}`, [tr(r.description)], r.examples, q,
      {file: r.file, field: r.field, ...exampleTotal(q, r)}));
  }
  const idle = q.repairs.filter((r) => r.rows === 0);
  if (idle.length) {
    root.appendChild(el("p", tr({en: "Repair rules that found nothing to change:", ru: "Правила исправления, которым нечего было менять:"})));
    const list = el("ul");
    for (const r of idle) list.appendChild(el("li", several ? `${r.file}: ${tr(r.description)}` : tr(r.description)));
    root.appendChild(list);
  }
  return root;
}

export function exclusionsList(q: QualityArtifact): HTMLElement {
  const root = el("div");
  const used = q.exclusions.filter((e) => e.rows > 0);
  if (!used.length) root.appendChild(el("p", tr({en: `No ${q.counts.modelling.unit.en[1]} are left out of modelling.`, ru: "Из моделирования ничего не исключено."})));
  for (const e of used) root.appendChild(block(upperFirst(count(e.rows, e.unit)), [tr(e.reason)], e.examples, q, {total: e.rows, unit: e.unit}));
  return root;
}

export function problemsList(problems: Problem[]): HTMLElement {
  if (!problems.length) return el("p", tr({en: "Reading raised no warnings.", ru: "Чтение прошло без предупреждений."}), "muted");
  const list = el("ul");
  for (const p of problems) {
    const where = [p.file, p.line !== undefined ? tr({en: `line ${p.line}`, ru: `строка ${p.line}`}) : null, p.column ? tr({en: `column "${p.column}"`, ru: `столбец «${p.column}»`}) : null].filter(Boolean).join(", ");
    list.appendChild(el("li", tr({en: `${where}: expected ${tr(p.expected, "en")}, found ${tr(p.found, "en")}.${p.hint ? ` ${tr(p.hint, "en")}.` : ""}`,
      ru: `${where} — ожидалось: ${tr(p.expected, "ru")}; найдено: ${tr(p.found, "ru")}.${p.hint ? ` ${upperFirst(tr(p.hint, "ru"))}.` : ""}`})));
  }
  return list;
}

export type {Exclusion, Finding, Repair};

/** A column type in words: the English edition keeps the schema's own names. */
const columnTypes: Record<ColumnType, Text> = {
  integer: {en: "integer", ru: "целое число"}, number: {en: "number", ru: "число"}, flag: {en: "flag", ru: "да/нет (0 или 1)"},
  text: {en: "text", ru: "текст"}, category: {en: "category", ru: "категория"}, datetime: {en: "datetime", ru: "дата и время"}
};

export interface Column<T> {
  key: keyof T & string;
  title: string;
  format?: (value: T[keyof T & string], row: T) => string;
  /** "num": right-aligned, no wrapping; "code": an identifier that may break anywhere; "prose": text
   *  that keeps a readable width. */
  kind?: "num" | "code" | "prose";
}

/** A cell holding an identifier ("Avg_class_frequency_total", "classFrequencyTotal") that may break
 *  after an underscore or before an inner capital, never inside a word. */
function codeCell(text: string): HTMLTableCellElement {
  const cell = el("td", undefined, "code");
  text.split(/(?<=_)|(?<=[a-z])(?=[A-Z])/).forEach((part, i) => {
    if (i) cell.appendChild(document.createElement("wbr"));
    cell.appendChild(document.createTextNode(part));
  });
  return cell;
}

/** A plain, full-height table of records (text only), in a box that scrolls sideways when the table
 *  is wider than the page (never the page itself). With `groupBy`, rows sharing that key are
 *  listed under one heading row instead of repeating it on every row. */
export function recordsTable<T extends object>(rows: T[], columns: Column<T>[], {groupBy}: {groupBy?: keyof T & string} = {}): HTMLElement {
  const shown = groupBy ? columns.filter((c) => c.key !== groupBy) : columns;
  const table = el("table", undefined, "quality-records");
  const head = table.createTHead().insertRow();
  for (const c of shown) head.appendChild(el("th", c.title, c.kind === "num" ? "num" : undefined));
  const body = table.createTBody();
  let group: unknown = undefined;
  for (const r of rows) {
    if (groupBy && r[groupBy] !== group) {
      group = r[groupBy];
      const heading = body.insertRow();
      heading.className = "group";
      const th = heading.appendChild(el("th", String(group ?? "")));
      th.colSpan = shown.length;
    }
    const row = body.insertRow();
    for (const c of shown) {
      const value = r[c.key];
      const text = c.format ? c.format(value, r) : typeof value === "number" ? number(value) : isText(value) ? tr(value) : String(value ?? "");
      row.appendChild(c.kind === "code" ? codeCell(text) : el("td", text, c.kind));
    }
  }
  const box = el("div", undefined, "table-scroll");
  box.appendChild(table);
  return box;
}

/** Files of the case with their detected dialect. */
export function filesTable(q: QualityArtifact): HTMLElement {
  return recordsTable(q.files, [
    {key: "file", title: tr({en: "File", ru: "Файл"})},
    {key: "title", title: tr({en: "Content", ru: "Содержимое"})},
    {key: "description", title: tr({en: "Dialect", ru: "Формат записи"}), kind: "prose"},
    {key: "rows", title: tr({en: "Rows", ru: "Строк"}), kind: "num"},
    {key: "columns", title: tr({en: "Columns", ru: "Столбцов"}), kind: "num"}
  ]);
}

/** The schema's column mapping: export name → field → meaning, type and allowed values; grouped
 *  under a heading per file when the case has several files (the file is named above otherwise). */
export function columnsTable(q: QualityArtifact): HTMLElement {
  // The Russian edition leaves out the analysis' English field names (code, not words for its reader).
  const columns: Column<QualityArtifact["columns"][number]>[] = [
    {key: "file", title: tr({en: "File", ru: "Файл"}), kind: "code"},
    {key: "source", title: tr({en: "Column in export", ru: "Столбец в выгрузке"}), kind: "code"},
    ...(pageLang === "ru" ? [] : [{key: "field" as const, title: "Field", kind: "code" as const}]),
    {key: "label", title: tr({en: "Meaning", ru: "Смысл"}), kind: "prose"},
    {key: "type", title: tr({en: "Type", ru: "Тип"}), format: (t) => tr(columnTypes[t as ColumnType] ?? String(t))},
    {key: "allowed", title: tr({en: "Allowed", ru: "Допустимые значения"}), kind: "prose"}
  ];
  return q.files.length > 1
    ? recordsTable(q.columns, columns, {groupBy: "file"})
    : recordsTable(q.columns, columns.filter((c) => c.key !== "file"));
}
