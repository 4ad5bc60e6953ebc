/**
 * Charts for the Data quality pages (Observable Plot). Data text (labels, product names) only ever
 * reaches the page through Plot's text rendering, never as markup.
 */
import * as Plot from "@observablehq/plot";
import type {QualityArtifact} from "../../loaders/quality/artifact.ts";
import type {Finding} from "../../loaders/quality/types.ts";
import {grouped, upperFirst, wrappedAxis} from "./format.js";
import {tr, type Text} from "./i18n.js";

export interface ChartOptions {
  width?: number;
}

const kindLabels: Record<Finding["kind"], Text> = {
  "exact-duplicate": {en: "Exact duplicates", ru: "Точные дубликаты"},
  "near-duplicate": {en: "Repeated at another time", ru: "Повторы в другое время"},
  "missing": {en: "Missing values", ru: "Пропущенные значения"},
  "misspelling": {en: "Misspelt labels", ru: "Метки с опечатками"},
  "lookalike": {en: "Latin/Cyrillic look-alikes", ru: "Похожие латинские и кириллические буквы"},
  "outlier": {en: "Outliers", ru: "Выбросы"},
  "referential": {en: "Ids missing in another file", ru: "Идентификаторы, которых нет в другом файле"},
  "shared-key": {en: "Shared keys", ru: "Общие ключи"},
  "zero-activity": {en: "Zero activity", ru: "Нулевая активность"},
  "markup": {en: "Markup in text", ru: "Разметка в тексте"},
  "wholesale": {en: "Wholesale quantities", ru: "Оптовые количества"},
  "reused-ids": {en: "Re-used customer ids", ru: "Повторно выданные идентификаторы покупателей"},
  "same-occasion": {en: "Ordered again within a day", ru: "Повторный заказ в течение суток"},
  "format": {en: "Spacing or case", ru: "Пробелы или регистр"}
};

export function kindLabel(kind: Finding["kind"]): string {
  return kindLabels[kind] ? tr(kindLabels[kind]) : kind;
}

