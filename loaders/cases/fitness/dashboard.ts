/**
 * Fitness on the overview (dashboard.json): members, churn share and members at high risk, filtered
 * by contract length (when the table has it) and member group. High risk is the rule One Click uses
 * too: the churn model, scoring each member out of fold, finds leaving more likely than not.
 */
import {caseById} from "../registry.ts";
import {dashboardCube, levelsOf, type Dashboard, type DimensionSpec} from "../../analysis/dashboard.ts";
import type {FitnessMember, MemberColumn} from "./features.ts";
import type {FitnessAnalysis} from "../fitness.ts";
import type {Text} from "../../../src/components/i18n.ts";
import {formats} from "../../../src/components/format.ts";
import {nouns} from "../../../src/components/glossary.ts";
import {russianLabels} from "../../inputs/glossary.ts";

/** Out-of-fold probability from which a member counts as at high risk. */
export const HIGH_RISK = 0.5;

export interface FitnessDashboardInput {
  members: readonly FitnessMember[];
  /** Out-of-fold churn probability per member (members' order). */
  probability: readonly number[];
  /** Member group per member (index into groupNames). */
  group: readonly number[];
  groupNames: readonly (string | Text)[];
  /** The table's feature columns: contract length is a filter when one of them is the contractPeriod role. */
  columns: readonly MemberColumn[];
}

interface Row {
  member: FitnessMember;
  probability: number;
  group: number;
}

export function fitnessDashboard({members, probability, group, groupNames, columns}: FitnessDashboardInput): Dashboard {
  const rows: Row[] = members.map((member, i) => ({member, probability: probability[i], group: group[i]}));
  const contract = columns.find((c) => c.role && c.field === "contractPeriod");
  const dimensions: DimensionSpec<Row>[] = [
    ...(contract ? [{
      // The template's Russian label unless the mapping renamed the column (then its own words in both).
      id: "contract", label: {en: contract.label, ru: contract.label === "Contract length (months)" ? russianLabels.contractPeriod ?? contract.label : contract.label},
      levels: levelsOf(members.map((m) => String(m[contract.field])), (v) => ({en: `${v} month${v === "1" ? "" : "s"}`, ru: formats("ru").plural(Number(v), "месяц", "месяца", "месяцев")}), (a, b) => Number(a) - Number(b)),
      of: (r: Row) => String(r.member[contract.field])
    }] : []),
    {id: "group", label: {en: "Member group", ru: "Группа клиентов"}, levels: groupNames.map((name, k) => ({value: String(k), label: typeof name === "string" ? `${k + 1}. ${name}` : {en: `${k + 1}. ${name.en}`, ru: `${k + 1}. ${name.ru}`}})), of: (r) => String(r.group)}
  ];
  const cube = dashboardCube(rows, dimensions, {
    churned: (r) => r.member.churn,
    highRisk: (r) => Number(r.probability >= HIGH_RISK)
  });
  const {title, question} = caseById("fitness");
  return {
    title,
    question,
    unit: nouns.member,
    period: null,
    periodNote: {en: "one snapshot, no dates", ru: "один срез, без дат"},
    kpis: [
      {label: {en: "Members", ru: "Клиенты"}, measure: null, show: "count", unit: nouns.member, note: {en: "in the member table", ru: "в таблице клиентов"}},
      {label: {en: "Churn share", ru: "Доля ушедших"}, measure: "churned", show: "share", unit: nouns.member, note: {en: "left in the following month", ru: "ушли в следующем месяце"}},
      {label: {en: "Members at high risk", ru: "Клиенты с высоким риском"}, measure: "highRisk", show: "count", unit: nouns.member,
        note: {en: `churn model: leaving more likely than not (probability ≥ ${HIGH_RISK * 100} %)`, ru: `модель оттока: уход вероятнее, чем нет (вероятность ≥ ${formats("ru").pct(HIGH_RISK, 0)})`}}
    ],
    atRisk: {label: {en: "at high risk", ru: "с высоким риском"}, measure: "highRisk", rule: {en: "model: leaving more likely than not", ru: "модель: уход вероятнее, чем нет"},
      definition: {
        en: `members the churn model, scoring each member without having seen them (out of fold), finds more likely to leave next month than not (probability ≥ ${HIGH_RISK * 100} %)`,
        ru: `клиенты, которых модель оттока, оценивая каждого без его участия в обучении (вне блока), считает скорее уходящими в следующем месяце, чем нет (вероятность ≥ ${formats("ru").pct(HIGH_RISK, 0)})`
      }, fixedShare: null},
    valueAtRisk: null,
    cube
  };
}

/** The dashboard from the case's analysis: out-of-fold probabilities and the chosen member groups. */
export function fitnessDashboardOf(members: readonly FitnessMember[], a: Pick<FitnessAnalysis, "oof" | "labels" | "groups" | "features">): Dashboard {
  const solution = a.groups.solutions.find((s) => s.k === a.groups.chosenK)!;
  return fitnessDashboard({members, probability: a.oof, group: a.labels, groupNames: solution.clusters.map((c) => c.names ?? c.name), columns: a.features.columns});
}
