/**
 * A list to act on: the customers one action targets, each with the reason they are on it, and a
 * control group held back ("do not contact") so that the next export can measure what the action
 * did (with the experiment case). The counts are always published; the customer rows only where
 * settings allow customer-level rows in the site.
 *
 * The control group is chosen by a hash of the customer id (salted with the case; see unitHash):
 * a customer is held back from every action of a case or from none, the choice does not depend on
 * the order of the rows, and it is the same in every rebuild. Its size is the share in expectation
 * (binomial), and the artifact says the size it got.
 */
import type {Settings} from "../settings.ts";
import type {Text} from "../../src/components/i18n.ts";

export type ListGroup = "contact" | "control";
/** A cell: a number, the export's own value (string), or a text in both languages (a reason, a group's name). */
export type ListValue = string | number | null | Text;

export interface ListColumn {
  key: string;
  /** The column's header in the downloads (both languages, or one string for both). */
  label: string | Text;
  /** How a value is written in the CSV: numbers with a decimal comma in the Excel variant. */
  type: "text" | "number";
}

/** One customer on a list: the id, why they are on it, and the action's own columns (score, segment…). */
export interface ListedCustomer {
  id: string;
  reason: string | Text;
  values?: Record<string, ListValue>;
}

export interface ListRow {
  customer: string;
  group: ListGroup;
  reason: string | Text;
  [key: string]: ListValue;
}

export interface ActionList {
  /** File stem of the downloads: "fitness-call-high-risk". */
  id: string;
  title: string | Text;
  size: number;
  contact: number;
  control: number;
  controlShare: number;
  /** Whether the rows are in this edition of the site. */
  allowed: boolean;
  /** The action's own columns, after customer, group and reason. */
  columns: ListColumn[];
  rows: ListRow[];
}

export interface ActionSpec {
  id: string;
  title: string | Text;
  columns?: ListColumn[];
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A string hashed to [0, 1): FNV-1a, then MurmurHash3's finaliser, which spreads ids that differ only in their
 * last characters (C1000, C1001, …) evenly — FNV-1a alone does not (1,105 of 10,000 such ids under 0.1). */
export function unitHash(text: string): number {
  let h = fnv1a(text);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/** Whether a customer of a case is held back as control (the same answer for every action of the case). */
export function isControl(caseId: string, customer: string, share: number): boolean {
  return unitHash(`${caseId}\u0000${customer}`) < share;
}

/** Fields every row has; an action's own columns may not reuse them (a column "group" would hide the control group). */
const RESERVED = ["customer", "group", "reason"];

/** A list given by its customers' ids, its rows made only when the site may show them (a segment of millions of
 * customers needs only its counts otherwise): `rows()` gives the listed customers in the order to show, the same ids. */
export interface LazyList {
  ids: readonly string[];
  rows: () => readonly ListedCustomer[];
}

export function actionList(caseId: string, spec: ActionSpec, customers: readonly ListedCustomer[] | LazyList,
  settings: Pick<Settings, "customerRows" | "controlShare">): ActionList {
  const clash = (spec.columns ?? []).find((c) => RESERVED.includes(c.key));
  if (clash) throw new Error(`action list ${spec.id}: the column "${clash.key}" would overwrite the row's own ${clash.key}; name it otherwise`);
  const list = (size: number, control: number, rows: ListRow[]): ActionList => ({id: spec.id, title: spec.title, size, contact: size - control, control,
    controlShare: settings.controlShare, allowed: settings.customerRows, columns: spec.columns ?? [], rows: settings.customerRows ? rows : []});
  if (!settings.customerRows && "ids" in customers) {
    let control = 0;
    for (const id of customers.ids) if (isControl(caseId, id, settings.controlShare)) control++;
    return list(customers.ids.length, control, []);
  }
  const listed = "ids" in customers ? customers.rows() : customers;
  const rows: ListRow[] = listed.map((c) => ({
    ...c.values, customer: c.id, group: isControl(caseId, c.id, settings.controlShare) ? "control" : "contact", reason: c.reason
  }));
  return list(rows.length, rows.filter((r) => r.group === "control").length, rows);
}
