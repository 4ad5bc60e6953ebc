/**
 * Robust outliers of a numeric column, in SQL: values outside median ± k × 1.4826 × MAD
 * (default), or outside the Tukey fences Q1 − k × IQR, Q3 + k × IQR. When the MAD is zero (most
 * values equal) the IQR is used; when that is zero too, no value is called an outlier.
 */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne, queryRows} from "../io/duckdb.ts";
import type {Bin} from "./weighted-quantile.ts";
import {histogramMad, histogramQuantiles} from "./weighted-quantile.ts";
import type {Finding} from "./types.ts";
import type {TableRef} from "./duplicates.ts";
import {examples} from "./sql-examples.ts";
import {count, ru} from "./words.ts";
import {same, type Text} from "../../src/components/i18n.ts";

export interface OutlierOptions {
  method?: "mad" | "iqr";
  /** Multiplier of the robust spread (default 3.5 for MAD, 3 for IQR). */
  k?: number;
  /** Only consider rows matching this SQL condition (e.g. a period). */
  where?: string;
  /** Transform applied before the rule, e.g. "ln" for skewed positive values. */
  log?: boolean;
  idField?: string;
  maxExamples?: number;
  /** Words for the summary, e.g. "revenue in the current month" (a field name in it is replaced by
   *  the column's label on the page). */
  subject?: Text;
  /** Compute the fences from a GROUP BY of the values (fast for big columns with few distinct values). */
  histogram?: boolean;
}

export interface OutlierFences {
  method: "mad" | "iqr";
  k: number;
  center: number;
  spread: number;
  low: number;
  high: number;
}

export interface OutlierFinding extends Finding {
  fences: OutlierFences | null;
}

export async function robustFences(connection: DuckDBConnection, table: string, field: string, {method = "mad", k, where, log = false, histogram = false}: OutlierOptions = {}): Promise<OutlierFences | null> {
  const x = log ? `ln(${ident(field)})` : ident(field);
  const filter = [where, `${ident(field)} IS NOT NULL`, log ? `${ident(field)} > 0` : null].filter(Boolean).join(" AND ");
  let q: {median: number | null; q1: number | null; q3: number | null};
  let mad: number | null;
  if (histogram) {
    const bins = await queryRows<Bin>(connection, `SELECT ${x} AS value, count(*) AS count FROM ${ident(table)} WHERE ${filter} GROUP BY 1`);
    const [q1, median, q3] = histogramQuantiles(bins, [0.25, 0.5, 0.75]);
    q = {median, q1, q3};
    mad = median === null ? null : histogramMad(bins, median);
  } else {
    q = await queryOne<{median: number | null; q1: number | null; q3: number | null}>(connection,
      `SELECT quantile_cont(${x}, 0.5) AS median, quantile_cont(${x}, 0.25) AS q1, quantile_cont(${x}, 0.75) AS q3 FROM ${ident(table)} WHERE ${filter}`);
    mad = q.median === null ? null : (await queryOne<{mad: number | null}>(connection,
      `SELECT quantile_cont(abs(${x} - ${q.median}), 0.5) AS mad FROM ${ident(table)} WHERE ${filter}`)).mad;
  }
  const s = {...q, mad};
  if (s.median === null) return null;
  const back = (v: number) => (log ? Math.exp(v) : v);
  const useMad = method === "mad" && (s.mad ?? 0) > 0;
  if (useMad) {
    const kk = k ?? 3.5;
    const spread = 1.4826 * s.mad!;
    return {method: "mad", k: kk, center: back(s.median), spread, low: back(s.median - kk * spread), high: back(s.median + kk * spread)};
  }
  const iqr = (s.q3 ?? 0) - (s.q1 ?? 0);
  if (iqr <= 0) return null;
  const kk = method === "iqr" ? k ?? 3 : 3;
  return {method: "iqr", k: kk, center: back(s.median), spread: iqr, low: back(s.q1! - kk * iqr), high: back(s.q3! + kk * iqr)};
}

export function fenceMethod(f: OutlierFences, log = false): Text {
  const v = log ? "ln(value)" : "value";
  const k = ru.formatValue(f.k);
  const ruValue = log ? "натуральный логарифм значения" : "значение";
  return f.method === "mad"
    ? {en: `${v} outside median ± ${f.k} × 1.4826 × MAD`, ru: `${ruValue} вне границ «медиана ± ${k} × 1,4826 × медианное абсолютное отклонение»`}
    : {en: `${v} outside [Q1 − ${f.k} × IQR, Q3 + ${f.k} × IQR]`, ru: `${ruValue} вне границ [первый квартиль − ${k} × IQR, третий квартиль + ${k} × IQR]`};
}

/** Find robust outliers of `field`; examples are the most extreme rows. */
export async function robustOutliers(connection: DuckDBConnection, ref: TableRef, field: string, options: OutlierOptions = {}): Promise<OutlierFinding> {
  const {where, idField, maxExamples = 5, subject = same(field), log = false} = options;
  const fences = await robustFences(connection, ref.table, field, options);
  const line = ref.line ?? "rowid + 2";
  const base = {kind: "outlier" as const, file: ref.file, field, fences};
  if (!fences) return {...base, rows: 0, examples: [],
    summary: {en: `no outliers in ${subject.en}: most values are equal`, ru: `${subject.ru}: выбросов нет, большинство значений совпадает`}};
  const f = ident(field);
  const cond = `${f} IS NOT NULL AND (${f} < ${fences.low} OR ${f} > ${fences.high})${where ? ` AND (${where})` : ""}`;
  const {rows} = await queryOne<{rows: number}>(connection, `SELECT count(*) AS rows FROM ${ident(ref.table)} WHERE ${cond}`);
  const ex = rows ? await examples(connection,
    `SELECT ${line} AS line, ${idField ? `${ident(idField)}` : "NULL"} AS id, ${f} AS found,
       round(abs(${log ? `ln(${f})` : f} - ${log ? Math.log(fences.center) : fences.center}) / ${fences.spread}, 1) || ' × spread from the median' AS note,
       'от медианы на ' || replace(CAST(round(abs(${log ? `ln(${f})` : f} - ${log ? Math.log(fences.center) : fences.center}) / ${fences.spread}, 1) AS VARCHAR), '.', ',') || ' × разброс' AS note_ru
     FROM ${ident(ref.table)} WHERE ${cond} ORDER BY abs(${log ? `ln(${f})` : f} - ${log ? Math.log(fences.center) : fences.center}) DESC, ${line} LIMIT ${maxExamples}`, ref.file, field) : [];
  return {
    ...base, rows,
    summary: rows
      ? {en: `${count(rows, "value")} of ${subject.en} ${rows === 1 ? "lies" : "lie"} outside the robust range`,
        ru: `${subject.ru}: ${ru.plural(rows, "значение лежит", "значения лежат", "значений лежат")} вне устойчивого диапазона`}
      : {en: `no value of ${subject.en} lies outside the robust range`, ru: `${subject.ru}: ни одно значение не лежит вне устойчивого диапазона`},
    method: fenceMethod(fences, log), examples: ex
  };
}
