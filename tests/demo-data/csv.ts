/** A minimal RFC 4180 reader for the demo-data tests (independent of loaders/io on purpose). */
import {readFileSync} from "node:fs";

export {datasets as REAL} from "../real-data.ts";

export function parseCsv(text: string, separator = ","): string[][] {
  const sep = separator.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const token = new RegExp(`("(?:[^"]|"")*"|[^${sep}"\\r\\n]*)(${sep}|\\r?\\n|$)`, "y");
  const rows: string[][] = [];
  let row: string[] = [];
  while (token.lastIndex < text.length) {
    const at = token.lastIndex;
    const m = token.exec(text);
    if (!m || (m[0] === "" && at === text.length)) break;
    if (m[0] === "") throw new Error(`CSV: cannot parse at offset ${at}`);
    const raw = m[1];
    row.push(raw.startsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw);
    if (m[2] !== separator) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length) rows.push(row);
  return rows;
}

/** Header and rows of a CSV file as objects keyed by column name. */
export function readCsv(path: string, separator = ","): {header: string[]; rows: Record<string, string>[]} {
  const [header, ...body] = parseCsv(readFileSync(path, "utf8"), separator);
  return {header, rows: body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]])))};
}

export function readJson<T = any>(path: string): T {
  return JSON.parse(readFileSync(path, "utf8")) as T;
}
