/**
 * One Click case: read the four exports (behaviour, revenue per period, minutes per period,
 * profit), map Russian columns and labels to English, repair misspelt labels, handle the extreme
 * revenue outlier, check ids across files, and return one joined row per customer. Customers
 * without activity in every period (and other incomplete customers) are kept in `customers` but
 * left out of `modelling`, each counted with its reason.
 */
import {settings} from "../settings.ts";
import type {DuckDBConnection} from "../io/duckdb.ts";
import {queryOne, queryRows, run, withDatabase} from "../io/duckdb.ts";
import {readCase} from "../io/read-case.ts";
import {asCaseInput, type InputSource} from "../inputs/resolve.ts";
import type {Category, Period} from "../io/schemas/one-click.ts";
import {oneClickSchema} from "../io/schemas/one-click.ts";
import type {Exclusion, Finding, QualityReport, Repair} from "../quality/types.ts";
import {exactDuplicates} from "../quality/duplicates.ts";
import {robustFences, robustOutliers} from "../quality/outliers.ts";
import {missingReferences} from "../quality/referential.ts";
import {zeroActivity} from "../quality/activity.ts";
import {missingValues} from "../quality/missing.ts";
import {examples} from "../quality/sql-examples.ts";
import {buildReport} from "../quality/report.ts";
import {ru} from "../quality/words.ts";
import {nouns} from "../../src/components/glossary.ts";
import type {Text} from "../../src/components/i18n.ts";
import {categorySql} from "./sql.ts";

export type {Category, Period};

export type ExclusionReason = "zero-activity" | "extreme-revenue" | "incomplete";

export interface OneClickCustomer {
  id: number;
  /** Line in market_file.csv. */
  line: number;
  activity: "declined" | "unchanged";
  serviceType: "premium" | "standard";
  marketingConsent: boolean;
  marketingContacts6m: number;
  marketingContactsCurrent: number;
  tenureDays: number;
  promoShare: number;
  favouriteCategory: Category;
  categoriesPerVisit: number;
  unpaidItemsQuarter: number;
  serviceErrors: number;
  pagesPerVisit: number;
  /** Revenue two months ago, last month, this month (null: missing or removed as implausible). */
  revenueBeforePrevious: number | null;
  revenuePrevious: number | null;
  revenueCurrent: number | null;
  minutesPrevious: number | null;
  minutesCurrent: number | null;
  /** Average monthly profit over 3 months (money.csv). */
  profit: number | null;
  /** Why the customer is left out of modelling, or null when used. */
  excluded: ExclusionReason | null;
}

export interface RevenueRow {id: number; line: number; period: Period; revenue: number | null}
export interface MinutesRow {id: number; line: number; period: "previous" | "current"; minutes: number}
export interface ProfitRow {id: number; line: number; profit: number}

export interface OneClickData {
  /** Every customer of market_file.csv, joined with the other exports. */
  customers: OneClickCustomer[];
  /** The customers used for modelling (excluded === null). */
  modelling: OneClickCustomer[];
  revenue: RevenueRow[];
  minutes: MinutesRow[];
  profit: ProfitRow[];
  quality: QualityReport;
  /** Field → label, for the behaviour export's columns the analyst's mapping labels (pages show these). */
  labels: Record<string, string>;
}

export interface OneClickOptions {
  /** Revenue beyond median ± k × 1.4826 × MAD is implausible and removed (default 10). */
  extremeK?: number;
}

const exclusionText: Record<ExclusionReason, Text> = {
  "zero-activity": {en: "No purchases in at least one of the three months: activity cannot be compared across periods.",
    ru: "Нет покупок хотя бы в одном из трёх месяцев: активность нельзя сравнить между периодами."},
  "extreme-revenue": {en: "A revenue value far outside the plausible range was removed, leaving the customer's revenue incomplete.",
    ru: "Значение выручки далеко за пределами правдоподобного было удалено, и выручка покупателя неполна."},
  "incomplete": {en: "The customer is missing from another export (revenue, minutes or profit), so features are incomplete.",
    ru: "Покупателя нет в другой выгрузке (выручка, минуты на сайте или прибыль), поэтому признаки неполны."}
};

