/** Periods with zero activity: owners (customers) with a zero value in some period. */
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne} from "../io/duckdb.ts";
import type {Finding} from "./types.ts";
import type {TableRef} from "./duplicates.ts";
import {examples} from "./sql-examples.ts";
import {count, ru} from "./words.ts";
import type {Noun} from "../../src/components/i18n.ts";

export interface ZeroActivityOptions {
  /** Owner id field (e.g. customer id). */
  owner: string;
  /** Activity value (e.g. revenue); zero means no activity. */
  value: string;
  /** Period field, shown in examples. */
  period: string;
  /** Noun for one owner in summaries (default: the owner field). */
  noun?: Noun;
  maxExamples?: number;
}

export async function zeroActivity(connection: DuckDBConnection, ref: TableRef, {owner, value, period, noun, maxExamples = 5}: ZeroActivityOptions): Promise<Finding> {
  const line = ref.line ?? "rowid + 2";
  const cond = `${ident(value)} = 0`;
  const {rows, groups} = await queryOne<{rows: number; groups: number}>(connection,
    `SELECT count(*) AS rows, count(DISTINCT ${ident(owner)}) AS groups FROM ${ident(ref.table)} WHERE ${cond}`);
  return {
    kind: "zero-activity", file: ref.file, field: value, rows, groups,
    summary: groups
      ? {en: `${noun ? count(groups, `${noun.en[0]} has`, `${noun.en[1]} have`) : count(groups, `${owner} has`, `${owner} values have`)} zero ${value} in at least one period (${count(rows, "period row")})`,
        ru: `${noun ? ru.count(groups, noun) : `${ru.int(groups)} × ${owner}`}: значение ${value} равно нулю хотя бы в одном периоде (${ru.plural(rows, "строка периода", "строки периодов", "строк периодов")})`}
      : {en: `every ${owner} has ${value} in every period`, ru: `у каждого ${owner} есть ${value} в каждом периоде`},
    examples: rows ? await examples(connection,
      `SELECT ${line} AS line, ${ident(owner)} AS id, ${ident(period)} AS found FROM ${ident(ref.table)} WHERE ${cond} ORDER BY ${line} LIMIT ${maxExamples}`, ref.file, period) : []
  };
}
