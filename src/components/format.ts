/**
 * Number and word formats shared by every page and component, so a value reads the same wherever it
 * appears: thousands separators, no pointless decimals, never a negative zero ("-0.00"), one p-value
 * style, and sentence starts in capitals.
 *
 *   formatP(3e-12) → "< 0.0001"      formatStatistic(381171) → "381,171"      formatDf(2) → "2"
 *   formatValue(552.5907404) → "552.6"      plural(1, "customer") → "1 customer"
 *   formatBytes(1152851) → "1.1 MB"
 *
 * Each format exists per language (src/components/i18n.ts): the exports below use the page's
 * language; `formats("ru")` gives the Russian set to a loader writing both languages
 * ("26,5 %", "4 000" with a narrow no-break space, "1,2 млн ₽", "март 2019", "p < 0,0001").
 */
import {formatDefaultLocale, timeFormatDefaultLocale} from "d3";
import {nounFor, pageLang, type Lang, type Noun} from "./i18n.js";

/** Narrow no-break space: Russian thousands separator and the space before "%". */
const thin = "\u202F";
/** No-break space: between a number and its unit word ("1,2 млн ₽"). */
const nbsp = "\u00A0";

/** Calendar words per language: months short ("Jan", «янв»), in full («январь») and, in Russian, in the genitive («января»: «в начале ноября»). */
export interface Calendar {
  monthsShort: string[];
  months: string[];
  monthsGenitive: string[];
}

const calendars: Record<Lang, Calendar> = {
  en: {
    monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    monthsGenitive: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
  },
  ru: {
    monthsShort: ["янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"],
    months: ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
    monthsGenitive: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
  }
};

/* On a Russian page, d3's default number and time formats are Russian, so Plot's own axis ticks read
 * "1 000", "0,5", "март" like the text (its tooltips format with these formats or their own options). */
if (pageLang === "ru") {
  formatDefaultLocale({decimal: ",", thousands: "\u202F", grouping: [3], currency: ["", "\u00A0₽"], minus: "−", percent: "\u202F%"});
  timeFormatDefaultLocale({
    dateTime: "%e %B %Y г. %X", date: "%d.%m.%Y", time: "%H:%M:%S", periods: ["", ""],
    days: ["воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"],
    shortDays: ["вс", "пн", "вт", "ср", "чт", "пт", "сб"],
    months: calendars.ru.months as [string, string, string, string, string, string, string, string, string, string, string, string],
    shortMonths: calendars.ru.monthsShort as [string, string, string, string, string, string, string, string, string, string, string, string]
  });
}

export interface Formats {
  lang: Lang;
  calendar: Calendar;
  fixed(x: number, digits?: number): string;
  grouped(x: number, digits?: number): string;
  formatValue(x: number): string;
  formatFound(s: string): string;
  formatP(p: number | undefined | null): string;
  pEquals(p: number, pLabel?: string): string;
  formatStatistic(x: number): string;
  formatDf(df: number): string;
  plural(n: number, ...forms: string[]): string;
  count(n: number, noun: Noun): string;
  formatBytes(bytes: number | null | undefined): string;
  pct(x: number, digits?: number): string;
  num(x: number, digits?: number): string;
  int(x: number): string;
  compact(x: number): string;
  moneyUnit(money: {currency: string}): string;
  money(x: number, unit: {currency: string}, digits?: number): string;
  monthYear(date: Date | string): string;
  longDate(date: Date | string): string;
}

const cache = new Map<Lang, Formats>();

