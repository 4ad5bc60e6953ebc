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
import {russianLabels} from "../../inputs/glossary.ts";
import {tr} from "../../../src/components/i18n.ts";
import {columnLabel, type ColumnSpec} from "../../io/schema.ts";
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

/** The target's words in Russian (the English ones are matched on in code): the outcome groups as nouns («ушедшие», «оставшиеся»). */
export const targetRu: Omit<TargetSpec, "field"> = {label: "отток", positive: "ушедшие", negative: "оставшиеся"};
export const target: TargetSpec & {ru: typeof targetRu} = {field: "churn", label: "churn", positive: "churned", negative: "stayed", ru: targetRu};

const yesNo = {"0": "no", "1": "yes"};
const yesNoRu = {"0": "нет", "1": "да"};

type Words = Omit<FeatureSpec, "field">;
/** A feature's words in Russian: label, short noun, group-name words and level labels. */
export type WordsRu = Pick<FeatureSpec, "label" | "short" | "high" | "low" | "levels">;

/** What the report knows about each template role (its label is used unless the mapping gave one). */
const ROLE_WORDS: Record<string, Words & {ru: WordsRu}> = {
  gender: {label: "Gender (coded 0/1)", kind: "binary", short: "gender", high: "mostly gender 1", low: "mostly gender 0", levels: {"0": "0", "1": "1"},
    ru: {label: "Пол (код 0/1)", short: "пол", high: "в основном пол 1", low: "в основном пол 0", levels: {"0": "0", "1": "1"}}},
  nearLocation: {label: "Lives or works near the club", kind: "binary", short: "proximity", high: "local", low: "far from the club", levels: yesNo,
    ru: {label: "Живёт или работает рядом с клубом", short: "близость к клубу", high: "живут рядом", low: "далеко от клуба", levels: yesNoRu}},
  partner: {label: "Employee of a partner company", kind: "binary", short: "partner programme", high: "partner-company staff", low: "not partner staff", levels: yesNo,
    ru: {label: "Сотрудник компании-партнёра", short: "партнёрская программа", high: "сотрудники партнёров", low: "не сотрудники партнёров", levels: yesNoRu}},
  promoFriends: {label: "Joined via a friend's promo", kind: "binary", short: "friend promo", high: "came with a friend", low: "no friend referral", levels: yesNo,
    ru: {label: "Пришёл по акции «Приведи друга»", short: "акция «Приведи друга»", high: "пришли с другом", low: "без приглашения друга", levels: yesNoRu}},
  phone: {label: "Phone number on file", kind: "binary", short: "phone", high: "phone on file", low: "no phone on file", levels: yesNo,
    ru: {label: "Оставил телефон", short: "телефон", high: "оставили телефон", low: "без телефона", levels: yesNoRu}},
  contractPeriod: {label: "Contract length (months)", kind: "categorical", short: "contract length", high: "long contracts", low: "1-month contracts", levels: {"1": "1 month", "6": "6 months", "12": "12 months"},
    ru: {label: "Срок абонемента (мес.)", short: "срок абонемента", high: "длинные абонементы", low: "абонементы на 1 месяц", levels: {"1": "1 месяц", "6": "6 месяцев", "12": "12 месяцев"}}},
  groupVisits: {label: "Attends group classes", kind: "binary", short: "group classes", high: "group-class goers", low: "no group classes", levels: yesNo,
    ru: {label: "Ходит на групповые занятия", short: "групповые занятия", high: "ходят на групповые занятия", low: "без групповых занятий", levels: yesNoRu}},
  age: {label: "Age (years)", kind: "continuous", short: "age", high: "older", low: "younger",
    ru: {label: "Возраст (лет)", short: "возраст", high: "старше", low: "моложе"}},
  additionalCharges: {label: "Extra-services spend (avg, currency units)", kind: "continuous", short: "extra spend", high: "big spenders on extras", low: "low extra spend",
    ru: {label: "Траты на доп. услуги (в среднем, ден. ед.)", short: "траты на доп. услуги", high: "много тратят на доп. услуги", low: "мало тратят на доп. услуги"}},
  monthsToEndOfContract: {label: "Months to end of contract", kind: "continuous", short: "months left", high: "many months left", low: "contract ending soon",
    ru: {label: "Месяцев до конца абонемента", short: "месяцев до конца абонемента", high: "абонемент надолго", low: "абонемент скоро кончается"}},
  lifetime: {label: "Lifetime (months since first visit)", kind: "continuous", short: "lifetime", high: "long-standing", low: "newcomers",
    ru: {label: "Время с первого визита (мес.)", short: "время с первого визита", high: "давние клиенты", low: "новички"}},
  classFrequencyTotal: {label: "Visits per week (all time)", kind: "continuous", short: "visit frequency", high: "frequent visitors", low: "infrequent visitors",
    ru: {label: "Посещений в неделю (за всё время)", short: "частота посещений", high: "ходят часто", low: "ходят редко"}},
  classFrequencyCurrentMonth: {label: "Visits per week (this month)", kind: "continuous", short: "visits this month", high: "frequent this month", low: "few visits this month",
    ru: {label: "Посещений в неделю (в этом месяце)", short: "посещения в этом месяце", high: "часто ходят в этом месяце", low: "мало ходят в этом месяце"}}
};

