/**
 * Charts of the e-commerce report (artifacts from loaders/cases/ecommerce.ts):
 *   categoryColor           one colour per product category, shared by every chart
 *   CategoryShares          revenue share vs order-line share per category
 *   MonthlyByCategory       revenue / orders / lines per month, stacked by category
 *   SeasonalityHeatmap      category × calendar month seasonality index
 *   SeasonalityLines        index by calendar month for chosen categories
 *   WeekdayHourHeatmap      orders by weekday × hour
 *   CohortHeatmap           share of each first-order cohort ordering again k months later (values in the cells);
 *                           cells from the repeat cutoff on are drawn grey and empty (not observed)
 *   OccasionsHistogram      customers by number of purchase occasions (each bar labelled with its count and share)
 *   GroupShares             customers vs revenue share per segment / profile
 *   CategoryMix             stacked category shares of revenue per group
 *   PortraitHeatmap         profiles × features: values in readers' units, coloured by standardised difference
 *   SendWindowChart         send months per segment, peak marked
 *   ReturnShares            share of each group with a second order within a horizon (Kaplan–Meier), bars from zero
 *   GroupMedians            median of a money value per group (bars from zero), quartiles in the tips
 *   profileColor            a colour per consumption profile: the colour of its dominant category
 *   textTable               a plain table for rows of text (wraps, prints, no scrolling)
 */
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import {MUTED, NEGATIVE, POSITIVE} from "./palette.js";
import {nounFor, pageLang, tr, type Text} from "./i18n.js";
import {compact, count, fixed, formats, grouped, pct, wrapLabel} from "./format.js";
import {nouns} from "./glossary.js";

const ru = pageLang === "ru";
export const CATEGORY_ORDER = ["plants", "garden", "kitchen", "bathroom", "cleaning", "storage", "textiles", "tools", "other"];
const CATEGORY_COLORS = ["#59a14f", "#8cd17d", "#f28e2b", "#76b7b2", "#4e79a7", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];
/** Calendar months, short, in the page's language. */
export const MONTHS = formats(pageLang).calendar.monthsShort;
/** Calendar months in full ("January", "январь"), and as a sentence says "in" one ("in January", "в январе"). */
export const MONTH_NAMES = formats(pageLang).calendar.months;
export const IN_MONTH = ru
  ? ["в январе", "в феврале", "в марте", "в апреле", "в мае", "в июне", "в июле", "в августе", "в сентябре", "в октябре", "в ноябре", "в декабре"]
  : MONTH_NAMES.map((m) => `in ${m}`);
/** Weekdays, short, Sunday first (DuckDB's dayofweek), in the page's language; ON_WEEKDAY: "on Monday", "в понедельник". */
export const WEEKDAYS = ru ? ["Вс", "Пн", "Вт", "Ср", "Чт", "Пт", "Сб"] : ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
export const ON_WEEKDAY = ru
  ? ["в воскресенье", "в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу"]
  : ["on Sunday", "on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday"];
const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0].map((d) => WEEKDAYS[d]);

/** A category label: the artifact's Text (or an export's own value), shown in the page's language. */
type Labelled = {category: string; label: Text | string};

/** Plot colour scale for categories, given the labels present (in the report's category order). */
export function categoryColor(labels: Labelled[], {legend = true}: {legend?: boolean} = {}) {
  const seen = new Map<string, string>();
  for (const l of labels) if (!seen.has(l.category)) seen.set(l.category, tr(l.label));
  const order = CATEGORY_ORDER.filter((c) => seen.has(c));
  return {domain: order.map((c) => seen.get(c)!), range: order.map((c) => CATEGORY_COLORS[CATEGORY_ORDER.indexOf(c)]), legend};
}

/** A left axis for group names (segments, profiles): names longer than the margin wrap onto more lines instead of
 * being clipped; Cyrillic letters are wider than Latin ones in Plot's default font. */
function groupAxis(labels: string[], width: number): {marginLeft: number; tickFormat: (label: string) => string} {
  const charWidth = ru ? 7.2 : 6.5;
  const max = Math.min(260, Math.max(120, width * 0.4));
  const maxChars = Math.max(8, Math.floor((max - 12) / charWidth));
  const tickFormat = (label: string) => wrapLabel(String(label), maxChars);
  const longest = Math.max(0, ...labels.flatMap((l) => tickFormat(l).split("\n").map((line) => line.length)));
  return {marginLeft: Math.min(max, 12 + charWidth * longest), tickFormat};
}

