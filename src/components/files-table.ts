/**
 * The exports a case was built from, as its reader read them (`files.json` in the case's archive,
 * loaders/cases/run-case.ts): format, size, rows, columns, separator and encoding. Shown at the end of
 * each case's Data quality page.
 */
import type {FileRow} from "../../loaders/cases/run-case.ts";
import {formatBytes} from "./format.js";
import {tr} from "./i18n.js";
import {recordsTable} from "./quality-details.js";

export function inputFilesTable(read: {files: FileRow[]}): HTMLElement {
  return recordsTable(read.files, [
    {key: "file", title: tr({en: "File", ru: "Файл"}), kind: "code"},
    {key: "format", title: tr({en: "Format", ru: "Формат"}), format: (f) => (f === "parquet" ? "Parquet" : "CSV")},
    {key: "bytes", title: tr({en: "Size", ru: "Размер"}), kind: "num", format: (b) => formatBytes(b as number)},
    {key: "rows", title: tr({en: "Rows", ru: "Строк"}), kind: "num"},
    {key: "columns", title: tr({en: "Columns", ru: "Столбцов"}), kind: "num"},
    {key: "separator", title: tr({en: "Separator", ru: "Разделитель"}), format: (s) => (s === "\t" ? tr({en: "tab", ru: "табуляция"}) : s === null ? "—" : String(s))},
    {key: "encoding", title: tr({en: "Encoding", ru: "Кодировка"}), format: (e) => (e === null ? "—" : String(e))}
  ]);
}
