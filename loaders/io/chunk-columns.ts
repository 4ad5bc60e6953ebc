/**
 * A result chunk's columns read straight from DuckDB's vectors (the C API's data and validity buffers, through
 * @duckdb/node-bindings), for results of millions of rows: node-api's per-value reads test validity with BigInt
 * arithmetic and decode every string with a TextDecoder call, which at ten million values is most of the time spent.
 *
 *   numbers  DOUBLE, BIGINT, INTEGER → Float64Array, NULL → NaN
 *   labels   ENUM → the member's string (one string per member: no decoding at all)
 *   texts    VARCHAR → strings; an ASCII string of up to 12 bytes (stored inline by DuckDB) is built from its
 *            bytes without a decoder call, any other goes through TextDecoder
 *
 * Other types are not handled here (readers fall back to node-api's conversion).
 */
import bindings from "@duckdb/node-bindings";
import {DuckDBTypeId, type DuckDBDataChunk, type DuckDBType, type DuckDBEnumType} from "@duckdb/node-api";

/** How a column of this type is read fast, or null when it is not. */
export type FastKind = "double" | "bigint" | "integer" | "enum" | "varchar";

export function fastKindOf(type: DuckDBType): FastKind | null {
  switch (type.typeId) {
    case DuckDBTypeId.DOUBLE: return "double";
    case DuckDBTypeId.BIGINT: return "bigint";
    case DuckDBTypeId.INTEGER: return "integer";
    case DuckDBTypeId.ENUM: return "enum";
    case DuckDBTypeId.VARCHAR: return "varchar";
    default: return null;
  }
}

const BYTES: Record<"double" | "bigint" | "integer", number> = {double: 8, bigint: 8, integer: 4};

/** The validity bitmap of a column (null: every value valid). */
function validityOf(vector: bindings.Vector, size: number): Uint8Array | null {
  return bindings.vector_get_validity(vector, Math.ceil(size / 64) * 8) ?? null;
}

const isValid = (validity: Uint8Array | null, i: number) => validity === null || ((validity[i >> 3] >> (i & 7)) & 1) === 1;

/** A numeric column of a chunk as numbers (NULL → NaN): for DOUBLEs without NULLs, a view of the vector itself, so read or
 * copy it before the next chunk is fetched. */
export function chunkNumbers(chunk: DuckDBDataChunk, column: number, size: number, kind: "double" | "bigint" | "integer"): Float64Array {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  const data = bindings.vector_get_data(vector, size * BYTES[kind]);
  const validity = validityOf(vector, size);
  let out: Float64Array;
  if (kind === "double" && !validity && data.byteOffset % 8 === 0) return new Float64Array(data.buffer, data.byteOffset, size);
  if (kind === "double") out = new Float64Array(data.buffer.slice(data.byteOffset, data.byteOffset + size * 8));
  else if (kind === "integer") out = Float64Array.from(new Int32Array(data.buffer, data.byteOffset, size));
  else {
    // A BIGINT from its two 32-bit halves (little-endian, the high one signed): no BigInt made per value. Exact up to
    // 2^53 in magnitude, as Number(bigint) is.
    const words = new Uint32Array(data.buffer, data.byteOffset, size * 2);
    out = new Float64Array(size);
    for (let i = 0; i < size; i++) out[i] = (words[2 * i + 1] | 0) * 4294967296 + words[2 * i];
  }
  if (validity) for (let i = 0; i < size; i++) if (!isValid(validity, i)) out[i] = NaN;
  return out;
}

const ENUM_BYTES: Partial<Record<DuckDBTypeId, 1 | 2 | 4>> = {[DuckDBTypeId.UTINYINT]: 1, [DuckDBTypeId.USMALLINT]: 2, [DuckDBTypeId.UINTEGER]: 4};

/** An ENUM column of a chunk as its members' strings (NULL → null). */
export function chunkLabels(chunk: DuckDBDataChunk, column: number, size: number, type: DuckDBEnumType): (string | null)[] {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  const width = ENUM_BYTES[type.internalTypeId] ?? 4;
  const data = bindings.vector_get_data(vector, size * width);
  const items = width === 1 ? data.subarray(0, size) : width === 2 ? new Uint16Array(data.buffer, data.byteOffset, size) : new Uint32Array(data.buffer, data.byteOffset, size);
  const validity = validityOf(vector, size);
  const out = new Array<string | null>(size);
  for (let i = 0; i < size; i++) out[i] = isValid(validity, i) ? type.values[items[i]] : null;
  return out;
}

const decoder = new TextDecoder();
const fromCodes = String.fromCharCode;

/** A VARCHAR column of a chunk as strings (NULL → null). DuckDB's string_t: 4 bytes of length, then up to 12 bytes
 * inline, or 4 bytes of prefix and a pointer to the bytes. */
export function chunkTexts(chunk: DuckDBDataChunk, column: number, size: number): (string | null)[] {
  const vector = bindings.data_chunk_get_vector(chunk.chunk, column);
  const data = bindings.vector_get_data(vector, size * 16);
  const view = new DataView(data.buffer, data.byteOffset, size * 16);
  const validity = validityOf(vector, size);
  const out = new Array<string | null>(size);
  for (let i = 0; i < size; i++) {
    if (!isValid(validity, i)) {
      out[i] = null;
      continue;
    }
    const at = i * 16;
    const length = view.getUint32(at, true);
    if (length > 12) {
      out[i] = decoder.decode(bindings.get_data_from_pointer(data.buffer as ArrayBuffer, data.byteOffset + at + 8, length));
      continue;
    }
    const bytes = data.subarray(at + 4, at + 4 + length);
    let ascii = true;
    for (let j = 0; j < length; j++) if (bytes[j] > 0x7f) ascii = false;
    out[i] = ascii ? fromCodes.apply(null, bytes as unknown as number[]) : decoder.decode(bytes);
  }
  return out;
}
