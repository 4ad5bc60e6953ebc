/**
 * The report's one glossary: each domain term and each counted noun once, in English and Russian,
 * for every page, component and loader. Use `tr(terms.churn)` in a sentence and
 * `count(n, nouns.customer)` (src/components/format.ts) for "5 customers" / "5 клиентов".
 * Where the seed studies have their own Russian term it is used (RFM segments «лучшие»,
 * «многообещающие», «в зоне риска», «потерянные»; «отток», «удержание», «когорта»).
 * Add a term here, in its section, rather than translating it again in a page.
 */
import type {Noun, Text} from "./i18n.js";

export const nouns = {
  customer: {en: ["customer", "customers"], ru: ["клиент", "клиента", "клиентов"]},
  buyer: {en: ["customer", "customers"], ru: ["покупатель", "покупателя", "покупателей"]},
  member: {en: ["member", "members"], ru: ["клиент", "клиента", "клиентов"]},
  user: {en: ["user", "users"], ru: ["пользователь", "пользователя", "пользователей"]},
  order: {en: ["order", "orders"], ru: ["заказ", "заказа", "заказов"]},
  orderLine: {en: ["order line", "order lines"], ru: ["строка заказа", "строки заказов", "строк заказов"]},
  row: {en: ["row", "rows"], ru: ["строка", "строки", "строк"]},
  column: {en: ["column", "columns"], ru: ["столбец", "столбца", "столбцов"]},
  file: {en: ["file", "files"], ru: ["файл", "файла", "файлов"]},
  value: {en: ["value", "values"], ru: ["значение", "значения", "значений"]},
  group: {en: ["group", "groups"], ru: ["группа", "группы", "групп"]},
  segment: {en: ["segment", "segments"], ru: ["сегмент", "сегмента", "сегментов"]},
  product: {en: ["product", "products"], ru: ["товар", "товара", "товаров"]},
  category: {en: ["category", "categories"], ru: ["категория", "категории", "категорий"]},
  event: {en: ["event", "events"], ru: ["событие", "события", "событий"]},
  action: {en: ["action", "actions"], ru: ["действие", "действия", "действий"]},
  test: {en: ["test", "tests"], ru: ["тест", "теста", "тестов"]},
  day: {en: ["day", "days"], ru: ["день", "дня", "дней"]},
  week: {en: ["week", "weeks"], ru: ["неделя", "недели", "недель"]},
  month: {en: ["month", "months"], ru: ["месяц", "месяца", "месяцев"]},
  year: {en: ["year", "years"], ru: ["год", "года", "лет"]},
  visit: {en: ["visit", "visits"], ru: ["посещение", "посещения", "посещений"]},
  contact: {en: ["contact", "contacts"], ru: ["контакт", "контакта", "контактов"]},
  mailing: {en: ["mailing", "mailings"], ru: ["рассылка", "рассылки", "рассылок"]},
  duplicate: {en: ["duplicate", "duplicates"], ru: ["дубликат", "дубликата", "дубликатов"]},
  outlier: {en: ["outlier", "outliers"], ru: ["выброс", "выброса", "выбросов"]},
  participant: {en: ["participant", "participants"], ru: ["участник", "участника", "участников"]},
  page: {en: ["page", "pages"], ru: ["страница", "страницы", "страниц"]},
  // experiment
  step: {en: ["step", "steps"], ru: ["шаг", "шага", "шагов"]},
  // eco2
  repeatBuyer: {en: ["repeat buyer", "repeat buyers"], ru: ["повторный покупатель", "повторных покупателя", "повторных покупателей"]},
  purchase: {en: ["purchase", "purchases"], ru: ["покупка", "покупки", "покупок"]},
  // fitness
  /** A count of members after «из», «у», «для» (genitive): из 1 клиента, из 5 клиентов. */
  memberOf: {en: ["member", "members"], ru: ["клиента", "клиентов", "клиентов"]},
  // qual
  line: {en: ["line", "lines"], ru: ["строка", "строки", "строк"]},
  label: {en: ["label", "labels"], ru: ["метка", "метки", "меток"]},
  finding: {en: ["finding", "findings"], ru: ["находка", "находки", "находок"]},
  exportFile: {en: ["export file", "export files"], ru: ["файл выгрузки", "файла выгрузки", "файлов выгрузки"]}
} satisfies Record<string, Noun>;

