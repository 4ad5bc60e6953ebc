/**
 * Fitness case vocabulary, for any member table with a binary churn target: the features are every
 * column the inputs resolve (loaders/inputs/resolve.ts) except the target — the template's roles
 * present and the mapping's extra columns — each as a report FeatureSpec (label, kind, words for
 * group names); the hypotheses asked of them; and the design matrix the models and the clustering
 * use.
 *
 * Kind from the column: a known role keeps its vocabulary below (contract length as 1/6/12 months,
 * words for group names); an extra column's kind follows its type — flag → binary,
 * integer/number → continuous, category → one 0/1 design column per level (one-hot). Labels come
 * from the resolved column (the mapping's label); the vocabulary fills only what the mapping does
 * not say (a role whose label is still the template's gets the vocabulary's label).
 */
import type {ColumnSpec} from "../../io/schema.ts";
import {fitnessSchema} from "../../io/schemas/fitness.ts";
import type {HypothesisSpec} from "../../analysis/hypotheses.ts";
import type {FeatureSpec, TargetSpec} from "../../analysis/types.ts";

/** A clean member row: the export's line, the 0/1 target and one value per feature field. */
export interface FitnessMember {
  /** Line in the export (header = line 1). */
  line: number;
  /** 1 = left in the following month. */
  churn: number;
  [field: string]: number | string;
}

export const target: TargetSpec = {field: "churn", label: "churn", positive: "churned", negative: "stayed"};

const yesNo = {"0": "no", "1": "yes"};

type Words = Omit<FeatureSpec, "field">;

/** What the report knows about each template role (its label is used unless the mapping gave one). */
const ROLE_WORDS: Record<string, Words> = {
  gender: {label: "Gender (coded 0/1)", kind: "binary", short: "gender", high: "mostly gender 1", low: "mostly gender 0", levels: {"0": "0", "1": "1"}},
  nearLocation: {label: "Lives or works near the club", kind: "binary", short: "proximity", high: "local", low: "far from the club", levels: yesNo},
  partner: {label: "Employee of a partner company", kind: "binary", short: "partner programme", high: "partner-company staff", low: "not partner staff", levels: yesNo},
  promoFriends: {label: "Joined via a friend's promo", kind: "binary", short: "friend promo", high: "came with a friend", low: "no friend referral", levels: yesNo},
  phone: {label: "Phone number on file", kind: "binary", short: "phone", high: "phone on file", low: "no phone on file", levels: yesNo},
  contractPeriod: {label: "Contract length (months)", kind: "categorical", short: "contract length", high: "long contracts", low: "1-month contracts", levels: {"1": "1 month", "6": "6 months", "12": "12 months"}},
  groupVisits: {label: "Attends group classes", kind: "binary", short: "group classes", high: "group-class goers", low: "no group classes", levels: yesNo},
  age: {label: "Age (years)", kind: "continuous", short: "age", high: "older", low: "younger"},
  additionalCharges: {label: "Extra-services spend (avg, currency units)", kind: "continuous", short: "extra spend", high: "big spenders on extras", low: "low extra spend"},
  monthsToEndOfContract: {label: "Months to end of contract", kind: "continuous", short: "months left", high: "many months left", low: "contract ending soon"},
  lifetime: {label: "Lifetime (months since first visit)", kind: "continuous", short: "lifetime", high: "long-standing", low: "newcomers"},
  classFrequencyTotal: {label: "Visits per week (all time)", kind: "continuous", short: "visit frequency", high: "frequent visitors", low: "infrequent visitors"},
  classFrequencyCurrentMonth: {label: "Visits per week (this month)", kind: "continuous", short: "visits this month", high: "frequent this month", low: "few visits this month"}
};

/** The template's questions (issue 5), in the order the Hypotheses page lists them; the label is the vocabulary's unless the mapping gave one. */
const ROLE_QUESTIONS: {field: string; label: string; question: string}[] = [
  {field: "classFrequencyCurrentMonth", label: "Visits per week (this month)", question: "Do members who churn visit less often this month?"},
  {field: "classFrequencyTotal", label: "Visits per week (all time)", question: "Do members who churn visit less often over their whole membership?"},
  {field: "lifetime", label: "Lifetime (months)", question: "Do members who churn have a shorter lifetime at the club?"},
  {field: "age", label: "Age (years)", question: "Are members who churn of a different age?"},
  {field: "additionalCharges", label: "Extra-services spend", question: "Do members who churn spend differently on extra services?"},
  {field: "contractPeriod", label: "Contract length", question: "Does churn depend on contract length (1, 6, 12 months)?"},
  {field: "partner", label: "Partner programme", question: "Does churn differ between partner-company staff and others?"},
  {field: "promoFriends", label: "Friend promo", question: "Does churn differ for members who joined through a friend's promo?"},
  {field: "groupVisits", label: "Group classes", question: "Does churn differ between members who attend group classes and those who do not?"}
];

