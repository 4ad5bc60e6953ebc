/**
 * Value formats of the real exports, reproduced exactly so the demo files exercise the same
 * parsing paths (CSV quoting, Excel-style floats, decimal commas, CRLF).
 */

/** A CSV field with minimal quoting (only when it holds the separator, a quote or a newline). */
export function csvField(value: string | number, separator = ","): string {
  const s = String(value);
  if (s.includes(separator) || s.includes('"') || s.includes("\n") || s.includes("\r")) {
    return `"${s.replaceAll('"', '""')}"`;
  }
  return s;
}

export function csvLine(values: readonly (string | number)[], separator = ","): string {
  return values.map((v) => csvField(v, separator)).join(separator);
}

/** Whole file text: header + rows, each line terminated by `eol` (also the last one). */
export function csvText(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  {separator = ",", eol = "\n"}: {separator?: string; eol?: string} = {}
): string {
  const lines = [csvLine(header, separator), ...rows.map((r) => csvLine(r, separator))];
  return lines.join(eol) + eol;
}

/** Shortest plain decimal after rounding to `decimals` places: 4 → "4", 0.75 → "0.75". */
export function plain(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}

/** Like `plain` with a decimal comma: 1.4 → "1,4", 5 → "5" (the finance export). */
export function decimalComma(x: number, decimals: number): string {
  return plain(x, decimals).replace(".", ",");
}

/** One fixed decimal, as Python prints a float rounded to 0.1: 4472 → "4472.0". */
export function oneDecimal(x: number): string {
  return x.toFixed(1);
}

/**
 * Spreadsheet "General" format in an 11-character cell, as in the fitness export:
 * 14.22747042, 113.2029377, 0.020397948, 0 (trailing zeros dropped).
 */
export function general11(x: number): string {
  if (x === 0) return "0";
  for (let decimals = 9; decimals >= 0; decimals--) {
    const s = plain(x, decimals);
    const full = x.toFixed(decimals);
    if (full.length <= 11) return s;
  }
  return plain(x, 0);
}
