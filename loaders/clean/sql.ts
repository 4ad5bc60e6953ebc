/** SQL helpers shared by the clean steps. */
import {ident, literal} from "../io/duckdb.ts";

/** CASE expression mapping every source label found to its English value (NULL otherwise). */
export function categorySql(field: string, mapping: Record<string, string>): string {
  const entries = Object.entries(mapping);
  if (!entries.length) return "CAST(NULL AS VARCHAR)";
  return `CASE ${ident(field)} ${entries.map(([from, to]) => `WHEN ${literal(from)} THEN ${literal(to)}`).join(" ")} ELSE NULL END`;
}
