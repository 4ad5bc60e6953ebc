/**
 * Fitness case: read the member table (the seed's gym_churn_us.csv or any export mapped to the
 * template), validate it, audit it, drop exact duplicate rows and rows missing a feature value, and
 * return one record per member keyed by field (the template's roles present and the mapping's extra
 * columns; categories as their mapped values), the table's feature columns, and the quality report.
 */
import {settings} from "../settings.ts";
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne, queryRows, run, withDatabase} from "../io/duckdb.ts";
import {readCase} from "../io/read-case.ts";
import {asCaseInput, type InputSource} from "../inputs/resolve.ts";
import type {ColumnSpec} from "../io/schema.ts";
import {DataError, shown, type Problem} from "../io/problems.ts";
import {MAPPING_FILE} from "../inputs/mapping.ts";
import type {Finding, QualityReport, Repair} from "../quality/types.ts";
import {exactDuplicates} from "../quality/duplicates.ts";
import {robustOutliers} from "../quality/outliers.ts";
import {missingValues} from "../quality/missing.ts";
import {buildReport} from "../quality/report.ts";
import {ru} from "../quality/words.ts";
import {nouns} from "../../src/components/glossary.ts";
import {categorySql} from "./sql.ts";
import {memberColumns, type FitnessMember, type MemberColumn} from "../cases/fitness/features.ts";

export type {FitnessMember} from "../cases/fitness/features.ts";

export interface FitnessData {
  members: FitnessMember[];
  /** The table's feature columns (every resolved column but the target). */
  columns: MemberColumn[];
  quality: QualityReport;
}

/** Template roles audited for outliers (measurements, not codes or bounded counts); extra numeric columns are audited too. */
const OUTLIER_ROLES = new Set(["age", "additionalCharges", "lifetime", "classFrequencyTotal", "classFrequencyCurrentMonth"]);

const audited = (c: ColumnSpec) => (c.extra ? (c.type === "number" || c.type === "integer") : OUTLIER_ROLES.has(c.field));

/** A categorical feature with more values than this is an identifier or free text, not a feature. */
export const MAX_LEVELS = 20;

/** Extra columns that cannot be features: text or dates as such (before reading). */
function untypedFeatures(columns: readonly ColumnSpec[]): Problem[] {
  return columns.filter((c) => c.extra && (c.type === "text" || c.type === "datetime")).map((c) => ({
    severity: "error", file: MAPPING_FILE, column: `${c.entry}.type`,
    expected: {en: "a feature of type flag, number, integer or category", ru: "признак типа flag, number, integer или category"}, found: shown(c.type),
    hint: {en: `give the column ${shown(c.source)} one of those types, or the role "ignore" to leave it out`, ru: `дайте столбцу ${shown(c.source)} один из этих типов или роль "ignore", чтобы не использовать его`}
  }));
}

/** Categorical extra columns with more than MAX_LEVELS values (after reading). */
async function tooManyLevels(connection: DuckDBConnection, file: string, columns: readonly ColumnSpec[]): Promise<Problem[]> {
  const categorical = columns.filter((c) => c.extra && c.type === "category" && c.labelsFor !== "flag");
  if (!categorical.length) return [];
  const counts = await queryOne<Record<string, number>>(connection,
    `SELECT ${categorical.map((c, i) => `count(DISTINCT ${ident(c.field)}) AS c${i}`).join(", ")} FROM members`);
  return categorical.flatMap((c, i) => counts[`c${i}`] <= MAX_LEVELS ? [] : [{
    severity: "error" as const, file, column: c.source,
    expected: {en: `at most ${MAX_LEVELS} different values in a category feature (mapping entry ${c.entry})`, ru: `не больше ${MAX_LEVELS} разных значений в категориальном признаке (запись сопоставления ${c.entry})`},
    found: {en: `${counts[`c${i}`]} different values`, ru: ru.plural(counts[`c${i}`], "разное значение", "разных значения", "разных значений")},
    hint: {en: "group the values into fewer categories in the export, or give the column the role \"ignore\" (an identifier or free text is not a feature)",
      ru: "сгруппируйте значения в выгрузке в меньшее число категорий или дайте столбцу роль \"ignore\" (идентификатор или произвольный текст — не признак)"}
  }]);
}

/** A column's clean value: categories (not flags given as labels) as their mapped values, text otherwise. */
function valueSql(c: ColumnSpec, categories: Record<string, Record<string, string>>): string {
  if (c.type !== "category" || c.labelsFor === "flag") return ident(c.field);
  return c.values ? categorySql(c.field, categories[c.field] ?? {}) : `CAST(${ident(c.field)} AS VARCHAR)`;
}

