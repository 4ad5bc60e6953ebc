/**
 * The data-quality report every clean step returns: how each file was read, what the audit found,
 * what was repaired (with counts and examples), and which rows were left out of modelling and why.
 * It is plain JSON, written by `src/data/<case>/quality.json.ts` for the Data quality page.
 */
import type {Noun, Text} from "../../src/components/i18n.ts";
import type {Dialect} from "../io/dialect.ts";
import type {Problem} from "../io/problems.ts";
import type {ReusedIdsAudit} from "./reused-ids.ts";
import type {SameOccasionAudit} from "./same-occasion.ts";

/** One example row behind a finding or repair. `id` holds customer/order ids and is redacted in
 * public builds (see redactReport); `line` always locates the row in its file. */
export interface Example {
  file: string;
  line: number;
  /** Customer or order id, when known (removed unless settings.customerRows). */
  id?: string;
  /** Column (English field name) the example is about. */
  field?: string;
  /** Value as found in the export. */
  found?: string;
  /** Value after repair, or what was expected. */
  becomes?: string;
  note?: Text;
}

export type FindingKind =
  | "exact-duplicate"
  | "near-duplicate"
  | "missing"
  | "misspelling"
  | "lookalike"
  | "outlier"
  | "referential"
  | "shared-key"
  | "zero-activity"
  | "markup"
  | "wholesale"
  | "reused-ids"
  | "same-occasion"
  | "format";

export interface Finding {
  kind: FindingKind;
  file: string;
  field?: string;
  /** Rows the finding concerns. */
  rows: number;
  /** Groups (orders, customers, labels) when that is the natural unit; else absent. */
  groups?: number;
  summary: Text;
  /** Method and thresholds used, e.g. "median ± 3.5 × 1.4826 × MAD". */
  method?: Text;
  examples: Example[];
}

export interface Repair {
  /** Stable identifier, e.g. "fix-label-service-type". */
  id: string;
  file: string;
  field?: string;
  description: Text;
  /** Rows changed or removed. */
  rows: number;
  /** "changed" keeps the row with new values; "removed" drops it from the clean table. */
  action: "changed" | "removed";
  examples: Example[];
}

export interface Exclusion {
  /** Stable identifier, e.g. "zero-activity". */
  id: string;
  reason: Text;
  /** Units excluded from modelling (customers, order lines…). */
  rows: number;
  unit: Noun;
  examples: Example[];
}

export interface FileReport {
  file: string;
  format: "csv" | "parquet";
  dialect: Dialect | null;
  /** Data rows read (header excluded). */
  rows: number;
  columns: number;
  /** Size of the file read. */
  bytes: number;
}

/** A log that re-records a line when it is updated: both readings, first and last version. */
export interface LineVersions {
  /** Keys (e.g. order + product) logged at more than one time. */
  keys: number;
  /** Of those, keys whose quantity or price differs between the first and the last version. */
  changed: number;
  /** Revenue (quantity × price) of all lines when each key is read at its first version, and at its last. */
  revenueFirst: number;
  revenueLast: number;
}

export interface QualityReport {
  case: "fitness" | "one-click" | "ecommerce" | "experiment";
  files: FileReport[];
  /** Non-fatal validation problems (warnings) with location. */
  problems: Problem[];
  findings: Finding[];
  repairs: Repair[];
  exclusions: Exclusion[];
  /** Event logs only: later versions of a line read as updates (both readings). */
  lineVersions?: LineVersions;
  /** Event logs only: the calendar audit for re-used customer ids (see reused-ids.ts). */
  reusedIds?: ReusedIdsAudit;
  /** Order logs only: orders placed again within a day — one purchase, not a return (see same-occasion.ts). */
  sameOccasion?: SameOccasionAudit;
  /** Row accounting: input rows per file → rows in clean tables → units used for modelling. */
  counts: {
    input: Record<string, number>;
    clean: Record<string, number>;
    modelling: {unit: Noun; rows: number};
    /** The modelling unit's rows at each step, from read to used for modelling. */
    flow: {stage: Text; rows: number}[];
  };
}