/** The formats of one language. */
export function formats(lang: Lang): Formats {
  const known = cache.get(lang);
  if (known) return known;
  const ru = lang === "ru";
  const locale = ru ? "ru-RU" : "en-US";
  const noNegativeZero = (s: string) => (/^-0([.,]0*)?$/.test(s) ? s.slice(1) : s);

  /** `x.toFixed(digits)` without a negative zero: -0.001 → "0.00", never "-0.00" (ru: "0,00"). */
  const fixed = (x: number, digits = 2) => {
    if (!Number.isFinite(x)) return "–";
    const s = noNegativeZero(x.toFixed(digits));
    return ru ? s.replace(".", ",") : s;
  };
  /** A number with thousands separators and at most `digits` decimals, trailing zeros dropped. */
  const numberFormats = new Map<number, Intl.NumberFormat>(); // one per digits: making one is slow, and loaders format millions of values
  const grouped = (x: number, digits = 0) => {
    if (!Number.isFinite(x)) return "–";
    let format = numberFormats.get(digits);
    if (!format) numberFormats.set(digits, (format = new Intl.NumberFormat(locale, {maximumFractionDigits: digits})));
    const s = noNegativeZero(format.format(x));
    return ru ? s.replace(/\u00A0/g, thin) : s;
  };
  /** A measured value of any size: 106862.2 → "106,862.2", 552.5907404 → "552.6", 0.0123456 → "0.0123". */
  const formatValue = (x: number) => {
    const a = Math.abs(x);
    return grouped(x, a >= 100 ? 1 : a >= 1 ? 2 : a >= 0.01 ? 3 : 4);
  };
  /** A p-value in the report's one style: "< 0.0001" below 1e-4, else four decimals ("0.0123"). */
  const formatP = (p: number | undefined | null) => {
    if (p === undefined || p === null || !Number.isFinite(p)) return "–";
    return p < 0.0001 ? `< ${fixed(0.0001, 4)}` : fixed(p, 4);
  };
  const plural = (n: number, ...forms: string[]) => {
    const [one, few = ru ? one : `${one}s`, many = few] = forms;
    return `${grouped(n)} ${nounFor(n, {en: [one, few], ru: [one, few, many]}, lang)}`;
  };
  const moneyUnit = (money: {currency: string}) => money.currency || (ru ? "ден. ед." : "currency units");
  const date = (d: Date | string, options: Intl.DateTimeFormatOptions) => new Date(d).toLocaleDateString(ru ? "ru-RU" : "en-GB", {...options, timeZone: "UTC"});
  const f: Formats = {
    lang,
    calendar: calendars[lang],
    fixed,
    grouped,
    formatValue,
    /** A numeric string from an export ("552.5907404") formatted as a value; anything else unchanged. */
    formatFound: (s) => (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(s.trim()) ? formatValue(Number(s)) : s),
    formatP,
    /** "p = 0.0123" or "p < 0.0001". */
    pEquals: (p, pLabel = "p") => {
      const s = formatP(p);
      return s.startsWith("<") ? `${pLabel} ${s}` : `${pLabel} = ${s}`;
    },
    /** A test statistic: whole numbers and large values with separators ("U = 381,171"), otherwise
     *  about three significant figures ("t = −32.55", "χ² = 653.6", "χ² = 0.065"). */
    formatStatistic: (x) => {
      if (!Number.isFinite(x)) return "–";
      const a = Math.abs(x);
      if (Number.isInteger(x) || a >= 1000) return grouped(x, 0);
      if (a >= 100) return grouped(x, 1);
      if (a >= 1) return fixed(x, 2);
      if (a >= 0.01) return fixed(x, 3);
      return fixed(x, 4);
    },
    /** Degrees of freedom: "2" for a whole number, "2,467.3" for Welch's fractional df. */
    formatDf: (df) => (Number.isInteger(df) ? grouped(df) : grouped(df, 1)),
    /** A count with its noun in the right form: plural(1, "customer") → "1 customer"; in Russian
     *  the forms for 1, 2–4 and 5: plural(5, "клиент", "клиента", "клиентов") → "5 клиентов". */
    plural,
    /** A count with a bilingual noun (src/components/glossary.ts): count(5, nouns.customer). */
    count: (n, noun) => `${grouped(n)} ${nounFor(n, noun, lang)}`,
    /** A file size in binary units: 15449 → "15.1 KB", 1152851 → "1.1 MB". */
    formatBytes: (bytes) => {
      if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return "—";
      const units = ru ? ["байт", "КБ", "МБ", "ГБ", "ТБ"] : ["bytes", "KB", "MB", "GB", "TB"];
      let value = bytes, i = 0;
      while (value >= 1024 && i < units.length - 1) value /= 1024, i++;
      return i === 0 ? (ru ? `${grouped(bytes)}${nbsp}байт` : plural(bytes, "byte")) : `${grouped(value, value >= 100 ? 0 : 1)}${ru ? nbsp : " "}${units[i]}`;
    },
    /** Share as a percentage: "26.5%" (ru "26,5 %"). */
    pct: (x, digits = 1) => (Number.isFinite(x) ? `${fixed(x * 100, digits)}${ru ? `${thin}%` : "%"}` : "–"),
    num: (x, digits = 3) => fixed(x, digits),
    int: (x) => grouped(Math.round(x)),
    /** A large number in words: 1234567 → "1.2M" (ru "1,2 млн"), 35000 → "35K" (ru "35 тыс."). */
    compact: (x) => {
      if (!Number.isFinite(x)) return "–";
      const s = new Intl.NumberFormat(locale, {notation: "compact", maximumFractionDigits: 1}).format(x);
      return ru ? s.replace(/\u00A0/g, nbsp) : s;
    },
    /** The unit shown after a case's amounts: its currency, or "currency units" when the exports' currency was not given. */
    moneyUnit,
    /** An amount with its unit: money(1234.5, {currency: "₽"}) → "1,235 ₽" (ru "1 235 ₽"). */
    money: (x, unit, digits = 0) => `${grouped(x, digits)}${ru ? nbsp : " "}${moneyUnit(unit)}`,
    /** "March 2019" (ru "март 2019"). */
    monthYear: (d) => `${date(d, {month: "long"})} ${date(d, {year: "numeric"}).replace(/\D/g, "")}`,
    /** "6 December 2026" (ru "6 декабря 2026 г."). */
    longDate: (d) => date(d, {day: "numeric", month: "long", year: "numeric"})
  };
  cache.set(lang, f);
  return f;
}

/** The formats of the page's language (English in loaders: they call formats("ru") for Russian). */
export const {fixed, grouped, formatValue, formatFound, formatP, pEquals, formatStatistic, formatDf, plural, count, formatBytes, pct, num, int, compact, moneyUnit, money, monthYear, longDate} = formats(pageLang);

/** The singular of a plural unit noun: "customers" → "customer", "order lines" → "order line". */
export function singular(unit: string): string {
  return unit.replace(/(\w)s$/, "$1");
}

/** A count with an English unit given in the plural: countOf(1, "customers") → "1 customer". */
export function countOf(n: number, unit: string): string {
  return plural(n, singular(unit), unit);
}

/** The first letter upper-cased, for text that starts a sentence. */
export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
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

