/**
 * Encoders for categorical string columns, like scikit-learn's OneHotEncoder and OrdinalEncoder:
 * categories are the sorted distinct values unless given; input rows are arrays of values, one
 * per categorical column.
 */
import type {Row} from "../models/types.ts";
import type {FittedTransformer, Transformer, Value} from "./types.ts";

export type CategoricalRow = readonly Value[];

function key(v: Value, row: number, column: number): string {
  if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
    throw new Error(`encoder: row ${row}, column ${column} is missing; repair or drop missing categories first`);
  }
  return String(v);
}

function learnCategories(rows: readonly CategoricalRow[], given?: readonly (readonly string[])[]): string[][] {
  if (rows.length === 0) throw new Error("encoder: no rows");
  const d = rows[0].length;
  if (given) {
    if (given.length !== d) throw new Error(`encoder: ${given.length} category lists for ${d} columns`);
    return given.map((c) => [...c]);
  }
  const sets = Array.from({length: d}, () => new Set<string>());
  rows.forEach((row, i) => {
    if (row.length !== d) throw new Error(`encoder: row ${i} has ${row.length} values, expected ${d}`);
    row.forEach((v, j) => sets[j].add(key(v, i, j)));
  });
  // Code-point order, as numpy's sort of strings.
  return sets.map((s) => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
}

export interface OneHotEncoder extends FittedTransformer<CategoricalRow> {
  categories: string[][];
  /** For each output column, the input column it comes from. */
  sourceColumn: number[];
}

export interface OneHotOptions {
  /** Column names, for feature names like "tier_premium" (scikit-learn's get_feature_names_out). Default c0, c1, … */
  columns?: readonly string[];
  categories?: readonly (readonly string[])[];
  /** "ignore" (default): an unseen category encodes as all zeros; "error": throw. */
  handleUnknown?: "ignore" | "error";
  /** "first" drops each column's first category (a reference level, avoiding collinearity). */
  drop?: "first" | null;
}

export function fitOneHotEncoder(rows: readonly CategoricalRow[], options: OneHotOptions = {}): OneHotEncoder {
  const {handleUnknown = "ignore", drop = null} = options;
  const categories = learnCategories(rows, options.categories);
  const names = options.columns ?? categories.map((_, j) => `c${j}`);
  if (names.length !== categories.length) throw new Error(`oneHotEncoder: ${names.length} names for ${categories.length} columns`);
  const kept = categories.map((cats) => (drop === "first" ? cats.slice(1) : cats));
  const offsets: number[] = [];
  let width = 0;
  const featureNames: string[] = [], sourceColumn: number[] = [];
  kept.forEach((cats, j) => {
    offsets.push(width);
    width += cats.length;
    for (const c of cats) {
      featureNames.push(`${names[j]}_${c}`);
      sourceColumn.push(j);
    }
  });
  const index = kept.map((cats) => new Map(cats.map((c, k) => [c, k])));
  const all = categories.map((cats) => new Set(cats));
  return {
    categories,
    featureNames,
    sourceColumn,
    transform: (X) =>
      X.map((row, i) => {
        if (row.length !== categories.length) throw new Error(`oneHotEncoder: row ${i} has ${row.length} values, fitted on ${categories.length}`);
        const out: Row = new Array<number>(width).fill(0);
        row.forEach((v, j) => {
          const k = key(v, i, j);
          const pos = index[j].get(k);
          if (pos !== undefined) out[offsets[j] + pos] = 1;
          else if (!all[j].has(k) && handleUnknown === "error") {
            throw new Error(`oneHotEncoder: row ${i}, column ${names[j]}: unknown category "${k}"`);
          }
        });
        return out;
      })
  };
}

export function oneHotEncoder(options: OneHotOptions = {}): Transformer<CategoricalRow, OneHotEncoder> {
  return {fit: (X) => fitOneHotEncoder(X, options)};
}

export interface OrdinalEncoder extends FittedTransformer<CategoricalRow> {
  categories: string[][];
}

export interface OrdinalOptions {
  columns?: readonly string[];
  /** Category order per column (their codes are 0, 1, …). Default: sorted distinct values. */
  categories?: readonly (readonly string[])[];
  /** Code for an unseen category. Default: throw. */
  unknownValue?: number;
}

export function fitOrdinalEncoder(rows: readonly CategoricalRow[], options: OrdinalOptions = {}): OrdinalEncoder {
  const categories = learnCategories(rows, options.categories);
  const names = options.columns ?? categories.map((_, j) => `c${j}`);
  const index = categories.map((cats) => new Map(cats.map((c, k) => [c, k])));
  return {
    categories,
    featureNames: [...names],
    transform: (X) =>
      X.map((row, i) =>
        row.map((v, j) => {
          const code = index[j].get(key(v, i, j));
          if (code !== undefined) return code;
          if (options.unknownValue !== undefined) return options.unknownValue;
          throw new Error(`ordinalEncoder: row ${i}, column ${names[j]}: unknown category "${String(v)}"`);
        })
      )
  };
}

export function ordinalEncoder(options: OrdinalOptions = {}): Transformer<CategoricalRow, OrdinalEncoder> {
  return {fit: (X) => fitOrdinalEncoder(X, options)};
}