/** A share for a small cell label: whole percent from 10%, one decimal below. */
const share = (x: number) => pct(x, x >= 0.1 ? 0 : 1);
const money = (x: number) => grouped(Math.round(x));
const int = (x: number) => grouped(x);
const SHARE_OF_REVENUE = tr({en: "share of revenue", ru: "доля выручки"});
const SHARE_OF_LINES = tr({en: "share of order lines", ru: "доля строк заказов"});
const SHARE_OF_CUSTOMERS = tr({en: "share of customers", ru: "доля клиентов"});

/** `unit`: the currency of the revenue in the tips. */
export function CategoryShares(categories: (Labelled & {revenueShare: number; lineShare: number; revenue: number; lines: number})[], {width = 640, unit}: {width?: number; unit: string}) {
  type Row = {label: string; measure: string; value: number; detail: string};
  const rows: Row[] = categories.flatMap((c) => [
    {label: tr(c.label), measure: SHARE_OF_REVENUE, value: c.revenueShare, detail: ru ? `выручка ${money(c.revenue)}\u00A0${unit}` : `${money(c.revenue)} ${unit} revenue`},
    {label: tr(c.label), measure: SHARE_OF_LINES, value: c.lineShare, detail: count(c.lines, nouns.orderLine)}
  ]);
  const title = (r: Row) => `${r.label}\n${r.measure}: ${pct(r.value)}\n${r.detail}`;
  const labels = categories.map((c) => tr(c.label));
  const axis = groupAxis(labels, width);
  return Plot.plot({
    width,
    height: 60 + categories.length * 36,
    marginLeft: Math.max(130, axis.marginLeft),
    x: {label: tr({en: "Share of all, % (wholesale lines excluded) →", ru: "Доля от всего, % (без оптовых строк) →"}), tickFormat: "%", grid: true, zero: true},
    y: {label: null, domain: labels, tickFormat: axis.tickFormat},
    color: {domain: [SHARE_OF_REVENUE, SHARE_OF_LINES], range: [NEGATIVE, MUTED], legend: true},
    marks: [
      Plot.barX(rows.filter((r) => r.measure === SHARE_OF_REVENUE), {x: "value", y: "label", fill: "measure", insetBottom: 16, tip: true, title}),
      Plot.barX(rows.filter((r) => r.measure === SHARE_OF_LINES), {x: "value", y: "label", fill: "measure", insetTop: 16, tip: true, title}),
      Plot.ruleX([0])
    ]
  });
}

export function MonthlyByCategory(monthly: (Labelled & {month: string; revenue: number; lines: number; orders: number})[],
  {width = 640, measure = "revenue", unit = ""}: {width?: number; measure?: "revenue" | "orders" | "lines"; unit?: string} = {}) {
  const label = measure === "revenue" ? `↑ ${tr({en: "Revenue per month", ru: "Выручка за месяц"})}${unit ? ` (${unit})` : ""}`
    : measure === "orders" ? tr({en: "↑ Orders with the category per month", ru: "↑ Заказы с товарами категории за месяц"}) : tr({en: "↑ Order lines per month", ru: "↑ Строки заказов за месяц"});
  const rows = monthly.map((m) => ({...m, label: tr(m.label)}));
  return Plot.plot({
    width,
    height: 340,
    marginLeft: 60,
    x: {label: null, type: "band", tickFormat: (m: string) => (m.endsWith("-01") || m === monthly[0]?.month ? m : m.slice(5)), tickRotate: width < 600 ? -45 : 0},
    y: {label, grid: true, tickFormat: measure === "revenue" ? (ru ? (x: number) => compact(x) : "~s") : undefined},
    color: categoryColor(monthly),
    marks: [
      Plot.barY(rows, {x: "month", y: measure, fill: "label", order: CATEGORY_ORDER.map((c) => rows.find((m) => m.category === c)?.label).filter(Boolean) as string[],
        tip: true, title: (r: {month: string; label: string; revenue: number; orders: number; lines: number}) => ru
          ? `${r.month} · ${r.label}\nвыручка ${money(r.revenue)}${unit ? `\u00A0${unit}` : ""}\nзаказы: ${int(r.orders)}\nстроки: ${int(r.lines)}`
          : `${r.month} · ${r.label}\nrevenue ${money(r.revenue)}${unit ? ` ${unit}` : ""}\norders ${r.orders}\nlines ${r.lines}`}),
      Plot.ruleY([0])
    ]
  });
}

