/**
 * Read one export (CSV or Parquet) into a DuckDB table whose columns carry the schema's English
 * field names. CSV dialects are detected first and passed to DuckDB explicitly; Windows-1251 is
 * decoded to a temporary UTF-8 copy; rows DuckDB cannot parse are collected as located problems.
 *
 * Raw table types: integer/number/flag → DOUBLE (integrality is checked by validation, because
 * DuckDB rounds "3.5" when casting to an integer), text/category/datetime → VARCHAR as written.
 * Row order is the file's: a row's line number is `rowid + 2` for CSV (header on line 1) and
 * `rowid + 1` for Parquet (row number).
 */
import {existsSync, readdirSync, statSync} from "node:fs";
import {basename, dirname, parse} from "node:path";
import type {DuckDBConnection} from "./duckdb.ts";
import {ident, literal, queryOne, queryRows, run} from "./duckdb.ts";
import type {Dialect} from "./dialect.ts";
import {detectDialect, readSample} from "./dialect.ts";
import type {DatetimeStorage} from "./datetime.ts";
import {hourIntegers, settleDateOrders} from "./datetime.ts";
import type {ColumnSpec, ColumnType, FileSpec} from "./schema.ts";
import type {Problem} from "./problems.ts";
import {DataError, shown} from "./problems.ts";
import {matchHeader} from "./header.ts";
import {toUtf8} from "./transcode.ts";
import type {FileReport, Repair} from "../quality/types.ts";
import type {Text} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";
import {nouns} from "../../src/components/glossary.ts";

const ru = formats("ru");

export interface ReadOptions {
  /** Most problems reported per file (default 20). */
  maxProblems?: number;
  /** Bytes from the start of a CSV used to detect its dialect (default 256 KiB). */
  sampleBytes?: number;
}

export interface ReadResult {
  spec: FileSpec;
  /** DuckDB table holding the rows, named spec.table. */
  table: string;
  /** Absolute path read. */
  path: string;
  report: FileReport;
  /** Offset from rowid to line number (2 for CSV, 1 for Parquet). */
  lineOffset: number;
  /** Storage of each datetime field in the raw table (text day-first or month-first, or YYYYMMDDHH read as BIGINT). */
  datetimes: Record<string, DatetimeStorage>;
  problems: Problem[];
  repairs: Repair[];
}

export function duckType(type: ColumnType, storage: DatetimeStorage = "text"): string {
  if (type === "datetime") return storage === "hour-integer" ? "BIGINT" : "VARCHAR";
  return type === "integer" || type === "number" || type === "flag" ? "DOUBLE" : "VARCHAR";
}

export function expectedText(col: ColumnSpec): Text {
  switch (col.type) {
    case "integer": return {en: "a whole number", ru: "целое число"};
    case "number": return {en: "a number", ru: "число"};
    case "flag": return {en: "0 or 1", ru: "0 или 1"};
    case "datetime": return {en: "a date (YYYYMMDDHH, YYYYMMDD, ISO 8601 or day first: 31.12.2019 13:05)", ru: "дата (ГГГГММДДЧЧ, ГГГГММДД, ISO 8601 или сначала день: 31.12.2019 13:05)"};
    case "category": {
      const values = Object.keys(col.values ?? {}).map((v) => shown(v)).join(", ");
      return {en: `one of ${values}`, ru: `одно из значений ${values}`};
    }
    default: return {en: "text", ru: "текст"};
  }
}

/** The context of a file's reading errors: "Cannot read gym_churn_us.csv". */
const cannotRead = (file: string): Text => ({en: `Cannot read ${file}`, ru: `Не удаётся прочитать ${file}`});

const atLeastOneRow: Text = {en: "at least one data row", ru: "хотя бы одна строка данных"};