/** The template's questions (issue 5), in the order the Hypotheses page lists them; the label is the vocabulary's unless the mapping gave one. */
const ROLE_QUESTIONS: {field: string; label: string; question: string; ru: {label: string; question: string}}[] = [
  {field: "classFrequencyCurrentMonth", label: "Visits per week (this month)", question: "Do members who churn visit less often this month?",
    ru: {label: "Посещений в неделю (в этом месяце)", question: "Реже ли ходят в этом месяце клиенты, которые уходят?"}},
  {field: "classFrequencyTotal", label: "Visits per week (all time)", question: "Do members who churn visit less often over their whole membership?",
    ru: {label: "Посещений в неделю (за всё время)", question: "Реже ли ходят клиенты, которые уходят, за всё время членства?"}},
  {field: "lifetime", label: "Lifetime (months)", question: "Do members who churn have a shorter lifetime at the club?",
    ru: {label: "Время с первого визита (мес.)", question: "Меньше ли времени в клубе у клиентов, которые уходят?"}},
  {field: "age", label: "Age (years)", question: "Are members who churn of a different age?",
    ru: {label: "Возраст (лет)", question: "Отличается ли возраст клиентов, которые уходят?"}},
  {field: "additionalCharges", label: "Extra-services spend", question: "Do members who churn spend differently on extra services?",
    ru: {label: "Траты на доп. услуги", question: "Иначе ли тратят на доп. услуги клиенты, которые уходят?"}},
  {field: "contractPeriod", label: "Contract length", question: "Does churn depend on contract length (1, 6, 12 months)?",
    ru: {label: "Срок абонемента", question: "Зависит ли отток от срока абонемента (1, 6, 12 месяцев)?"}},
  {field: "partner", label: "Partner programme", question: "Does churn differ between partner-company staff and others?",
    ru: {label: "Партнёрская программа", question: "Различается ли отток у сотрудников компаний-партнёров и остальных?"}},
  {field: "promoFriends", label: "Friend promo", question: "Does churn differ for members who joined through a friend's promo?",
    ru: {label: "Акция «Приведи друга»", question: "Иной ли отток у клиентов, пришедших по акции «Приведи друга»?"}},
  {field: "groupVisits", label: "Group classes", question: "Does churn differ between members who attend group classes and those who do not?",
    ru: {label: "Групповые занятия", question: "Различается ли отток у тех, кто ходит на групповые занятия, и у тех, кто не ходит?"}}
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
  /** The label in Russian: the mapping's, else the vocabulary's, else the template's, else the export's header. */
  labelRu: string;
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
  features: (FeatureSpec & {source: string; sourceLabel: string; level?: string; ru: WordsRu & {sourceLabel: string}})[];
  hypotheses: (HypothesisSpec & {ru: {label: string; question: string}})[];
  /** Template roles present (fields). */
  roles: Set<string>;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** The member table's columns from the resolved inputs (the target left out). */
export function memberColumns(specs: readonly ColumnSpec[]): MemberColumn[] {
  return specs.filter((c) => !c.target).map((c) => {
    const known = c.extra ? undefined : ROLE_WORDS[c.field];
    const kind: FeatureSpec["kind"] = known?.kind ?? (c.type === "flag" || c.labelsFor === "flag" ? "binary" : c.type === "category" ? "categorical" : "continuous");
    const mapped = mappedLabel(c);
    // As in English: a Russian label equal to the template's own (what `npm run init` proposes) is the vocabulary's.
    const ownRu = c.labelRu !== undefined && c.labelRu !== russianLabels[c.field] ? c.labelRu : undefined;
    const labelRu = ownRu ?? (mapped === null ? known?.ru.label : undefined) ?? columnLabel(c).ru;
    return {field: c.field, label: mapped ?? known?.label ?? c.label, labelRu, kind, role: !c.extra};
  });
}

/** Features, hypotheses and roles for the member table; `levels` = the values each categorical extra takes. */
export function fitnessFeatures(columns: readonly MemberColumn[], levels: Levels): FitnessFeatures {
  const features: FitnessFeatures["features"] = columns.flatMap((c): FitnessFeatures["features"] => {
    const known = c.role ? ROLE_WORDS[c.field] : undefined;
    const short = lower(c.label), shortRu = lower(c.labelRu);
    if (known) {
      const {ru, ...words} = known;
      return [{...words, field: c.field, label: c.label, source: c.field, sourceLabel: c.label, ru: {...ru, label: c.labelRu, sourceLabel: c.labelRu}}];
    }
    if (c.kind === "categorical") {
      return (levels[c.field] ?? []).map((level) => ({
        field: `${c.field}=${level}`, source: c.field, sourceLabel: c.label, level, label: `${c.label}: ${level}`, kind: "binary" as const,
        short: `${short} ${level}`, high: `mostly ${short} ${level}`, low: `rarely ${short} ${level}`, levels: yesNo,
        ru: {label: `${c.labelRu}: ${level}`, sourceLabel: c.labelRu, short: `${shortRu} ${level}`, high: `чаще всего ${shortRu} ${level}`, low: `редко ${shortRu} ${level}`, levels: yesNoRu}
      }));
    }
    if (c.kind === "binary") {
      return [{field: c.field, source: c.field, sourceLabel: c.label, label: c.label, kind: "binary" as const, short, high: `mostly ${short}`, low: `rarely ${short}`, levels: yesNo,
        ru: {label: c.labelRu, sourceLabel: c.labelRu, short: shortRu, high: `в основном «${shortRu}»`, low: `редко «${shortRu}»`, levels: yesNoRu}}];
    }
    // A number of the analyst's own: group names say "high …"/"low …" (loaders/analysis/clusters.ts).
    return [{field: c.field, source: c.field, sourceLabel: c.label, label: c.label, kind: "continuous" as const, short,
      ru: {label: c.labelRu, sourceLabel: c.labelRu, short: shortRu, high: `${shortRu} выше среднего`, low: `${shortRu} ниже среднего`}}];
  });
  const byField = new Map(columns.map((c) => [c.field, c]));
  const known = ROLE_QUESTIONS.filter((q) => byField.get(q.field)?.role).map((q) => {
    const col = byField.get(q.field)!;
    const vocabulary = col.label === ROLE_WORDS[q.field].label;
    return {field: q.field, label: vocabulary ? q.label : col.label, kind: col.kind, question: q.question,
      ru: {label: col.labelRu === ROLE_WORDS[q.field].ru.label ? q.ru.label : col.labelRu, question: q.ru.question}};
  });
  const extra = columns.filter((c) => !c.role).map((c) => ({field: c.field, label: c.label, kind: c.kind, question: `Does churn differ by ${lower(c.label)}?`,
    ru: {label: c.labelRu, question: `Различается ли отток по признаку «${c.labelRu}»?`}}));
  return {columns: [...columns], features, hypotheses: [...known, ...extra], roles: new Set(columns.filter((c) => c.role).map((c) => c.field))};
}

/** Feature matrix (rows × design columns, in `features` order; one-hot columns 0/1) and target. */
export function design(members: readonly FitnessMember[], features: FitnessFeatures["features"]): {X: number[][]; y: number[]} {
  return {
    X: members.map((m) => features.map((f) => (f.level === undefined ? Number(m[f.field]) : String(m[f.source]) === f.level ? 1 : 0))),
    y: members.map((m) => Number(m.churn))
  };
}

/**
 * The report's English words for the member table (labels, short nouns, group-name words, level
 * labels, questions, the target's words) and their Russian: `fitness/localize.ts` turns the labels
 * the shared analysis writes in English into texts in both languages.
 */
export function russianWords(spec: Pick<FitnessFeatures, "features" | "hypotheses">): Map<string, string> {
  const words = new Map<string, string>([[target.label, targetRu.label], [target.positive, targetRu.positive], [target.negative, targetRu.negative]]);
  const add = (en: string | undefined, ru: string | undefined) => { if (en && ru && !words.has(en)) words.set(en, ru); };
  for (const f of spec.features) {
    add(f.label, f.ru.label);
    add(f.sourceLabel, f.ru.sourceLabel);
    add(f.short, f.ru.short);
    add(f.high ?? (f.short && `high ${f.short}`), f.ru.high);
    add(f.low ?? (f.short && `low ${f.short}`), f.ru.low);
    for (const [level, label] of Object.entries(f.levels ?? {})) add(label, f.ru.levels?.[level]);
  }
  for (const h of spec.hypotheses) {
    add(tr(h.label, "en"), h.ru.label);
    add(tr(h.question, "en"), h.ru.question);
  }
  return words;
}

/** The records the exploration reads: one numeric value per design column, plus the target. */
export function designRows(X: readonly number[][], y: readonly number[], features: FitnessFeatures["features"]): Record<string, number>[] {
  return X.map((row, i) => Object.fromEntries([...features.map((f, j) => [f.field, row[j]]), [target.field, y[i]]]));
}
