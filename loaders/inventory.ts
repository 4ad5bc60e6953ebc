/** Per case: the export files found under DATA_DIR with their size and row and column counts. */
import {existsSync, statSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {cases, type CaseInfo} from "./cases/catalog.ts";

export interface FileInventory {
  file: string;
  found: boolean;
  bytes: number | null;
  rows: number | null;
  columns: number | null;
  delimiter: string | null;
}

export interface CaseInventory {
  id: CaseInfo["id"];
  title: string;
  question: string;
  files: FileInventory[];
}

export async function inventory(dataDir: string): Promise<CaseInventory[]> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  try {
    const out: CaseInventory[] = [];
    for (const {id, title, question, files} of cases) {
      const entries: FileInventory[] = [];
      for (const file of files) {
        const path = join(dataDir, id, file);
        if (!existsSync(path)) {
          entries.push({file, found: false, bytes: null, rows: null, columns: null, delimiter: null});
          continue;
        }
        const literal = `'${path.replaceAll("'", "''")}'`;
        const sniff = (await connection.runAndReadAll(`SELECT Delimiter AS d, len(Columns) AS c FROM sniff_csv(${literal})`)).getRowObjects()[0];
        const count = (await connection.runAndReadAll(`SELECT count(*) AS n FROM read_csv(${literal})`)).getRowObjects()[0];
        entries.push({
          file,
          found: true,
          bytes: statSync(path).size,
          rows: Number(count.n),
          columns: Number(sniff.c),
          delimiter: String(sniff.d)
        });
      }
      out.push({id, title, question, files: entries});
    }
    return out;
  } finally {
    connection.closeSync();
  }
}
