/**
 * Number and word formats shared by every page and component, so a value reads the same wherever it
 * appears: thousands separators, no pointless decimals, never a negative zero ("-0.00"), one p-value
 * style, and sentence starts in capitals.
 *
 *   formatP(3e-12) → "< 0.0001"      formatStatistic(381171) → "381,171"      formatDf(2) → "2"
 *   formatValue(552.5907404) → "552.6"      plural(1, "customer") → "1 customer"
 *   formatBytes(1152851) → "1.1 MB"
 */

const locale = "en-US";

/** `x.toFixed(digits)` without a negative zero: -0.001 → "0.00", never "-0.00". */
export function fixed(x: number, digits = 2): string {
  if (!Number.isFinite(x)) return "–";
  const s = x.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A number with thousands separators and at most `digits` decimals, trailing zeros dropped. */
export function grouped(x: number, digits = 0): string {
  if (!Number.isFinite(x)) return "–";
  const s = x.toLocaleString(locale, {maximumFractionDigits: digits});
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** A measured value of any size: 106862.2 → "106,862.2", 552.5907404 → "552.6", 6.023668476 → "6.02",
 *  0.0123456 → "0.0123", 41 → "41". */
export function formatValue(x: number): string {
  const a = Math.abs(x);
  return grouped(x, a >= 100 ? 1 : a >= 1 ? 2 : a >= 0.01 ? 3 : 4);
}

/** A numeric string from an export ("552.5907404") formatted as a value; anything else unchanged. */
export function formatFound(s: string): string {
  return /^-?(0|[1-9]\d*)(\.\d+)?$/.test(s.trim()) ? formatValue(Number(s)) : s;
}

/** A p-value in the report's one style: "< 0.0001" below 1e-4, else four decimals ("0.0123"). */
export function formatP(p: number | undefined | null): string {
  if (p === undefined || p === null || !Number.isFinite(p)) return "–";
  return p < 0.0001 ? "< 0.0001" : p.toFixed(4);
}

/** "p = 0.0123" or "p < 0.0001". */
export function pEquals(p: number, pLabel = "p"): string {
  const s = formatP(p);
  return s.startsWith("<") ? `${pLabel} ${s}` : `${pLabel} = ${s}`;
}


/** A test statistic: whole numbers and large values with separators ("U = 381,171"), otherwise
 *  about three significant figures ("t = −32.55", "χ² = 653.6", "χ² = 0.065"). */
export function formatStatistic(x: number): string {
  if (!Number.isFinite(x)) return "–";
  const a = Math.abs(x);
  if (Number.isInteger(x) || a >= 1000) return grouped(x, 0);
  if (a >= 100) return grouped(x, 1);
  if (a >= 1) return fixed(x, 2);
  if (a >= 0.01) return fixed(x, 3);
  return fixed(x, 4);
}

/** Degrees of freedom: "2" for a whole number, "2,467.3" for Welch's fractional df. */
export function formatDf(df: number): string {
  return Number.isInteger(df) ? grouped(df) : grouped(df, 1);
}

/** "1 customer", "3,104 customers", "2 order lines" — a count with its noun in the right number.
 *  `many` defaults to `one` + "s". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}

/** The singular of a plural unit noun: "customers" → "customer", "order lines" → "order line". */
export function singular(unit: string): string {
  return unit.replace(/(\w)s$/, "$1");
}

/** A count with a unit given in the plural: count(1, "customers") → "1 customer". */
export function countOf(n: number, unit: string): string {
  return plural(n, singular(unit), unit);
}

/** The first letter upper-cased, for text that starts a sentence. */
export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A file size in binary units: 15449 → "15.1 KB", 1152851 → "1.1 MB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return "—";
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes, i = 0;
  while (value >= 1024 && i < units.length - 1) value /= 1024, i++;
  return i === 0 ? plural(bytes, "byte") : `${grouped(value, value >= 100 ? 0 : 1)} ${units[i]}`;
}

/** Plot's default axis font (10 px sans-serif) is about this many pixels per character. */
export const CHAR_WIDTH = 6;

/** Break a chart label into lines of at most `maxChars` characters, at " · ", ", " or spaces
 *  (a word longer than a line keeps its own line). Lines are joined with "\n", which Plot draws
 *  as separate lines of text. */
export function wrapLabel(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const parts = text.split(/(?<= · |, | )/);
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    if (line && (line + part).trimEnd().length > maxChars) {
      lines.push(line.trimEnd().replace(/ ·$/, ""));
      line = "";
    }
    line += part;
  }
  if (line) lines.push(line.trimEnd());
  return lines.join("\n");
}

/** Left margin that fits the longest line of the labels, at most `max` pixels. */
export function labelMargin(labels: string[], max: number): number {
  const longest = Math.max(0, ...labels.flatMap((l) => l.split("\n").map((s) => s.length)));
  return Math.min(max, 12 + CHAR_WIDTH * longest);
}

/** A left axis of category labels that never clips them: a margin of at most `max` pixels, a tick
 *  format that wraps each label into lines that fit it, and the most lines any label needs (to
 *  size the rows: about 12 px a line). The scale's domain keeps the full labels, so tips and
 *  colours are unchanged.
 *
 *   const axis = wrappedAxis(labels, width * 0.4);
 *   Plot.plot({marginLeft: axis.marginLeft, height: 40 + labels.length * axis.rowHeight(24), y: {domain: labels, tickFormat: axis.tickFormat}, …})
 */
export function wrappedAxis(labels: string[], max: number): {marginLeft: number; tickFormat: (label: string) => string; lines: number; rowHeight: (oneLine: number) => number} {
  const maxChars = Math.max(8, Math.floor((max - 12) / CHAR_WIDTH));
  const tickFormat = (label: string) => wrapLabel(String(label), maxChars);
  const wrapped = labels.map(tickFormat);
  const lines = Math.max(1, ...wrapped.map((w) => w.split("\n").length));
  return {marginLeft: labelMargin(wrapped, max), tickFormat, lines, rowHeight: (oneLine) => Math.max(oneLine, 8 + 12 * lines)};
}

/** Share as a percentage, a fixed-decimals number, a whole number with separators; never "-0.00". */
export const pct = (x: number, digits = 1) => (Number.isFinite(x) ? `${fixed(x * 100, digits)}%` : "–");
export const num = (x: number, digits = 3) => fixed(x, digits);
export const int = (x: number) => grouped(Math.round(x));

/** The unit shown after a case's amounts: its currency, or "currency units" when the exports' currency was not given. */
export const moneyUnit = (money: {currency: string}) => money.currency || "currency units";

/** An amount with its unit: money(1234.5, {currency: "₽"}) → "1,235 ₽". */
export const money = (x: number, unit: {currency: string}, digits = 0) => `${grouped(x, digits)} ${moneyUnit(unit)}`;
