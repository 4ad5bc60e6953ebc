/**
 * A plain, wrapping HTML table for short tables with long text cells (Inputs.table has a fixed row
 * height and clips or overlaps wrapped text). Cell text is inserted as text, never as markup;
 * right-aligned (numeric) cells never wrap mid-number; a table wider than the page scrolls in its own box.
 *
 *   ${Table(rows, {columns: [{key: "group", label: "Group"}, {key: "share", label: "Share", format: pct, align: "right"}]})}
 */
import {html} from "htl";
import {isText, tr, type Text} from "./i18n.js";

export interface Column<T> {
  key: keyof T & string;
  /** The header: one string, or both languages (shown in the page's). */
  label: string | Text;
  format?: (value: any, row: T) => string;
  align?: "left" | "right";
}

export function Table<T extends Record<string, unknown>>(rows: T[], {columns}: {columns: Column<T>[]}) {
  const cell = (c: Column<T>, r: T) => (c.format ? c.format(r[c.key], r) : (isText(r[c.key]) ? tr(r[c.key] as Text) : String(r[c.key] ?? "")));
  // The box scrolls sideways on a narrow screen, never the page.
  return html`<div style="max-width: 100%; overflow-x: auto"><table style="max-width: none; margin: 0">
    <thead><tr>${columns.map((c) => html`<th style=${`text-align: ${c.align ?? "left"}`}>${tr(c.label)}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${columns.map((c) => html`<td style=${`text-align: ${c.align ?? "left"}; vertical-align: top${c.align === "right" ? "; white-space: nowrap" : ""}`}>${cell(c, r)}</td>`)}</tr>`)}</tbody>
  </table></div>`;
}
