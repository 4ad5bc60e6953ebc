/** Shared helper: turn located rows from SQL into report examples. */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {queryRows} from "../io/duckdb.ts";
import type {Example} from "./types.ts";

export interface ExampleRow {
  line: number;
  id?: string | number | null;
  found?: string | number | null;
  becomes?: string | number | null;
  note?: string | null;
  /** The note in Russian (required with a note). */
  note_ru?: string | null;
}

export function toExample(file: string, field: string | undefined, r: ExampleRow): Example {
  const e: Example = {file, line: r.line};
  if (r.id !== undefined && r.id !== null) e.id = String(r.id);
  if (field) e.field = field;
  if (r.found !== undefined && r.found !== null) e.found = String(r.found);
  if (r.becomes !== undefined && r.becomes !== null) e.becomes = String(r.becomes);
  if (r.note) e.note = {en: r.note, ru: r.note_ru ?? r.note};
  return e;
}

export async function examples(connection: DuckDBConnection, sql: string, file: string, field?: string): Promise<Example[]> {
  const rows = await queryRows<ExampleRow>(connection, sql);
  return rows.map((r) => toExample(file, field, r));
}