export function SeasonalityHeatmap(seasonality: (Labelled & {month: number; index: number | null; lines: number; days: number})[], {width = 640}: {width?: number} = {}) {
  const rows = seasonality.filter((s) => s.index !== null && s.category !== "other").map((s) => ({...s, label: tr(s.label)}));
  const labels = CATEGORY_ORDER.map((c) => rows.find((r) => r.category === c)?.label).filter(Boolean) as string[];
  const max = Math.max(2, ...rows.map((r) => r.index as number));
  return Plot.plot({
    width,
    height: 50 + labels.length * 30,
    marginLeft: Math.max(130, groupAxis(labels, width).marginLeft),
    padding: 0.05,
    x: {label: null, domain: MONTHS, axis: "top"},
    y: {label: null, domain: labels, tickFormat: groupAxis(labels, width).tickFormat},
    color: {type: "log", scheme: "PuOr", reverse: true, domain: [1 / max, max], legend: true, label: tr({en: "Seasonality index (1 = an average month; log scale)", ru: "Индекс сезонности (1 — средний месяц; логарифмическая шкала)"}),
      ticks: [0.25, 0.5, 1, 2, 4].filter((t) => t >= 1 / max && t <= max), tickFormat: (d: number) => grouped(d, 2)},
    marks: [
      Plot.cell(rows, {x: (r: {month: number}) => MONTHS[r.month - 1], y: "label", fill: "index", tip: true,
        title: (r: {label: string; month: number; index: number; lines: number; days: number}) => ru
          ? `${r.label}, ${MONTHS[r.month - 1]}\nиндекс ${fixed(r.index, 2)}\n${count(r.lines, nouns.orderLine)} за ${count(r.days, nouns.day)}`
          : `${r.label}, ${MONTHS[r.month - 1]}\nindex ${r.index.toFixed(2)}\n${r.lines} order lines over ${r.days} days`}),
      Plot.text(rows, {x: (r: {month: number}) => MONTHS[r.month - 1], y: "label", text: (r: {index: number}) => fixed(r.index, 1), fontSize: 10,
        fill: (r: {index: number}) => (r.index > max / 2.2 || r.index < 2.2 / max ? "white" : "black")})
    ]
  });
}

export function SeasonalityLines(seasonality: (Labelled & {month: number; index: number | null})[], categories: string[], {width = 640}: {width?: number} = {}) {
  const rows = seasonality.filter((s) => s.index !== null && categories.includes(s.category)).map((s) => ({...s, label: tr(s.label)}));
  return Plot.plot({
    width,
    height: 300,
    x: {label: tr({en: "Calendar month", ru: "Месяц года"}), domain: MONTHS},
    y: {label: tr({en: "↑ Seasonality index (1 = an average month)", ru: "↑ Индекс сезонности (1 — средний месяц)"}), grid: true, zero: true},
    color: categoryColor(rows),
    marks: [
      Plot.ruleY([1], {stroke: MUTED, strokeDasharray: "4 4"}),
      Plot.line(rows, {x: (r: {month: number}) => MONTHS[r.month - 1], y: "index", stroke: "label", strokeWidth: 2}),
      Plot.dot(rows, {x: (r: {month: number}) => MONTHS[r.month - 1], y: "index", fill: "label", r: 3, tip: true,
        title: (r: {label: string; month: number; index: number}) => `${r.label}, ${MONTHS[r.month - 1]}\n${tr({en: "index", ru: "индекс"})} ${fixed(r.index, 2)}`})
    ]
  });
}

export function WeekdayHourHeatmap(rows: {weekday: number; hour: number; orders: number}[], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 250,
    marginLeft: 40,
    padding: 0.04,
    x: {label: tr({en: "Hour of the order →", ru: "Час заказа →"}), domain: Array.from({length: 24}, (_, h) => h), tickFormat: (h: number) => `${h}`},
    y: {label: null, domain: WEEKDAY_ORDER},
    color: {scheme: "blues", legend: true, label: tr({en: "Orders", ru: "Заказы"})},
    marks: [
      Plot.cell(rows, {x: "hour", y: (r: {weekday: number}) => WEEKDAYS[r.weekday], fill: "orders", tip: true,
        title: (r: {weekday: number; hour: number; orders: number}) => `${WEEKDAYS[r.weekday]} ${String(r.hour).padStart(2, "0")}:00–${String(r.hour).padStart(2, "0")}:59\n${ru ? count(r.orders, nouns.order) : `${r.orders} orders`}`})
    ]
  });
}