async function clean(connection: DuckDBConnection, source: InputSource): Promise<FitnessData> {
  const input = asCaseInput(source, "fitness");
  const columns = input.files[0].columns;
  const fields = columns.map((c) => c.field);
  const untyped = untypedFeatures(columns);
  if (untyped.length) throw new DataError(untyped, {en: `${MAPPING_FILE}: features the fitness case cannot use`, ru: `${MAPPING_FILE}: признаки, которые кейс «Фитнес» не может использовать`});
  if (columns.every((c) => c.target)) {
    throw new DataError([{severity: "error", file: MAPPING_FILE, column: `${input.files[0].entry}.columns`,
      expected: {en: "at least one feature column besides the target", ru: "хотя бы один столбец-признак, кроме целевого"}, found: {en: "the target alone", ru: "только целевой"},
      hint: {en: "give a column of the export a role of the template or the role \"feature\"", ru: "дайте столбцу выгрузки роль шаблона или роль \"feature\""}}],
      {en: `${MAPPING_FILE}: nothing to predict churn from`, ru: `${MAPPING_FILE}: отток не из чего предсказывать`});
  }
  const read = await readCase(connection, input);
  const members0 = read.files.members;
  const file = members0.spec.file;
  const levels = await tooManyLevels(connection, file, columns);
  if (levels.length) throw new DataError(levels, {en: `${file}: category features with too many values`, ru: `${file}: категориальные признаки со слишком большим числом значений`});
  const ref = {table: "members", file, line: `rowid + ${members0.lineOffset}`};
  // Rows alike in every column read are duplicates only when every column of the export was read:
  // columns the mapping leaves out (a name, a member number) may tell such rows apart.
  const unread = members0.report.columns - columns.length;
  const found = await exactDuplicates(connection, ref, {fields});
  const duplicates = unread && found.rows
    ? {...found, summary: {
      en: `${found.summary.en} in the ${columns.length} columns read; kept, because the export's ${unread} other column${unread === 1 ? "" : "s"} (left out by the mapping) may tell them apart`,
      ru: `${found.summary.ru} по ${ru.plural(columns.length, "прочитанному столбцу", "прочитанным столбцам", "прочитанным столбцам")}; оставлены, потому что ${unread === 1 ? "другой столбец" : "другие столбцы"} выгрузки (${ru.count(unread, nouns.column)}, не включённые в сопоставление) могут их различать`}}
    : found;
  const missing = await missingValues(connection, ref, fields);
  const findings: Finding[] = [duplicates, missing];
  for (const c of columns.filter(audited)) {
    const f = await robustOutliers(connection, ref, c.field);
    if (f.rows) findings.push(f);
  }
  const repairs: Repair[] = [];
  if (!unread) {
    repairs.push({id: "drop-exact-duplicates", file, action: "removed", rows: duplicates.rows,
      description: {en: "Rows identical in every column to an earlier row are counted once.", ru: "Строки, совпадающие во всех столбцах с более ранней строкой, учитываются один раз."}, examples: duplicates.examples});
  }
  const all = fields.map(ident).join(", ");
  const values = columns.map((c) => `${valueSql(c, members0.validation.categories)} AS ${ident(c.field)}`).join(", ");
  await run(connection, `CREATE OR REPLACE TABLE members_unique AS
    SELECT rowid + ${members0.lineOffset} AS line, ${values} FROM members
    ${unread ? "" : `QUALIFY row_number() OVER (PARTITION BY ${all} ORDER BY rowid) = 1`}`);
  const complete = fields.map((f) => `${ident(f)} IS NOT NULL`).join(" AND ");
  const unique = (await queryOne<{n: number}>(connection, `SELECT count(*) AS n FROM members_unique`)).n;
  const members = await queryRows<FitnessMember>(connection, `SELECT * FROM members_unique WHERE ${complete} ORDER BY line`);
  const incomplete = unique - members.length;
  if (incomplete) {
    repairs.push({id: "drop-missing-features", file, action: "removed", rows: incomplete,
      description: {en: "Rows missing the target or a feature value are left out: the models and the clustering need every value.",
        ru: "Строки без значения целевого признака или любого другого признака не учитываются: моделям и кластеризации нужны все значения."}, examples: missing.examples});
  }
  const quality = buildReport("fitness", read, {
    findings, repairs,
    clean: {members: members.length},
    modelling: {unit: nouns.member, rows: members.length},
    flow: [
      {stage: {en: "Members read", ru: "Прочитано клиентов"}, rows: members0.report.rows},
      ...(unread ? [] : [{stage: {en: "After removing exact duplicates", ru: "После удаления точных дубликатов"}, rows: unique}]),
      ...(incomplete ? [{stage: {en: "After removing rows with a missing value", ru: "После удаления строк с пропусками"}, rows: members.length}] : []),
      {stage: {en: "Used for modelling", ru: "Используется для моделирования"}, rows: members.length}
    ]
  });
  return {members, columns: memberColumns(columns), quality};
}

/** Clean fitness members from DATA_DIR or resolved inputs (throws DataError on unusable input). */
export async function loadFitness(source: InputSource = settings.dataDir): Promise<FitnessData> {
  return withDatabase((connection) => clean(connection, source));
}
