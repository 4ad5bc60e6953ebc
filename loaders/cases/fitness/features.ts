/**
 * Fitness case vocabulary: the churn target, every member feature as a report FeatureSpec (label
 * with unit, kind, words for group names), the hypotheses asked of the data, and the design
 * matrix the models and the clustering use (all 13 features as numbers, contract length in months).
 */
import type {FitnessMember} from "../../clean/fitness.ts";
import type {HypothesisSpec} from "../../report/hypotheses.ts";
import type {FeatureSpec, TargetSpec} from "../../report/types.ts";

export type FeatureField = Exclude<keyof FitnessMember, "line" | "churn">;

export const target: TargetSpec = {field: "churn", label: "churn", positive: "churned", negative: "stayed"};

const yesNo = {"0": "no", "1": "yes"};

export const features: (FeatureSpec & {field: FeatureField})[] = [
  {field: "gender", label: "Gender (coded 0/1)", kind: "binary", short: "gender", high: "mostly gender 1", low: "mostly gender 0", levels: {"0": "0", "1": "1"}},
  {field: "nearLocation", label: "Lives or works near the club", kind: "binary", short: "proximity", high: "local", low: "far from the club", levels: yesNo},
  {field: "partner", label: "Employee of a partner company", kind: "binary", short: "partner programme", high: "partner-company staff", low: "not partner staff", levels: yesNo},
  {field: "promoFriends", label: "Joined via a friend's promo", kind: "binary", short: "friend promo", high: "came with a friend", low: "no friend referral", levels: yesNo},
  {field: "phone", label: "Phone number on file", kind: "binary", short: "phone", high: "phone on file", low: "no phone on file", levels: yesNo},
  {field: "contractPeriod", label: "Contract length (months)", kind: "categorical", short: "contract length", high: "long contracts", low: "1-month contracts", levels: {"1": "1 month", "6": "6 months", "12": "12 months"}},
  {field: "groupVisits", label: "Attends group classes", kind: "binary", short: "group classes", high: "group-class goers", low: "no group classes", levels: yesNo},
  {field: "age", label: "Age (years)", kind: "continuous", short: "age", high: "older", low: "younger"},
  {field: "additionalCharges", label: "Extra-services spend (avg, currency units)", kind: "continuous", short: "extra spend", high: "big spenders on extras", low: "low extra spend"},
  {field: "monthsToEndOfContract", label: "Months to end of contract", kind: "continuous", short: "months left", high: "many months left", low: "contract ending soon"},
  {field: "lifetime", label: "Lifetime (months since first visit)", kind: "continuous", short: "lifetime", high: "long-standing", low: "newcomers"},
  {field: "classFrequencyTotal", label: "Visits per week (all time)", kind: "continuous", short: "visit frequency", high: "frequent visitors", low: "infrequent visitors"},
  {field: "classFrequencyCurrentMonth", label: "Visits per week (this month)", kind: "continuous", short: "visits this month", high: "frequent this month", low: "few visits this month"}
];

export const featureByField = new Map(features.map((f) => [f.field, f]));

/** The questions of the Hypotheses page (issue 5): churned vs stayed on each. */
export const hypotheses: HypothesisSpec[] = [
  {field: "classFrequencyCurrentMonth", label: "Visits per week (this month)", kind: "continuous", question: "Do members who churn visit less often this month?"},
  {field: "classFrequencyTotal", label: "Visits per week (all time)", kind: "continuous", question: "Do members who churn visit less often over their whole membership?"},
  {field: "lifetime", label: "Lifetime (months)", kind: "continuous", question: "Do members who churn have a shorter lifetime at the club?"},
  {field: "age", label: "Age (years)", kind: "continuous", question: "Are members who churn of a different age?"},
  {field: "additionalCharges", label: "Extra-services spend", kind: "continuous", question: "Do members who churn spend differently on extra services?"},
  {field: "contractPeriod", label: "Contract length", kind: "categorical", question: "Does churn depend on contract length (1, 6, 12 months)?"},
  {field: "partner", label: "Partner programme", kind: "binary", question: "Does churn differ between partner-company staff and others?"},
  {field: "promoFriends", label: "Friend promo", kind: "binary", question: "Does churn differ for members who joined through a friend's promo?"},
  {field: "groupVisits", label: "Group classes", kind: "binary", question: "Does churn differ between members who attend group classes and those who do not?"}
];

/** Feature matrix (rows × 13, in `features` order) and target. */
export function design(members: readonly FitnessMember[]): {X: number[][]; y: number[]} {
  return {
    X: members.map((m) => features.map((f) => Number(m[f.field]))),
    y: members.map((m) => Number(m.churn))
  };
}
