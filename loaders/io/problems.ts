/**
 * Problems found while reading or validating an export, and the error that stops a build.
 * A problem says where (file, line, column), what was expected, what was found, and a hint a
 * person can act on. Validation collects problems (bounded per file) rather than stopping at the
 * first; any problem of severity "error" makes the loader fail with a DataError.
 */
export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** File name relative to the case folder, e.g. "market_file.csv". */
  file: string;
  /** 1-based line in the file (the header is line 1); absent for whole-file problems. */
  line?: number;
  /** The column's name as it appears in the export. */
  column?: string;
  expected: string;
  found: string;
  hint?: string;
}

/** A fatal, user-actionable problem with the input data. Loaders print its message, not a stack. */
export class DataError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[], context?: string) {
    super(formatProblems(problems, context));
    this.name = "DataError";
    this.problems = problems;
  }
}

export function isDataError(error: unknown): error is DataError {
  return error instanceof Error && error.name === "DataError" && Array.isArray((error as DataError).problems);
}

/** One line per problem: `file, line 17, column "Age": expected …, found …. Hint: …` */
export function formatProblem(p: Problem): string {
  const where = [p.file];
  if (p.line !== undefined) where.push(`line ${p.line}`);
  if (p.column !== undefined) where.push(`column "${p.column}"`);
  const hint = p.hint ? ` Hint: ${p.hint}` : "";
  return `${where.join(", ")}: expected ${p.expected}, found ${p.found}.${hint}`;
}

export function formatProblems(problems: Problem[], context?: string): string {
  const errors = problems.filter((p) => p.severity === "error");
  const head = context ?? "The input data cannot be used";
  const count = errors.length === 1 ? "1 problem" : `${errors.length} problems`;
  return [`${head} (${count}):`, ...errors.map((p) => `  - ${formatProblem(p)}`)].join("\n");
}

/** Throw a DataError if any problem is an error. */
export function throwOnErrors(problems: Problem[], context?: string): void {
  if (problems.some((p) => p.severity === "error")) throw new DataError(problems, context);
}

/** Show a value found in the data: quoted, shortened, control characters made visible. */
export function shown(value: unknown, max = 60): string {
  if (value === null || value === undefined || value === "") return "an empty value";
  let text = String(value).replace(/[\u0000-\u001f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  if (text.length > max) text = `${text.slice(0, max - 1)}…`;
  return `"${text}"`;
}
