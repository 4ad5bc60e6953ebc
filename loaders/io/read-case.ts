/**
 * Read and validate every export of a case into DuckDB tables. Problems of all files are gathered
 * before failing, so one run shows everything that must be fixed.
 */
import {dirname} from "node:path";
import type {DuckDBConnection} from "./duckdb.ts";
import {ident, literal, run} from "./duckdb.ts";
import type {CaseInput} from "../inputs/resolve.ts";
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

/** Columns whose labels stand for flags ("да"/"нет" → 1/0, per the mapping) become 0/1 numbers once validated. */
async function flagsFromLabels(connection: DuckDBConnection, read: ReadResult, validation: Validation): Promise<void> {
  for (const col of read.spec.columns.filter((c) => c.labelsFor === "flag")) {
    const mapping = validation.categories[col.field] ?? {};
    const cases = Object.entries(mapping).map(([label, value]) => `WHEN ${literal(label)} THEN ${Number(value)}`).join(" ");
    const c = ident(col.field);
    await run(connection, `ALTER TABLE ${ident(read.table)} ALTER ${c} TYPE DOUBLE USING (CASE ${c} ${cases} ELSE NULL END)`);
  }
}

/** Read a case's inputs into tables named after the template's `table` fields. */
export async function readCase(connection: DuckDBConnection, input: CaseInput, options: ReadOptions & ValidateOptions = {}): Promise<ReadCase> {
  const files: Record<string, ReadFile> = {};
  const problems: Problem[] = [];
  for (const spec of input.files) {
    try {
      const read = await readExport(connection, spec, options);
      const validation = await validateTable(connection, read, options);
      if (!validation.problems.some((p) => p.severity === "error")) await flagsFromLabels(connection, read, validation);
      files[spec.table] = {...read, validation};
      problems.push(...read.problems, ...validation.problems);
    } catch (error) {
      if (!isDataError(error)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.some((p) => p.severity === "error")) {
    const dir = dirname(input.files[0].path!);
    throw new DataError(problems, {en: `The ${input.id} exports in ${dir} cannot be used`, ru: `Выгрузки кейса ${input.id} в ${dir} нельзя использовать`});
  }
  return {files, problems};
}
