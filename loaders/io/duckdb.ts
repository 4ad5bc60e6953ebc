/**
 * A thin layer over `@duckdb/node-api`: open an embedded database, run SQL, and read results as
 * plain JSON-friendly rows (BIGINT → number, DATE/TIMESTAMP → ISO string).
 */
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {DuckDBInstance, JSDuckDBValueConverter, type DuckDBConnection, type DuckDBEnumType, type DuckDBValue} from "@duckdb/node-api";
import {chunkLabels, chunkNumbers, chunkTexts, fastKindOf} from "./chunk-columns.ts";

export type {DuckDBConnection};

export interface OpenOptions {
  /** Database file, or ":memory:" (default). A file lets DuckDB spill large tables to disk. */
  path?: string;
  /** DuckDB `memory_limit`, e.g. "1GB". Default: DuckDB's own (80% of RAM). */
  memoryLimit?: string;
  /** DuckDB `threads`. Default: DuckDB's own (all cores). */
  threads?: number;
  /** Folder where DuckDB spills data that does not fit in `memoryLimit`. */
  tempDirectory?: string;
}

export interface Database {
  connection: DuckDBConnection;
  /** Disconnect and close the instance. */
  close(): void;
}

export async function openDatabase({path = ":memory:", memoryLimit, threads, tempDirectory}: OpenOptions = {}): Promise<Database> {
  const config: Record<string, string> = {};
  if (memoryLimit) config.memory_limit = memoryLimit;
  if (threads) config.threads = String(threads);
  if (tempDirectory) config.temp_directory = tempDirectory;
  const instance = await DuckDBInstance.create(path, config);
  const connection = await instance.connect();
  return {
    connection,
    close() {
      connection.disconnectSync();
      instance.closeSync();
    }
  };
}

/**
 * A database in a temporary file, removed on close: DuckDB keeps tables compressed on disk and
 * pages them through `memoryLimit`, which holds peak memory down on logs of millions of lines.
 */
export async function openScratchDatabase({memoryLimit = "768MB", threads}: Omit<OpenOptions, "path" | "tempDirectory"> = {}): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), "clientele-duckdb-"));
  const db = await openDatabase({path: join(dir, "scratch.duckdb"), memoryLimit, threads, tempDirectory: join(dir, "spill")});
  return {
    connection: db.connection,
    close() {
      db.close();
      rmSync(dir, {recursive: true, force: true});
    }
  };
}

/** Run `fn` with a fresh in-memory database, closing it afterwards. With a `memoryLimit` and no `tempDirectory`,
 * what does not fit spills to a temporary folder, removed afterwards. */
export async function withDatabase<T>(fn: (connection: DuckDBConnection) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const spill = options.memoryLimit && !options.tempDirectory ? mkdtempSync(join(tmpdir(), "clientele-spill-")) : null;
  const db = await openDatabase(spill ? {...options, tempDirectory: spill} : options);
  try {
    return await fn(db.connection);
  } finally {
    db.close();
    if (spill) rmSync(spill, {recursive: true, force: true});
  }
}

export type Plain = null | boolean | number | string | Plain[] | {[key: string]: Plain};

function plain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object") {
    const out: {[key: string]: Plain} = {};
    for (const [k, v] of Object.entries(value)) out[k] = plain(v);
    return out;
  }
  return String(value);
}

/** Distinct strings of a column shared between its rows, up to this many (labels such as categories and segments
 * repeat over millions of rows; ids do not, and stop being pooled). */
const POOLED_STRINGS = 1024;

/** What a column holds as it is read: numbers (DOUBLE, BIGINT, INTEGER) straight from DuckDB's vectors, or plain
 * values, a label repeated on every row being one string. */
type ColumnSink = {numbers(values: Float64Array, nulls: Uint8Array | null): void; plain(value: Plain): void};

/** Run a query and feed each column's values, chunk by chunk, to the sink `sinkOf` makes for it. */
async function readResult(connection: DuckDBConnection, sql: string, params: DuckDBValue[] | Record<string, DuckDBValue> | undefined,
  sinkOf: (name: string) => ColumnSink): Promise<{rows: number; names: string[]}> {
  // Streamed: chunks are made as they are read, not the whole result first (millions of rows would be held twice).
  const result = await timed(sql, () => connection.stream(sql, params));
  const names = result.deduplicatedColumnNames();
  const sinks = names.map(sinkOf);
  const pools = names.map(() => new Map<string, string>());
  const kinds = result.columnTypes().map(fastKindOf);
  let rows = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const size = chunk.rowCount; // a call into DuckDB each time it is read
    rows += size;
    names.forEach((_, c) => {
      const sink = sinks[c];
      const kind = kinds[c];
      if (kind === "double" || kind === "bigint" || kind === "integer") {
        const values = chunkNumbers(chunk, c, size, kind);
        let nulls: Uint8Array | null = null;
        for (let i = 0; i < size; i++) if (Number.isNaN(values[i])) (nulls ??= new Uint8Array(size))[i] = 1;
        sink.numbers(values, nulls);
        return;
      }
      const pool = pools[c];
      const values = kind === "enum" ? chunkLabels(chunk, c, size, result.columnType(c) as DuckDBEnumType)
        : kind === "varchar" ? chunkTexts(chunk, c, size) : chunk.convertColumnValues(c, JSDuckDBValueConverter);
      for (const v of values) {
        if (typeof v !== "string") {
          sink.plain(plain(v));
          continue;
        }
        const pooled = pool.get(v);
        if (pooled === undefined && pool.size < POOLED_STRINGS) pool.set(v, v);
        sink.plain(pooled ?? v);
      }
    });
  }
  return {rows, names};
}

