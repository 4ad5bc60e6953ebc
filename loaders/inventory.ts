/**
 * The overview's input-file table: per case present in DATA_DIR, each export with its size, rows,
 * columns and dialect — read by the case reader itself (loaders/io/read.ts: the same dialect and
 * encoding detection, CSV and Parquet alike). A file the reader rejects is listed with the reason;
 * the case's own loader fails the build with the full message.
 */
import {existsSync, statSync} from "node:fs";
import {resolveInputs} from "./inputs/resolve.ts";
import {caseById, type CaseId} from "./cases/registry.ts";
import {withDatabase} from "./io/duckdb.ts";
import {readExport} from "./io/read.ts";
import {isDataError} from "./io/problems.ts";

export interface FileInventory {
  file: string;
  title: string;
  found: boolean;
  format: "csv" | "parquet" | null;
  bytes: number | null;
  rows: number | null;
  columns: number | null;
  delimiter: string | null;
  encoding: string | null;
  /** Why the reader rejected the file (first line of its message), or null. */
  error: string | null;
}

export interface CaseInventory {
  id: CaseId;
  title: string;
  question: string;
  files: FileInventory[];
}

export async function inventory(dataDir: string): Promise<CaseInventory[]> {
  const inputs = resolveInputs(dataDir);
  return withDatabase(async (connection) => {
    const out: CaseInventory[] = [];
    for (const input of inputs.cases) {
      const {id, title, question} = caseById(input.id);
      const files: FileInventory[] = [];
      for (const spec of input.files) {
        const found = !!spec.path && existsSync(spec.path);
        const entry: FileInventory = {file: spec.file, title: spec.title, found, format: null, bytes: found ? statSync(spec.path!).size : null,
          rows: null, columns: null, delimiter: null, encoding: null, error: null};
        if (found) {
          try {
            const {report} = await readExport(connection, spec);
            Object.assign(entry, {format: report.format, rows: report.rows, columns: report.columns, delimiter: report.dialect?.separator ?? null, encoding: report.dialect?.encoding ?? null});
          } catch (error) {
            if (!isDataError(error)) throw error;
            entry.error = error.message.split("\n")[0];
          }
        }
        files.push(entry);
      }
      out.push({id, title, question, files});
    }
    return out;
  });
}
