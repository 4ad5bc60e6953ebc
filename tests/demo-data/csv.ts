/** A minimal RFC 4180 reader for the demo-data tests (independent of loaders/io on purpose). */
import {readFileSync} from "node:fs";
import {resolve} from "node:path";

export const REAL = resolve(process.env.SHARED_DATASETS ?? "../shared/datasets");

export function parseCsv(text: string, separator = ","): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
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
