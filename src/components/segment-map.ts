/**
 * Probability of an event against a customer value (e.g. decline probability × monthly profit),
 * for segmenting by two thresholds. Customers arrive aggregated in grid cells (no customer rows
 * needed); cells are shaded by count, the two thresholds drawn as lines, and each quadrant
 * labelled with its live count. With customer rows allowed, `points` adds one dot per customer.
 *
 *   ${resize((width) => SegmentMap(segments, {width, probability: p, value: m, quadrants}))}
 */
import * as Plot from "@observablehq/plot";
import {CHOSEN, MUTED, POSITIVE} from "./palette.js";
import {tr} from "./i18n.js";
import {count, fixed, grouped, int} from "./format.js";
import {nouns} from "./glossary.js";

export interface MapCell {
  p0: number;
  p1: number;
  m0: number;
  m1: number;
  n: number;
  declined: number;
  profit: number;
}

export interface MapQuadrant {
  name: string;
  highRisk: boolean;
  highProfit: boolean;
  n: number;
}

export interface MapOptions {
  width?: number;
  height?: number;
  /** Current thresholds. */
  probability: number;
  value: number;
  quadrants: MapQuadrant[];
  probabilityLabel?: string;
  valueLabel?: string;
  /** One dot per customer (only when customer rows are allowed). */
  points?: {probability: number; profit: number; declined: number}[] | null;
  /** Names of the observed outcomes of the dots: [event, no event]. */
  outcomes?: [string, string];
  /** The chart's title. */
  title?: string;
}

export function SegmentMap(data: {cells: MapCell[]; profitEdges: number[]}, options: MapOptions) {
  const {width = 720, height = 440, probability, value, quadrants, probabilityLabel = tr({en: "Probability", ru: "Вероятность"}), valueLabel = tr({en: "Value", ru: "Ценность"}),
    points = null, outcomes = [tr({en: "event", ru: "событие"}), tr({en: "no event", ru: "нет события"})], title = tr({en: "Customers by risk and value, in four segments", ru: "Покупатели по риску и ценности, в четырёх сегментах"})} = options;
  const m0 = data.profitEdges[0], m1 = data.profitEdges[data.profitEdges.length - 1];
  const corner = (q: MapQuadrant) => ({
    anchor: `${q.highProfit ? "top" : "bottom"}-${q.highRisk ? "right" : "left"}`,
    text: `${q.name}\n${count(q.n, nouns.buyer)}`
  });
  return Plot.plot({
    title,
    width, height,
    x: {label: `${probabilityLabel} →`, domain: [0, 1], tickFormat: "%", grid: true},
    y: {label: `↑ ${valueLabel}`, domain: [m0, m1], grid: true},
    color: points
      ? {domain: outcomes, range: [POSITIVE, "#4e79a7"], legend: true}
      : {type: "sqrt", scheme: "purples", label: tr({en: "Customers in the cell", ru: "Покупателей в ячейке"}), legend: true},
    marks: [
      Plot.rect(data.cells, {x1: "p0", x2: "p1", y1: "m0", y2: "m1", fill: points ? () => "#eee" : "n", inset: 0.3, tip: !points,
        title: (c: MapCell) => tr({
          en: `${c.n} customers (${c.declined} declined)\nprobability ${(c.p0 * 100).toFixed(0)}–${(c.p1 * 100).toFixed(0)}%\nprofit ${+c.m0.toPrecision(4)}–${+c.m1.toPrecision(4)}\ntotal profit ${c.profit.toFixed(2)}`,
          ru: `${count(c.n, nouns.buyer)} (снижение: ${int(c.declined)})\nвероятность ${int(c.p0 * 100)}–${int(c.p1 * 100)}\u202F%\nприбыль ${grouped(+c.m0.toPrecision(4), 4)}–${grouped(+c.m1.toPrecision(4), 4)}\nвсего прибыли ${fixed(c.profit, 2)}`
        })}),
      points ? Plot.dot(points, {x: "probability", y: "profit", r: 2.2, fill: (d) => (d.declined ? outcomes[0] : outcomes[1]), fillOpacity: 0.6, tip: true,
        title: (d) => tr({en: `probability ${(d.probability * 100).toFixed(1)}%\nprofit ${d.profit}`, ru: `вероятность ${fixed(d.probability * 100, 1)}\u202F%\nприбыль ${grouped(d.profit, 2)}`}) + `\n${d.declined ? outcomes[0] : outcomes[1]}`}) : null,
      Plot.ruleX([probability], {stroke: CHOSEN, strokeWidth: 2.5}),
      Plot.ruleY([value], {stroke: CHOSEN, strokeWidth: 2.5}),
      ...quadrants.map((q) => {
        const c = corner(q);
        return Plot.text([c.text], {frameAnchor: c.anchor as "top-left", dx: q.highRisk ? -8 : 8, dy: q.highProfit ? 8 : -8,
          fontWeight: "bold", fill: "black", stroke: "white", strokeWidth: 4, paintOrder: "stroke"});
      }),
      Plot.frame({stroke: MUTED})
    ]
  });
}
