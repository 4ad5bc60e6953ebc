/**
 * Problems found while reading or validating an export, and the error that stops a build.
 * A problem says where (file, line, column), what was expected, what was found, and a hint a
 * person can act on. Validation collects problems (bounded per file) rather than stopping at the
 * first; any problem of severity "error" makes the loader fail with a DataError.
 */
import {nounFor, tr, type Lang, type Text} from "../../src/components/i18n.ts";
import {defaultLang} from "../settings.ts";

export type Severity = "error" | "warning";

/** A message part in both languages, or a plain string that reads the same in both (a value
 *  found in the data, a file name). Build errors are printed in CLIENTELE_LANG (defaultLang). */
export type Message = string | Text;

export interface Problem {
  severity: Severity;
  /** File name relative to the case folder, e.g. "market_file.csv". */
  file: string;
  /** 1-based line in the file (the header is line 1); absent for whole-file problems. */
  line?: number;
  /** The column's name as it appears in the export. */
  column?: string;
  expected: Message;
  found: Message;
  hint?: Message;
}

/** A fatal, user-actionable problem with the input data. Loaders print its message, not a stack. */
export class DataError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], context?: Message) {
    super(formatProblems(problems, context));
    this.name = "DataError";
    this.problems = problems;
  }
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof Error && error.name === "DataError" && Array.isArray((error as DataError).problems);
}

/** One line per problem, in CLIENTELE_LANG: `file, line 17, column "Age": expected …, found …. Hint: …`. */
export function formatProblem(p: Problem): string {
  return problemIn(p, defaultLang());
}

/** A problem's line in a language (ru: `file, строка 17, столбец «Age» — ожидалось: …; найдено: …. Подсказка: …`). */
export function problemIn(p: Problem, lang: Lang): string {
  const ru = lang === "ru";
  const where = [p.file];
  if (p.line !== undefined) where.push(ru ? `строка ${p.line}` : `line ${p.line}`);
  if (p.column !== undefined) where.push(ru ? `столбец «${p.column}»` : `column "${p.column}"`);
  const hint = p.hint ? (ru ? ` Подсказка: ${tr(p.hint, lang)}` : ` Hint: ${tr(p.hint, lang)}`) : "";
  return ru
    ? `${where.join(", ")} — ожидалось: ${tr(p.expected, lang)}; найдено: ${tr(p.found, lang)}.${hint}`
    : `${where.join(", ")}: expected ${tr(p.expected, lang)}, found ${tr(p.found, lang)}.${hint}`;
}

export function formatProblems(problems: Problem[], context?: Message, lang: Lang = defaultLang()): string {
  const errors = problems.filter((p) => p.severity === "error");
  const ru = lang === "ru";
  const head = context !== undefined ? tr(context, lang) : ru ? "Входные данные нельзя использовать" : "The input data cannot be used";
  const n = errors.length;
  const count = ru ? `${n} ${nounFor(n, {en: ["problem", "problems"], ru: ["проблема", "проблемы", "проблем"]}, "ru")}` : n === 1 ? "1 problem" : `${n} problems`;
  return [`${head} (${count}):`, ...errors.map((p) => `  - ${problemIn(p, lang)}`)].join("\n");
}

/** Throw a DataError if any problem is an error. */
export function throwOnErrors(problems: Problem[], context?: Message): void {
  if (problems.some((p) => p.severity === "error")) throw new DataError(problems, context);
}

/** Show a value found in the data: quoted, shortened, control characters made visible. */
export function shown(value: unknown, max = 60): string {
  if (value === null || value === undefined || value === "") return "an empty value";
  return quoted(value, max);
}

/** shown() in both languages: an empty value is named in words, anything else quoted as it is. */
export function shownText(value: unknown, max = 60): Text {
  if (value === null || value === undefined || value === "") return {en: "an empty value", ru: "пустое значение"};
  const q = quoted(value, max);
  return {en: q, ru: `«${q.slice(1, -1)}»`};
}

function quoted(value: unknown, max: number): string {
  let text = String(value).replace(/[\u0000-\u001f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return `"${text}"`;
}
