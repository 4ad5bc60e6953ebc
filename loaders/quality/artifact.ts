/**
 * The JSON artifact behind each Data quality page: the quality report with customer and order ids
 * removed unless customer rows are allowed in the build, plus what the page needs to explain it
 * (file titles, dialect descriptions, the column mapping from the schema, and totals).
 */
import type {Text} from "../../src/components/i18n.ts";
import {columnLabel, type ColumnSpec, type ColumnType} from "../io/schema.ts";
import type {CaseInput} from "../inputs/resolve.ts";
import {describeDialect} from "../io/dialect.ts";
import type {Example, FileReport, QualityReport} from "./types.ts";
import {labelInText, ru} from "./words.ts";

export interface ArtifactFile extends FileReport {
  title: Text;
  /** e.g. "UTF-8, semicolon-separated, decimal comma, no quoting, LF line endings". */
  description: Text;
}

export interface ArtifactColumn {
  file: string;
  source: string;
  field: string;
  label: Text;
  type: ColumnType;
  /** Allowed values or range, in words. */
  allowed: Text;
  /** A category's values: the analysis' (English) value → the export's first label for it, to show
   *  a value in the Russian edition as the export writes it. */
  values?: Record<string, string>;
}

export interface QualityArtifact extends Omit<QualityReport, "files"> {
  /** Whether examples carry customer/order ids (settings.customerRows). */
  customerRows: boolean;
  files: ArtifactFile[];
  columns: ArtifactColumn[];
  /** field → label for every file of the case, in both languages (columnLabel). */
  labels: Record<string, Text>;
  totals: {
    /** Findings with at least one affected row or group. */
    findings: number;
    repairs: number;
    changedRows: number;
    removedRows: number;
    excludedRows: number;
  };
}

function redactExample(e: Example, keepIds: boolean): Example {
  if (keepIds || e.id === undefined) return e;
  const {id: _id, ...rest} = e;
  return rest;
}

/** Remove ids from every example unless `customerRows`. */
export function redactReport(report: QualityReport, customerRows: boolean): QualityReport {
  const fix = <T extends {examples: Example[]}>(x: T): T => ({...x, examples: x.examples.map((e) => redactExample(e, customerRows))});
  return {...report, findings: report.findings.map(fix), repairs: report.repairs.map(fix), exclusions: report.exclusions.map(fix)};
}

/** A category's English value in Russian, for the template's values with a fixed meaning. */
const valueRu: Record<string, string> = {yes: "да", no: "нет", current: "текущий месяц", previous: "прошлый месяц", before_previous: "позапрошлый месяц",
  premium: "премиум", standard: "стандарт", declined: "снизилась", unchanged: "прежний уровень"};

function allowed(c: ColumnSpec): Text {
  if (c.type === "category") {
    const pairs = Object.entries(c.values ?? {});
    // In Russian the export's own labels, with the meaning of a template value where it has a fixed one (да/нет…).
    return {en: pairs.map(([s, e]) => `${s} → ${e}`).join("; "), ru: pairs.map(([s, e]) => (valueRu[e] && valueRu[e].toLowerCase() !== s.toLowerCase() ? `${s} → ${valueRu[e]}` : s)).join("; ")};
  }
  if (c.type === "flag") return {en: "0 or 1", ru: "0 или 1"};
  const value = (x: number | string) => (typeof x === "number" ? ru.grouped(x, 4) : x);
  const lo = c.min !== undefined ? String(c.min) : null;
  const hi = c.max !== undefined ? String(c.max) : null;
  if (lo !== null && hi !== null) return {en: `${lo} to ${hi}`, ru: `от ${value(c.min!)} до ${value(c.max!)}`};
  if (lo !== null) return {en: `at least ${lo}`, ru: `не меньше ${value(c.min!)}`};
  if (hi !== null) return {en: `at most ${hi}`, ru: `не больше ${value(c.max!)}`};
  return c.type === "text" ? {en: "any text", ru: "любой текст"} : {en: "any", ru: "любое"};
}

function exportLabels(c: ColumnSpec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [label, value] of Object.entries(c.values ?? {})) out[value] ??= label;
  return out;
}

/** The Data quality page's artifact for a case read from `input` (its files and headers as resolved). */
export function qualityArtifact(report: QualityReport, schema: Pick<CaseInput, "id" | "files">, {customerRows = false}: {customerRows?: boolean} = {}): QualityArtifact {
  const safe = redactReport(report, customerRows);
  const hit = (n: number, g?: number) => n > 0 || (g ?? 0) > 0;
  const labels: Record<string, Text> = Object.fromEntries(schema.files.flatMap((f) => f.columns.map((c) => [c.field, columnLabel(c)])));
  return {
    ...safe,
    // Prose names a column by its label, as the headings do ("values of spend on extra services").
    findings: safe.findings.map((f) => ({...f, summary: labelInText(f.summary, f.field, labels), ...(f.method ? {method: labelInText(f.method, undefined, labels)} : {})})),
    repairs: safe.repairs.map((r) => ({...r, description: labelInText(r.description, r.field, labels)})),
    customerRows,
    files: report.files.map((f) => {
      const spec = schema.files.find((s) => s.file === f.file);
      return {
        ...f,
        title: spec ? {en: spec.title, ru: spec.titleRu} : {en: f.file, ru: f.file},
        description: f.dialect ? describeDialect(f.dialect) : {en: "Parquet", ru: "Parquet"}
      };
    }),
    columns: schema.files.flatMap((f) => f.columns.map((c) => ({file: f.file, source: c.source, field: c.field, label: columnLabel(c), type: c.type, allowed: allowed(c), ...(c.type === "category" ? {values: exportLabels(c)} : {})}))),
    labels,
    totals: {
      findings: report.findings.filter((f) => hit(f.rows, f.groups)).length,
      repairs: report.repairs.filter((r) => r.rows > 0).length,
      changedRows: report.repairs.filter((r) => r.action === "changed").reduce((s, r) => s + r.rows, 0),
      removedRows: report.repairs.filter((r) => r.action === "removed").reduce((s, r) => s + r.rows, 0),
      excludedRows: report.exclusions.reduce((s, e) => s + e.rows, 0)
    }
  };
}
