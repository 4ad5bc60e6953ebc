/** Fitness club churn: one row per member (gym_churn_us.csv). */
import type {CaseSchema, ColumnSpec} from "../schema.ts";

const flag = (source: string, field: string, label: string, description?: string): ColumnSpec => ({
  source, field, label, type: "flag", min: 0, max: 1, description
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
        {source: "Contract_period", field: "contractPeriod", label: "Contract period (months)", type: "integer", min: 1, max: 12},
        flag("Group_visits", "groupVisits", "Attends group classes"),
        {source: "Age", field: "age", label: "Age", type: "integer", min: 14, max: 100},
        {source: "Avg_additional_charges_total", field: "additionalCharges", label: "Spend on extra services", type: "number", min: 0},
        {source: "Month_to_end_contract", field: "monthsToEndOfContract", label: "Months to end of contract", type: "number", min: 0, max: 12},
        {source: "Lifetime", field: "lifetime", label: "Lifetime (months)", type: "integer", min: 0, max: 600},
        {source: "Avg_class_frequency_total", field: "classFrequencyTotal", label: "Visits per week (all time)", type: "number", min: 0, max: 7 * 3},
        {source: "Avg_class_frequency_current_month", field: "classFrequencyCurrentMonth", label: "Visits per week (current month)", type: "number", min: 0, max: 7 * 3},
        {...flag("Churn", "churn", "Left in the following month"), target: true}
      ]
    }
  ]
};