/** Run a query and return its result column by column (name → plain values, as `plain` gives them), without an
 * object per row: numeric columns are read straight from DuckDB's vectors (BIGINT as a number), and a label repeated
 * on every row is one string. What a caller reading millions of rows into arrays should use. */
export async function queryColumns<T extends Record<string, Plain[]> = Record<string, Plain[]>>(
  connection: DuckDBConnection,
  sql: string,
  params?: DuckDBValue[] | Record<string, DuckDBValue>
): Promise<{rows: number; columns: T}> {
  const columns: Record<string, Plain[]> = {};
  const {rows} = await readResult(connection, sql, params, (name) => {
    const out: Plain[] = (columns[name] = []);
    return {numbers: (values, nulls) => {
      for (let i = 0; i < values.length; i++) out.push(nulls?.[i] ? null : values[i]);
    }, plain: (value) => out.push(value)};
  });
  return {rows, columns: columns as T};
}

/** Run a query and return its numeric columns as Float64Arrays (NULL → NaN: 8 bytes a value, no array of numbers on
 * the way) and its other columns as plain values: for results of millions of rows. */
export async function queryTyped(connection: DuckDBConnection, sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>):
  Promise<{rows: number; numbers: Record<string, Float64Array>; texts: Record<string, Plain[]>}> {
  // Each numeric column grows by doubling as chunks arrive (a few buffers per column, not one per chunk of 2,048 rows:
  // thousands of them for millions of rows keep the garbage collector busy).
  const columns: Record<string, {data: Float64Array; length: number}> = {};
  const texts: Record<string, Plain[]> = {};
  const {rows} = await readResult(connection, sql, params, (name) => ({
    numbers: (values) => {
      const column = (columns[name] ??= {data: new Float64Array(FIRST_CAPACITY), length: 0});
      if (column.length + values.length > column.data.length) {
        const grown = new Float64Array(Math.max(2 * column.data.length, column.length + values.length));
        grown.set(column.data.subarray(0, column.length));
        column.data = grown;
      }
      column.data.set(values, column.length);
      column.length += values.length;
    },
    plain: (value) => (texts[name] ??= []).push(value)
  }));
  const numbers: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(columns)) numbers[name] = column.data.length === rows ? column.data : column.data.slice(0, rows);
  return {rows, numbers, texts};
}

/** Rows a numeric column of queryTyped first has room for. */
const FIRST_CAPACITY = 65_536;

/** Run a query and return its rows as plain objects. */
export async function queryRows<T = Record<string, Plain>>(
  connection: DuckDBConnection,
  sql: string,
  params?: DuckDBValue[] | Record<string, DuckDBValue>
): Promise<T[]> {
  const {rows, columns} = await queryColumns(connection, sql, params);
  const entries = Object.entries(columns);
  const out = new Array<T>(rows);
  for (let i = 0; i < rows; i++) {
    const row: Record<string, Plain> = {};
    for (const [name, values] of entries) row[name] = values[i];
    out[i] = row as T;
  }
  return out;
}

/** Run a query returning one row. */
export async function queryOne<T = Record<string, Plain>>(
  connection: DuckDBConnection,
  sql: string,
  params?: DuckDBValue[] | Record<string, DuckDBValue>
): Promise<T> {
  const rows = await queryRows<T>(connection, sql, params);
  if (rows.length === 0) throw new Error(`query returned no row: ${sql}`);
  return rows[0];
}

export async function run(connection: DuckDBConnection, sql: string): Promise<void> {
  await timed(sql, () => connection.run(sql));
}

/** With CLIENTELE_SQL_TIMINGS=1, every statement's wall time goes to stderr (for benchmarks; a query read as a stream: until its first rows). */
const logTimings = process.env.CLIENTELE_SQL_TIMINGS === "1";

async function timed<T>(sql: string, fn: () => Promise<T>): Promise<T> {
  if (!logTimings) return fn();
  const started = performance.now();
  try {
    return await fn();
  } finally {
    const seconds = (performance.now() - started) / 1000;
    if (seconds >= 0.05) console.error(`sql ${seconds.toFixed(2).padStart(7)} s  ${sql.replace(/\s+/g, " ").slice(0, 110)}`);
  }
}

/** Quote an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quote an SQL string literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * SQL for a sum of money that is the same on every run: DuckDB adds DOUBLEs in parallel in no fixed
 * order, so the last bits of a plain `sum` vary between runs (and builds would differ); each term is
 * rounded to 6 decimals and added exactly as a DECIMAL.
 */
export function exactSum(expression: string, filter?: string): string {
  return `CAST(sum(CAST((${expression}) AS DECIMAL(38, 6)))${filter ? ` FILTER (WHERE ${filter})` : ""} AS DOUBLE)`;
}
