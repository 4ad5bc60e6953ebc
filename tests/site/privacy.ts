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

const tokens = (text: string) => text.match(/[0-9A-Za-z-]{5,}/g) ?? [];

/** The text of a JSON artifact an id could hide in: every string, object key, and every number under a key that
 * names an id or a customer. A count or a sum of money that happens to equal a numeric id (revenue 700213) is not one. */
function jsonText(value: unknown, key = ""): string[] {
  if (typeof value === "string") return [value];
  if (typeof value === "number") return /id|customer|member|client/i.test(key) ? [String(value)] : [];
  if (Array.isArray(value)) return value.flatMap((v) => jsonText(v, key));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [k, ...jsonText(v, k)]);
  return [];
}

/** Files of the site containing any of the ids, with one example id each. */
export function findIds(site: string, ids: Set<string>): {file: string; id: string}[] {
  const found: {file: string; id: string}[] = [];
  for (const file of listFiles(site)) {
    if (/\.(png|woff2?|ico)$/.test(file)) continue;
    const text = readFileSync(join(site, file), "utf8");
    const words = file.endsWith(".json") ? jsonText(JSON.parse(text)).flatMap(tokens) : tokens(text);
    const id = words.find((token) => ids.has(token));
    if (id) found.push({file, id});
  }
  return found;
}
