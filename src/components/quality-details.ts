/**
 * Text blocks for the Data quality pages: findings with their method and examples, repairs and
 * exclusions. Everything from the data is written with textContent — a product name holding
 * "<script>" shows as those characters, never as markup.
 */
import type {QualityArtifact} from "../../loaders/quality/artifact.ts";
import type {Example, Exclusion, Finding, Repair} from "../../loaders/quality/types.ts";
import type {Problem} from "../../loaders/io/problems.ts";
import {kindLabel} from "./quality.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string | number, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

const number = (n: number) => n.toLocaleString("en-US");

/** A table of example rows; ids appear only when the build allows customer rows. */
export function examplesTable(examples: Example[], {customerRows = false, labels = {} as Record<string, string>} = {}): HTMLElement {
  if (!examples.length) return el("p", "No example rows.", "muted");
  const columns: {key: keyof Example; title: string}[] = [
    {key: "file", title: "File"},
    {key: "line", title: "Line"},
    ...(customerRows && examples.some((e) => e.id !== undefined) ? [{key: "id" as const, title: "Id"}] : []),
    ...(examples.some((e) => e.field) ? [{key: "field" as const, title: "Column"}] : []),
    ...(examples.some((e) => e.found !== undefined) ? [{key: "found" as const, title: "Found"}] : []),
    ...(examples.some((e) => e.becomes !== undefined) ? [{key: "becomes" as const, title: "Becomes"}] : []),
    ...(examples.some((e) => e.note) ? [{key: "note" as const, title: "Note"}] : [])
  ];
  const table = el("table", undefined, "quality-examples");
  const head = table.createTHead().insertRow();
  for (const c of columns) head.appendChild(el("th", c.title));
  const body = table.createTBody();
  for (const e of examples) {
    const row = body.insertRow();
    for (const c of columns) {
      const value = e[c.key];
      const text = c.key === "field" && typeof value === "string" ? labels[value] ?? value : c.key === "line" && value === 0 ? "—" : value ?? "";
      row.appendChild(el("td", String(text)));
    }
  }
  return table;
}

function block(title: string, lines: (string | null | undefined)[], examples: Example[], q: QualityArtifact): HTMLElement {
  const section = el("section", undefined, "quality-item");
  section.appendChild(el("h3", title));
  for (const line of lines) if (line) section.appendChild(el("p", line));
  section.appendChild(examplesTable(examples, {customerRows: q.customerRows, labels: q.labels}));
  return section;
}

/** Each finding that affects rows: summary, method and example rows. */
export function findingsList(q: QualityArtifact): HTMLElement {
  const root = el("div");
  const hits = q.findings.filter((f) => f.rows > 0 || (f.groups ?? 0) > 0);
  if (!hits.length) root.appendChild(el("p", "The audit found no defect."));
  for (const f of hits) {
    root.appendChild(block(`${kindLabel(f.kind)} — ${f.file}${f.field ? `, ${q.labels[f.field] ?? f.field}` : ""}`,
      [capitalise(f.summary) + ".", f.method ? `Method: ${f.method}.` : null, `Rows affected: ${number(f.rows)}${f.groups !== undefined ? `; groups: ${number(f.groups)}` : ""}.`],
      f.examples, q));
  }
  return root;
}

/** The checks that found nothing, as one list (so a clean result is visible too). */
export function cleanChecksList(q: QualityArtifact): HTMLElement {
  const clean = q.findings.filter((f) => f.rows === 0 && !(f.groups ?? 0));
  if (!clean.length) return el("p", "Every check found something; see above.", "muted");
  const list = el("ul");
  for (const f of clean) list.appendChild(el("li", `${kindLabel(f.kind)} (${f.file}): ${f.summary}.`));
  return list;
}

/** Every repair rule of the case: those that changed rows with examples, then those that did not. */
export function repairsList(q: QualityArtifact): HTMLElement {
  const root = el("div");
  const used = q.repairs.filter((r) => r.rows > 0);
  if (!used.length) root.appendChild(el("p", "No repair was needed: the clean tables hold the rows exactly as exported."));
  for (const r of used) {
    root.appendChild(block(`${r.action === "removed" ? "Removed" : "Changed"}: ${number(r.rows)} ${r.rows === 1 ? "row" : "rows"} — ${r.file}`, [r.description], r.examples, q));
  }
  const idle = q.repairs.filter((r) => r.rows === 0);
  if (idle.length) {
    root.appendChild(el("p", "Repair rules that found nothing to change:"));
    const list = el("ul");
    for (const r of idle) list.appendChild(el("li", `${r.file}: ${r.description}`));
    root.appendChild(list);
  }
  return root;
}

export function exclusionsList(q: QualityArtifact): HTMLElement {
  const root = el("div");
  const used = q.exclusions.filter((e) => e.rows > 0);
  if (!used.length) root.appendChild(el("p", `No ${q.counts.modelling.unit} are left out of modelling.`));
  for (const e of used) root.appendChild(block(`${number(e.rows)} ${e.unit}`, [e.reason], e.examples, q));
  return root;
}

export function problemsList(problems: Problem[]): HTMLElement {
  if (!problems.length) return el("p", "Reading raised no warnings.", "muted");
  const list = el("ul");
  for (const p of problems) {
    const where = [p.file, p.line !== undefined ? `line ${p.line}` : null, p.column ? `column "${p.column}"` : null].filter(Boolean).join(", ");
    list.appendChild(el("li", `${where}: expected ${p.expected}, found ${p.found}.${p.hint ? ` ${p.hint}.` : ""}`));
  }
  return list;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type {Exclusion, Finding, Repair};

export interface Column<T> {
  key: keyof T & string;
  title: string;
  format?: (value: T[keyof T & string], row: T) => string;
}

/** A plain, full-height table of records (text only). */
export function recordsTable<T extends object>(rows: T[], columns: Column<T>[]): HTMLElement {
  const table = el("table", undefined, "quality-records");
  const head = table.createTHead().insertRow();
  for (const c of columns) head.appendChild(el("th", c.title));
  const body = table.createTBody();
  for (const r of rows) {
    const row = body.insertRow();
    for (const c of columns) {
      const value = r[c.key];
      const text = c.format ? c.format(value, r) : typeof value === "number" ? number(value) : String(value ?? "");
      row.appendChild(el("td", text));
    }
  }
  return table;
}

/** Files of the case with their detected dialect. */
export function filesTable(q: QualityArtifact): HTMLElement {
  return recordsTable(q.files, [
    {key: "file", title: "File"},
    {key: "title", title: "Content"},
    {key: "description", title: "Dialect"},
    {key: "rows", title: "Rows"},
    {key: "columns", title: "Columns"}
  ]);
}

/** The schema's column mapping: export name → field → meaning, type and allowed values. */
export function columnsTable(q: QualityArtifact): HTMLElement {
  return recordsTable(q.columns, [
    {key: "file", title: "File"},
    {key: "source", title: "Column in export"},
    {key: "field", title: "Field"},
    {key: "label", title: "Meaning"},
    {key: "type", title: "Type"},
    {key: "allowed", title: "Allowed"}
  ]);
}