export const terms = {
  // the report
  overview: {en: "Overview", ru: "Обзор"},
  summary: {en: "Summary", ru: "Сводка"},
  dataQuality: {en: "Data quality", ru: "Качество данных"},
  exploration: {en: "Exploration", ru: "Исследование данных"},
  hypotheses: {en: "Hypotheses", ru: "Гипотезы"},
  recommendations: {en: "Recommendations", ru: "Рекомендации"},
  forTheAnalyst: {en: "For the analyst", ru: "Для аналитика"},
  controlGroup: {en: "control group", ru: "контрольная группа"},
  // customer base
  churn: {en: "churn", ru: "отток"},
  churnRate: {en: "churn rate", ru: "доля ушедших"},
  retention: {en: "retention", ru: "удержание"},
  retained: {en: "retained", ru: "удержаны"},
  cohort: {en: "cohort", ru: "когорта"},
  segment: {en: "segment", ru: "сегмент"},
  atRisk: {en: "at risk", ru: "в зоне риска"},
  highRisk: {en: "high risk", ru: "высокий риск"},
  lowRisk: {en: "low risk", ru: "низкий риск"},
  tenure: {en: "tenure", ru: "срок с клиентом"},
  lifetimeValue: {en: "customer lifetime value", ru: "пожизненная ценность клиента"},
  revenue: {en: "revenue", ru: "выручка"},
  profit: {en: "profit", ru: "прибыль"},
  averageOrderValue: {en: "average order value", ru: "средний чек"},
  purchaseActivity: {en: "purchase activity", ru: "покупательская активность"},
  // RFM segments (the seed study's own words)
  rfmBest: {en: "Best", ru: "Лучшие"},
  rfmPromising: {en: "Promising", ru: "Многообещающие"},
  rfmAtRisk: {en: "At risk", ru: "В зоне риска"},
  rfmLost: {en: "Lost", ru: "Потерянные"},
  recency: {en: "recency", ru: "давность покупки"},
  frequency: {en: "frequency", ru: "частота покупок"},
  monetary: {en: "monetary value", ru: "сумма покупок"},
  // models
  model: {en: "model", ru: "модель"},
  feature: {en: "feature", ru: "признак"},
  threshold: {en: "threshold", ru: "порог"},
  precision: {en: "precision", ru: "точность (precision)"},
  recall: {en: "recall", ru: "полнота (recall)"},
  probability: {en: "probability", ru: "вероятность"},
  cluster: {en: "cluster", ru: "кластер"},
  // statistics
  hypothesis: {en: "hypothesis", ru: "гипотеза"},
  pValue: {en: "p-value", ru: "p-значение"},
  significant: {en: "significant", ru: "значимо"},
  confidenceInterval: {en: "95% confidence interval", ru: "95-процентный доверительный интервал"},
  effectSize: {en: "effect size", ru: "размер эффекта"},
  median: {en: "median", ru: "медиана"},
  mean: {en: "mean", ru: "среднее"},
  share: {en: "share", ru: "доля"},
  // experiments
  control: {en: "control", ru: "контроль"},
  treatment: {en: "treatment", ru: "тестовая группа"},
  lift: {en: "lift", ru: "прирост"},
  conversion: {en: "conversion", ru: "конверсия"},
  funnel: {en: "funnel", ru: "воронка"},
  power: {en: "power", ru: "мощность"},
  sampleRatio: {en: "sample ratio", ru: "соотношение групп"},
  // Add terms of a case below under its own heading comment.
  // eco2
  rfmLoyal: {en: "Loyal", ru: "Лояльные"},
  rfmOneTime: {en: "One-time", ru: "Разовые"},
  notScored: {en: "Not scored", ru: "Без сегмента"},
  repeatBuyer: {en: "repeat buyer", ru: "повторный покупатель"},
  winBack: {en: "win-back", ru: "возврат ушедших"},
  // ecommerce (eco1)
  otherCategories: {en: "Other categories", ru: "Прочие категории"}
} satisfies Record<string, Text>;

// shared: the names of the tests and of effect-size magnitudes, as every page shows them.
/** A test's name (loaders/stats TestName) in both languages. */
export const testNames: Record<string, Text> = {
  "Welch t-test": {en: "Welch t-test", ru: "t-критерий Уэлча"},
  "Student t-test": {en: "Student t-test", ru: "t-критерий Стьюдента"},
  "Mann–Whitney U test": {en: "Mann–Whitney U test", ru: "критерий Манна — Уитни"},
  "chi-square test of independence": {en: "chi-square test of independence", ru: "критерий независимости хи-квадрат"},
  "chi-square test of independence with Yates' correction": {en: "chi-square test of independence with Yates' correction", ru: "критерий независимости хи-квадрат с поправкой Йейтса"},
  "two-proportion z-test": {en: "two-proportion z-test", ru: "z-критерий для двух долей"},
  "Kruskal–Wallis H test": {en: "Kruskal–Wallis H test", ru: "критерий Краскела — Уоллиса"},
  "log-rank test": {en: "log-rank test", ru: "логранговый критерий"},
  "stratified log-rank test": {en: "stratified log-rank test", ru: "стратифицированный логранговый критерий"}
};

/** An effect size's conventional magnitude (loaders/stats Magnitude) in both languages. */
export const magnitudes: Record<string, Text> = {
  negligible: {en: "negligible", ru: "пренебрежимо малый"},
  small: {en: "small", ru: "малый"},
  medium: {en: "medium", ru: "средний"},
  large: {en: "large", ru: "большой"}
};
