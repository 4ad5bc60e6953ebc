/**
 * Mixed-type association matrix (loaders/stats associationMatrix): |r| between numeric columns,
 * Cramér's V between categorical ones, correlation ratio η between a categorical and a numeric
 * column — all in [0, 1]. Pairs at or above the collinearity threshold are outlined in black; the
 * target's row and column (the last) are outlined in red.
 *
 *   ${resize((width) => AssociationHeatmap(explore.association, {width}))}
 */
import * as Plot from "@observablehq/plot";
import {POSITIVE} from "./palette.js";
import {fixed, wrappedAxis} from "./format.js";
import {tr} from "./i18n.js";

export interface AssociationData {
  names: string[];
  /** Short display names, same order. */
  short: string[];
  values: number[][];
  measures: string[][];
  threshold: number;
}

export function AssociationHeatmap(m: AssociationData, {width = 720, targetLast = true}: {width?: number; targetLast?: boolean} = {}) {
  const labels = m.short;
  const last = labels.length - 1;
  const cells = labels.flatMap((a, i) => labels.map((b, j) => ({
    a, b, i, j, value: m.values[i][j], measure: m.measures[i][j], aName: m.names[i], bName: m.names[j],
    target: targetLast && (i === last || j === last) && i !== j,
    collinear: i !== j && m.values[i][j] >= m.threshold && !(targetLast && (i === last || j === last))
  })));
  const axis = wrappedAxis(labels, width * 0.3);
  const size = Math.min(width, 880);
  return Plot.plot({
    title: tr({en: "Association between every pair of columns", ru: "Связь между каждой парой столбцов"}),
    width: size,
    // Square cells where the wrapped labels fit; taller rows on a narrow screen.
    height: Math.max(size - axis.marginLeft, labels.length * axis.rowHeight(0)) + 110,
    marginLeft: axis.marginLeft,
    marginBottom: 110,
    x: {label: null, domain: labels, tickRotate: -45},
    y: {label: null, domain: labels, tickFormat: axis.tickFormat},
    color: {type: "linear", scheme: "blues", domain: [0, 1], label: tr({en: "Strength of association (0 = none, 1 = perfect)", ru: "Сила связи (0 — нет, 1 — полная)"}), legend: true},
    marks: [
      Plot.cell(cells, {x: "a", y: "b", fill: "value", inset: 0.5, tip: true,
        title: (c) => c.i === c.j ? c.aName : `${c.aName} × ${c.bName}\n${c.measure} = ${fixed(c.value, 3)}${c.collinear ? `\n${tr({en: "collinear pair", ru: "коллинеарная пара"})}` : ""}`}),
      // Values in the cells only where a cell is wide enough for ".45" (else they run together; the tip has them).
      (size - axis.marginLeft - 20) / labels.length >= 20 ? Plot.text(cells.filter((c) => c.i !== c.j), {x: "a", y: "b", text: (c) => fixed(c.value, 2).replace(/^0\./, "."), fontSize: 9, fill: (c) => (c.value > 0.55 ? "white" : "black")}) : null,
      Plot.cell(cells.filter((c) => c.collinear), {x: "a", y: "b", stroke: "black", strokeWidth: 2.5, fill: "none"}),
      Plot.cell(cells.filter((c) => c.target), {x: "a", y: "b", stroke: POSITIVE, strokeWidth: 1, fill: "none", inset: 0.5})
    ]
  });
}
