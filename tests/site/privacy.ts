/** Finds customer ids from the input exports anywhere in a built site. */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {DuckDBInstance} from "@duckdb/node-api";
import {cases} from "../../loaders/cases/catalog.ts";
import {listFiles} from "./build.ts";

export async function customerIds(dataDir: string): Promise<Set<string>> {
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  const ids = new Set<string>();
  for (const {id: caseId, customerIds} of cases) {
    for (const {file, column} of customerIds) {
      const path = join(dataDir, caseId, file);
      if (!existsSync(path)) continue;
      const reader = await connection.runAndReadAll(`SELECT DISTINCT CAST("${column}" AS VARCHAR) AS id FROM read_csv('${path.replaceAll("'", "''")}', all_varchar = true)`);
      for (const row of reader.getRowObjects()) if (row.id) ids.add(String(row.id).trim());
    }
  }
  connection.closeSync();
  return ids;
}

/** Files of the site containing any of the ids, with one example id each. */
export function findIds(site: string, ids: Set<string>): {file: string; id: string}[] {
  const found: {file: string; id: string}[] = [];
  for (const file of listFiles(site)) {
    if (/\.(png|woff2?|ico)$/.test(file)) continue;
    const text = readFileSync(join(site, file), "utf8");
    for (const token of text.match(/[0-9A-Za-z-]{5,}/g) ?? []) {
      if (ids.has(token)) {
        found.push({file, id: token});
        break;
      }
    }
  }
  return found;
}
