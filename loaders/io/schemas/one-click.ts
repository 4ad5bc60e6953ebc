/** "One Click" store: four departmental exports joined on the customer id. */
import type {CaseSchema} from "../schema.ts";

/** Source period labels (revenue and minutes files) → English period. */
export const periodValues = {
  "препредыдущий_месяц": "before_previous",
  "предыдущий_месяц": "previous",
  "текущий_месяц": "current"
} as const;

export type Period = (typeof periodValues)[keyof typeof periodValues];

export const categoryValues = {
  "Товары для детей": "Kids' goods",
  "Домашний текстиль": "Home textiles",
  "Косметика и аксесуары": "Cosmetics and accessories",
  "Кухонная посуда": "Kitchenware",
  "Мелкая бытовая техника и электроника": "Small appliances and electronics",
  "Техника для красоты и здоровья": "Beauty and health devices"
} as const;

export type Category = (typeof categoryValues)[keyof typeof categoryValues];

const idColumn = {source: "id", field: "id", label: "Customer id", type: "integer", min: 0, customerId: true,
  synonyms: ["customer", "customer id", "client", "client id", "id клиента", "id покупателя", "код покупателя"] as string[]} as const;

export const oneClickSchema: CaseSchema = {
  case: "one-click",
  files: [
    {
      file: "market_file.csv",
      table: "market_file",
      title: "Customer behaviour",
      titleRu: "Поведение покупателей",
      key: ["id"],
      columns: [
        idColumn,
        {
          source: "Покупательская активность", field: "activity", label: "Purchase activity", type: "category", target: true,
          synonyms: ["purchase activity", "buying activity", "activity", "покупательская активность", "активность"],
          values: {"Снизилась": "declined", "Прежний уровень": "unchanged"}
        },
        {source: "Тип сервиса", field: "serviceType", label: "Service type", type: "category", values: {"премиум": "premium", "стандарт": "standard"}, synonyms: ["service type", "service level", "tier", "тип сервиса", "уровень сервиса"]},
        {source: "Разрешить сообщать", field: "marketingConsent", label: "Consents to marketing", type: "category", values: {"да": "yes", "нет": "no"}, synonyms: ["marketing consent", "consent", "may contact", "can contact", "contact allowed", "opt in", "allow messages", "subscribed", "разрешить сообщать", "согласие на рассылку"]},
        {source: "Маркет_актив_6_мес", field: "marketingContacts6m", label: "Marketing contacts per month (6 months)", type: "number", min: 0, synonyms: ["marketing activity 6 months", "marketing contacts 6 months", "contacts 6m", "contacts 6 months", "marketing 6m", "маркетинговая активность 6 мес", "маркет актив 6 мес"]},
        {source: "Маркет_актив_тек_мес", field: "marketingContactsCurrent", label: "Marketing contacts this month", type: "integer", min: 0, synonyms: ["marketing activity current month", "marketing contacts this month", "contacts now", "contacts this month", "contacts current month", "marketing now", "маркетинговая активность текущий месяц", "маркет актив тек мес"]},
        {source: "Длительность", field: "tenureDays", label: "Days since registration", type: "integer", min: 0, synonyms: ["tenure days", "days since registration", "days registered", "registered days", "account age days", "duration", "длительность", "дней с регистрации"]},
        {source: "Акционные_покупки", field: "promoShare", label: "Share of promo purchases", type: "number", min: 0, max: 1, synonyms: ["promo purchases", "promo share", "share of promo purchases", "акционные покупки", "доля акционных покупок"]},
        {source: "Популярная_категория", field: "favouriteCategory", label: "Favourite category", type: "category", values: categoryValues, synonyms: ["favourite category", "favorite category", "popular category", "top category", "популярная категория", "любимая категория"]},
        {source: "Средний_просмотр_категорий_за_визит", field: "categoriesPerVisit", label: "Categories viewed per visit", type: "integer", min: 0, synonyms: ["categories per visit", "category views per visit", "средний просмотр категорий за визит", "категорий за визит"]},
        {source: "Неоплаченные_продукты_штук_квартал", field: "unpaidItemsQuarter", label: "Unpaid items in cart (3 months)", type: "integer", min: 0, synonyms: ["unpaid items", "abandoned cart items", "неоплаченные продукты", "неоплаченные товары"]},
        {source: "Ошибка_сервиса", field: "serviceErrors", label: "Site failures seen", type: "integer", min: 0, synonyms: ["service errors", "errors", "failures", "site errors", "site failures", "ошибки сервиса", "ошибка сервиса", "сбои сайта"]},
        {source: "Страниц_за_визит", field: "pagesPerVisit", label: "Pages per visit", type: "integer", min: 0, synonyms: ["pages per visit", "страниц за визит", "страницы за визит"]}
      ]
    },
    {
      file: "market_money.csv",
      table: "market_money",
      title: "Revenue per period",
      titleRu: "Выручка по периодам",
      key: ["id", "period"],
      joins: [{field: "id", file: "market_file.csv", otherField: "id"}],
      columns: [
        idColumn,
        {source: "Период", field: "period", label: "Period", type: "category", values: periodValues, synonyms: ["period", "month", "период", "месяц"]},
        {source: "Выручка", field: "revenue", label: "Revenue", type: "number", min: 0, synonyms: ["revenue", "sales", "выручка", "сумма покупок"]}
      ]
    },
    {
      file: "market_time.csv",
      table: "market_time",
      title: "Minutes on site per period",
      titleRu: "Минуты на сайте по периодам",
      key: ["id", "period"],
      joins: [{field: "id", file: "market_file.csv", otherField: "id"}],
      columns: [
        idColumn,
        {source: "Период", field: "period", label: "Period", type: "category", values: {"предыдущий_месяц": "previous", "текущий_месяц": "current"}, synonyms: ["period", "month", "период", "месяц"]},
        {source: "минут", field: "minutes", label: "Minutes on site", type: "integer", min: 0, synonyms: ["minutes", "minutes on site", "time on site", "минут", "минуты на сайте"]}
      ]
    },
    {
      file: "money.csv",
      table: "money",
      title: "Average monthly profit",
      titleRu: "Средняя месячная прибыль",
      key: ["id"],
      joins: [{field: "id", file: "market_file.csv", otherField: "id"}],
      columns: [
        idColumn,
        {source: "Прибыль", field: "profit", label: "Average monthly profit (3 months)", type: "number", synonyms: ["profit", "margin", "average profit", "прибыль", "средняя прибыль"]}
      ]
    }
  ]
};
