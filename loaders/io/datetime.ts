/**
 * Timestamps in exports: integer YYYYMMDDHH (e.g. 2018100100 = 1 Oct 2018, 00 h — the hour is
 * kept), YYYYMMDD, ISO dates and ISO date-times. The SQL form parses inside DuckDB, for large logs.
 */

/** How a date column is stored in the raw table: text as written, or YYYYMMDDHH read as BIGINT. */
export type DatetimeStorage = "text" | "hour-integer";

/** Whether sampled values are all YYYYMMDDHH integers (then the column is read as BIGINT). */
export function hourIntegers(values: string[]): boolean {
  return values.length > 0 && values.every((v) => /^\d{10}$/.test(v));
}

/**
 * DuckDB expression turning a date column into TIMESTAMP (NULL when unparsable). Text dispatches
 * on the length first (cheap), so a 10-million-line log parses without regular expressions.
 */
export function datetimeSql(column: string, storage: DatetimeStorage = "text"): string {
  if (storage === "hour-integer") {
    return `CASE WHEN ${column} BETWEEN 1000000000 AND 9999999999 THEN try_strptime(CAST(${column} AS VARCHAR), '%Y%m%d%H') END`;
  }
  const v = column;
  return `CASE
    WHEN length(${v}) = 10 AND ${v} NOT LIKE '%-%' THEN try_strptime(${v}, '%Y%m%d%H')
    WHEN length(${v}) = 8 THEN try_strptime(${v}, '%Y%m%d')
    WHEN ${v} LIKE '____-__-__' OR ${v} LIKE '____-__-__T__:__%' OR ${v} LIKE '____-__-__ __:__%'
      THEN TRY_CAST(replace(rtrim(${v}, 'Z'), 'T', ' ') AS TIMESTAMP) END`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * Parse one value into an ISO date-time string "YYYY-MM-DDTHH:MM:SS" (no time zone: exports carry
 * local time), or null when it is not a valid date.
 */
export function parseDatetime(value: string | number): string | null {
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
  } else return null;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}