export function CohortHeatmap(cohorts: {cohort: string; customers: number; offset: number; retention: number; active: number}[], {width = 640, cutoff = null}: {width?: number; cutoff?: string | null} = {}) {
  const rows = cohorts.filter((c) => c.offset > 0);
  const names = [...new Set(cohorts.map((c) => c.cohort))];
  const max = Math.max(0.01, ...rows.map((r) => r.retention));
  const offsets = Array.from({length: Math.max(...cohorts.map((c) => c.offset)) || 1}, (_, i) => i + 1);
  // Cells whose calendar month is on or after the cutoff: not observed (re-used ids), grey.
  const monthIndex = (ym: string) => 12 * Number(ym.slice(0, 4)) + Number(ym.slice(5, 7)) - 1;
  const unobserved = cutoff === null ? [] : names.flatMap((cohort) => offsets.filter((k) => monthIndex(cohort) + k >= monthIndex(cutoff)).map((offset) => ({cohort, offset})));
  return Plot.plot({
    width,
    height: 40 + names.length * 22,
    marginLeft: 110,
    padding: 0.04,
    x: {label: tr({en: "Months after the first order →", ru: "Месяцев после первого заказа →"}), domain: offsets},
    y: {label: tr({en: "First order (customers)", ru: "Первый заказ (клиентов)"}), domain: names, tickFormat: (c: string) => `${c} (${int(cohorts.find((x) => x.cohort === c)?.customers ?? 0)})`},
    color: {scheme: "greens", domain: [0, max], legend: true, label: tr({en: "Share of the cohort ordering that month", ru: "Доля когорты, заказавшей в этом месяце"}), tickFormat: "%"},
    marks: [
      Plot.cell(unobserved, {x: "offset", y: "cohort", fill: "#e6e6e6", title: () => ru
        ? `Не наблюдается: с ${cutoff!.slice(0, 7)} номера клиентов, похоже, используются повторно`
        : `Not observed: customer ids look re-used from ${cutoff!.slice(0, 7)}`}),
      Plot.cell(rows, {x: "offset", y: "cohort", fill: "retention", tip: true,
        title: (r: {cohort: string; offset: number; retention: number; active: number; customers: number}) => ru
          ? `Первый заказ: ${r.cohort}\nчерез ${count(r.offset, nouns.month)}: ${int(r.active)} из ${int(r.customers)} (${pct(r.retention)})`
          : `First ordered ${r.cohort}\n${r.offset} month${r.offset > 1 ? "s" : ""} later: ${r.active} of ${r.customers} (${pct(r.retention)})`}),
      Plot.text(rows, {x: "offset", y: "cohort", text: (r: {retention: number}) => share(r.retention), fontSize: 9,
        fill: (r: {retention: number}) => (r.retention > max / 2 ? "white" : "black")})
    ]
  });
}

export function OccasionsHistogram(rows: {occasions: number; customers: number; orMore: boolean}[], {width = 420}: {width?: number} = {}) {
  const label = (r: {occasions: number; orMore: boolean}) => `${r.occasions}${r.orMore ? "+" : ""}`;
  const total = rows.reduce((s, r) => s + r.customers, 0) || 1;
  // Every bar carries its count and share: next to the one-purchase bar, the others are too short to read.
  return Plot.plot({
    width: Math.min(width, 520),
    height: 260,
    marginTop: 30,
    x: {label: tr({en: "Purchases per customer (orders within a day of each other count once)", ru: "Покупок на клиента (заказы в пределах суток считаются одной)"}), domain: rows.map(label)},
    y: {label: tr({en: "↑ Customers", ru: "↑ Клиенты"}), grid: true, tickFormat: (x: number) => grouped(x)},
    marks: [
      Plot.barY(rows, {x: label, y: "customers", fill: NEGATIVE, tip: true, title: (r: {occasions: number; orMore: boolean; customers: number}) => ru
        ? `${label(r)} ${nounFor(r.orMore ? 5 : r.occasions, {en: ["purchase", "purchases"], ru: ["покупка", "покупки", "покупок"]})}: ${count(r.customers, nouns.customer)}`
        : `${label(r)} purchase${r.occasions > 1 || r.orMore ? "s" : ""}: ${r.customers.toLocaleString("en-US")} customers`}),
      Plot.text(rows, {x: label, y: "customers", text: (r: {customers: number}) => `${int(r.customers)} (${share(r.customers / total)})`, dy: -8, fontSize: 10}),
      Plot.ruleY([0])
    ]
  });
}

