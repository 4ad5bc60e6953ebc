/**
 * Validate a raw table against its file's schema, in SQL (fast on large logs): required values,
 * whole numbers, flags, ranges, dates, category labels (misspellings repaired, unknown labels
 * reported), a target with both classes, and conflicting rows under the file's key.
 * Problems are bounded per rule and per file; exact duplicate rows are left to the audits.
 */
import type {DuckDBConnection} from "./duckdb.ts";
import {ident, literal, queryOne, queryRows} from "./duckdb.ts";
import {columnLabel, type ColumnSpec} from "./schema.ts";
import type {Text} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";
import {nouns} from "../../src/components/glossary.ts";
import type {Problem} from "./problems.ts";
import {shown} from "./problems.ts";
import type {ReadResult} from "./read.ts";
import {expectedText} from "./read.ts";
import {datetimeSql} from "./datetime.ts";
import type {LabelCount, LabelFix} from "../quality/labels.ts";
import {resolveLabels} from "../quality/labels.ts";

export interface ValidateOptions {
  /** Locations shown per rule (default 5). */
  examplesPerRule?: number;
  /** Problems per file (default 20). */
  maxProblems?: number;
}

export interface LabelRepair extends LabelFix {
  field: string;
  /** English value the label maps to. */
  value: string;
}

export interface Validation {
  problems: Problem[];
  /** Per category field: every label found → English value (misspellings included). */
  categories: Record<string, Record<string, string>>;
  labelRepairs: LabelRepair[];
  /** Rows per field with no value (from the validation scan). */
  nulls: Record<string, number>;
  /** Rows in the table. */
  rows: number;
}

/** The value as text; whole DOUBLEs without ".0" (numbers are read as DOUBLE). */
function shownSql(col: ColumnSpec, c: string): string {
  return col.type === "integer" || col.type === "number" || col.type === "flag"
    ? `CASE WHEN ${c} = trunc(${c}) AND abs(${c}) < 1e15 THEN CAST(CAST(${c} AS BIGINT) AS VARCHAR) ELSE CAST(${c} AS VARCHAR) END`
    : `CAST(${c} AS VARCHAR)`;
}

const ru = formats("ru");

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(+v.toPrecision(6));
}

