/**
 * The overview dashboard: one panel per case — filters, KPI tiles linking to the case's Summary and
 * one chart — redrawn in the browser from the case's precomputed cube (dashboard.json,
 * loaders/analysis/dashboard.ts): a filter picks a cell of the cube, nothing is re-counted from
 * customer rows, and a hidden cell (fewer than 10 customers, or its complement) shows no figure.
 */
import * as Plot from "@observablehq/plot";
import {html} from "htl";
import type {Cube, CubeCell, Dashboard, Kpi} from "../../loaders/analysis/dashboard.ts";
import {count, fixed, grouped, pct, wrappedAxis} from "./format.js";
import {CHOSEN, POSITIVE} from "./palette.js";
import {pageLang, tr, type Noun, type Text} from "./i18n.js";

const ru = () => pageLang === "ru";
const isNoun = (u: Noun | Text): u is Noun => Array.isArray((u as Noun).en);
/** The counted noun's plural for "of 4,000 members" / the Russian genitive plural («клиентов»). */
const many = (noun: Noun) => (ru() ? noun.ru[2] : noun.en[1]);
/** "of 1,234 members" / «из 1 234 клиентов» (Russian genitive: из 1 клиента, из 5 клиентов). */
function ofCount(n: number, noun: Noun): string {
  if (!ru()) return `of ${count(n, noun)}`;
  const one = n % 10 === 1 && n % 100 !== 11;
  return `из ${grouped(n)} ${one ? noun.ru[1] : noun.ru[2]}`;
}
/** A share in percent with one decimal: "12.3 %" (ru «12,3 %»). */
const percent = (x: number) => (ru() ? `${fixed(x, 1)}\u202F%` : `${x.toFixed(1)} %`);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

export interface CaseDashboard {
  id: string;
  /** The case's Summary page. */
  href: string;
  dashboard: Dashboard;
}

/** The cell at `at` (one value per dimension; cube.all for no filter). */
export function cellAt(cube: Cube, at: readonly string[]): CubeCell {
  const found = cube.cells.find((c) => c.at.every((v, j) => v === at[j]));
  if (!found) throw new Error(`no dashboard cell at ${at.join(", ")}`);
  return found;
}

const sumOf = (cube: Cube, cell: CubeCell, measure: string | null) => (measure === null ? cell.n! : cell.sums![cube.measures.indexOf(measure)]);

/** A tile's figure, its unit (money only) and the line under it for one cell; null when the cell is hidden. */
export function kpiFigure(kpi: Kpi, cell: CubeCell, cube: Cube): {value: string; unit: string; detail: string} | null {
  if (cell.n === null) return null;
  const sum = sumOf(cube, cell, kpi.measure);
  const unit = kpi.unit;
  if (kpi.show === "share") return {value: cell.n ? pct(sum / cell.n) : "–", unit: "", detail: `${grouped(sum)} ${isNoun(unit) ? ofCount(cell.n, unit) : `of ${grouped(cell.n)}`}; ${tr(kpi.note)}`};
  return {value: grouped(sum), unit: kpi.show === "money" && !isNoun(unit) ? tr(unit) : "", detail: tr(kpi.note)};
}

function tile(kpi: Kpi, cell: CubeCell, cube: Cube, href: string, unit: Noun): HTMLElement {
  const figure = kpiFigure(kpi, cell, cube);
  const hidden = ru()
    ? `в этой выборке меньше ${cube.minCell} ${many(unit)}, или по ней можно было бы вычислить такую выборку`
    : `this selection holds fewer than ${cube.minCell} ${many(unit)}, or would reveal one that does`;
  return html`<a class="card dashboard-tile" href=${href}>
    <h3>${tr(kpi.label)}</h3>
    <div class="big"><span class="dashboard-figure">${figure ? figure.value : ru() ? "скрыто" : "hidden"}</span>${figure?.unit ? html` <span class="dashboard-unit">${figure.unit}</span>` : ""}</div>
    <p class="muted">${figure ? figure.detail : hidden}</p>
  </a>`;
}