async function clean(connection: DuckDBConnection, source: InputSource, {extremeK = 10}: OneClickOptions): Promise<OneClickData> {
  const read = await readCase(connection, asCaseInput(source, "one-click"));
  const files = {behaviour: read.files.market_file.spec.file, revenue: read.files.market_money.spec.file, minutes: read.files.market_time.spec.file, profit: read.files.money.spec.file};
  const cat = (table: string, field: string) => categorySql(field, read.files[table].validation.categories[field] ?? {});
  const findings: Finding[] = [];
  const repairs: Repair[] = [];

  // Exact duplicate rows in each export are counted once.
  const tables = {market_file: files.behaviour, market_money: files.revenue, market_time: files.minutes, money: files.profit};
  for (const [table, file] of Object.entries(tables)) {
    const fields = oneClickSchema.files.find((f) => f.table === table)!.columns.map((c) => c.field);
    const dup = await exactDuplicates(connection, {table, file, line: `rowid + ${read.files[table].lineOffset}`}, {fields, idField: "id"});
    findings.push(dup, await missingValues(connection, {table, file, line: `rowid + ${read.files[table].lineOffset}`}, fields));
    repairs.push({id: `drop-exact-duplicates-${table}`, file, action: "removed", rows: dup.rows,
      description: {en: `Rows of ${file} identical to an earlier row are counted once.`, ru: `Строки ${file}, совпадающие с более ранней строкой, учитываются один раз.`}, examples: dup.examples});
    await run(connection, `CREATE OR REPLACE TABLE ${table}_dedup AS SELECT rowid + ${read.files[table].lineOffset} AS line, * FROM ${table}
      QUALIFY row_number() OVER (PARTITION BY ${fields.join(", ")} ORDER BY rowid) = 1`);
  }

  // English labels.
  await run(connection, `CREATE OR REPLACE TABLE behaviour AS SELECT CAST(id AS BIGINT) AS id, line,
      ${cat("market_file", "activity")} AS activity, ${cat("market_file", "serviceType")} AS serviceType,
      ${cat("market_file", "marketingConsent")} = 'yes' AS marketingConsent,
      marketingContacts6m, CAST(marketingContactsCurrent AS BIGINT) AS marketingContactsCurrent, CAST(tenureDays AS BIGINT) AS tenureDays,
      promoShare, ${cat("market_file", "favouriteCategory")} AS favouriteCategory, CAST(categoriesPerVisit AS BIGINT) AS categoriesPerVisit,
      CAST(unpaidItemsQuarter AS BIGINT) AS unpaidItemsQuarter, CAST(serviceErrors AS BIGINT) AS serviceErrors, CAST(pagesPerVisit AS BIGINT) AS pagesPerVisit
    FROM market_file_dedup`);
  await run(connection, `CREATE OR REPLACE TABLE revenue AS SELECT CAST(id AS BIGINT) AS id, line, ${cat("market_money", "period")} AS period, revenue FROM market_money_dedup`);
  await run(connection, `CREATE OR REPLACE TABLE minutes AS SELECT CAST(id AS BIGINT) AS id, line, ${cat("market_time", "period")} AS period, CAST(minutes AS BIGINT) AS minutes FROM market_time_dedup`);
  await run(connection, `CREATE OR REPLACE TABLE profit AS SELECT CAST(id AS BIGINT) AS id, line, profit FROM money_dedup`);

  // Referential checks: every id of each export in market_file, and every customer in each export.
  const ref = (table: string, file: string) => ({table, file, field: "id", line: "line"});
  for (const [table, file] of [["revenue", files.revenue], ["minutes", files.minutes], ["profit", files.profit]] as const) {
    const orphans = await missingReferences(connection, ref(table, file), ref("behaviour", files.behaviour));
    findings.push(orphans);
    repairs.push({id: `drop-orphans-${table}`, file, action: "removed", rows: orphans.rows,
      description: {en: `Rows of ${file} whose customer id is not in ${files.behaviour} cannot be joined and are left out.`,
        ru: `Строки ${file}, идентификатора покупателя которых нет в ${files.behaviour}, нельзя соединить, и они не учитываются.`}, examples: orphans.examples});
    if (orphans.rows) await run(connection, `DELETE FROM ${table} WHERE id NOT IN (SELECT id FROM behaviour)`);
    findings.push(await missingReferences(connection, ref("behaviour", files.behaviour), ref(table, file)));
  }

  // Outliers per numeric column (reported), and the extreme revenue outlier (removed).
  for (const period of ["before_previous", "previous", "current"]) {
    const f = await robustOutliers(connection, {table: "revenue", file: files.revenue, line: "line"}, "revenue",
      {where: `period = '${period}' AND revenue > 0`, idField: "id", subject: {en: `revenue (${period.replace("_", " ")} month)`, ru: `revenue (${periodRu[period]})`}});
    if (f.rows) findings.push(f);
  }
  for (const [table, file, field] of [["minutes", files.minutes, "minutes"], ["profit", files.profit, "profit"]] as const) {
    const f = await robustOutliers(connection, {table, file, line: "line"}, field, {idField: "id"});
    if (f.rows) findings.push(f);
  }
  const extreme = await robustFences(connection, "revenue", "revenue", {where: "revenue > 0", k: extremeK});
  const cond = extreme ? `revenue > ${extreme.high}` : "false";
  const {rows: extremeRows} = await queryOne<{rows: number}>(connection, `SELECT count(*) AS rows FROM revenue WHERE ${cond}`);
  repairs.push({id: "remove-extreme-revenue", file: files.revenue, field: "revenue", action: "changed", rows: extremeRows,
    description: {en: `Revenue values more than ${extremeK} robust spreads (1.4826 × MAD) above the median of positive revenue${extreme ? ` (above ${(Math.round(extreme.high * 10) / 10).toLocaleString("en-US")})` : ""} are implausible; they are set to missing.`,
      ru: `Значения выручки, превышающие медиану положительной выручки больше чем на ${extremeK} устойчивых разбросов (1,4826 × медианное абсолютное отклонение)${extreme ? ` (выше ${ru.grouped(Math.round(extreme.high * 10) / 10, 1)})` : ""}, неправдоподобны; они считаются пропущенными.`},
    examples: extremeRows ? await examples(connection, `SELECT line, id, revenue AS found FROM revenue WHERE ${cond} ORDER BY line LIMIT 5`, files.revenue, "revenue") : []});
  if (extremeRows) await run(connection, `UPDATE revenue SET revenue = NULL WHERE ${cond}`);

  // Zero-activity periods.
  const zero = await zeroActivity(connection, {table: "revenue", file: files.revenue, line: "line"}, {owner: "id", value: "revenue", period: "period", noun: nouns.buyer});
  findings.push(zero);

  // Join into one row per customer, with the reason for exclusion (first that applies).
  await run(connection, `CREATE OR REPLACE TABLE customers AS
    WITH r AS (SELECT id,
        max(revenue) FILTER (WHERE period = 'before_previous') AS revenueBeforePrevious,
        max(revenue) FILTER (WHERE period = 'previous') AS revenuePrevious,
        max(revenue) FILTER (WHERE period = 'current') AS revenueCurrent,
        count(*) FILTER (WHERE period = 'before_previous') AS n1, count(*) FILTER (WHERE period = 'previous') AS n2,
        count(*) FILTER (WHERE period = 'current') AS n3,
        bool_or(revenue = 0) AS zero, bool_or(revenue IS NULL) AS removed
      FROM revenue GROUP BY id),
    m AS (SELECT id, max(minutes) FILTER (WHERE period = 'previous') AS minutesPrevious,
        max(minutes) FILTER (WHERE period = 'current') AS minutesCurrent FROM minutes GROUP BY id),
    p AS (SELECT id, max(profit) AS profit FROM profit GROUP BY id)
    SELECT b.*, r.revenueBeforePrevious, r.revenuePrevious, r.revenueCurrent, m.minutesPrevious, m.minutesCurrent, p.profit,
      CASE WHEN r.zero THEN 'zero-activity'
           WHEN r.removed THEN 'extreme-revenue'
           WHEN r.id IS NULL OR r.n1 = 0 OR r.n2 = 0 OR r.n3 = 0 OR m.minutesPrevious IS NULL OR m.minutesCurrent IS NULL OR p.profit IS NULL THEN 'incomplete'
           ELSE NULL END AS excluded
    FROM behaviour b LEFT JOIN r USING (id) LEFT JOIN m USING (id) LEFT JOIN p USING (id) ORDER BY b.line`);

  const exclusions: Exclusion[] = [];
  for (const reason of ["zero-activity", "extreme-revenue", "incomplete"] as ExclusionReason[]) {
    const ex = await examples(connection, `SELECT line, id FROM customers WHERE excluded = '${reason}' ORDER BY line LIMIT 5`, files.behaviour);
    const {rows} = await queryOne<{rows: number}>(connection, `SELECT count(*) AS rows FROM customers WHERE excluded = '${reason}'`);
    exclusions.push({id: reason, reason: exclusionText[reason], rows, unit: nouns.buyer, examples: ex});
  }

  const customers = await queryRows<OneClickCustomer>(connection, `SELECT * FROM customers ORDER BY line`);
  const revenue = await queryRows<RevenueRow>(connection, `SELECT id, line, period, revenue FROM revenue ORDER BY line`);
  const minutes = await queryRows<MinutesRow>(connection, `SELECT id, line, period, minutes FROM minutes ORDER BY line`);
  const profit = await queryRows<ProfitRow>(connection, `SELECT id, line, profit FROM profit ORDER BY line`);
  const modelling = customers.filter((c) => c.excluded === null);
  const quality = buildReport("one-click", read, {
    findings, repairs, exclusions,
    clean: {customers: customers.length, revenue: revenue.length, minutes: minutes.length, profit: profit.length},
    modelling: {unit: nouns.buyer, rows: modelling.length},
    flow: flow(files.behaviour, read.files.market_file.report.rows, customers.length, exclusions, modelling.length)
  });
  const template = oneClickSchema.files.find((f) => f.table === "market_file")!.columns;
  const labels = Object.fromEntries(read.files.market_file.spec.columns
    .filter((c) => c.entry && c.label !== template.find((t) => t.field === c.field)?.label).map((c) => [c.field, c.label]));
  return {customers, modelling, revenue, minutes, profit, quality, labels};
}

