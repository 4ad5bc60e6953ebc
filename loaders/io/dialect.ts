/**
 * CSV dialect detection from a sample of the file's bytes: encoding (UTF-8 or Windows-1251), byte
 * order mark, line endings, separator, quoting and decimal mark. DuckDB is then told the dialect
 * explicitly, so a file is never read with a guessed separator or a wrong decimal mark.
 */
import {openSync, readSync, closeSync, fstatSync} from "node:fs";
import type {Text} from "../../src/components/i18n.ts";

export type Encoding = "utf-8" | "windows-1251";
export type Separator = "," | ";" | "\t" | "|";

export interface Dialect {
  encoding: Encoding;
  /** A UTF-8 byte-order mark was present (DuckDB skips it). */
  bom: boolean;
  /** "mixed": both CRLF and bare LF (e.g. a header written by another tool than the rows). */
  lineEnding: "LF" | "CRLF" | "CR" | "mixed";
  separator: Separator;
  decimal: "." | ",";
  /** Quote character used in the file, or null if no field is quoted. */
  quote: '"' | null;
  /** Header fields as written (BOM and surrounding quotes/space removed). */
  header: string[];
  /** Date columns (export name) → how their values are written, e.g. "YYYYMMDDHH integers". */
  dates?: Record<string, string>;
}

/** What detection returns: the dialect, invalid bytes if any, and the sampled data rows. */
export type DetectedDialect = Dialect & {invalid?: EncodingGuess["invalid"]; sample: string[][]};

export interface DialectOptions {
  /** Bytes read from the start of the file for detection. */
  sampleBytes?: number;
  /** Lines of the sample used to choose the separator. */
  sampleLines?: number;
}

/** Human description for reports, e.g. "UTF-8, comma-separated, decimal point, CRLF". */
/** The date formats reading records (loaders/io/read.ts), in Russian. */
const dateFormatsRu: Record<string, string> = {
  "YYYYMMDDHH integers": "целые числа вида ГГГГММДДЧЧ",
  "text dates": "даты текстом",
  "text dates, month first": "даты текстом, сначала месяц"
};

export function describeDialect(d: Dialect): Text {
  const sep = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}[d.separator];
  const sepRu = {",": "запятая", ";": "точка с запятой", "\t": "табуляция", "|": "вертикальная черта"}[d.separator];
  const endingRu = {CRLF: "концы строк «возврат каретки + перевод строки»", LF: "концы строк «перевод строки»", CR: "концы строк «возврат каретки»", mixed: "смешанные концы строк"}[d.lineEnding];
  return {
    en: [
      d.encoding === "utf-8" ? "UTF-8" : "Windows-1251",
      d.bom ? "with BOM" : null,
      `${sep}-separated`,
      d.decimal === "." ? "decimal point" : "decimal comma",
      d.quote ? "quoted fields" : "no quoting",
      `${d.lineEnding} line endings`,
      ...Object.entries(d.dates ?? {}).map(([column, format]) => `${column} as ${format}`)
    ].filter(Boolean).join(", "),
    ru: [
      d.encoding === "utf-8" ? "UTF-8" : "Windows-1251",
      d.bom ? "с BOM" : null,
      `разделитель — ${sepRu}`,
      d.decimal === "." ? "десятичная точка" : "десятичная запятая",
      d.quote ? "поля в кавычках" : "без кавычек",
      endingRu,
      ...Object.entries(d.dates ?? {}).map(([column, format]) => `столбец «${column}» — ${dateFormatsRu[format] ?? format}`)
    ].filter(Boolean).join(", ")
  };
}

export function readSample(path: string, sampleBytes = 1 << 18): {bytes: Buffer; complete: boolean} {
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(size, sampleBytes);
    const bytes = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const n = readSync(fd, bytes, read, length - read, read);
      if (n === 0) break;
      read += n;
    }
    return {bytes: bytes.subarray(0, read), complete: read >= size};
  } finally {
    closeSync(fd);
  }
}

/** Cut an incomplete sample at its last line break, so no multibyte character is split. */
function wholeLines(bytes: Buffer, complete: boolean): Buffer {
  if (complete) return bytes;
  const last = bytes.lastIndexOf(0x0a);
  return last > 0 ? bytes.subarray(0, last + 1) : bytes;
}

export interface EncodingGuess {
  encoding: Encoding;
  bom: boolean;
  /** Set when the bytes are neither valid UTF-8 nor plausibly Windows-1251. */
  invalid?: {line: number; bytes: string};
}

