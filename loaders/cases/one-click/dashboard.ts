/**
 * One Click on the overview (dashboard.json): customers, the share the model predicts to decline and
 * the monthly profit of those customers, filtered by favourite category and service tier. "Predicted
 * to decline" is the Segments page's high risk: out-of-fold probability at or above the default
 * threshold (segments.ts), so the dashboard and the segments count the same customers.
 */
import {caseById} from "../registry.ts";
import {dashboardCube, levelsOf, type Dashboard, type DimensionSpec} from "../../analysis/dashboard.ts";
import {features, profitInfo, type CustomerRow, type FeatureDef, type FeatureId} from "./features.ts";
import {segmentDefs, type SegmentId} from "./segments.ts";
import {formats} from "../../../src/components/format.ts";
import {nouns} from "../../../src/components/glossary.ts";
import {labelText, moneyUnitText} from "../../analysis/labels.ts";
import {russianLabels} from "../../inputs/glossary.ts";
import {categoryValues} from "../../io/schemas/one-click.ts";

/** The template's values in Russian: the seed export's own words (categories) and the service tiers. */
const russianValues: Record<string, string> = {
  ...Object.fromEntries(Object.entries(categoryValues).map(([ru, en]) => [en, ru])),
  premium: "премиум", standard: "стандарт"
};

export interface OneClickDashboardInput {
  rows: readonly CustomerRow[];
  /** Segment per customer (rows' order). */
  membership: readonly SegmentId[];
  /** The features with the labels the mapping gives them. */
  vocabulary: readonly FeatureDef[];
  /** The probability threshold of high risk (segments' default), for the definition in words. */
  threshold: number;
  profitUnit: string;
}

interface Row {
  row: CustomerRow;
  highRisk: boolean;
}

/** The filters: the two categorical features every behaviour export of the template has. */
const FILTERS: FeatureId[] = ["favouriteCategory", "serviceType"];

/** A feature's label in both languages: the vocabulary's own Russian, else the template's Russian label unless the mapping renamed it. */
function russianLabelOf(f: FeatureDef): ReturnType<typeof labelText> {
  const t = labelText(f);
  const template = features.find((g) => g.id === f.id)?.label;
  return t.ru !== t.en || t.en !== template ? t : {en: t.en, ru: russianLabels[f.id] ?? t.en};
}

export function oneClickDashboard({rows, membership, vocabulary, threshold, profitUnit}: OneClickDashboardInput): Dashboard {
  const highRisk = new Set(segmentDefs.filter((s) => s.highRisk).map((s) => s.id));
  const data: Row[] = rows.map((row, i) => ({row, highRisk: highRisk.has(membership[i])}));
  const dimensions: DimensionSpec<Row>[] = FILTERS.map((id) => ({
    id,
    label: russianLabelOf(vocabulary.find((f) => f.id === id)!),
    levels: levelsOf(rows.map((r) => String(r.values[id])), (v) => ({en: v, ru: russianValues[v] ?? v})),
    of: (r: Row) => String(r.row.values[id])
  }));
  const cube = dashboardCube(data, dimensions, {
    highRisk: (r) => Number(r.highRisk),
    profitAtRisk: (r) => (r.highRisk ? r.row.profit : 0)
  });
  const percent = `${Math.round(threshold * 100)} %`;
  const percentRu = formats("ru").pct(Math.round(threshold * 100) / 100, 0);
  const money = moneyUnitText(profitUnit);
  const perMonth = {en: `${money.en} per month`, ru: `${money.ru} в месяц`};
  const {title, question} = caseById("one-click");
  return {
    title,
    question,
    unit: nouns.buyer,
    period: null,
    periodNote: {en: "the last three months, no dates", ru: "последние три месяца, без дат"},
    kpis: [
      {label: {en: "Customers", ru: "Покупатели"}, measure: null, show: "count", unit: nouns.buyer, note: {en: "regular customers modelled", ru: "постоянные покупатели в модели"}},
      {label: {en: "Predicted to decline", ru: "Прогноз: снижение активности"}, measure: "highRisk", show: "share", unit: nouns.buyer,
        note: {en: `model: a decline more likely than not (probability ≥ ${percent})`, ru: `модель: снижение вероятнее, чем нет (вероятность ≥ ${percentRu})`}},
      {label: {en: "Profit at risk", ru: "Прибыль под риском"}, measure: "profitAtRisk", show: "money", unit: perMonth,
        note: {en: `${profitInfo.short.toLowerCase()} of the customers predicted to decline`, ru: "прибыль за месяц от покупателей с прогнозом снижения активности"}}
    ],
    atRisk: {label: {en: "predicted to decline", ru: "с прогнозом снижения активности"}, measure: "highRisk", rule: {en: "model: a decline more likely than not", ru: "модель: снижение вероятнее, чем нет"},
      definition: {
        en: `customers the activity model, scoring each customer out of fold, finds more likely than not to be labelled "declined" (probability ≥ ${percent}); the label describes the current month, it is not a forecast`,
        ru: `покупатели, которых модель активности, оценивая каждого вне блока обучения, скорее отнесёт к метке «снизилась», чем нет (вероятность ≥ ${percentRu}); метка описывает текущий месяц, это не прогноз`
      }, fixedShare: null},
    valueAtRisk: {measure: "profitAtRisk", unit: perMonth, label: {en: "Monthly profit of customers predicted to decline", ru: "Прибыль за месяц от покупателей с прогнозом снижения активности"},
      definition: {
        en: `their ${profitInfo.label.toLowerCase()}: what the store earns from them in a month, not a loss that has happened`,
        ru: "их средняя прибыль за месяц (за три месяца): сколько магазин зарабатывает на них в месяц, а не уже понесённый убыток"
      }},
    cube
  };
}