/** `unit`: the currency of the revenue in the tips. */
export function GroupShares(groups: {label: Text | string; share: number; revenueShare: number; customers: number; revenue: number}[], {width = 640, unit}: {width?: number; unit: string}) {
  const rows = groups.flatMap((g) => [
    {label: tr(g.label), measure: SHARE_OF_CUSTOMERS, value: g.share, detail: count(g.customers, nouns.customer)},
    {label: tr(g.label), measure: SHARE_OF_REVENUE, value: g.revenueShare, detail: ru ? `выручка ${money(g.revenue)}\u00A0${unit}` : `${money(g.revenue)} ${unit} revenue`}
  ]);
  const labels = groups.map((g) => tr(g.label));
  const axis = groupAxis(labels, width);
  const title = (r: {label: string; measure: string; value: number; detail: string}) => `${r.label}\n${r.measure}: ${pct(r.value)}\n${r.detail}`;
  return Plot.plot({
    width,
    height: 60 + groups.length * 36,
    marginLeft: axis.marginLeft,
    x: {label: tr({en: "Share (%) →", ru: "Доля (%) →"}), tickFormat: "%", grid: true, zero: true},
    y: {label: null, domain: labels, tickFormat: axis.tickFormat},
    ariaLabel: tr({en: "Share of customers and of revenue per group", ru: "Доля клиентов и доля выручки по группам"}),
    color: {domain: [SHARE_OF_CUSTOMERS, SHARE_OF_REVENUE], range: [MUTED, POSITIVE], legend: true},
    marks: [
      Plot.barX(rows.filter((r) => r.measure === SHARE_OF_CUSTOMERS), {x: "value", y: "label", fill: "measure", insetBottom: 16, tip: true, title}),
      Plot.barX(rows.filter((r) => r.measure === SHARE_OF_REVENUE), {x: "value", y: "label", fill: "measure", insetTop: 16, tip: true, title}),
      Plot.ruleX([0])
    ]
  });
}

export function CategoryMix(groups: {label: Text | string; categoryShares: (Labelled & {share: number})[]}[], {width = 640}: {width?: number} = {}) {
  const rows = groups.flatMap((g) => g.categoryShares.filter((c) => c.share > 0).map((c) => ({group: tr(g.label), ...c, label: tr(c.label)})));
  const labels = groups.map((g) => tr(g.label));
  return Plot.plot({
    width,
    height: 70 + groups.length * 30,
    marginLeft: groupAxis(labels, width).marginLeft,
    x: {label: tr({en: "Share of the group's revenue →", ru: "Доля выручки группы →"}), tickFormat: "%", domain: [0, 1]},
    y: {label: null, domain: labels, tickFormat: groupAxis(labels, width).tickFormat},
    color: categoryColor(rows),
    marks: [
      Plot.barX(rows, {x: "share", y: "group", fill: "label", order: CATEGORY_ORDER.map((c) => rows.find((r) => r.category === c)?.label).filter(Boolean) as string[],
        tip: true, title: (r: {group: string; label: string; share: number}) => `${r.group}\n${r.label}: ${ru ? `${pct(r.share)} выручки` : `${pct(r.share)} of revenue`}`})
    ]
  });
}

type PortraitCell = {feature: string; label: Text | string; standardisedDifference: number; shown: {unit: "share" | "money" | "count"; value: number; overall: number; what: Text | string}};

