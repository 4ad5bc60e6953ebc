/**
 * Timestamps in exports: integer YYYYMMDDHH (e.g. 2018100100 = 1 Oct 2018, 00 h — the hour is
 * kept), YYYYMMDD, ISO dates and ISO date-times, and dates written with the day and month first
 * (`31.12.2019`, `31.12.2019 13:05`, `31/12/2019`, with optional seconds). The SQL form parses
 * inside DuckDB, for large logs.
 *
 * Day-first or month-first is decided per column from its values (`dateOrderOf`): a first field
 * above 12 somewhere ⇒ day-first; else a second field above 12 ⇒ month-first (12/31/2019); when
 * every field is 12 or less the order cannot be told and day-first is assumed, with a warning
 * naming the column (`dateOrderWarning`).
 */
import type {DuckDBConnection} from "./duckdb.ts";
import {ident, queryOne} from "./duckdb.ts";
import type {Problem} from "./problems.ts";

/** How a date column is stored in the raw table: text as written (day-first or month-first when the
 * day and month lead), or YYYYMMDDHH read as BIGINT. */
export type DatetimeStorage = "text" | "text-month-first" | "hour-integer";

/** Whether sampled values are all YYYYMMDDHH integers (then the column is read as BIGINT). */
export function hourIntegers(values: string[]): boolean {
  return values.length > 0 && values.every((v) => /^\d{10}$/.test(v));
}

const SEPARATORS = [".", "/"] as const;
const TIMES = ["", " __:__", " __:__:__"];
const TIME_FORMATS = ["", " %H:%M", " %H:%M:%S"];

/** DuckDB branches for dd.mm.yyyy[ hh:mm[:ss]] (or mm.dd… when month-first), with "." or "/". */
function leadingDaySql(v: string, monthFirst: boolean): string {
  return SEPARATORS.flatMap((sep) => TIMES.map((time, i) => {
    const date = monthFirst ? `%m${sep}%d${sep}%Y` : `%d${sep}%m${sep}%Y`;
    return `WHEN ${v} LIKE '__${sep}__${sep}____${time}' THEN try_strptime(${v}, '${date}${TIME_FORMATS[i]}')`;
  })).join("\n    ");
}

/**
 * DuckDB expression turning a date column into TIMESTAMP (NULL when unparsable). Text dispatches
 * on the length and LIKE shapes first (cheap), so a 10-million-line log parses without regular expressions.
 */
export function datetimeSql(column: string, storage: DatetimeStorage = "text"): string {
  if (storage === "hour-integer") {
    return `CASE WHEN ${column} BETWEEN 1000000000 AND 9999999999 THEN try_strptime(CAST(${column} AS VARCHAR), '%Y%m%d%H') END`;
  }
  const v = column;
  return `CASE
    WHEN length(${v}) = 10 AND ${v} NOT LIKE '%-%' AND ${v} NOT LIKE '%.%' AND ${v} NOT LIKE '%/%' THEN try_strptime(${v}, '%Y%m%d%H')
    WHEN length(${v}) = 8 THEN try_strptime(${v}, '%Y%m%d')
    WHEN ${v} LIKE '____-__-__' OR ${v} LIKE '____-__-__T__:__%' OR ${v} LIKE '____-__-__ __:__%'
      THEN TRY_CAST(replace(rtrim(${v}, 'Z'), 'T', ' ') AS TIMESTAMP)
    ${leadingDaySql(v, storage === "text-month-first")} END`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * Parse one value into an ISO date-time string "YYYY-MM-DDTHH:MM:SS" (no time zone: exports carry
 * local time), or null when it is not a valid date. `monthFirst` reads 12/31/2019 (see dateOrderOf).
 */
export function parseDatetime(value: string | number, {monthFirst = false}: {monthFirst?: boolean} = {}): string | null {
  const v = String(value);
  let y: number, mo: number, d: number, h = 0, mi = 0, s = 0;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})(\d{2})(\d{2})(\d{2})?$/.exec(v))) {
    [y, mo, d] = [+m[1], +m[2], +m[3]];
    if (m[4] !== undefined) h = +m[4];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/.exec(v))) {
    [y, mo, d] = [+m[1], +m[2], +m[3]];
    h = m[4] ? +m[4] : 0;
    mi = m[5] ? +m[5] : 0;
    s = m[6] ? +m[6] : 0;
  } else if ((m = /^(\d{2})([./])(\d{2})\2(\d{4})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v))) {
    [d, mo, y] = monthFirst ? [+m[3], +m[1], +m[4]] : [+m[1], +m[3], +m[4]];
    h = m[5] ? +m[5] : 0;
    mi = m[6] ? +m[6] : 0;
    s = m[7] ? +m[7] : 0;
  } else return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

