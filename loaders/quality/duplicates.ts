/**
 * Exact duplicate rows (every field equal) and near-duplicates (the same key at a different
 * timestamp), found in SQL. Lines are `rowid + lineOffset` of the raw table.
 */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne} from "../io/duckdb.ts";
import type {Finding} from "./types.ts";
import {examples} from "./sql-examples.ts";
import {count, ru} from "./words.ts";
import {nouns} from "../../src/components/glossary.ts";

export interface TableRef {
  /** DuckDB table or view name. */
  table: string;
  /** Export file name, for reports. */
  file: string;
  /** SQL expression of the row's line in the file (default `rowid + 2`). */
  line?: string;
}

export interface DuplicateOptions {
  /** Fields compared (default: all given). */
  fields: string[];
  /** Field holding an id shown in examples (redacted in public builds). */
  idField?: string;
  maxExamples?: number;
}

/** Rows identical in every field to an earlier row: the later copies are the duplicates. */
export async function exactDuplicates(connection: DuckDBConnection, ref: TableRef, {fields, idField, maxExamples = 5}: DuplicateOptions): Promise<Finding> {
  const line = ref.line ?? "rowid + 2";
  const cols = fields.map(ident).join(", ");
  const ranked = `SELECT ${line} AS line, ${idField ? ident(idField) : "NULL"} AS id, min(${line}) OVER w AS first, row_number() OVER (w ORDER BY ${line}) AS k
    FROM ${ident(ref.table)} WINDOW w AS (PARTITION BY ${cols})`;
  const {rows, groups} = await queryOne<{rows: number; groups: number}>(connection,
    `SELECT count(*) AS rows, count(DISTINCT first) AS groups FROM (${ranked}) WHERE k > 1`);
  const ex = rows ? await examples(connection,
    `SELECT line, id, 'copy of line ' || first AS note, 'копия строки ' || first AS note_ru FROM (${ranked}) WHERE k > 1 ORDER BY line LIMIT ${maxExamples}`, ref.file) : [];
  return {
    kind: "exact-duplicate", file: ref.file, rows, groups,
    summary: rows
      ? {en: `${count(rows, "row repeats", "rows repeat")} an earlier row exactly`, ru: `${ru.plural(rows, "строка в точности повторяет", "строки в точности повторяют", "строк в точности повторяют")} более раннюю`}
      : {en: "no row repeats another exactly", ru: "ни одна строка не повторяет другую в точности"},
    method: {en: `rows equal in ${fields.length} fields`, ru: `строки, равные во всех полях (${ru.plural(fields.length, "поле", "поля", "полей")})`}, examples: ex
  };
}

export interface NearDuplicateOptions {
  /** Fields that identify the same record (e.g. order, product). */
  key: string[];
  /** Timestamp field that differs between copies. */
  time: string;
  idField?: string;
  maxExamples?: number;
}

/** Keys seen at more than one timestamp: rows after the key's first timestamp are near-duplicates. */
export async function nearDuplicates(connection: DuckDBConnection, ref: TableRef, {key, time, idField, maxExamples = 5}: NearDuplicateOptions): Promise<Finding> {
  const line = ref.line ?? "rowid + 2";
  const keys = key.map(ident).join(", ");
  const t = ident(time);
  const flagged = `SELECT ${line} AS line, ${idField ? ident(idField) : "NULL"} AS id, ${t} AS t, min(${t}) OVER w AS first_t,
      min(${line}) OVER w AS first_line
    FROM ${ident(ref.table)} WINDOW w AS (PARTITION BY ${keys})`;
  const {rows, groups} = await queryOne<{rows: number; groups: number}>(connection,
    `SELECT count(*) FILTER (WHERE t > first_t) AS rows, count(DISTINCT first_line) FILTER (WHERE t > first_t) AS groups FROM (${flagged})`);
  const ex = rows ? await examples(connection,
    `SELECT line, id, CAST(t AS VARCHAR) AS found, 'first seen ' || CAST(first_t AS VARCHAR) || ' (line ' || first_line || ')' AS note,
       'впервые ' || CAST(first_t AS VARCHAR) || ' (строка ' || first_line || ')' AS note_ru
     FROM (${flagged}) WHERE t > first_t ORDER BY line LIMIT ${maxExamples}`, ref.file, time) : [];
  return {
    kind: "near-duplicate", file: ref.file, rows, groups,
    summary: rows
      ? {en: `${count(rows, "row repeats", "rows repeat")} a ${key.join(" + ")} already logged at an earlier time (${count(groups, "group")})`,
        ru: `${ru.plural(rows, "строка повторяет", "строки повторяют", "строк повторяют")} сочетание ${key.join(" + ")}, уже записанное раньше (${ru.count(groups, nouns.group)})`}
      : {en: `no ${key.join(" + ")} is logged at more than one time`, ru: `ни одно сочетание ${key.join(" + ")} не записано в разное время`},
    method: {en: `same ${key.join(" + ")}, later ${time}`, ru: `то же ${key.join(" + ")}, более позднее ${time}`}, examples: ex
  };
}