export async function validateTable(connection: DuckDBConnection, read: ReadResult, {examplesPerRule = 5, maxProblems = 20}: ValidateOptions = {}): Promise<Validation> {
  const {spec, table, lineOffset} = read;
  const t = ident(table);
  const line = `rowid + ${lineOffset}`;
  const problems: Problem[] = [];
  const categories: Record<string, Record<string, string>> = {};
  const labelRepairs: LabelRepair[] = [];
  const {total} = await queryOne<{total: number}>(connection, `SELECT count(*) AS total FROM ${t}`);

  interface Rule {col: ColumnSpec; where: string; expected: Text; hint?: Text}
  const rules: Rule[] = [];
  for (const col of spec.columns) {
    const c = ident(col.field);
    const label = columnLabel(col);
    if (col.required !== false) {
      rules.push({col, where: `${c} IS NULL`, expected: {en: `a value (${expectedText(col).en})`, ru: `значение (${expectedText(col).ru})`},
        hint: {en: "fill in the value or remove the row in the export", ru: "заполните значение или удалите строку в выгрузке"}});
    }
    if (col.type === "integer") rules.push({col, where: `${c} <> trunc(${c})`, expected: expectedText(col), hint: {en: "this column counts whole units; correct the value in the export", ru: "в этом столбце целые числа; исправьте значение в выгрузке"}});
    if (col.type === "flag") rules.push({col, where: `${c} NOT IN (0, 1)`, expected: {en: "0 or 1", ru: "0 или 1"}, hint: {en: "write 1 for yes and 0 for no", ru: "пишите 1 для «да» и 0 для «нет»"}});
    if ((col.type === "integer" || col.type === "number") && (col.min !== undefined || col.max !== undefined)) {
      const lo = typeof col.min === "number" ? col.min : -Infinity;
      const hi = typeof col.max === "number" ? col.max : Infinity;
      const conds = [Number.isFinite(lo) ? `${c} < ${lo}` : null, Number.isFinite(hi) ? `${c} > ${hi}` : null].filter(Boolean).join(" OR ");
      const expected = Number.isFinite(hi) ? {en: `a value from ${fmt(lo)} to ${fmt(hi)}`, ru: `значение от ${fmt(lo)} до ${fmt(hi)}`} : {en: `a value of at least ${fmt(lo)}`, ru: `значение не меньше ${fmt(lo)}`};
      const hint = {en: `${col.label.toLowerCase()} cannot be negative${lo === 1 ? " or zero" : ""}`, ru: `«${label.ru}» не может быть ${lo === 1 ? "отрицательным или нулём" : "отрицательным"}`};
      if (conds) rules.push({col, where: conds, expected, hint: lo === 0 || lo === 1 ? hint : undefined});
    }
    if (col.type === "datetime") {
      const parsed = datetimeSql(c, read.datetimes[col.field]);
      rules.push({col, where: `${c} IS NOT NULL AND (${parsed}) IS NULL`, expected: expectedText(col),
        hint: {en: "write dates as YYYYMMDDHH (2018100113), ISO (2018-10-01T13:00) or day first (01.10.2018 13:00)", ru: "записывайте даты как ГГГГММДДЧЧ (2018100113), ISO (2018-10-01T13:00) или начиная с дня (01.10.2018 13:00)"}});
      const lo = typeof col.min === "string" ? col.min : null;
      const hi = typeof col.max === "string" ? col.max : null;
      if (lo && hi) {
        rules.push({col, where: `(${parsed}) < TIMESTAMP ${literal(lo)} OR (${parsed}) >= TIMESTAMP ${literal(hi)}`,
          expected: {en: `a date from ${lo} to before ${hi}`, ru: `дата от ${lo} и раньше ${hi}`},
          hint: {en: "check the year: a date this far out is a typing or export error", ru: "проверьте год: настолько далёкая дата — опечатка или ошибка выгрузки"}});
      }
    }
  }

  // One scan counts every rule, the missing values and the target's classes.
  const counts = await queryOne<Record<string, number>>(connection, `SELECT ${[
    ...rules.map((r, i) => `count(*) FILTER (WHERE ${r.where}) AS r${i}`),
    ...spec.columns.map((col, i) => `count(*) - count(${ident(col.field)}) AS n${i}`),
    ...spec.columns.map((col, i) => (col.target ? `count(DISTINCT ${ident(col.field)}) AS t${i}` : "NULL AS t" + i))
  ].join(", ")} FROM ${t}`);

  const empty = new Set<ColumnSpec>();
  spec.columns.forEach((col, i) => {
    if (counts[`n${i}`] === total) {
      empty.add(col);
      problems.push({severity: "error", file: spec.file, column: col.source,
        expected: {en: `values in column ${shown(col.source)} (${col.label})`, ru: `значения в столбце ${shown(col.source)} (${columnLabel(col).ru})`},
        found: {en: `the column is empty in all ${total} rows`, ru: `столбец пуст во всех строках (${ru.count(total, nouns.row)})`},
        hint: {en: "the export lost this column's values; export it again", ru: "выгрузка потеряла значения этого столбца; выгрузите её заново"}});
    }
  });

  for (const [i, r] of rules.entries()) {
    const n = counts[`r${i}`];
    if (!n || empty.has(r.col)) continue;
    const rows = await queryRows<{line: number; value: string | null}>(connection,
      `SELECT ${line} AS line, ${shownSql(r.col, ident(r.col.field))} AS value FROM ${t} WHERE ${r.where} ORDER BY rowid LIMIT ${examplesPerRule}`);
    for (const row of rows) problems.push({severity: "error", file: spec.file, line: row.line, column: r.col.source, expected: r.expected, found: shown(row.value), hint: r.hint});
    if (n > rows.length) {
      problems.push({severity: "error", file: spec.file, column: r.col.source, expected: r.expected, hint: r.hint,
        found: {en: `${n - rows.length} more rows like these (${n} in all)`, ru: `ещё ${ru.plural(n - rows.length, "такая строка", "такие строки", "таких строк")} (всего ${ru.int(n)})`}});
    }
  }

  for (const [i, col] of spec.columns.entries()) {
    if (empty.has(col)) continue;
    const c = ident(col.field);
    if (col.type === "category" && col.values) {
      const found = await queryRows<LabelCount>(connection,
        `SELECT ${c} AS value, count(*) AS rows, min(rowid) + ${lineOffset} AS line FROM ${t} WHERE ${c} IS NOT NULL GROUP BY ${c} ORDER BY rows DESC, value`);
      const resolution = resolveLabels(found, Object.keys(col.values));
      categories[col.field] = Object.fromEntries(Object.entries(resolution.mapping).map(([from, to]) => [from, col.values![to]]));
      for (const fix of resolution.fixes) labelRepairs.push({...fix, field: col.field, value: col.values[fix.to]});
      for (const u of resolution.unknown.slice(0, examplesPerRule)) {
        problems.push({severity: "error", file: spec.file, line: u.line, column: col.source, expected: expectedText(col),
          found: {en: `${shown(u.value)}${u.rows > 1 ? ` (in ${u.rows} rows)` : ""}`, ru: `${shown(u.value)}${u.rows > 1 ? ` (в ${ru.plural(u.rows, "строке", "строках", "строках")})` : ""}`},
          hint: col.entry
            ? {en: `give the value its meaning in "values" of the mapping entry ${col.entry}, or correct it in the export`, ru: `укажите смысл значения в "values" записи сопоставления ${col.entry} или исправьте его в выгрузке`}
            : {en: "add the label to the schema if it is new, or correct it in the export", ru: "добавьте метку в схему, если она новая, или исправьте её в выгрузке"}});
      }
    }
    if (col.target && (counts[`t${i}`] < 2 || col.type === "category")) {
      const classes = await queryRows<{value: string; n: number}>(connection,
        `SELECT ${shownSql(col, c)} AS value, count(*) AS n FROM ${t} WHERE ${c} IS NOT NULL GROUP BY 1 ORDER BY 1`);
      const distinct = col.type === "category" && categories[col.field]
        ? new Set(classes.map((k) => categories[col.field][k.value] ?? k.value)) : new Set(classes.map((k) => k.value));
      if (distinct.size < 2) {
        const only = [...distinct].map((v) => shown(v)).join(", ");
        problems.push({severity: "error", file: spec.file, column: col.source,
          expected: {en: `both classes of the target ${shown(col.source)} (${col.label})`, ru: `оба класса целевого признака ${shown(col.source)} (${columnLabel(col).ru})`},
          found: {en: `only ${only} in all ${total} rows`, ru: `только ${only} во всех строках (${ru.count(total, nouns.row)})`},
          hint: {en: "a model needs examples of both outcomes; check the export's filter", ru: "модели нужны примеры обоих исходов; проверьте фильтр выгрузки"}});
      }
    }
  }

  if (spec.key?.length) {
    const keys = spec.key.map(ident).join(", ");
    const cols = spec.columns.map((c) => ident(c.field)).join(", ");
    const conflicts = await queryRows<{key: string; lines: number[]; n: number}>(connection,
      `SELECT concat_ws(' / ', ${spec.key.map((k) => `CAST(${ident(k)} AS VARCHAR)`).join(", ")}) AS key, list(line ORDER BY line)[1:5] AS lines, count(*) OVER () AS n
       FROM (SELECT ${keys}, ${line} AS line, hash(${cols}) AS h FROM ${t})
       GROUP BY ${keys} HAVING count(DISTINCT h) > 1 ORDER BY min(line) LIMIT ${examplesPerRule}`);
    for (const k of conflicts) {
      problems.push({severity: "error", file: spec.file, line: k.lines[0], column: spec.key.map((f) => spec.columns.find((c) => c.field === f)!.source).join(", "),
        expected: {en: `one row per ${spec.key.join(" + ")}`, ru: `одна строка на каждое ${spec.key.join(" + ")}`},
        found: {en: `rows with different values at lines ${k.lines.join(", ")}`, ru: `строки с разными значениями: ${k.lines.join(", ")}`},
        hint: {en: "the key is repeated with conflicting data; keep one row per key in the export", ru: "ключ повторяется с противоречащими данными; оставьте в выгрузке одну строку на ключ"}});
    }
  }

  const errors = problems.filter((p) => p.severity === "error");
  const bounded = errors.length > maxProblems
    ? [...errors.slice(0, maxProblems), {severity: "error" as const, file: spec.file, expected: {en: "no further problems", ru: "других проблем нет"},
      found: {en: `${errors.length - maxProblems} more problems`, ru: `ещё ${ru.plural(errors.length - maxProblems, "проблема", "проблемы", "проблем")}`}}]
    : errors;
  const nulls = Object.fromEntries(spec.columns.map((col, i) => [col.field, counts[`n${i}`]]));
  return {problems: bounded, categories, labelRepairs, nulls, rows: total};
}
