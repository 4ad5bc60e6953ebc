/** Constant-memory helpers for large generated files. */
import {closeSync, openSync, writeSync} from "node:fs";

/** Buffered synchronous writer: UTF-8 straight into a reused buffer (no big strings, little GC). */
export function fileWriter(path: string, size = 1 << 22) {
  const fd = openSync(path, "w");
  const buffer = Buffer.allocUnsafe(size);
  let position = 0;
  const flush = () => {
    writeSync(fd, buffer, 0, position);
    position = 0;
  };
  return {
    write(s: string) {
      if (position + 3 * s.length > size) flush();
      position += buffer.write(s, position);
    },
    close() {
      flush();
      closeSync(fd);
    }
  };
}

/** Indices 0..n-1 ordered by an integer key in [0, keys) — a stable counting sort. */
export function orderByKey(key: Uint32Array, n: number, keys: number): Uint32Array {
  const start = new Uint32Array(keys + 1);
  for (let i = 0; i < n; i++) start[key[i] + 1]++;
  for (let k = 0; k < keys; k++) start[k + 1] += start[k];
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[start[key[i]]++] = i;
  return out;
}