/** The separator's name: "comma-separated" fields (ru «через запятую»). */
function separatorName(separator: string): Text {
  const en = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}[separator] ?? separator;
  const ru = {",": "запятую", ";": "точку с запятой", "\t": "табуляцию", "|": "вертикальную черту"}[separator] ?? separator;
  return {en, ru};
}

function missingFile(spec: FileSpec): DataError {
  const dir = dirname(spec.path!);
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(csv|parquet)$/i.test(f)) : [];
  return new DataError([{
    severity: "error", file: spec.file, column: spec.entry,
    expected: {en: `the export ${shown(basename(spec.path!))}${spec.entry ? "" : ` (or ${parse(spec.file).name}.parquet)`} in ${dir}`,
      ru: `выгрузка ${shown(basename(spec.path!))}${spec.entry ? "" : ` (или ${parse(spec.file).name}.parquet)`} в ${dir}`},
    found: existsSync(dir)
      ? (present.length ? {en: `only ${present.map((f) => shown(f)).join(", ")}`, ru: `только ${present.map((f) => shown(f)).join(", ")}`} : {en: "no CSV or Parquet file", ru: "ни одного файла CSV или Parquet"})
      : {en: "no such folder", ru: "такой папки нет"},
    hint: spec.entry ? {en: "correct the file's path in the mapping", ru: "исправьте путь к файлу в сопоставлении"}
      : {en: "name the file as the template does, or run `npm run init -- DIR` to map your own file names", ru: "назовите файл так, как в шаблоне, или запустите `npm run init -- DIR`, чтобы сопоставить свои имена файлов"}
  }], {en: `Cannot read ${spec.title.toLowerCase()} (${spec.file})`, ru: `Не удаётся прочитать: ${spec.titleRu.toLowerCase()} (${spec.file})`});
}

const messageValue = (message: string): string | null => /string "((?:[^"\\]|\\.)*)"/.exec(message)?.[1] ?? null;

/** Longest CSV line read (DuckDB's default; a larger limit enlarges its read buffers and slows big files). */
const MAX_LINE_BYTES = 2_000_000;

interface Reject {line: number; column_name: string | null; error_type: string; csv_line: string | null; error_message: string}

