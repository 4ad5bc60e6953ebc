/**
 * One Click's own words in Russian: the feature labels, feature groups, segments, target classes,
 * periods and template values the case names in English (features.ts, segments.ts, exploration.ts).
 * The loader writes them into each artifact as `ru`, a dictionary from the English word to the
 * Russian one, and a Russian page swaps every such string for its Russian form when it loads the
 * artifact (src/components/localize.ts). Keeping the dictionary beside the English words means
 * the analysis code still matches on one English label, and equal labels stay equal in Russian.
 *
 * A label the analyst's mapping gives a column is the analyst's own word: it is shown as given.
 */
import {russianLabels} from "../../inputs/glossary.ts";
import {features, groups, profitInfo, target, type FeatureDef, type FeatureId} from "./features.ts";
import {segmentDefs} from "./segments.ts";
import {categoryValues} from "../../io/schemas/one-click.ts";

/** The short Russian label of each feature (chart axes, matrix labels); the long one is the template's. */
const shortRu: Record<FeatureId, string> = {
  serviceType: "Тип сервиса",
  marketingConsent: "Согласие",
  marketingContacts6m: "Контактов/мес. (6 мес.)",
  marketingContactsCurrent: "Контактов в этом мес.",
  tenureDays: "Дней с регистрации",
  favouriteCategory: "Любимая категория",
  categoriesPerVisit: "Категорий/визит",
  unpaidItemsQuarter: "Неоплаченные товары",
  revenueBeforePrevious: "Выручка (−2 мес.)",
  revenuePrevious: "Выручка (−1 мес.)",
  revenueCurrent: "Выручка (сейчас)",
  promoShare: "Доля акций",
  pagesPerVisit: "Страниц/визит",
  minutesPrevious: "Минут (−1 мес.)",
  minutesCurrent: "Минут (сейчас)",
  serviceErrors: "Сбои сайта"
};

/** The long Russian label of the features the template has no Russian label for (derived per month). */
const labelRu: Partial<Record<FeatureId, string>> = {
  favouriteCategory: "Любимая категория",
  revenueBeforePrevious: "Выручка два месяца назад",
  revenuePrevious: "Выручка в прошлом месяце",
  revenueCurrent: "Выручка в текущем месяце",
  minutesPrevious: "Минут на сайте в прошлом месяце",
  minutesCurrent: "Минут на сайте в текущем месяце",
  serviceErrors: "Сбоев сайта"
};

export const featureRu = (id: FeatureId) => labelRu[id] ?? russianLabels[id] ?? id;

const groupRu: Record<string, [string, string]> = {
  communication: ["Коммуникация", "как магазин связывается с покупателем: маркетинговые контакты, согласие на рассылки, тип сервиса и срок с регистрации"],
  product: ["Товарное поведение", "что покупатель смотрит: любимая категория, категорий за визит, неоплаченные товары в корзине"],
  purchase: ["Покупательское поведение", "сколько покупатель тратит: выручка в каждом из трёх месяцев и доля покупок по акции"],
  site: ["Поведение на сайте", "как покупатель пользуется сайтом: страниц за визит, минут на сайте за последние два месяца, сбои сайта"]
};

const segmentRu: Record<string, [string, string]> = {
  "risk-high-profit": ["Высокий риск, высокая прибыль", "вероятно получат метку снижения активности и входят в число более прибыльных покупателей магазина: первые кандидаты на персональное предложение"],
  "risk-low-profit": ["Высокий риск, меньшая прибыль", "вероятно получат метку снижения активности, но приносят меньше прибыли: для них оправдано лишь недорогое автоматическое удержание"],
  "safe-high-profit": ["Низкий риск, высокая прибыль", "прибыльны и вряд ли получат метку снижения активности: поддерживать их лояльность без скидок"],
  "safe-low-profit": ["Низкий риск, меньшая прибыль", "стабильные, менее прибыльные покупатели: работа в обычном режиме"]
};

/** The case's fixed words: target classes, template values, periods, profit. */
const fixed: Record<string, string> = {
  [target.label]: "Покупательская активность",
  [target.positive]: "снизилась",
  [target.negative]: "прежний уровень",
  premium: "премиум",
  standard: "стандарт",
  yes: "да",
  no: "нет",
  "two months ago": "два месяца назад",
  "last month": "прошлый месяц",
  "this month": "текущий месяц",
  [profitInfo.label]: "Средняя прибыль в месяц (3 мес.)",
  [profitInfo.short]: "Прибыль в месяц",
  "Out-of-fold probability of decline": "Вероятность снижения (вне выборки обучения)"
};

/**
 * English word → Russian word for every word of the case a page shows, given the features with
 * their labels (`vocabulary`) and the one-hot columns of the design matrix (`columns`).
 */
export function russianWords(vocabulary: readonly FeatureDef[] = features, columns: readonly {feature: string; label: string; source: FeatureId}[] = []): Record<string, string> {
  // The exports' own category names, shown as found (the clean layer names them in English).
  const out: Record<string, string> = {...fixed, ...Object.fromEntries(Object.entries(categoryValues).map(([source, en]) => [en, source]))};
  const own = new Map(features.map((f) => [f.id, f]));
  for (const f of vocabulary) {
    // A label the mapping gave stays the analyst's word.
    if (f.label !== own.get(f.id)!.label) continue;
    out[f.label] = featureRu(f.id);
    out[f.short] = shortRu[f.id];
  }
  for (const c of columns) {
    const f = vocabulary.find((v) => v.id === c.source)!;
    if (c.label === f.label) continue;
    const level = c.label.slice(f.label.length + 2);
    out[c.label] = `${out[f.label] ?? f.label}: ${out[level] ?? level}`;
  }
  for (const g of groups) {
    out[g.label] = groupRu[g.id][0];
    out[g.description] = groupRu[g.id][1];
  }
  for (const s of segmentDefs) {
    out[s.name] = segmentRu[s.id][0];
    out[s.description] = segmentRu[s.id][1];
  }
  return out;
}

/**
 * A Russian sentence another layer wrote with the case's English labels in it (the model
 * comparison names the reference level "Favourite category: Kitchenware"): each label of
 * `labels` replaced by its Russian form, longest first so a one-hot column's label wins over its
 * feature's.
 */
export function withRussianLabels(text: string, words: Readonly<Record<string, string>>, labels: readonly string[]): string {
  return [...labels].filter((l) => words[l]).sort((a, b) => b.length - a.length).reduce((t, l) => t.split(l).join(words[l]), text);
}
