/** Missing values per column, in SQL: one finding per file (zero rows when nothing is missing). */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne, queryRows} from "../io/duckdb.ts";
import type {Finding} from "./types.ts";
import type {TableRef} from "./duplicates.ts";
import {count, ru} from "./words.ts";

export async function missingValues(connection: DuckDBConnection, ref: TableRef, fields: string[], {maxExamples = 5} = {}): Promise<Finding> {
  const line = ref.line ?? "rowid + 2";
  const t = ident(ref.table);
  const any = fields.map((f) => `${ident(f)} IS NULL`).join(" OR ") || "false";
  const counts = await queryOne<Record<string, number>>(connection,
    `SELECT count(*) FILTER (WHERE ${any}) AS rows, ${fields.map((f, i) => `count(*) - count(${ident(f)}) AS c${i}`).join(", ") || "0 AS none"} FROM ${t}`);
  const byField = fields.map((f, i) => [f, counts[`c${i}`]] as const).filter(([, n]) => n > 0);
  const examples = counts.rows ? await queryRows<{line: number; field: string}>(connection,
    `SELECT ${line} AS line, ${fields.map((f) => `CASE WHEN ${ident(f)} IS NULL THEN '${f}' END`).reduce((a, b) => `coalesce(${a}, ${b})`)} AS field
     FROM ${t} WHERE ${any} ORDER BY ${line} LIMIT ${maxExamples}`) : [];
  return {
    kind: "missing", file: ref.file, rows: counts.rows, groups: byField.length,
    summary: counts.rows
      ? {en: `${count(counts.rows, "row misses", "rows miss")} a value (${byField.map(([f, n]) => `${f}: ${n}`).join(", ")})`,
        ru: `${ru.plural(counts.rows, "строке", "строкам", "строкам")} не хватает значения (${byField.map(([f, n]) => `${f}: ${ru.int(n)}`).join(", ")})`}
      : {en: `no value is missing in ${ref.file}`, ru: `в ${ref.file} нет пропущенных значений`},
    examples: examples.map((e) => ({file: ref.file, line: e.line, field: e.field}))
  };
}
