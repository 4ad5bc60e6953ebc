/** Finds customer ids from the input exports anywhere in a built site. */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {resolveInputs} from "../../loaders/inputs/resolve.ts";
import {ident, queryRows, withDatabase} from "../../loaders/io/duckdb.ts";
import {readExport} from "../../loaders/io/read.ts";
import {listFiles} from "./build.ts";

/** Every customer id of every case the folder holds, read by the case reader (any file names and headers). */
export async function customerIds(dataDir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  await withDatabase(async (connection) => {
    for (const input of resolveInputs(dataDir).cases) {
      for (const spec of input.files) {
        const idColumns = spec.columns.filter((c) => c.customerId);
        if (!idColumns.length) continue;
        const {table} = await readExport(connection, spec);
        for (const col of idColumns) {
          const rows = await queryRows<{id: string}>(connection, `SELECT DISTINCT CAST(${ident(col.field)} AS VARCHAR) AS id FROM ${ident(table)}`);
          for (const row of rows) if (row.id) ids.add(String(row.id).replace(/\.0$/, "").trim());
        }
      }
    }
  });
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
