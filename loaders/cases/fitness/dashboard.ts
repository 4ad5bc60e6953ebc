/**
 * Fitness on the overview (dashboard.json): members, churn share and members at high risk, filtered
 * by contract length (when the table has it) and member group. High risk is the rule One Click uses
 * too: the churn model, scoring each member out of fold, finds leaving more likely than not.
 */
import {caseById} from "../registry.ts";
import {dashboardCube, levelsOf, type Dashboard, type DimensionSpec} from "../../analysis/dashboard.ts";
import type {FitnessMember, MemberColumn} from "./features.ts";
import type {FitnessAnalysis} from "../fitness.ts";

/** Out-of-fold probability from which a member counts as at high risk. */
export const HIGH_RISK = 0.5;

export interface FitnessDashboardInput {
  members: readonly FitnessMember[];
  /** Out-of-fold churn probability per member (members' order). */
  probability: readonly number[];
  /** Member group per member (index into groupNames). */
  group: readonly number[];
  groupNames: readonly string[];
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
      id: "contract", label: contract.label,
      levels: levelsOf(members.map((m) => String(m[contract.field])), (v) => `${v} month${v === "1" ? "" : "s"}`, (a, b) => Number(a) - Number(b)),
      of: (r: Row) => String(r.member[contract.field])
    }] : []),
    {id: "group", label: "Member group", levels: groupNames.map((name, k) => ({value: String(k), label: `${k + 1}. ${name}`})), of: (r) => String(r.group)}
  ];
  const cube = dashboardCube(rows, dimensions, {
    churned: (r) => r.member.churn,
    highRisk: (r) => Number(r.probability >= HIGH_RISK)
  });
  const {title, question} = caseById("fitness");
  return {
    title,
    question,
    unit: "members",
    period: null,
    periodNote: "one snapshot, no dates",
    kpis: [
      {label: "Members", measure: null, show: "count", unit: "members", note: "in the member table"},
      {label: "Churn share", measure: "churned", show: "share", unit: "members", note: "left in the following month"},
      {label: "Members at high risk", measure: "highRisk", show: "count", unit: "members", note: `churn model: leaving more likely than not (probability ≥ ${HIGH_RISK * 100} %)`}
    ],
    atRisk: {label: "at high risk", measure: "highRisk", rule: "model: leaving more likely than not", definition: `members the churn model, scoring each member without having seen them (out of fold), finds more likely to leave next month than not (probability ≥ ${HIGH_RISK * 100} %)`, fixedShare: null},
    valueAtRisk: null,
    cube
  };
}

/** The dashboard from the case's analysis: out-of-fold probabilities and the chosen member groups. */
export function fitnessDashboardOf(members: readonly FitnessMember[], a: Pick<FitnessAnalysis, "oof" | "labels" | "groups" | "features">): Dashboard {
  const solution = a.groups.solutions.find((s) => s.k === a.groups.chosenK)!;
  return fitnessDashboard({members, probability: a.oof, group: a.labels, groupNames: solution.clusters.map((c) => c.name), columns: a.features.columns});
}
