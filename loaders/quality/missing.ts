/** Missing values per column, in SQL. */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne} from "../io/duckdb.ts";
import type {Finding} from "./types.ts";
import type {TableRef} from "./duplicates.ts";
import {examples} from "./sql-examples.ts";

export async function missingValues(connection: DuckDBConnection, ref: TableRef, fields: string[], {maxExamples = 3} = {}): Promise<Finding[]> {
  if (!fields.length) return [];
  const line = ref.line ?? "rowid + 2";
  const counts = await queryOne<Record<string, number>>(connection,
    `SELECT ${fields.map((f, i) => `count(*) - count(${ident(f)}) AS c${i}`).join(", ")} FROM ${ident(ref.table)}`);
  const findings: Finding[] = [];
  for (const [i, field] of fields.entries()) {
    const rows = counts[`c${i}`];
    if (!rows) continue;
    findings.push({
      kind: "missing", file: ref.file, field, rows,
      summary: `${rows} rows have no ${field}`,
      examples: await examples(connection, `SELECT ${line} AS line FROM ${ident(ref.table)} WHERE ${ident(field)} IS NULL ORDER BY ${line} LIMIT ${maxExamples}`, ref.file, field)
    });
  }
  return findings;
}