/** What the values of one text date column say about day-first or month-first order. */
export interface DateOrder {
  storage: Exclude<DatetimeStorage, "hour-integer">;
  /** Values written dd.mm.yyyy / mm/dd/yyyy style (day and month leading). */
  leading: number;
  /** Leading-day values exist, but every first and second field is 12 or less: day-first was assumed. */
  ambiguous: boolean;
}

/** The order from the largest first and second fields of the leading-day values (null: none). */
export function decideDateOrder(leading: number, firstMax: number | null, secondMax: number | null): DateOrder {
  if (!leading || firstMax === null || secondMax === null) return {storage: "text", leading, ambiguous: false};
  if (firstMax > 12) return {storage: "text", leading, ambiguous: false};
  if (secondMax > 12) return {storage: "text-month-first", leading, ambiguous: false};
  return {storage: "text", leading, ambiguous: true};
}

/** Decide day-first or month-first from every value of a text date column of `table` (one scan). */
export async function dateOrderOf(connection: DuckDBConnection, table: string, column: string): Promise<DateOrder> {
  const c = ident(column);
  // LIKE shapes rather than a regular expression: cheap on a log of millions of lines (non-digits give NULL below).
  const leading = `(${c} LIKE '__.__.____%' OR ${c} LIKE '__/__/____%')`;
  const r = await queryOne<{leading: number; firstMax: number | null; secondMax: number | null}>(connection,
    `SELECT count(*) FILTER (WHERE ${leading}) AS leading,
       max(TRY_CAST(substr(${c}, 1, 2) AS INTEGER)) FILTER (WHERE ${leading}) AS firstMax,
       max(TRY_CAST(substr(${c}, 4, 2) AS INTEGER)) FILTER (WHERE ${leading}) AS secondMax
     FROM ${ident(table)}`);
  return decideDateOrder(Number(r.leading), r.firstMax === null ? null : Number(r.firstMax), r.secondMax === null ? null : Number(r.secondMax));
}

/** The warning for a column whose day and month could not be told apart (null when they could). */
export function dateOrderWarning(order: DateOrder, file: string, column: string): Problem | null {
  if (!order.ambiguous) return null;
  return {severity: "warning", file, column, expected: {en: "dates whose day and month can be told apart", ru: "даты, в которых можно отличить день от месяца"},
    found: {en: `${order.leading} dates written with day and month first, none with a field above 12`, ru: `дат, начинающихся с дня и месяца: ${order.leading}; ни в одной из них ни одно из двух первых полей не больше 12`},
    hint: {en: "day-first (31.12.2019) is assumed; if the export writes month first, write the dates as ISO (2019-12-31)", ru: "принято, что сначала день (31.12.2019); если в выгрузке сначала месяц, запишите даты в ISO (2019-12-31)"}};
}

/** Settle the storage of every text date column of a read table (day-first or month-first), with a
 * warning per column whose order had to be assumed. `columns`: field (in the table) and source (the export's header). */
export async function settleDateOrders(connection: DuckDBConnection, table: string, file: string, columns: {field: string; source: string}[], storage: Record<string, DatetimeStorage>): Promise<{datetimes: Record<string, DatetimeStorage>; problems: Problem[]}> {
  const datetimes = {...storage};
  const problems: Problem[] = [];
  for (const c of columns) {
    if (datetimes[c.field] !== "text") continue;
    const order = await dateOrderOf(connection, table, c.field);
    datetimes[c.field] = order.storage;
    const warning = dateOrderWarning(order, file, c.source);
    if (warning) problems.push(warning);
  }
  return {datetimes, problems};
}

const DAY_MS = 86_400_000;

/** Epoch ms of an ISO date or date-time without a zone ("2019-03-01", "2019-03-01T10:00:00"), read as UTC: the
 * report keeps a log's local times as written, never converted. */
export const isoMs = (iso: string): number => Date.parse(`${iso.length === 10 ? `${iso}T00:00:00` : iso}Z`);

const months = new Map<number, string>();
/** The month (YYYY-MM) of a time in epoch ms, as strftime(time, '%Y-%m') gives it: one text per day met, shared (millions
 * of customers need not make one each). */
export function monthOf(at: number): string {
  const day = Math.floor(at / DAY_MS);
  let month = months.get(day);
  if (month === undefined) months.set(day, (month = new Date(day * DAY_MS).toISOString().slice(0, 7)));
  return month;
}