function rejectProblem(spec: FileSpec, r: Reject, byName: Map<string, ColumnSpec>, expectedFields: number, dialect: Dialect): Problem {
  const base = {severity: "error" as const, file: spec.file, line: r.line};
  const sep = separatorName(dialect.separator);
  const fields = {en: `${expectedFields} ${sep.en}-separated fields`, ru: `${ru.plural(expectedFields, "поле", "поля", "полей")} через ${sep.ru}`};
  switch (r.error_type) {
    case "CAST": {
      const col = r.column_name ? byName.get(r.column_name) : undefined;
      return {...base, column: r.column_name ?? undefined, expected: col ? expectedText(col) : {en: "a value of the column's type", ru: "значение типа столбца"},
        found: shown(messageValue(r.error_message) ?? r.csv_line),
        hint: col?.type === "datetime" ? {en: "write dates as YYYYMMDDHH (2018100113) or ISO (2018-10-01T13:00)", ru: "записывайте даты как ГГГГММДДЧЧ (2018100113) или ISO (2018-10-01T13:00)"}
          : col?.type === "number" && dialect.decimal === "." ? {en: "numbers use a decimal point in this file", ru: "в этом файле числа записаны с десятичной точкой"}
          : {en: "correct the value in the export", ru: "исправьте значение в выгрузке"}};
    }
    case "MISSING COLUMNS":
      return {...base, expected: fields, found: {en: `fewer fields (${shown(r.csv_line)})`, ru: `меньше полей (${shown(r.csv_line)})`},
        hint: {en: "the line is incomplete; was the export cut off or a separator lost?", ru: "строка неполная: выгрузка оборвана или потерян разделитель?"}};
    case "TOO MANY COLUMNS":
      return {...base, expected: fields, found: {en: `more fields (${shown(r.csv_line)})`, ru: `больше полей (${shown(r.csv_line)})`},
        hint: {en: `a ${sep.en} inside a value must be quoted with "`, ru: `значение, внутри которого есть разделитель (${sep.ru}), нужно заключить в кавычки "`}};
    case "UNQUOTED VALUE":
      return {...base, expected: {en: "balanced double quotes", ru: "парные двойные кавычки"}, found: {en: `a quote that is never closed (${shown(r.csv_line)})`, ru: `незакрытая кавычка (${shown(r.csv_line)})`},
        hint: {en: 'close the quote, or double a quote inside a quoted value ("")', ru: 'закройте кавычку или удвойте кавычку внутри значения в кавычках ("")'}};
    case "INVALID ENCODING":
    case "INVALID UNICODE":
      return {...base, expected: {en: "UTF-8 or Windows-1251 text", ru: "текст в UTF-8 или Windows-1251"}, found: {en: "bytes that are not valid UTF-8", ru: "байты, недопустимые в UTF-8"},
        hint: {en: "re-export the file as UTF-8", ru: "выгрузите файл заново в UTF-8"}};
    case "LINE SIZE OVER MAXIMUM": {
      const size = /Actual Size:\s*(\d+)/.exec(r.error_message)?.[1];
      return {...base, expected: {en: `a line of at most ${(MAX_LINE_BYTES / 1e6).toLocaleString("en-US")} MB`, ru: `строка не длиннее ${ru.grouped(MAX_LINE_BYTES / 1e6, 1)} МБ`},
        found: size ? {en: `a line of ${Number(size).toLocaleString("en-US")} bytes`, ru: `строка длиной ${ru.plural(Number(size), "байт", "байта", "байт")}`} : {en: "a longer line", ru: "более длинная строка"},
        hint: {en: "a quote that is never closed joins the following lines into one; otherwise shorten the value", ru: "незакрытая кавычка склеивает следующие строки в одну; если это не так, сократите значение"}};
    }
    default:
      return {...base, column: r.column_name ?? undefined, expected: {en: "a well-formed CSV line", ru: "правильная строка CSV"}, found: `${r.error_type.toLowerCase()}: ${r.error_message.replace(/\.+$/, "")}`};
  }
}

/** One problem per line for line-shape errors (DuckDB logs one per missing column), and no cast
 * errors on a line whose fields are shifted anyway. */
