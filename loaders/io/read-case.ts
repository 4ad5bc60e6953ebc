/**
 * Read and validate every export of a case into DuckDB tables. Problems of all files are gathered
 * before failing, so one run shows everything that must be fixed.
 */
import {join} from "node:path";
import type {DuckDBConnection} from "./duckdb.ts";
import type {CaseSchema} from "./schema.ts";
import type {Problem} from "./problems.ts";
import {DataError, isDataError} from "./problems.ts";
import type {ReadOptions, ReadResult} from "./read.ts";
import {readExport} from "./read.ts";
import type {Validation, ValidateOptions} from "./validate.ts";
import {validateTable} from "./validate.ts";

export interface ReadFile extends ReadResult {
  validation: Validation;
}

export interface ReadCase {
  /** Keyed by table name (spec.table). */
  files: Record<string, ReadFile>;
  /** Warnings of all files (errors have been thrown). */
  problems: Problem[];
}

/** Read DATA_DIR/<case>/ into tables named after the schema's `table` fields. */
export async function readCase(connection: DuckDBConnection, dataDir: string, schema: CaseSchema, options: ReadOptions & ValidateOptions = {}): Promise<ReadCase> {
  const dir = join(dataDir, schema.case);
  const files: Record<string, ReadFile> = {};
  const problems: Problem[] = [];
  for (const spec of schema.files) {
    try {
      const read = await readExport(connection, dir, spec, options);
      const validation = await validateTable(connection, read, options);
      files[spec.table] = {...read, validation};
      problems.push(...read.problems, ...validation.problems);
    } catch (error) {
      if (!isDataError(error)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.some((p) => p.severity === "error")) {
    throw new DataError(problems, `The ${schema.case} exports in ${dir} cannot be used`);
  }
  return {files, problems};
}
