/**
 * Schema vocabulary: each case declares its export files, and for each column the name it has in
 * the export (Russian headers included), the English field name and display label, a type, the
 * allowed values or range, and whether it is required. Files declare keys and joins.
 */
import type {Text} from "../../src/components/i18n.ts";
import {russianLabels} from "../inputs/glossary.ts";
import type {CaseId} from "../cases/registry.ts";

export type ColumnType =
  /** whole numbers */
  | "integer"
  /** real numbers (decimal point or comma, per the file's dialect) */
  | "number"
  /** 0 or 1 */
  | "flag"
  /** free text */
  | "text"
  /** one of `values` (source label → English value) */
  | "category"
  /** a point in time: YYYYMMDDHH integer (keeps the hour), YYYYMMDD, ISO date or ISO date-time */
  | "datetime";

export interface ColumnSpec {
  /** Column header in the export, e.g. "Выручка". */
  source: string;
  /** English field name in clean tables, e.g. "revenue". */
  field: string;
  /** Human label for pages, e.g. "Revenue" (English; `columnLabel` gives both languages). */
  label: string;
  /** The Russian label the mapping gives (`label.ru`); else `columnLabel` uses the template's own
   *  Russian label, else the export's header. */
  labelRu?: string;
  type: ColumnType;
  /** Inclusive numeric range (for datetime: ISO strings). */
  min?: number | string;
  max?: number | string;
  /** For categories: source label → English value. */
  values?: Record<string, string>;
  /** Whether a value must be present in every row (default true). */
  required?: boolean;
  /** The case's binary target: needs both classes present. */
  target?: boolean;
  /** Extra explanation for the data-quality page. */
  description?: string;
  /** A role the export may lack: a mapping may leave it out and the case works without it (the seed layout still expects it). */
  optional?: boolean;
  /** Not in the seed export: a role only a mapping can give, so the seed layout does not expect it (e.g. an order log's own product category). */
  mappedOnly?: boolean;
  /** Holds customer ids: these must not reach the built site unless the setting allows. */
  customerId?: boolean;
  /** Other names the column goes by in exports (English and Russian), for `npm run init`. */
  synonyms?: string[];
  /** A column the analyst's mapping adds as a feature of its own (not one of the template's roles). */
  extra?: boolean;
  /** The values are labels standing for this type (e.g. "да"/"нет" for a flag): read as a category, then turned into it. */
  labelsFor?: "flag";
  /** The mapping entry that named this column, e.g. `files[0].columns["Отток"]` in clientele-mapping.json. */
  entry?: string;
}

export interface JoinSpec {
  /** Field in this file. */
  field: string;
  /** Other file (name) and field it refers to. */
  file: string;
  otherField: string;
}

export interface FileSpec {
  /** File name as shown in messages: the seed name in DATA_DIR/<case>/ (a .parquet file of the same
   * stem is accepted too), or the path relative to DATA_DIR that the mapping gives. */
  file: string;
  /** Absolute path, once the inputs are resolved (loaders/inputs/resolve.ts). */
  path?: string;
  /** Export headers the mapping leaves out on purpose (read past without a warning). */
  ignored?: string[];
  /** The mapping entry that named this file, e.g. `files[0]`. */
  entry?: string;
  /** SQL table name for the raw, validated table, e.g. "market_file". */
  table: string;
  title: string;
  /** The title in Russian. */
  titleRu: string;
  columns: ColumnSpec[];
  /** Fields that together identify a row (checked for duplicates). */
  key?: string[];
  /** Foreign keys to other files of the case. */
  joins?: JoinSpec[];
  /** An input the case works without (e.g. a marketing calendar): a mapping may leave it out, and the seed layout may lack the file. */
  optional?: boolean;
}

export interface CaseSchema {
  case: CaseId;
  files: FileSpec[];
}

export function fileSpec(schema: CaseSchema, file: string): FileSpec {
  const spec = schema.files.find((f) => f.file === file || f.table === file);
  if (!spec) throw new Error(`schema ${schema.case} has no file ${file}`);
  return spec;
}

export function columnSpec(spec: FileSpec, field: string): ColumnSpec {
  const col = spec.columns.find((c) => c.field === field);
  if (!col) throw new Error(`${spec.file} has no field ${field}`);
  return col;
}

/** A column's label in both languages: the mapping's, else the template's, else the export's own
 *  header (shown as it is in either language). */
export function columnLabel(col: Pick<ColumnSpec, "label" | "labelRu" | "field" | "source" | "extra">): Text {
  return {en: col.label, ru: col.labelRu ?? (col.extra ? undefined : russianLabels[col.field]) ?? col.source ?? col.label};
}

/** Field → label for a file, handy for pages and reports. */
export function labels(spec: FileSpec): Record<string, string> {
  return Object.fromEntries(spec.columns.map((c) => [c.field, c.label]));
}
