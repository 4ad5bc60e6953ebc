/**
 * The JSON artifact behind each Data quality page: the quality report with customer and order ids
 * removed unless customer rows are allowed in the build, plus what the page needs to explain it
 * (file titles, dialect descriptions, the column mapping from the schema, and totals).
 */
import type {ColumnSpec, ColumnType} from "../io/schema.ts";
import type {CaseInput} from "../inputs/resolve.ts";
import {describeDialect} from "../io/dialect.ts";
import type {Example, FileReport, QualityReport} from "./types.ts";
import {labelInProse} from "./words.ts";

export interface ArtifactFile extends FileReport {
  title: string;
  /** e.g. "UTF-8, semicolon-separated, decimal comma, no quoting, LF line endings". */
  description: string;
}

export interface ArtifactColumn {
  file: string;
  source: string;
  field: string;
  label: string;
  type: ColumnType;
  /** Allowed values or range, in words. */
  allowed: string;
}

export interface QualityArtifact extends Omit<QualityReport, "files"> {
  /** Whether examples carry customer/order ids (settings.customerRows). */
  customerRows: boolean;
  files: ArtifactFile[];
  columns: ArtifactColumn[];
  /** field → label for every file of the case. */
  labels: Record<string, string>;
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

function allowed(c: ColumnSpec): string {
  if (c.type === "category") return Object.entries(c.values ?? {}).map(([s, e]) => `${s} → ${e}`).join("; ");
  if (c.type === "flag") return "0 or 1";
  const lo = c.min !== undefined ? String(c.min) : null;
  const hi = c.max !== undefined ? String(c.max) : null;
  if (lo !== null && hi !== null) return `${lo} to ${hi}`;
  if (lo !== null) return `at least ${lo}`;
  if (hi !== null) return `at most ${hi}`;
  return c.type === "text" ? "any text" : "any";
}

/** The Data quality page's artifact for a case read from `input` (its files and headers as resolved). */
export function qualityArtifact(report: QualityReport, schema: Pick<CaseInput, "id" | "files">, {customerRows = false}: {customerRows?: boolean} = {}): QualityArtifact {
  const safe = redactReport(report, customerRows);
  const hit = (n: number, g?: number) => n > 0 || (g ?? 0) > 0;
  const labels: Record<string, string> = Object.fromEntries(schema.files.flatMap((f) => f.columns.map((c) => [c.field, c.label])));
  return {
    ...safe,
    // Prose names a column by its label, as the headings do ("values of spend on extra services").
    findings: safe.findings.map((f) => ({...f, summary: labelInProse(f.summary, f.field, f.field && labels[f.field])})),
    repairs: safe.repairs.map((r) => ({...r, description: labelInProse(r.description, r.field, r.field && labels[r.field])})),
    customerRows,
    files: report.files.map((f) => ({
      ...f,
      title: schema.files.find((s) => s.file === f.file)?.title ?? f.file,
      description: f.dialect ? describeDialect(f.dialect) : "Parquet"
    })),
    columns: schema.files.flatMap((f) => f.columns.map((c) => ({file: f.file, source: c.source, field: c.field, label: c.label, type: c.type, allowed: allowed(c)}))),
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
