/** Decode a Windows-1251 file to a temporary UTF-8 copy (streamed), since DuckDB reads only UTF-8. */
import {createReadStream, createWriteStream, mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {basename, join} from "node:path";
import {pipeline} from "node:stream/promises";
import {Transform} from "node:stream";
import type {Encoding} from "./dialect.ts";

export interface TempFile {
  path: string;
  /** Remove the temporary copy. */
  dispose(): void;
}

export async function toUtf8(path: string, encoding: Encoding): Promise<TempFile> {
  const dir = mkdtempSync(join(tmpdir(), "clientele-"));
  const out = join(dir, basename(path));
  const decoder = new TextDecoder(encoding);
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, Buffer.from(decoder.decode(chunk, {stream: true}), "utf8"));
    },
    flush(callback) {
      callback(null, Buffer.from(decoder.decode(), "utf8"));
    }
  });
  await pipeline(createReadStream(path), decode, createWriteStream(out));
  return {path: out, dispose: () => rmSync(dir, {recursive: true, force: true})};
}