const templateLabel = new Map(fitnessSchema.files[0].columns.map((c) => [c.field, c.label]));

/** The mapping's label for a column, or null when the column still carries the template's own. */
function mappedLabel(col: ColumnSpec): string | null {
  return col.extra || col.label !== templateLabel.get(col.field) ? col.label : null;
}

/** A feature column of the member table (one clean-row field) and how the report reads it. */
export interface MemberColumn {
  field: string;
  label: string;
  kind: FeatureSpec["kind"];
  /** True for a template role, false for a column the mapping adds. */
  role: boolean;
}

/** Levels of a categorical extra column, sorted as the one-hot encoder sorts them. */
export type Levels = Record<string, string[]>;

/** Everything the analysis needs to know about the member table's columns. */
export interface FitnessFeatures {
  /** The table's feature columns (everything but the target), template roles first. */
  columns: MemberColumn[];
  /** Design-matrix columns: one per column, one per level of a categorical extra (`source` = its column's field and `sourceLabel` its label, `level` its value). */
  features: (FeatureSpec & {source: string; sourceLabel: string; level?: string})[];
  hypotheses: HypothesisSpec[];
  /** Template roles present (fields). */
  roles: Set<string>;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The member table's columns from the resolved inputs (the target left out). */
export function memberColumns(specs: readonly ColumnSpec[]): MemberColumn[] {
  return specs.filter((c) => !c.target).map((c) => {
    const known = c.extra ? undefined : ROLE_WORDS[c.field];
    const kind: FeatureSpec["kind"] = known?.kind ?? (c.type === "flag" || c.labelsFor === "flag" ? "binary" : c.type === "category" ? "categorical" : "continuous");
    return {field: c.field, label: mappedLabel(c) ?? known?.label ?? c.label, kind, role: !c.extra};
  });
}

/** Features, hypotheses and roles for the member table; `levels` = the values each categorical extra takes. */
export function fitnessFeatures(columns: readonly MemberColumn[], levels: Levels): FitnessFeatures {
  const features: FitnessFeatures["features"] = columns.flatMap((c): FitnessFeatures["features"] => {
    const known = c.role ? ROLE_WORDS[c.field] : undefined;
    if (known) return [{...known, field: c.field, label: c.label, source: c.field, sourceLabel: c.label}];
    const short = lower(c.label);
    if (c.kind === "categorical") {
      return (levels[c.field] ?? []).map((level) => ({
        field: `${c.field}=${level}`, source: c.field, sourceLabel: c.label, level, label: `${c.label}: ${level}`, kind: "binary" as const,
        short: `${short} ${level}`, high: `mostly ${short} ${level}`, low: `rarely ${short} ${level}`, levels: yesNo
      }));
    }
    if (c.kind === "binary") return [{field: c.field, source: c.field, sourceLabel: c.label, label: c.label, kind: "binary" as const, short, high: `mostly ${short}`, low: `rarely ${short}`, levels: yesNo}];
    return [{field: c.field, source: c.field, sourceLabel: c.label, label: c.label, kind: "continuous" as const, short}];
  });
  const byField = new Map(columns.map((c) => [c.field, c]));
  const known = ROLE_QUESTIONS.filter((q) => byField.get(q.field)?.role).map((q) => {
    const col = byField.get(q.field)!;
    return {field: q.field, label: col.label === ROLE_WORDS[q.field].label ? q.label : col.label, kind: col.kind, question: q.question};
  });
  const extra = columns.filter((c) => !c.role).map((c) => ({field: c.field, label: c.label, kind: c.kind, question: `Does churn differ by ${lower(c.label)}?`}));
  return {columns: [...columns], features, hypotheses: [...known, ...extra], roles: new Set(columns.filter((c) => c.role).map((c) => c.field))};
}

/** Feature matrix (rows × design columns, in `features` order; one-hot columns 0/1) and target. */
export function design(members: readonly FitnessMember[], features: FitnessFeatures["features"]): {X: number[][]; y: number[]} {
  return {
    X: members.map((m) => features.map((f) => (f.level === undefined ? Number(m[f.field]) : String(m[f.source]) === f.level ? 1 : 0))),
    y: members.map((m) => Number(m.churn))
  };
}

/** The records the exploration reads: one numeric value per design column, plus the target. */
export function designRows(X: readonly number[][], y: readonly number[], features: FitnessFeatures["features"]): Record<string, number>[] {
  return X.map((row, i) => Object.fromEntries([...features.map((f, j) => [f.field, row[j]]), [target.field, y[i]]]));
}