/** Share at risk per level of the cube's first dimension, the other filters applied: a bar chart from zero. */
export function riskByFirstDimension(d: Dashboard, at: readonly string[], {width}: {width: number}): SVGSVGElement | HTMLElement {
  const cube = d.cube;
  const dim = cube.dimensions[0];
  const rows = dim.levels.map((level) => {
    const cell = cellAt(cube, at.map((v, j) => (j === 0 ? level.value : v)));
    const share = cell.n ? (100 * sumOf(cube, cell, d.atRisk.measure)) / cell.n : null;
    const text = ru()
      ? (cell.n === null ? `скрыто (меньше ${cube.minCell} или раскрывает)` : cell.n === 0 ? `нет ${many(d.unit)}` : `${percent(share!)} из ${grouped(cell.n)}`)
      : (cell.n === null ? `hidden (fewer than ${cube.minCell} or revealing)` : cell.n === 0 ? `no ${many(d.unit)}` : `${percent(share!)} of ${grouped(cell.n)}`);
    return {label: tr(level.label), share, text, selected: at[0] === level.value};
  });
  const labels = rows.map((r) => r.label);
  const axis = wrappedAxis(labels, Math.min(200, width * 0.35));
  const max = Math.max(1, ...rows.map((r) => r.share ?? 0));
  const plural = d.unit.en[1];
  const title = ru()
    ? `Доля ${many(d.unit)} ${tr(d.atRisk.label)}, % — по признаку «${tr(dim.label)}»`
    : `${plural.charAt(0).toUpperCase()}${plural.slice(1)} ${tr(d.atRisk.label)}, % by ${lowerFirst(tr(dim.label))}`;
  return Plot.plot({
    title,
    ariaLabel: title,
    ariaDescription: rows.map((r) => `${r.label}: ${r.text}`).join("; "),
    width,
    height: 50 + rows.length * axis.rowHeight(22),
    marginLeft: axis.marginLeft,
    marginRight: 10,
    x: {label: ru() ? `% ${many(d.unit)} →` : `% of the ${plural} →`, domain: [0, max * 1.4], grid: true, zero: true},
    y: {domain: labels, tickFormat: axis.tickFormat, label: null},
    marks: [
      Plot.barX(rows.filter((r) => r.share !== null), {x: "share", y: "label", fill: (r) => (r.selected ? CHOSEN : POSITIVE)}),
      Plot.text(rows, {x: (r) => r.share ?? 0, y: "label", text: "text", textAnchor: "start", dx: 4}),
      Plot.ruleX([0])
    ]
  });
}

