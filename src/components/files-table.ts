/**
 * The exports a case was built from, as its reader read them (`files.json` in the case's archive,
 * loaders/cases/run-case.ts): format, size, rows, columns, separator and encoding. Shown at the end of
 * each case's Data quality page.
 */
import type {FileRow} from "../../loaders/cases/run-case.ts";
import {formatBytes} from "./format.js";
import {recordsTable} from "./quality-details.js";

export function inputFilesTable(read: {files: FileRow[]}): HTMLElement {
  return recordsTable(read.files, [
    {key: "file", title: "File", kind: "code"},
    {key: "format", title: "Format", format: (f) => (f === "parquet" ? "Parquet" : "CSV")},
    {key: "bytes", title: "Size", kind: "num", format: (b) => formatBytes(b as number)},
    {key: "rows", title: "Rows", kind: "num"},
    {key: "columns", title: "Columns", kind: "num"},
    {key: "separator", title: "Separator", format: (s) => (s === "\t" ? "tab" : s === null ? "—" : String(s))},
    {key: "encoding", title: "Encoding", format: (e) => (e === null ? "—" : String(e))}
  ]);
}