/** The kind inside a sentence: lower case, except where the label starts with a proper name. */
export function kindInSentence(kind: Finding["kind"]): string {
  const label = kindLabel(kind);
  return /^(Latin|Cyrillic)\b/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** The findings that affect rows, most rows first (ties keep the audit's order): the order of the
 *  findings chart and of the sections below it. */
export function findingsWithRows(q: QualityArtifact): Finding[] {
  return q.findings
    .map((f, i) => ({f, i}))
    .filter(({f}) => f.rows > 0 || (f.groups ?? 0) > 0)
    .sort((a, b) => b.f.rows - a.f.rows || a.i - b.i)
    .map(({f}) => f);
}

/** A finding's title: kind, column label (for a column of the export) and — when the case has several files — the file. */
export function findingTitle(f: Finding, q: QualityArtifact): string {
  const label = f.field === undefined ? undefined : tr(q.labels[f.field]);
  return `${kindLabel(f.kind)}${label ? ` · ${label}` : ""}${q.files.length > 1 ? ` (${f.file})` : ""}`;
}

/** One bar per finding that affects rows: how many rows, labelled by kind, column and file. One
 *  colour for every bar: the kind is in the label. */
export function FindingsChart(q: QualityArtifact, {width = 640}: ChartOptions = {}) {
  const data = findingsWithRows(q)
    .filter((f) => f.rows > 0)
    .map((f) => ({what: findingTitle(f, q), rows: f.rows, summary: tr(f.summary)}));
  const axis = wrappedAxis(data.map((d) => d.what), width * 0.55);
  return Plot.plot({
    title: tr({en: "Rows affected by each finding", ru: "Сколько строк затрагивает каждая находка"}),
    width,
    height: 40 + axis.rowHeight(30) * Math.max(1, data.length),
    marginLeft: axis.marginLeft,
    marginRight: 60,
    x: {label: tr({en: "Rows affected →", ru: "Затронуто строк →"}), grid: true},
    y: {label: null, domain: data.map((d) => d.what), tickFormat: axis.tickFormat},
    marks: [
      Plot.barX(data, {x: "rows", y: "what", fill: "var(--theme-foreground-focus)", tip: {channels: {[tr({en: "summary", ru: "описание"})]: "summary"}}}),
      Plot.text(data, {x: "rows", y: "what", text: (d) => grouped(d.rows), textAnchor: "start", dx: 4}),
      Plot.ruleX([0]),
      data.length ? null : Plot.text([tr({en: "No defect affects any row", ru: "Ни один дефект не затрагивает строк"})], {frameAnchor: "middle"})
    ]
  });
}

/** Bars of the modelling unit's rows at each cleaning step, from read to used for modelling. */
export function AccountingChart(q: QualityArtifact, {width = 640}: ChartOptions = {}) {
  const data = q.counts.flow.map((d, i) => ({rows: d.rows, stage: tr(d.stage), i, last: i === q.counts.flow.length - 1}));
  const axis = wrappedAxis(data.map((d) => d.stage), width * 0.55);
  const unit = tr({en: upperFirst(q.counts.modelling.unit.en[1]), ru: `Число ${q.counts.modelling.unit.ru[2]}`});
  return Plot.plot({
    title: tr({en: `${unit} at each cleaning step`, ru: `${unit} на каждом шаге очистки`}),
    width,
    height: 40 + axis.rowHeight(32) * data.length,
    marginLeft: axis.marginLeft,
    marginRight: 60,
    x: {label: `${unit} →`, grid: true},
    y: {label: null, domain: data.map((d) => d.stage), tickFormat: axis.tickFormat},
    marks: [
      Plot.barX(data, {x: "rows", y: "stage", fill: (d) => (d.last ? "var(--theme-foreground-focus)" : "#aaa"), tip: true}),
      Plot.text(data, {x: "rows", y: "stage", text: (d) => grouped(d.rows), textAnchor: "start", dx: 4}),
      Plot.ruleX([0])
    ]
  });
}

/** New customers and second orders per calendar month, with the window of re-used customer ids
 *  (if the audit found one) shaded: genuine returns follow the first orders; re-used ids pile up. */
export function ReusedIdsChart(audit: NonNullable<QualityArtifact["reusedIds"]>, {width = 640}: ChartOptions = {}) {
  const date = (month: string) => new Date(`${month}-01T00:00:00Z`);
  const next = (month: string) => {
    const d = date(month);
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  };
  const series = [
    {key: "newCustomers", label: tr({en: "New customers", ru: "Новые покупатели"})},
    {key: "secondOrders", label: tr({en: "Second orders", ru: "Вторые заказы"})}
  ] as const;
  const data = audit.months.flatMap((m) => series.map((s) => ({month: date(m.month), series: s.label, value: m[s.key], active: m.customers})));
  const w = audit.window;
  return Plot.plot({
    title: tr({en: "New customers and second orders per month", ru: "Новые покупатели и вторые заказы по месяцам"}),
    width,
    height: 320,
    marginLeft: 50,
    x: {type: "utc", label: null},
    y: {label: tr({en: "Customers per month ↑", ru: "Покупателей в месяц ↑"}), grid: true, domain: [0, Math.max(1, ...data.map((d) => d.value))], nice: true},
    color: {legend: true, domain: series.map((s) => s.label), range: ["var(--theme-foreground-focus)", "#d95f02"]},
    marks: [
      w ? Plot.rectY([w], {x1: (d) => date(d.first), x2: (d) => next(d.last), y1: 0, y2: Math.max(1, ...data.map((d) => d.value)), fill: "#999", fillOpacity: 0.2}) : null,
      w ? Plot.text([w], {x: (d) => date(d.first), frameAnchor: "top", dx: 4, dy: 4, textAnchor: "start", text: () => tr({en: "ids re-used", ru: "повтор id"})}) : null,
      Plot.lineY(data, {x: "month", y: "value", stroke: "series"}),
      Plot.dot(data, {x: "month", y: "value", fill: "series", r: 2.5, tip: {channels: {[tr({en: "active customers", ru: "активные покупатели"})]: "active"}, format: {x: "%Y-%m"}}}),
      Plot.ruleY([0])
    ]
  });
}
