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
      titleRu: "Клиенты",
      columns: [
        {...flag("gender", "gender", "Gender (0/1)"), synonyms: ["sex", "пол", "gender"]},
        {...flag("Near_Location", "nearLocation", "Lives or works near the club"), synonyms: ["near location", "lives near", "nearby", "near club", "рядом", "живёт рядом", "рядом с клубом", "близко к клубу", "проживает рядом"]},
        {...flag("Partner", "partner", "Employee of a partner company"), synonyms: ["partner company", "partner employee", "corporate", "сотрудник партнёра", "сотрудник компании-партнёра", "партнёр", "корпоративный клиент"]},
        {...flag("Promo_friends", "promoFriends", "Joined through a friend's promo"), synonyms: ["promo friends", "friend promo", "referral", "referred by friend", "invited by friend", "приведи друга", "акция приведи друга", "по приглашению друга", "промо друзья", "реферал"]},
        {...flag("Phone", "phone", "Gave a phone number"), synonyms: ["phone given", "has phone", "phone provided", "телефон", "есть телефон", "оставил телефон"]},
        {source: "Contract_period", field: "contractPeriod", label: "Contract period (months)", type: "integer", min: 1, max: 12, optional: true, synonyms: ["contract length", "contract months", "contract", "subscription length", "membership length", "срок абонемента", "длительность абонемента", "срок договора", "абонемент месяцев"]},
        {...flag("Group_visits", "groupVisits", "Attends group classes"), synonyms: ["group classes", "group visits", "group sessions", "групповые занятия", "групповые посещения", "групповые тренировки"]},
        {source: "Age", field: "age", label: "Age", type: "integer", min: 14, max: 100, optional: true, synonyms: ["age", "years", "возраст", "лет"]},
        {source: "Avg_additional_charges_total", field: "additionalCharges", label: "Spend on extra services", type: "number", min: 0, optional: true, synonyms: ["additional charges", "extra spend", "extra services spend", "add-on spend", "доп траты", "дополнительные траты", "траты на доп услуги", "выручка от доп услуг", "доп услуги"]},
        {source: "Month_to_end_contract", field: "monthsToEndOfContract", label: "Months to end of contract", type: "number", min: 0, max: 12, optional: true, synonyms: ["months to end", "months left", "months remaining", "months to contract end", "до конца абонемента", "месяцев до конца абонемента", "месяцев до окончания договора", "осталось месяцев"]},
        {source: "Lifetime", field: "lifetime", label: "Lifetime (months)", type: "integer", min: 0, max: 600, optional: true, synonyms: ["lifetime", "tenure", "tenure months", "months since first visit", "время жизни", "лайфтайм", "стаж", "срок членства", "месяцев с первого визита"]},
        {source: "Avg_class_frequency_total", field: "classFrequencyTotal", label: "Visits per week (all time)", type: "number", min: 0, max: 7 * 3, optional: true, synonyms: ["class frequency", "visit frequency", "visits per week", "avg visits per week", "частота посещений", "посещений в неделю", "средняя частота посещений", "частота посещений за всё время"]},
        {source: "Avg_class_frequency_current_month", field: "classFrequencyCurrentMonth", label: "Visits per week (current month)", type: "number", min: 0, max: 7 * 3, optional: true, synonyms: ["visits per week this month", "frequency current month", "class frequency current month", "частота посещений за месяц", "посещений в неделю за месяц", "частота посещений в текущем месяце", "посещений в неделю в текущем месяце"]},
        {source: "Churn", field: "churn", label: "Left in the following month", type: "flag", min: 0, max: 1, target: true, synonyms: ["churn", "churned", "left", "exited", "cancelled", "отток", "ушёл", "ушел", "факт оттока", "ушёл в следующем месяце"]}
      ]
    }
  ]
};
