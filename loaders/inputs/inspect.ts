/**
 * What `npm run init` knows of an export without reading it whole: every CSV/Parquet file in a
 * folder (flat or in subfolders), and of each its header and a sample of rows (CSV: the first
 * `SAMPLE_BYTES` through the case reader's dialect detection; Parquet: DuckDB's first rows), and of
 * each column what its sampled values look like.
 */
import {readdirSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {detectDialectFromBytes, readSample, type Dialect} from "../io/dialect.ts";
import {ident, literal, queryRows, withDatabase} from "../io/duckdb.ts";
import {MAPPING_FILE} from "./mapping.ts";
import {flagWords} from "./glossary.ts";
import {normalName} from "./names.ts";

/** Bytes read from the start of a CSV. */
export const SAMPLE_BYTES = 1 << 20;
/** Distinct values kept per column. */
const MAX_VALUES = 1000;
/** Rows sampled per file. */
export const SAMPLE_ROWS = 5000;

/** What a column's sampled values look like. */
export type ValueKind =
  | "empty"
  /** 0 and 1 only */
  | "flag"
  /** two labels naming yes and no (да/нет, true/false…) */
  | "yes-no"
  | "integer"
  | "number"
  /** YYYYMMDDHH, YYYYMMDD, ISO 8601 or day-first dates */
  | "datetime"
  | "uuid"
  | "email"
  | "phone"
  /** two or three capitalised words, like people's names, and many different ones */
  | "person-name"
  /** few distinct labels */
  | "category"
  | "text";

export interface InspectedColumn {
  header: string;
  kind: ValueKind;
  /** Distinct non-empty values in the sample, most frequent first (at most MAX_VALUES kept). */
  values: string[];
  distinct: number;
  /** Non-empty sampled values. */
  filled: number;
  /** Smallest and largest value, for numbers. */
  min?: number;
  max?: number;
}

export interface InspectedFile {
  /** Path relative to the folder. */
  file: string;
  path: string;
  format: "csv" | "parquet";
  dialect?: Dialect;
  columns: InspectedColumn[];
  rows: number;
  /** Bytes of the file read (CSV); Parquet is read by DuckDB, a bounded number of rows. */
  bytesRead: number;
}

/** Every CSV/Parquet file under `dir`, relative paths in sorted order; hidden entries and the mapping skipped. */
export function findExports(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at).sort()) {
      if (entry.startsWith(".") || entry === "node_modules" || entry === MAPPING_FILE) continue;
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(csv|parquet)$/i.test(entry)) out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out;
}

const yesNo = new Set([...flagWords["1"], ...flagWords["0"]].map(normalName));

function isDatetime(v: string): boolean {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(\d{2})(\d{2})(\d{2})?$/.exec(v))) return +m[1] >= 1900 && +m[1] <= 2100 && +m[2] >= 1 && +m[2] <= 12 && +m[3] >= 1 && +m[3] <= 31 && (m[4] === undefined || +m[4] <= 23);
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return true;
  return /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})( \d{1,2}:\d{2}(:\d{2})?)?$/.test(v);
}

/** The kind of a column from its sampled values (numbers read with the file's decimal mark). */
export function valueKind(values: string[], decimal: "." | "," = "."): ValueKind {
  const filled = values.filter((v) => v !== "");
  if (!filled.length) return "empty";
  const distinct = new Set(filled);
  const all = (test: (v: string) => boolean) => filled.every(test);
  const numeric = (v: string) => /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(v) && (decimal === "," || !v.includes(","));
  if (all((v) => /^[01](\.0+)?$/.test(v))) return "flag";
  if (distinct.size <= 2 && [...distinct].every((v) => yesNo.has(normalName(v))) && !all(numeric)) return "yes-no";
  if (all((v) => /^\d{8}(\d{2})?$/.test(v) || !/^\d+$/.test(v)) && all(isDatetime)) return "datetime";
  if (all(numeric)) return all((v) => /^[-+]?\d+([.,]0+)?$/.test(v)) ? "integer" : "number";
  if (all((v) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(v))) return "uuid";
  if (all((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v))) return "email";
  if (all((v) => /^\+?[\d\s()-]{7,}$/.test(v) && v.replace(/\D/g, "").length >= 7)) return "phone";
  if (distinct.size > 20 && all((v) => /^\p{Lu}\p{Ll}+(\s\p{Lu}\.?(\p{Ll}+)?\.?){1,2}$/u.test(v))) return "person-name";
  return distinct.size <= Math.max(20, filled.length * 0.05) ? "category" : "text";
}

function inspectColumn(header: string, values: string[], decimal: "." | ","): InspectedColumn {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== "") counts.set(v, (counts.get(v) ?? 0) + 1);
  const kind = valueKind(values, decimal);
  const column: InspectedColumn = {
    header, kind, distinct: counts.size, filled: values.filter((v) => v !== "").length,
    values: [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_VALUES).map(([v]) => v)
  };
  if (kind === "integer" || kind === "number" || kind === "flag") {
    const numbers = [...counts.keys()].map((v) => Number(v.replace(",", ".")));
    column.min = Math.min(...numbers);
    column.max = Math.max(...numbers);
  }
  return column;
}

function inspectCsv(dir: string, file: string): InspectedFile {
  const path = join(dir, file);
  const {bytes, complete} = readSample(path, SAMPLE_BYTES);
  const dialect = detectDialectFromBytes(bytes, complete, {sampleLines: SAMPLE_ROWS + 1});
  const rows = dialect.sample.filter((r) => r.length === dialect.header.length);
  const {sample: _sample, invalid: _invalid, ...plain} = dialect;
  return {
    file, path, format: "csv", dialect: plain, rows: rows.length, bytesRead: bytes.length,
    columns: dialect.header.map((h, i) => inspectColumn(h, rows.map((r) => r[i].trim()), dialect.decimal))
  };
}

async function inspectParquet(dir: string, file: string): Promise<InspectedFile> {
  const path = join(dir, file);
  return withDatabase(async (connection) => {
    const source = `read_parquet(${literal(path)})`;
    const described = await queryRows<{column_name: string}>(connection, `DESCRIBE SELECT * FROM ${source}`);
    const headers = described.map((d) => d.column_name);
    const rows = await queryRows<{row: (string | null)[]}>(connection,
      `SELECT [${headers.map((h) => `CAST(${ident(h)} AS VARCHAR)`).join(", ")}] AS row FROM (SELECT * FROM ${source} LIMIT ${SAMPLE_ROWS})`);
    return {
      file, path, format: "parquet", rows: rows.length, bytesRead: 0,
      columns: headers.map((h, i) => inspectColumn(h, rows.map((r) => r.row[i] ?? ""), "."))
    };
  });
}

/** Sample one export (path relative to `dir`). */
export async function inspectFile(dir: string, file: string): Promise<InspectedFile> {
  return /\.parquet$/i.test(file) ? inspectParquet(dir, file) : inspectCsv(dir, file);
}
