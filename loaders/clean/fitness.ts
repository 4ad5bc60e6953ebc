/**
 * Fitness case: read gym_churn_us.csv, validate it, audit it, drop exact duplicate rows, and
 * return one typed row per member with English field names, plus the quality report.
 */
import {settings} from "../settings.ts";
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryRows, run, withDatabase} from "../io/duckdb.ts";
import {readCase} from "../io/read-case.ts";
import {asCaseInput, type InputSource} from "../inputs/resolve.ts";
import {fitnessSchema} from "../io/schemas/fitness.ts";
import type {Finding, QualityReport, Repair} from "../quality/types.ts";
import {exactDuplicates} from "../quality/duplicates.ts";
import {robustOutliers} from "../quality/outliers.ts";
import {missingValues} from "../quality/missing.ts";
import {buildReport} from "../quality/report.ts";

export interface FitnessMember {
  /** Line in gym_churn_us.csv (header = line 1). */
  line: number;
  /** 0/1 as exported (the export does not say which is which). */
  gender: number;
  nearLocation: number;
  partner: number;
  promoFriends: number;
  phone: number;
  /** Months: 1, 6 or 12. */
  contractPeriod: number;
  groupVisits: number;
  age: number;
  additionalCharges: number;
  monthsToEndOfContract: number;
  lifetime: number;
  classFrequencyTotal: number;
  classFrequencyCurrentMonth: number;
  /** 1 = left in the following month. */
  churn: number;
}

export interface FitnessData {
  members: FitnessMember[];
  quality: QualityReport;
}

const fields = fitnessSchema.files[0].columns.map((c) => c.field);
const continuous = ["age", "additionalCharges", "lifetime", "classFrequencyTotal", "classFrequencyCurrentMonth"];

async function clean(connection: DuckDBConnection, source: InputSource): Promise<FitnessData> {
  const read = await readCase(connection, asCaseInput(source, "fitness"));
  const file = read.files.members.spec.file;
  const ref = {table: "members", file, line: `rowid + ${read.files.members.lineOffset}`};
  const duplicates = await exactDuplicates(connection, ref, {fields});
  const findings: Finding[] = [duplicates, await missingValues(connection, ref, fields)];
  for (const field of continuous) {
    const f = await robustOutliers(connection, ref, field, {subject: field});
    if (f.rows) findings.push(f);
  }
  const repairs: Repair[] = [];
  {
    repairs.push({id: "drop-exact-duplicates", file, action: "removed", rows: duplicates.rows,
      description: "Rows identical in every column to an earlier row are counted once.", examples: duplicates.examples});
  }
  await run(connection, `CREATE OR REPLACE TABLE members_clean AS
    SELECT rowid + ${read.files.members.lineOffset} AS line, ${fields.map(ident).join(", ")} FROM members
    QUALIFY row_number() OVER (PARTITION BY ${fields.map(ident).join(", ")} ORDER BY rowid) = 1 ORDER BY line`);
  const members = await queryRows<FitnessMember>(connection, `SELECT * FROM members_clean ORDER BY line`);
  const quality = buildReport("fitness", read, {
    findings, repairs,
    clean: {members: members.length},
    modelling: {unit: "members", rows: members.length},
    flow: [
      {stage: "Members read", rows: read.files.members.report.rows},
      {stage: "After removing exact duplicates", rows: members.length},
      {stage: "Used for modelling", rows: members.length}
    ]
  });
  return {members, quality};
}

/** Clean fitness members from DATA_DIR or resolved inputs (throws DataError on unusable input). */
export async function loadFitness(source: InputSource = settings.dataDir): Promise<FitnessData> {
  return withDatabase((connection) => clean(connection, source));
}
