/**
 * A query's result put in the order of a whole-number key column, in JavaScript, by counting sort (linear in the rows
 * and the keys' range). Reading millions of wide rows (a customer and twenty figures) with ORDER BY makes DuckDB sort
 * them all, and within its memory limit that sort spills to disk; the key (a customer's number) is dense, so placing
 * each row by it is one pass. Rows with equal keys keep the order they came in. The result's columns are reordered
 * (the result is returned).
 */
import type {Plain} from "./duckdb.ts";

export interface TypedResult {
  rows: number;
  numbers: Record<string, Float64Array>;
  texts: Record<string, Plain[]>;
}

export function orderedByKey<T extends TypedResult>(result: T, key: string): T {
  const keys = result.numbers[key];
  if (!keys) throw new Error(`orderedByKey: no numeric column ${key}`);
  const n = result.rows;
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    if (!Number.isInteger(k)) throw new Error(`orderedByKey: ${key} of row ${i} is ${k}, not a whole number`);
    if (k < min) min = k;
    if (k > max) max = k;
  }
  if (n === 0) return result;
  // Where each key's rows start, then each row's place.
  const starts = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) starts[keys[i] - min + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[starts[keys[i] - min]++] = i;
  const permuted = <C extends Float64Array | Plain[]>(values: C, out: C): C => {
    for (let j = 0; j < n; j++) out[j] = values[order[j]];
    return out;
  };
  // Numbers reordered in place through one scratch column (no new column each: on millions of rows every one would be
  // tens of MB the garbage collector has to account for); texts into a new array each.
  const scratch = new Float64Array(n);
  for (const name of Object.keys(result.numbers)) result.numbers[name].set(permuted(result.numbers[name], scratch));
  for (const name of Object.keys(result.texts)) result.texts[name] = permuted(result.texts[name], new Array<Plain>(n));
  return result;
}