/** `currency`: the unit of the money cells (in the tips). */
export function PortraitHeatmap(clusters: {name: Text | string; features: PortraitCell[]}[], {width = 640, unit: currency}: {width?: number; unit: string}) {
  const rows = clusters.flatMap((c) => c.features.map((f) => ({...f, cluster: tr(c.name), label: tr(f.label), what: tr(f.shown.what)})));
  const features = clusters[0]?.features.map((f) => tr(f.label)) ?? [];
  const names = clusters.map((c) => tr(c.name));
  // Cells show the profile's value in the reader's units: a share, money, or a number of orders.
  const show = (unit: PortraitCell["shown"]["unit"], x: number) => (unit === "share" ? pct(x, 0) : unit === "money" ? money(x) : fixed(x, 1));
  const showWithUnit = (unit: PortraitCell["shown"]["unit"], x: number) => `${show(unit, x)}${unit === "money" ? `${ru ? "\u00A0" : " "}${currency}` : ""}`;
  return Plot.plot({
    width,
    height: 110 + clusters.length * 34,
    marginLeft: groupAxis(names, width).marginLeft,
    marginBottom: 110,
    padding: 0.05,
    x: {label: null, domain: features, tickRotate: -35},
    y: {label: null, domain: names, tickFormat: groupAxis(names, width).tickFormat},
    color: {type: "diverging", scheme: "RdBu", reverse: true, domain: [-2.5, 2.5], clamp: true, legend: true,
      label: tr({en: "Colour: standardised difference from all customers (sd; order value and orders on a log scale)",
        ru: "Цвет: стандартизованная разница со всеми клиентами (в стандартных отклонениях; сумма заказа и число заказов — в логарифмической шкале)"})},
    marks: [
      Plot.cell(rows, {x: "label", y: "cluster", fill: "standardisedDifference", tip: true,
        title: (r: PortraitCell & {cluster: string; what: string}) => ru
          ? `${r.cluster}\n${r.what}: ${showWithUnit(r.shown.unit, r.shown.value)} (все клиенты: ${showWithUnit(r.shown.unit, r.shown.overall)})\n${r.standardisedDifference >= 0 ? "+" : ""}${fixed(r.standardisedDifference, 2)} ст. откл.`
          : `${r.cluster}\n${r.what}: ${showWithUnit(r.shown.unit, r.shown.value)} (all customers ${showWithUnit(r.shown.unit, r.shown.overall)})\n${r.standardisedDifference >= 0 ? "+" : ""}${r.standardisedDifference.toFixed(2)} sd`}),
      Plot.text(rows, {x: "label", y: "cluster", text: (r: PortraitCell) => show(r.shown.unit, r.shown.value), fontSize: 9,
        fill: (r: {standardisedDifference: number}) => (Math.abs(r.standardisedDifference) > 1.6 ? "white" : "black")})
    ]
  });
}

export function SendWindowChart(plan: {label: Text | string; window: {months: number[]; peakMonth: number; text: Text | string}}[], {width = 640}: {width?: number} = {}) {
  const rows = plan.flatMap((p) => MONTHS.map((m, i) => ({segment: tr(p.label), month: m, send: p.window.months.includes(i + 1), peak: p.window.peakMonth === i + 1, text: tr(p.window.text)})));
  const [peak, inWindow, outside] = [tr({en: "peak month", ru: "пиковый месяц"}), tr({en: "in the send window", ru: "в окне рассылки"}), tr({en: "outside the window", ru: "вне окна"})];
  return Plot.plot({
    width,
    height: 60 + plan.length * 30,
    marginLeft: ru ? 120 : 90,
    padding: 0.08,
    x: {label: null, domain: MONTHS, axis: "top"},
    y: {label: null, domain: plan.map((p) => tr(p.label))},
    color: {domain: [peak, inWindow, outside], range: [POSITIVE, "#f1a7a8", "#eef0f2"], legend: true},
    marks: [
      Plot.cell(rows, {x: "month", y: "segment", fill: (r: {peak: boolean; send: boolean}) => (r.peak ? peak : r.send ? inWindow : outside), tip: true,
        title: (r: {segment: string; month: string; text: string}) => `${r.segment}, ${r.month}\n${tr({en: "window", ru: "окно"})}: ${r.text}`})
    ]
  });
}

/** Share of each group's customers with a second order within `horizon` days of their first (Kaplan–Meier, so customers
 * observed for less time count for as long as they were observed), in the groups' order; labelled with the share and n. */