/** One case's panel: filters, tiles and the chart, redrawn when a filter changes or the panel is resized. */
export function casePanel({id, href, dashboard: d}: CaseDashboard): HTMLElement {
  const cube = d.cube;
  const selects = cube.dimensions.map((dim) => html`<select name=${dim.id}>${[{value: cube.all, label: ru() ? "Все" : "All"}, ...dim.levels].map((l) => html`<option value=${l.value}>${tr(l.label)}</option>`)}</select>` as HTMLSelectElement);
  const tiles = html`<div class="dashboard-tiles"></div>` as HTMLElement;
  const chart = html`<div class="dashboard-chart"></div>` as HTMLElement;
  const hidden = cube.hidden.small + cube.hidden.complement;
  const panel = html`<section class="dashboard-case" id=${`dashboard-${id}`}>
    <h2><a href=${href}>${tr(d.title)}</a></h2>
    <p class="muted">${tr(d.question)}</p>
    <form class="dashboard-filters">${cube.dimensions.map((dim, j) => html`<label>${tr(dim.label)} ${selects[j]}</label>`)}</form>
    ${tiles}${chart}
    <p class="muted dashboard-note">${ru()
      ? (hidden
        ? `${grouped(hidden)} из ${grouped(cube.cells.length)} сочетаний фильтров не показывают цифр: ${grouped(cube.hidden.small)} — где меньше ${cube.minCell} ${many(d.unit)}${cube.hidden.complement ? `, и ещё ${grouped(cube.hidden.complement)} — чтобы их нельзя было вычислить вычитанием` : ""}.`
        : `В каждом сочетании фильтров не меньше ${cube.minCell} ${many(d.unit)} или ни одного.`)
      : (hidden
        ? `${grouped(hidden)} of ${grouped(cube.cells.length)} filter combinations show no figures: ${grouped(cube.hidden.small)} with fewer than ${cube.minCell} ${many(d.unit)}${cube.hidden.complement ? `, and ${grouped(cube.hidden.complement)} more so that those cannot be worked out by subtraction` : ""}.`
        : `Every filter combination holds at least ${cube.minCell} ${many(d.unit)} or none.`)}</p>
  </section>` as HTMLElement;
  const at = () => selects.map((s) => s.value);
  let width = 0;
  const drawChart = () => width > 0 && chart.replaceChildren(riskByFirstDimension(d, at(), {width}));
  const draw = () => {
    const cell = cellAt(cube, at());
    tiles.replaceChildren(...d.kpis.map((k) => tile(k, cell, cube, href, d.unit)));
    drawChart();
  };
  panel.querySelector("form")!.addEventListener("change", draw);
  new ResizeObserver(([entry]) => {
    const w = Math.floor(entry.contentRect.width);
    if (w !== width) (width = w), drawChart();
  }).observe(chart);
  draw();
  return panel;
}

/** What the report covers, in one line: each present case with its size and its data's period. */
export function coverageLine(cases: readonly CaseDashboard[]): string {
  const parts = cases.map(({dashboard: d}) => `${tr(d.title)} (${count(cellAt(d.cube, d.cube.dimensions.map(() => d.cube.all)).n!, d.unit)}; ${tr(d.periodNote)})`);
  if (!parts.length) return "";
  const and = ru() ? " и " : " and ";
  return `${ru() ? "Этот отчёт охватывает" : "This report covers"} ${parts.length > 1 ? `${parts.slice(0, -1).join(", ")}${and}${parts[parts.length - 1]}` : parts[0]}.`;
}

/** Share at risk of every case's customers (no filter), each by its own definition: a bar chart from zero. */
export function riskAcrossCases(cases: readonly CaseDashboard[], {width}: {width: number}): SVGSVGElement | HTMLElement {
  const rows = cases.map(({dashboard: d}) => {
    const all = cellAt(d.cube, d.cube.dimensions.map(() => d.cube.all));
    return {label: `${tr(d.title)} (${tr(d.atRisk.rule)})`, share: (100 * sumOf(d.cube, all, d.atRisk.measure)) / all.n!, n: all.n!, unit: d.unit};
  });
  const axis = wrappedAxis(rows.map((r) => r.label), Math.min(220, width * 0.4));
  const title = ru() ? "В зоне риска — в каждом кейсе по его собственному правилу (% его клиентов)" : "At risk, each case by its own rule (% of its customers)";
  return Plot.plot({
    title,
    ariaLabel: title,
    ariaDescription: rows.map((r) => `${r.label}: ${percent(r.share)} ${ofCount(r.n, r.unit)}`).join("; "),
    width,
    height: 50 + rows.length * axis.rowHeight(30),
    marginLeft: axis.marginLeft,
    x: {label: ru() ? "% клиентов кейса →" : "% of the case's customers →", domain: [0, Math.max(1, ...rows.map((r) => r.share)) * 1.5], grid: true, zero: true},
    y: {domain: rows.map((r) => r.label), tickFormat: axis.tickFormat, label: null},
    marks: [
      Plot.barX(rows, {x: "share", y: "label", fill: POSITIVE}),
      Plot.text(rows, {x: "share", y: "label", text: (r) => `${percent(r.share)} ${ru() ? "из" : "of"} ${grouped(r.n)}`, textAnchor: "start", dx: 4}),
      Plot.ruleX([0])
    ]
  });
}