const exclusionShort: Record<ExclusionReason, Text> = {
  "zero-activity": {en: "customers with a month of no purchases", ru: "покупателей с месяцем без покупок"},
  "extreme-revenue": {en: "customers with an implausible revenue", ru: "покупателей с неправдоподобной выручкой"},
  "incomplete": {en: "customers missing from another export", ru: "покупателей, которых нет в другой выгрузке"}
};

/** The periods of the revenue export, in Russian. */
const periodRu: Record<string, string> = {before_previous: "позапрошлый месяц", previous: "прошлый месяц", current: "текущий месяц"};

function flow(file: string, read: number, kept: number, exclusions: Exclusion[], used: number): {stage: Text; rows: number}[] {
  const steps = [{stage: {en: `Customers read (${file})`, ru: `Прочитано покупателей (${file})`}, rows: read},
    {stage: {en: "After removing exact duplicates", ru: "После удаления точных дубликатов"}, rows: kept}];
  let left = kept;
  for (const e of exclusions) {
    if (!e.rows) continue;
    left -= e.rows;
    const short = exclusionShort[e.id as ExclusionReason] ?? {en: e.id, ru: e.id};
    steps.push({stage: {en: `Without ${short.en}`, ru: `Без ${short.ru}`}, rows: left});
  }
  steps.push({stage: {en: "Used for modelling", ru: "Используется для моделирования"}, rows: used});
  return steps;
}

/** Clean One Click customers from DATA_DIR/one-click/ (throws DataError on unusable input). */
export async function loadOneClick(source: InputSource = settings.dataDir, options: OneClickOptions = {}): Promise<OneClickData> {
  return withDatabase((connection) => clean(connection, source, options));
}
