/**
 * Referential checks between exports: ids present in one file and absent from another, and
 * one key shared by several owners (an order under several customers).
 */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne} from "../io/duckdb.ts";
import type {Finding} from "./types.ts";
import type {TableRef} from "./duplicates.ts";
import {examples} from "./sql-examples.ts";
import {count, ru} from "./words.ts";
import {nouns} from "../../src/components/glossary.ts";

/** Distinct ids of `from.field` with no row in `to.field`; rows and example lines are in `from`. */
export async function missingReferences(connection: DuckDBConnection, from: TableRef & {field: string}, to: TableRef & {field: string}, {maxExamples = 5} = {}): Promise<Finding> {
  const line = from.line ?? "rowid + 2";
  const cond = `${ident(from.field)} NOT IN (SELECT ${ident(to.field)} FROM ${ident(to.table)} WHERE ${ident(to.field)} IS NOT NULL)`;
  const {rows, groups} = await queryOne<{rows: number; groups: number}>(connection,
    `SELECT count(*) AS rows, count(DISTINCT ${ident(from.field)}) AS groups FROM ${ident(from.table)} WHERE ${cond}`);
  return {
    kind: "referential", file: from.file, field: from.field, rows, groups,
    summary: groups
      ? {en: `${count(groups, "id")} in ${from.file} ${groups === 1 ? "has" : "have"} no row in ${to.file}`,
        ru: `для ${ru.plural(groups, "идентификатора", "идентификаторов", "идентификаторов")} из ${from.file} нет строки в ${to.file}`}
      : {en: `every id in ${from.file} is in ${to.file}`, ru: `каждый идентификатор из ${from.file} есть в ${to.file}`},
    examples: rows ? await examples(connection,
      `SELECT min(${line}) AS line, ${ident(from.field)} AS id, 'not in ' || '${to.file.replaceAll("'", "''")}' AS note, 'нет в ' || '${to.file.replaceAll("'", "''")}' AS note_ru FROM ${ident(from.table)} WHERE ${cond}
       GROUP BY ${ident(from.field)} ORDER BY line LIMIT ${maxExamples}`, from.file, from.field) : []
  };
}

/** Keys (e.g. order ids) that appear with more than one owner (e.g. customer id). */
export async function sharedKeys(connection: DuckDBConnection, ref: TableRef, key: string, owner: string, {maxExamples = 5} = {}): Promise<Finding> {
  const line = ref.line ?? "rowid + 2";
  const shared = `SELECT ${ident(key)} AS k FROM ${ident(ref.table)} GROUP BY 1 HAVING count(DISTINCT ${ident(owner)}) > 1`;
  const {rows, groups} = await queryOne<{rows: number; groups: number}>(connection,
    `SELECT count(*) AS rows, count(DISTINCT ${ident(key)}) AS groups FROM ${ident(ref.table)} WHERE ${ident(key)} IN (${shared})`);
  return {
    kind: "shared-key", file: ref.file, field: key, rows, groups,
    summary: groups
      ? {en: `${count(groups, `${key} value belongs`, `${key} values belong`)} to more than one ${owner} (${count(rows, "row")})`,
        ru: `${ru.plural(groups, "значение", "значения", "значений")} ${key} ${groups === 1 ? "относится" : "относятся"} к нескольким ${owner} (${ru.count(rows, nouns.row)})`}
      : {en: `every ${key} belongs to one ${owner}`, ru: `каждое значение ${key} относится к одному ${owner}`},
    examples: groups ? await examples(connection,
      `SELECT min(${line}) AS line, ${ident(key)} AS id, count(DISTINCT ${ident(owner)}) || ' different ${owner} values' AS note, 'разных значений ${owner}: ' || count(DISTINCT ${ident(owner)}) AS note_ru
       FROM ${ident(ref.table)} WHERE ${ident(key)} IN (${shared}) GROUP BY ${ident(key)} ORDER BY line LIMIT ${maxExamples}`, ref.file, key) : []
  };
}
