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

const idColumn = {source: "id", field: "id", label: "Customer id", type: "integer", min: 0, customerId: true} as const;

export const oneClickSchema: CaseSchema = {
  case: "one-click",
  files: [
    {
      file: "market_file.csv",
      table: "market_file",
      title: "Customer behaviour",
      key: ["id"],
      columns: [
        idColumn,
        {
          source: "Покупательская активность", field: "activity", label: "Purchase activity", type: "category", target: true,
          values: {"Снизилась": "declined", "Прежний уровень": "unchanged"}
        },
        {source: "Тип сервиса", field: "serviceType", label: "Service type", type: "category", values: {"премиум": "premium", "стандарт": "standard"}},
        {source: "Разрешить сообщать", field: "marketingConsent", label: "Consents to marketing", type: "category", values: {"да": "yes", "нет": "no"}},
        {source: "Маркет_актив_6_мес", field: "marketingContacts6m", label: "Marketing contacts per month (6 months)", type: "number", min: 0},
        {source: "Маркет_актив_тек_мес", field: "marketingContactsCurrent", label: "Marketing contacts this month", type: "integer", min: 0},
        {source: "Длительность", field: "tenureDays", label: "Days since registration", type: "integer", min: 0},
        {source: "Акционные_покупки", field: "promoShare", label: "Share of promo purchases", type: "number", min: 0, max: 1},
        {source: "Популярная_категория", field: "favouriteCategory", label: "Favourite category", type: "category", values: categoryValues},
        {source: "Средний_просмотр_категорий_за_визит", field: "categoriesPerVisit", label: "Categories viewed per visit", type: "integer", min: 0},
        {source: "Неоплаченные_продукты_штук_квартал", field: "unpaidItemsQuarter", label: "Unpaid items in cart (3 months)", type: "integer", min: 0},
        {source: "Ошибка_сервиса", field: "serviceErrors", label: "Site failures seen", type: "integer", min: 0},
        {source: "Страниц_за_визит", field: "pagesPerVisit", label: "Pages per visit", type: "integer", min: 0}
      ]
    },
    {
      file: "market_money.csv",
      table: "market_money",
      title: "Revenue per period",
      key: ["id", "period"],
      joins: [{field: "id", file: "market_file.csv", otherField: "id"}],
      columns: [
        idColumn,
        {source: "Период", field: "period", label: "Period", type: "category", values: periodValues},
        {source: "Выручка", field: "revenue", label: "Revenue", type: "number", min: 0}
      ]
    },
    {
      file: "market_time.csv",
      table: "market_time",
      title: "Minutes on site per period",
      key: ["id", "period"],
      joins: [{field: "id", file: "market_file.csv", otherField: "id"}],
      columns: [
        idColumn,
        {source: "Период", field: "period", label: "Period", type: "category", values: {"предыдущий_месяц": "previous", "текущий_месяц": "current"}},
        {source: "минут", field: "minutes", label: "Minutes on site", type: "integer", min: 0}
      ]
    },
    {
      file: "money.csv",
      table: "money",
      title: "Average monthly profit",
      key: ["id"],
      joins: [{field: "id", file: "market_file.csv", otherField: "id"}],
      columns: [
        idColumn,
        {source: "Прибыль", field: "profit", label: "Average monthly profit (3 months)", type: "number"}
      ]
    }
  ]
};
