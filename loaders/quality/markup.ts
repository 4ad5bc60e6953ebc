/**
 * Text values that contain HTML markup (tags, `<script>`). They are kept as text — pages render
 * data as text nodes, never as markup — but are reported so nobody is surprised.
 */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne} from "../io/duckdb.ts";
import type {Finding} from "./types.ts";
import type {TableRef} from "./duplicates.ts";
import {examples} from "./sql-examples.ts";
import {count, ru} from "./words.ts";

export const markupPattern = "</?[A-Za-z!][^<>]*>";

export async function markupInText(connection: DuckDBConnection, ref: TableRef, field: string, {maxExamples = 3} = {}): Promise<Finding | null> {
  const line = ref.line ?? "rowid + 2";
  const cond = `regexp_matches(${ident(field)}, '${markupPattern}')`;
  const {rows} = await queryOne<{rows: number}>(connection, `SELECT count(*) AS rows FROM ${ident(ref.table)} WHERE ${cond}`);
  if (!rows) return null;
  return {
    kind: "markup", file: ref.file, field, rows,
    summary: {en: `${count(rows, "value")} of ${field} ${rows === 1 ? "contains" : "contain"} HTML-like markup, kept and shown as plain text`,
      ru: `${ru.plural(rows, "значение", "значения", "значений")} столбца ${field} ${rows === 1 ? "содержит" : "содержат"} разметку вроде HTML; оставлены и показаны как обычный текст`},
    examples: await examples(connection, `SELECT ${line} AS line, ${ident(field)} AS found FROM ${ident(ref.table)} WHERE ${cond} ORDER BY ${line} LIMIT ${maxExamples}`, ref.file, field)
  };
}
