/**
 * Fitness club churn: one row per member (the seed's gym_churn_us.csv). Only the target `churn` is
 * required of a mapped export; every other role is optional (a mapping may leave it out), and the
 * mapping may add columns of its own as extra features.
 */
import type {CaseSchema, ColumnSpec} from "../schema.ts";

const flag = (source: string, field: string, label: string, description?: string): ColumnSpec => ({
  source, field, label, type: "flag", min: 0, max: 1, description, optional: true
});

export const fitnessSchema: CaseSchema = {
  case: "fitness",
  files: [
    {
      file: "gym_churn_us.csv",
      table: "members",
      title: "Members",
      columns: [
        flag("gender", "gender", "Gender (0/1)"),
        flag("Near_Location", "nearLocation", "Lives or works near the club"),
        flag("Partner", "partner", "Employee of a partner company"),
        flag("Promo_friends", "promoFriends", "Joined through a friend's promo"),
        flag("Phone", "phone", "Gave a phone number"),
        {source: "Contract_period", field: "contractPeriod", label: "Contract period (months)", type: "integer", min: 1, max: 12, optional: true},
        flag("Group_visits", "groupVisits", "Attends group classes"),
        {source: "Age", field: "age", label: "Age", type: "integer", min: 14, max: 100, optional: true},
        {source: "Avg_additional_charges_total", field: "additionalCharges", label: "Spend on extra services", type: "number", min: 0, optional: true},
        {source: "Month_to_end_contract", field: "monthsToEndOfContract", label: "Months to end of contract", type: "number", min: 0, max: 12, optional: true},
        {source: "Lifetime", field: "lifetime", label: "Lifetime (months)", type: "integer", min: 0, max: 600, optional: true},
        {source: "Avg_class_frequency_total", field: "classFrequencyTotal", label: "Visits per week (all time)", type: "number", min: 0, max: 7 * 3, optional: true},
        {source: "Avg_class_frequency_current_month", field: "classFrequencyCurrentMonth", label: "Visits per week (current month)", type: "number", min: 0, max: 7 * 3, optional: true},
        {source: "Churn", field: "churn", label: "Left in the following month", type: "flag", min: 0, max: 1, target: true}
      ]
    }
  ]
};
