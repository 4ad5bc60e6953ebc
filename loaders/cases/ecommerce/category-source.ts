/**
 * Where an order log's product categories come from, in this order:
 *   1. the export's own category column, when the mapping gives a column the role `category`;
 *   2. DATA_DIR/category-rules.json, a rule table the analyst writes for their store (same format as
 *      the built-in one; checked entry by entry);
 *   3. the built-in rules (loaders/cases/ecommerce/category-rules.json), written for one garden and
 *      household store.
 */
import {existsSync} from "node:fs";
import {dirname, join} from "node:path";
import type {CaseInput} from "../../inputs/resolve.ts";
import {BUILT_IN, DATA_DIR_RULES, readCategoryTable, type CategoryChoice} from "./categories.ts";

/** DATA_DIR of a case's inputs: the mapping's folder, or the parent of the seed layout's case folder. */
export function dataDirOf(input: CaseInput): string {
  return input.mapping ? dirname(input.mapping) : dirname(dirname(input.files[0].path!));
}

/** The category source for a log whose export category column is `categoryColumn` (null: none mapped). */
export function chooseCategories(input: CaseInput, categoryColumn: string | null): CategoryChoice {
  if (categoryColumn !== null) return {source: "export-column", column: categoryColumn};
  const file = join(dataDirOf(input), DATA_DIR_RULES);
  if (existsSync(file)) return {source: "rule-file", table: readCategoryTable(file, file), file: DATA_DIR_RULES};
  return BUILT_IN;
}
