/**
 * A/B tests (experiment case): who took part in which test and group, when each user signed up and
 * where, what they did, and (optional) the marketing calendar. Several tests may share one export.
 * Group labels are read as text: labels other than the plan's two groups are counted and shown on
 * the Validity page, never dropped silently. Event names are text too: the funnel's steps come from
 * the plan (experiment-plan.json) or, without one, from the data.
 */
import type {CaseSchema} from "../schema.ts";

const userId = (file: string) => ({source: "user_id", field: "userId", label: "User id", type: "text" as const, customerId: true,
  synonyms: ["user", "user id", "userid", "client", "client id", "customer", "customer id", "visitor", "пользователь", "id пользователя", "клиент"], description: `The user's id (${file})`});

export const experimentSchema: CaseSchema = {
  case: "experiment",
  files: [
    {
      file: "final_ab_participants.csv",
      table: "participants",
      title: "Test participants",
      titleRu: "Участники тестов",
      columns: [
        userId("participants"),
        {source: "group", field: "group", label: "Group", type: "text", synonyms: ["group", "variant", "arm", "bucket", "группа", "вариант"]},
        {source: "ab_test", field: "test", label: "Test", type: "text", synonyms: ["ab test", "test", "experiment", "test name", "тест", "эксперимент", "название теста"]}
      ]
    },
    {
      file: "final_ab_new_users.csv",
      table: "new_users",
      title: "New users",
      titleRu: "Новые пользователи",
      columns: [
        userId("new users"),
        {source: "first_date", field: "signup", label: "Sign-up date", type: "datetime", min: "2000-01-01", max: "2100-01-01", synonyms: ["first date", "signup date", "sign up date", "registration date", "registered", "дата регистрации", "первая дата"]},
        {source: "region", field: "region", label: "Region", type: "text", synonyms: ["region", "country", "market", "регион", "страна"]},
        {source: "device", field: "device", label: "Device", type: "text", optional: true, required: false, synonyms: ["device", "platform", "os", "устройство", "платформа"]}
      ]
    },
    {
      file: "final_ab_events.csv",
      table: "events",
      title: "Events",
      titleRu: "События",
      columns: [
        userId("events"),
        {source: "event_dt", field: "time", label: "Event time", type: "datetime", min: "2000-01-01", max: "2100-01-01", synonyms: ["event dt", "event time", "timestamp", "datetime", "time", "время события", "дата события"]},
        {source: "event_name", field: "event", label: "Event", type: "text", synonyms: ["event", "event name", "action", "событие", "название события"]},
        {source: "details", field: "amount", label: "Purchase amount", type: "number", min: 0, required: false, synonyms: ["details", "amount", "revenue", "value", "сумма", "выручка", "детали"],
          description: "The purchase amount on purchase events (blank on others)"}
      ]
    },
    {
      file: "ab_project_marketing_events.csv",
      table: "marketing",
      title: "Marketing calendar",
      titleRu: "Маркетинговый календарь",
      optional: true,
      columns: [
        {source: "name", field: "name", label: "Campaign", type: "text", synonyms: ["name", "campaign", "promo", "event", "акция", "кампания", "название"]},
        {source: "regions", field: "regions", label: "Regions", type: "text", synonyms: ["regions", "region", "markets", "регионы"]},
        {source: "start_dt", field: "start", label: "Start", type: "datetime", min: "2000-01-01", max: "2100-01-01", synonyms: ["start", "start date", "from", "начало", "дата начала"]},
        {source: "finish_dt", field: "finish", label: "End", type: "datetime", min: "2000-01-01", max: "2100-01-01", synonyms: ["finish", "end", "end date", "to", "окончание", "дата окончания"]}
      ]
    }
  ]
};
