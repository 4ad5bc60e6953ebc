/**
 * Text values that contain HTML markup (tags, `<script>`). They are kept as text — pages render
 * data as text nodes, never as markup — but are reported so nobody is surprised.
 */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne} from "../io/duckdb.ts";
import type {Finding} from "./types.ts";
import type {TableRef} from "./duplicates.ts";
import {examples} from "./sql-examples.ts";
import {count} from "./words.ts";

export const markupPattern = "</?[A-Za-z!][^<>]*>";

export async function markupInText(connection: DuckDBConnection, ref: TableRef, field: string, {maxExamples = 3} = {}): Promise<Finding | null> {
  const line = ref.line ?? "rowid + 2";
  const cond = `regexp_matches(${ident(field)}, '${markupPattern}')`;
  const {rows} = await queryOne<{rows: number}>(connection, `SELECT count(*) AS rows FROM ${ident(ref.table)} WHERE ${cond}`);
  if (!rows) return null;
  return {
    kind: "markup", file: ref.file, field, rows,
    summary: `${count(rows, "value")} of ${field} ${rows === 1 ? "contains" : "contain"} HTML-like markup, kept and shown as plain text`,
    examples: await examples(connection, `SELECT ${line} AS line, ${ident(field)} AS found FROM ${ident(ref.table)} WHERE ${cond} ORDER BY ${line} LIMIT ${maxExamples}`, ref.file, field)
  };
}