export function ReturnShares(groups: {label: Text | string; n: number; proportion?: number}[], {width = 640, horizon}: {width?: number; horizon: number}) {
  const rows = groups.map((g) => ({label: tr(g.label), share: g.proportion ?? 0, n: g.n}));
  const within = ru ? `за ${count(horizon, nouns.day)}` : `within ${horizon} days`;
  const max = Math.max(0.01, ...rows.map((r) => r.share));
  return Plot.plot({
    width,
    height: 50 + rows.length * 26,
    marginLeft: Math.min(190, width * 0.4),
    marginRight: 80,
    x: {label: ru ? `Клиенты со вторым заказом ${within} (%, Каплан — Мейер) →` : `Customers with a second order within ${horizon} days (%, Kaplan–Meier) →`, domain: [0, max * 1.15], tickFormat: "%", grid: true},
    y: {label: null, domain: rows.map((r) => r.label)},
    ariaLabel: ru ? `Доля клиентов со вторым заказом ${within}, по группам` : `Share of customers with a second order within ${horizon} days, per group`,
    marks: [
      Plot.barX(rows, {x: "share", y: "label", fill: POSITIVE, fillOpacity: 0.75, tip: true, title: (r) => `${r.label}\n${pct(r.share)} ${within}\n${count(r.n, nouns.customer)}`}),
      Plot.text(rows, {x: "share", y: "label", text: (r) => `${pct(r.share)} · n ${int(r.n)}`, dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0])
    ]
  });
}

/** Median of a money value per group, largest first, bars from zero; `what`: the value ("first order"), `unit`: its currency. */
export function GroupMedians(groups: {label: Text | string; n: number; median?: number; q1?: number; q3?: number}[], {width = 640, what, unit}: {width?: number; what: Text | string; unit: string}) {
  const thing = tr(what);
  const rows = groups.map((g) => ({label: tr(g.label), median: g.median ?? 0, q1: g.q1 ?? NaN, q3: g.q3 ?? NaN, n: g.n})).sort((a, b) => b.median - a.median);
  return Plot.plot({
    width,
    height: 50 + rows.length * 26,
    marginLeft: Math.min(width * 0.45, 12 + 6 * Math.max(...rows.map((r) => r.label.length))),
    marginRight: 90,
    x: {label: ru ? `Медиана — ${thing} (${unit}) →` : `Median ${thing} (${unit}) →`, grid: true, zero: true},
    y: {label: null, domain: rows.map((r) => r.label)},
    ariaLabel: ru ? `Медиана — ${thing}, по группам, ${unit}` : `Median ${thing} per group, in ${unit}`,
    marks: [
      Plot.barX(rows, {x: "median", y: "label", fill: POSITIVE, fillOpacity: 0.75, tip: true,
        title: (r) => ru
          ? `${r.label}\nмедиана ${money(r.median)}\u00A0${unit} (квартили ${money(r.q1)}–${money(r.q3)})\n${count(r.n, nouns.customer)}`
          : `${r.label}\nmedian ${money(r.median)} ${unit} (quartiles ${money(r.q1)}–${money(r.q3)})\n${r.n.toLocaleString("en-US")} customers`}),
      Plot.text(rows, {x: "median", y: "label", text: (r) => `${money(r.median)} · n ${int(r.n)}`, dx: 4, textAnchor: "start", fill: "currentColor"}),
      Plot.ruleX([0])
    ]
  });
}

export interface TextColumn<T> {
  key: keyof T & string;
  label: string;
  format?: (value: never, row: T) => string;
  numeric?: boolean;
  /** Values shown as found in the export (product names, rule stems): marked translate="no". */
  verbatim?: boolean;
}

/** A plain HTML table for rows of words (rules, plans): text wraps and the table grows with it, scrolling in its own box when wider than the page. Values render as text. */
export function textTable<T extends Record<string, unknown>>(rows: T[], columns: TextColumn<T>[]) {
  const cell = (row: T, c: TextColumn<T>) => {
    const v = row[c.key];
    const text = c.format ? c.format(v as never, row) : v === null || v === undefined ? "" : String(v);
    return html`<td class=${c.numeric ? "num" : ""} translate=${c.verbatim ? "no" : null}>${text}</td>`;
  };
  // A table wider than the page (many columns on a phone) scrolls inside its own box, never the page.
  return html`<div class="scroll-x" style="overflow-x: auto; max-width: 100%;"><table class="eco-text">
    <thead><tr>${columns.map((c) => html`<th class=${c.numeric ? "num" : ""}>${c.label}</th>`)}</tr></thead>
    <tbody>${rows.map((r) => html`<tr>${columns.map((c) => cell(r, c))}</tr>`)}</tbody>
  </table></div>`;
}

/** Colour scale for consumption profiles: each profile in the colour of its dominant category. */
export function profileColor(clusters: {name: Text | string; dominant: string}[], {legend = true}: {legend?: boolean} = {}) {
  return {domain: clusters.map((c) => tr(c.name)), range: clusters.map((c) => CATEGORY_COLORS[Math.max(0, CATEGORY_ORDER.indexOf(c.dominant))]), legend};
}