function structural(rejects: Reject[]): Reject[] {
  const shape = new Set(["MISSING COLUMNS", "TOO MANY COLUMNS", "UNQUOTED VALUE", "INVALID ENCODING", "INVALID UNICODE", "LINE SIZE OVER MAXIMUM"]);
  const shaped = new Set(rejects.filter((r) => shape.has(r.error_type)).map((r) => r.line));
  const seen = new Set<string>();
  return rejects.filter((r) => {
    if (shaped.has(r.line) && !shape.has(r.error_type)) return false;
    const key = shape.has(r.error_type) ? `${r.line}` : `${r.line}:${r.column_name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function bounded(problems: Problem[], max: number, total: number, file: string): Problem[] {
  if (total <= max) return problems.slice(0, max);
  return [...problems.slice(0, max), {
    severity: problems.some((p) => p.severity === "error") ? "error" : "warning", file,
    expected: {en: "no further problems", ru: "других проблем нет"},
    found: {en: `${total - max} more problems of the kinds above`, ru: `ещё ${ru.plural(total - max, "проблема", "проблемы", "проблем")} тех же видов`},
    hint: {en: "fix those shown and read again", ru: "исправьте показанные и прочитайте снова"}
  }];
}

async function readCsv(connection: DuckDBConnection, path: string, spec: FileSpec, maxProblems: number, sampleBytes: number): Promise<ReadResult> {
  const problems: Problem[] = [];
  const repairs: Repair[] = [];
  if (statSync(path).size === 0) {
    throw new DataError([{severity: "error", file: spec.file, line: 1,
      expected: {en: `a header line naming ${spec.columns.length} columns`, ru: `строка заголовка с названиями столбцов (${ru.count(spec.columns.length, nouns.column)})`},
      found: {en: "an empty file", ru: "пустой файл"},
      hint: {en: "the export is empty; export it again", ru: "выгрузка пуста; выгрузите её заново"}}], cannotRead(spec.file));
  }
  const dialect = detectDialect(path, {sampleBytes});
  if (dialect.invalid) {
    throw new DataError([{severity: "error", file: spec.file, line: dialect.invalid.line, expected: {en: "UTF-8 or Windows-1251 text", ru: "текст в UTF-8 или Windows-1251"},
      found: {en: `bytes ${dialect.invalid.bytes} that are not valid UTF-8 in otherwise UTF-8 text`, ru: `байты ${dialect.invalid.bytes}, недопустимые в UTF-8, в тексте, который в остальном в UTF-8`},
      hint: {en: "re-export the file as UTF-8", ru: "выгрузите файл заново в UTF-8"}}], cannotRead(spec.file));
  }
  const {invalid: _invalid, sample, ...clean} = dialect;
  const header = clean.header;
  const match = matchHeader(spec, header);
  problems.push(...match.problems);
  if (match.problems.some((p) => p.severity === "error")) throw new DataError(problems, cannotRead(spec.file));

  const names = header.map((h, i) => (match.columns[i] ? h : `__extra_${i}`));
  // Date columns whose sampled values are all YYYYMMDDHH integers are read as BIGINT (smaller, faster).
  const datetimes: Record<string, DatetimeStorage> = {};
  const dates: Record<string, string> = {};
  match.columns.forEach((c, i) => {
    if (c?.type !== "datetime") return;
    const values = sample.map((row) => row[i]?.trim() ?? "").filter((v) => v !== "");
    datetimes[c.field] = hourIntegers(values) ? "hour-integer" : "text";
    dates[c.source] = datetimes[c.field] === "hour-integer" ? "YYYYMMDDHH integers" : "text dates";
  });
  if (Object.keys(dates).length) clean.dates = dates;
  let read = await loadCsv(connection, path, spec, clean, names, match.columns, datetimes);
  // A sample of plain ASCII cannot tell UTF-8 from Windows-1251; when DuckDB then finds only
  // invalid UTF-8 further on, the file is Windows-1251 after all.
  if (clean.encoding === "utf-8" && read.rejected.length && read.rejected.every((r) => /ENCODING|UNICODE/.test(r.error_type)) && asciiSample(path, sampleBytes)) {
    clean.encoding = "windows-1251";
    read = await loadCsv(connection, path, spec, clean, names, match.columns, datetimes);
  }
  const {rows, rejected} = read;
  const dateColumns = spec.columns.filter((c) => c.type === "datetime");
  const settled = await settleDateOrders(connection, spec.table, spec.file, dateColumns, datetimes);
  problems.push(...settled.problems);
  for (const c of dateColumns) if (settled.datetimes[c.field] === "text-month-first") dates[c.source] = "text dates, month first";
  const byName = new Map<string, ColumnSpec>(names.flatMap((n, i) => (match.columns[i] ? [[n, match.columns[i]!] as [string, ColumnSpec]] : [])));
  const rejectedLines = new Set(rejected.map((r) => r.line));
  const lastLine = rows + rejectedLines.size + 1;
  for (const r of structural(rejected)) {
    const truncatedLast = r.error_type === "MISSING COLUMNS" && r.line === lastLine && rejectedLines.size === 1;
    if (truncatedLast) {
      problems.push({severity: "warning", file: spec.file, line: r.line, expected: {en: `${header.length} fields`, ru: ru.plural(header.length, "поле", "поля", "полей")},
        found: {en: `an incomplete last line ${shown(r.csv_line)}`, ru: `неполная последняя строка ${shown(r.csv_line)}`},
        hint: {en: "the export was probably cut off; the incomplete line is left out", ru: "выгрузка, вероятно, оборвана; неполная строка не учитывается"}});
      repairs.push({id: "drop-truncated-last-line", file: spec.file, description: {en: "The last line of the file is incomplete (the export was cut off); it is left out.", ru: "Последняя строка файла неполная (выгрузка оборвана); она не учитывается."},
        rows: 1, action: "removed", examples: [{file: spec.file, line: r.line, found: r.csv_line ?? ""}]});
    } else {
      problems.push(rejectProblem(spec, r, byName, header.length, clean));
    }
  }
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length) throw new DataError(bounded(problems, maxProblems, problems.length, spec.file), cannotRead(spec.file));
  if (rows === 0) {
    throw new DataError([{severity: "error", file: spec.file, line: 2, expected: atLeastOneRow, found: {en: "only the header line", ru: "только строка заголовка"},
      hint: {en: "the export holds no records; export it again", ru: "в выгрузке нет записей; выгрузите её заново"}}], cannotRead(spec.file));
  }
  return {
    spec, table: spec.table, path, lineOffset: 2, datetimes: settled.datetimes, problems, repairs,
    report: {file: spec.file, format: "csv", dialect: clean, rows: rows + rejectedLines.size, columns: header.length, bytes: statSync(path).size}
  };
}

function asciiSample(path: string, sampleBytes: number): boolean {
  return readSample(path, sampleBytes).bytes.every((b) => b < 0x80);
}

/** Read the CSV into spec.table with the dialect given; return its row count and DuckDB's rejects. */
async function loadCsv(connection: DuckDBConnection, path: string, spec: FileSpec, dialect: Dialect, names: string[], columns: (ColumnSpec | null)[], datetimes: Record<string, DatetimeStorage>): Promise<{rows: number; rejected: Reject[]}> {
  const temp = dialect.encoding === "utf-8" ? null : await toUtf8(path, dialect.encoding);
  try {
    const source = temp?.path ?? path;
    const struct = names.map((n, i) => `${literal(n)}: ${literal(columns[i] ? duckType(columns[i]!.type, datetimes[columns[i]!.field]) : "VARCHAR")}`).join(", ");
    const rejects = `__rejects_${spec.table}`;
    const scans = `__scans_${spec.table}`;
    const select = spec.columns.map((c) => `${ident(names[columns.indexOf(c)])} AS ${ident(c.field)}`).join(", ");
    // Mixed line endings stop DuckDB's strict parser; its lenient mode reads them as line breaks.
    await run(connection, `CREATE OR REPLACE TABLE ${ident(spec.table)} AS SELECT ${select} FROM read_csv(${literal(source)},
      columns = {${struct}}, header = true, auto_detect = false, delim = ${literal(dialect.separator)},
      quote = '"', escape = '"', decimal_separator = ${literal(dialect.decimal)}, store_rejects = true,
      rejects_table = ${literal(rejects)}, rejects_scan = ${literal(scans)}, max_line_size = ${MAX_LINE_BYTES}${dialect.lineEnding === "mixed" ? ", strict_mode = false" : ""})`)
      .catch((error: Error) => {
        if (!/^Invalid Input Error/.test(error.message)) throw error;
        throw new DataError([{severity: "error", file: spec.file, expected: {en: "a CSV file DuckDB can parse", ru: "файл CSV, который DuckDB может разобрать"},
          found: error.message.split("\n")[0].replace(/^Invalid Input Error: /, "").replace(/\.$/, ""),
          hint: {en: "line endings that change within the file (CRLF and LF) or a stray carriage return inside a value break the CSV; re-export the file",
            ru: "концы строк, меняющиеся внутри файла (CRLF и LF), или случайный возврат каретки внутри значения ломают CSV; выгрузите файл заново"}}], cannotRead(spec.file));
      });
    const {rows} = await queryOne<{rows: number}>(connection, `SELECT count(*) AS rows FROM ${ident(spec.table)}`);
    const rejected = await queryRows<Reject>(connection, `SELECT line, column_name, error_type, csv_line, error_message FROM ${ident(rejects)} ORDER BY line, column_idx`);
    await run(connection, `DROP TABLE IF EXISTS ${ident(rejects)}; DROP TABLE IF EXISTS ${ident(scans)}`);
    return {rows, rejected};
  } finally {
    temp?.dispose();
  }
}

async function readParquet(connection: DuckDBConnection, path: string, spec: FileSpec, maxProblems: number): Promise<ReadResult> {
  const described = await queryRows<{column_name: string; column_type: string}>(connection,
    `DESCRIBE SELECT * FROM read_parquet(${literal(path)})`);
  const header = described.map((d) => d.column_name);
  const match = matchHeader(spec, header);
  const problems = [...match.problems];
  if (problems.some((p) => p.severity === "error")) throw new DataError(problems, cannotRead(spec.file));
  const select = spec.columns.map((c) => {
    const src = ident(header[match.columns.indexOf(c)]);
    return `TRY_CAST(${src} AS ${duckType(c.type)}) AS ${ident(c.field)}, ${src} IS NOT NULL AND TRY_CAST(${src} AS ${duckType(c.type)}) IS NULL AS ${ident(`__bad_${c.field}`)}`;
  }).join(", ");
  await run(connection, `CREATE OR REPLACE TABLE ${ident(spec.table)} AS SELECT ${select} FROM read_parquet(${literal(path)})`);
  for (const c of spec.columns) {
    const bad = await queryRows<{line: number; value: string}>(connection,
      `SELECT rowid + 1 AS line FROM ${ident(spec.table)} WHERE ${ident(`__bad_${c.field}`)} LIMIT ${maxProblems}`);
    for (const b of bad) problems.push({severity: "error", file: spec.file, line: b.line, column: c.source, expected: expectedText(c), found: {en: "a value of another type", ru: "значение другого типа"}});
    await run(connection, `ALTER TABLE ${ident(spec.table)} DROP COLUMN ${ident(`__bad_${c.field}`)}`);
  }
  if (problems.some((p) => p.severity === "error")) throw new DataError(bounded(problems, maxProblems, problems.length, spec.file), cannotRead(spec.file));
  const {rows} = await queryOne<{rows: number}>(connection, `SELECT count(*) AS rows FROM ${ident(spec.table)}`);
  if (rows === 0) throw new DataError([{severity: "error", file: spec.file, expected: atLeastOneRow, found: {en: "no rows", ru: "ни одной строки"}}], cannotRead(spec.file));
  const dateColumns = spec.columns.filter((c) => c.type === "datetime");
  const settled = await settleDateOrders(connection, spec.table, spec.file, dateColumns, Object.fromEntries(dateColumns.map((c) => [c.field, "text" as const])));
  problems.push(...settled.problems);
  return {spec, table: spec.table, path, lineOffset: 1, datetimes: settled.datetimes, problems, repairs: [],
    report: {file: spec.file, format: "parquet", dialect: null, rows, columns: header.length, bytes: statSync(path).size}};
}

/** Read one export (spec.path, resolved by loaders/inputs/resolve.ts) into DuckDB table `spec.table`. Throws DataError if unusable. */
export async function readExport(connection: DuckDBConnection, spec: FileSpec, {maxProblems = 20, sampleBytes = 1 << 18}: ReadOptions = {}): Promise<ReadResult> {
  if (!spec.path || !existsSync(spec.path)) throw missingFile(spec);
  return /\.parquet$/i.test(spec.path)
    ? readParquet(connection, spec.path, spec, maxProblems)
    : readCsv(connection, spec.path, spec, maxProblems, sampleBytes);
}
