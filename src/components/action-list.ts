/**
 * An action's list on a page: how many customers it targets, how many are held back as the control
 * group, and — in the internal edition, where customer rows are allowed — two downloads of the list
 * (CSV, and an Excel-friendly CSV: byte-order mark, ";" between fields, decimal commas). The files
 * are made in the browser from the page's own data: no request leaves the site.
 */
import type {ActionList, ListRow, ListValue} from "../../loaders/analysis/action-list.ts";
import {countOf, grouped, pct} from "./format.js";

const GROUP_TEXT = {contact: "contact", control: "control: do not contact"} as const;

function cell(value: ListValue, type: "text" | "number", excel: boolean, separator: string): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" && type === "number" && excel ? String(value).replace(".", ",") : String(value);
  // Excel would run a cell starting with = + - @ as a formula: keep such text as text.
  if (excel && type === "text" && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The list as CSV text: header, then one line per customer. `excel`: ";" and decimal commas, with a BOM. */
export function listCsv(list: Pick<ActionList, "columns" | "rows">, {excel = false} = {}): string {
  const separator = excel ? ";" : ",";
  const columns = [
    {key: "customer", label: "customer", type: "text" as const},
    {key: "group", label: "group", type: "text" as const},
    {key: "reason", label: "reason", type: "text" as const},
    ...list.columns
  ];
  const line = (values: string[]) => values.join(separator);
  const rows = list.rows.map((row: ListRow) => line(columns.map((c) =>
    cell(c.key === "group" ? GROUP_TEXT[row.group] : row[c.key], c.type, excel, separator))));
  return (excel ? "\uFEFF" : "") + [line(columns.map((c) => cell(c.label, "text", excel, separator))), ...rows].join("\r\n") + "\r\n";
}

function download(text: string, name: string, label: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], {type: "text/csv;charset=utf-8"}));
  a.download = name;
  a.textContent = label;
  return a;
}

/** The counts line and the downloads (or where the list is). `noun`: the plural the case counts in ("members");
 * `note`: whether to add the analyst's how-to under a list that is not in this edition (once per page is enough). */
export function actionListBlock(list: ActionList, {noun = "customers", note: withNote = true} = {}): HTMLElement {
  const block = document.createElement("div");
  block.className = "action-list";
  const counts = document.createElement("p");
  counts.textContent = list.size === 0 ? `No ${noun} are on this list.` :
    `${countOf(list.size, noun)} on the list: ${grouped(list.contact)} to contact and ${grouped(list.control)} held back as a control group ` +
    `(do not contact; ${pct(list.controlShare, 0)} chosen at random), so that the next export shows what the action changed.`;
  block.append(counts);
  if (list.size === 0) return block;
  if (list.allowed) {
    const links = document.createElement("p");
    links.append(`Download the list of ${noun} with each one's reason: `,
      download(listCsv(list), `${list.id}.csv`, "CSV"), " · ",
      download(listCsv(list, {excel: true}), `${list.id}-excel.csv`, "Excel (;)"));
    block.append(links);
  } else {
    const where = document.createElement("p");
    where.textContent = `The list of ${noun}, with each one's reason, is in the internal edition of this report.`;
    const note = document.createElement("details");
    note.className = "analyst-note";
    const summary = document.createElement("summary");
    summary.textContent = "For the analyst";
    const how = document.createElement("p");
    how.textContent = "This edition leaves customer ids out. Build the internal edition with CLIENTELE_CUSTOMER_ROWS=1 " +
      "(and CLIENTELE_CONTROL_SHARE for the control group's share, 0.1 by default) and publish it only where customer data may go.";
    note.append(summary, how);
    block.append(where);
    if (withNote) block.append(note);
  }
  return block;
}