/** First byte offset where the bytes stop being valid UTF-8, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) { i++; continue; }
    let n = 0;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) n = 2;
    else if (b >= 0xf0 && b <= 0xf4) n = 3;
    else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** UTF-8 if valid; Windows-1251 if there is no valid multibyte UTF-8 at all and the high bytes
 * look like Cyrillic letters; otherwise invalid (mixed or corrupt text). */
export function guessEncoding(bytes: Uint8Array): EncodingGuess {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  const bad = invalidUtf8Offset(body);
  if (bad < 0) return {encoding: "utf-8", bom};
  let multibyte = 0;
  let high = 0;
  let cyrillic = 0;
  for (let i = 0; i < body.length; i++) {
    const b = body[i];
    if (b >= 0x80) high++;
    if (b >= 0xc0) cyrillic++;
    if ((b === 0xd0 || b === 0xd1) && i + 1 < body.length && (body[i + 1] & 0xc0) === 0x80) multibyte++;
  }
  if (!bom && multibyte * 4 < high && cyrillic >= high * 0.6) return {encoding: "windows-1251", bom: false};
  const at = bad + (bom ? 3 : 0);
  const seq = Array.from(bytes.subarray(at, at + 2), (b) => b.toString(16).padStart(2, "0")).join(" ");
  return {encoding: "utf-8", bom, invalid: {line: lineAt(bytes, at), bytes: seq}};
}

/** Split one CSV line on `sep`, honouring double quotes. */
export function splitLine(line: string, sep: string): {fields: string[]; quoted: boolean; balanced: boolean} {
  const fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"') {
        if (line[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field.trim() === "") {
      inQuotes = true;
      quoted = true;
      field = "";
    } else if (ch === sep) {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return {fields, quoted, balanced: !inQuotes};
}

const separators: Separator[] = [",", ";", "\t", "|"];

function chooseSeparator(lines: string[]): Separator {
  let best: Separator = ",";
  let bestScore = -1;
  for (const sep of separators) {
    const counts = lines.map((l) => splitLine(l, sep).fields.length);
    const header = counts[0] ?? 1;
    if (header < 2) continue;
    const consistent = counts.filter((c) => c === header).length / counts.length;
    const score = consistent * 1000 + header;
    if (score > bestScore) {
      bestScore = score;
      best = sep;
    }
  }
  return best;
}

function chooseDecimal(rows: string[][], sep: Separator): "." | "," {
  let comma = 0;
  let point = 0;
  for (const row of rows) {
    for (const v of row) {
      const t = v.trim();
      if (/^[-+]?\d+,\d+$/.test(t)) comma++;
      else if (/^[-+]?\d*\.\d+$/.test(t)) point++;
    }
  }
  // With a comma separator, a decimal comma is only possible inside quoted fields (counted above,
  // since fields are split quote-aware).
  return comma > point ? "," : ".";
}

export function detectDialectFromBytes(bytes: Buffer, complete = true, {sampleLines = 200}: DialectOptions = {}): DetectedDialect {
  const sample = wholeLines(bytes, complete);
  const guess = guessEncoding(sample);
  const start = guess.bom ? 3 : 0;
  const text = new TextDecoder(guess.encoding).decode(sample.subarray(start));
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  const cr = (text.match(/\r/g) ?? []).length - crlf;
  const lineEnding = crlf > 0 && lf > 0 ? "mixed" : crlf > 0 ? "CRLF" : cr > lf ? "CR" : "LF";
  const lines = text.split(lineEnding === "CR" ? "\r" : /\r?\n/).filter((l) => l.trim() !== "").slice(0, sampleLines);
  const separator = chooseSeparator(lines);
  const split = lines.map((l) => splitLine(l, separator));
  const decimal = chooseDecimal(split.slice(1).map((s) => s.fields), separator);
  const header = (split[0]?.fields ?? []).map((h) => h.trim());
  return {
    encoding: guess.encoding,
    bom: guess.bom,
    lineEnding,
    separator,
    decimal,
    quote: split.some((s) => s.quoted) || text.includes('"') ? '"' : null,
    header,
    sample: split.slice(1).map((x) => x.fields),
    ...(guess.invalid ? {invalid: guess.invalid} : {})
  };
}

/** Detect the dialect of a CSV file from its first bytes. */
export function detectDialect(path: string, options: DialectOptions = {}): DetectedDialect {
  const {bytes, complete} = readSample(path, options.sampleBytes);
  return detectDialectFromBytes(bytes, complete, options);
}
