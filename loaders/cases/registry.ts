/**
 * The one case registry. Each case is declared once here: its id, title, question, pages in reading
 * order, the template of inputs it reads (its schema: files, and in each the roles its columns can
 * play), and its entry point. The sidebar (observablehq.config.ts), the overview, the input
 * resolution (loaders/inputs/), `npm run init`, the case loaders (src/data/<id>.tar.ts) and the
 * tests all read this list. Entry points are imported lazily, so reading the registry is cheap.
 */
import type {Artifacts} from "../artifacts.ts";
import type {Labels} from "../inputs/mapping.ts";
import type {CaseInput} from "../inputs/resolve.ts";
import type {CaseSchema} from "../io/schema.ts";
import type {Settings} from "../settings.ts";
import type {Text} from "../../src/components/i18n.ts";
import {ecommerceSchema} from "../io/schemas/ecommerce.ts";
import {fitnessSchema} from "../io/schemas/fitness.ts";
import {oneClickSchema} from "../io/schemas/one-click.ts";
import {experimentSchema} from "../io/schemas/experiment.ts";

export type CaseId = "fitness" | "one-click" | "ecommerce" | "experiment";

export interface CasePage {
  name: Text;
  /** Page path inside the case folder: "" for the case summary (index.md), else the file stem. */
  path: string;
}

/** Every case module exports `run` with this shape: read, clean, analyse once, return every page's artifact (quality.json included). */
export type CaseRun = (input: CaseInput, settings: Settings) => Promise<Artifacts>;

export interface CaseDefinition {
  id: CaseId;
  title: Text;
  question: Text;
  /** One line on which exports the case template reads, for the overview and `npm run init`. */
  template: Text;
  pages: CasePage[];
  schema: CaseSchema;
  /** What the template's profit figure means when the mapping does not say (loaders/cases/money.ts). */
  profit?: Labels;
  load: () => Promise<{run: CaseRun}>;
}

export const cases: CaseDefinition[] = [
  {
    id: "fitness",
    title: {en: "Fitness", ru: "Фитнес"},
    question: {en: "Which members will leave next month, and what kinds of members are there?", ru: "Кто из клиентов уйдёт в следующем месяце и какие группы клиентов есть в клубе?"},
    template: {en: "Churn table: one row per customer or member with a yes/no outcome and any features", ru: "Таблица оттока: строка на клиента с исходом да/нет и любыми признаками"},
    pages: [
      {name: {en: "Summary", ru: "Сводка"}, path: ""},
      {name: {en: "Data quality", ru: "Качество данных"}, path: "data-quality"},
      {name: {en: "Exploration", ru: "Исследование данных"}, path: "exploration"},
      {name: {en: "Churn model", ru: "Модель оттока"}, path: "model"},
      {name: {en: "Retention", ru: "Удержание"}, path: "retention"},
      {name: {en: "Member groups", ru: "Группы клиентов"}, path: "groups"},
      {name: {en: "Hypotheses", ru: "Гипотезы"}, path: "hypotheses"},
      {name: {en: "Recommendations", ru: "Рекомендации"}, path: "recommendations"}
    ],
    schema: fitnessSchema,
    load: () => import("./fitness.ts")
  },
  {
    id: "one-click",
    title: {en: "One Click", ru: "В один клик"},
    question: {en: "Whose purchase activity is declining, and which of those are worth a personal offer?", ru: "У кого из покупателей снижается покупательская активность и кому из них стоит сделать персональное предложение?"},
    template: {en: "Activity and profit: customer behaviour, revenue and minutes per period, and profit per customer", ru: "Активность и прибыль: поведение покупателей, выручка и минуты на сайте по периодам, прибыль с покупателя"},
    pages: [
      {name: {en: "Summary", ru: "Сводка"}, path: ""},
      {name: {en: "Data quality", ru: "Качество данных"}, path: "data-quality"},
      {name: {en: "Exploration", ru: "Исследование данных"}, path: "exploration"},
      {name: {en: "Model", ru: "Модель"}, path: "model"},
      {name: {en: "Segments", ru: "Сегменты"}, path: "segments"},
      {name: {en: "Offers", ru: "Предложения"}, path: "offers"}
    ],
    schema: oneClickSchema,
    profit: {
      en: "average monthly profit per customer over the last three months",
      ru: "средняя прибыль с покупателя в месяц за последние три месяца"
    },
    load: () => import("./one-click.ts")
  },
  {
    id: "ecommerce",
    title: {en: "E-commerce", ru: "Интернет-магазин"},
    question: {en: "What do customers buy, and how should mailings differ by consumption profile?", ru: "Что покупают клиенты и как различать рассылки по профилям потребления?"},
    template: {en: "Order log: one row per order line (customer, order, time, product, quantity, price)", ru: "Журнал заказов: строка на позицию заказа (покупатель, заказ, время, товар, количество, цена)"},
    pages: [
      {name: {en: "Summary", ru: "Сводка"}, path: ""},
      {name: {en: "Data quality", ru: "Качество данных"}, path: "data-quality"},
      {name: {en: "Categories", ru: "Категории"}, path: "categories"},
      {name: {en: "Profiles", ru: "Профили"}, path: "profiles"},
      {name: {en: "Time", ru: "Время покупок"}, path: "time"},
      {name: {en: "Hypotheses", ru: "Гипотезы"}, path: "hypotheses"},
      {name: {en: "Customer value", ru: "Ценность клиентов"}, path: "customer-value"},
      {name: {en: "Mailing plan", ru: "План рассылок"}, path: "mailing-plan"}
    ],
    schema: ecommerceSchema,
    load: () => import("./ecommerce.ts")
  },
  {
    id: "experiment",
    title: {en: "Experiment", ru: "Эксперимент"},
    question: {en: "Did the new feature win, and can the test be trusted?", ru: "Победило ли нововведение и можно ли доверять тесту?"},
    template: {en: "A/B test: participants with their group and test, users' sign-up dates and regions, their events, and a marketing calendar", ru: "A/B-тест: участники с группой и тестом, даты регистрации и регионы пользователей, их события и календарь маркетинга"},
    pages: [
      {name: {en: "Summary", ru: "Сводка"}, path: ""},
      {name: {en: "Validity", ru: "Надёжность теста"}, path: "validity"},
      {name: {en: "Funnel", ru: "Воронка"}, path: "funnel"},
      {name: {en: "Over time", ru: "По дням"}, path: "over-time"},
      {name: {en: "Power", ru: "Мощность"}, path: "power"}
    ],
    schema: experimentSchema,
    load: () => import("./experiment.ts")
  }
];

export function caseById(id: string): CaseDefinition {
  const found = cases.find((c) => c.id === id);
  if (!found) throw new Error(`no case ${JSON.stringify(id)}; the cases are ${cases.map((c) => c.id).join(", ")}`);
  return found;
}

/** Columns holding customer ids: these must not reach the built site unless the setting allows. */
export function customerIdFields(def: CaseDefinition): {table: string; field: string}[] {
  return def.schema.files.flatMap((f) => f.columns.filter((c) => c.customerId).map((c) => ({table: f.table, field: c.field})));
}
