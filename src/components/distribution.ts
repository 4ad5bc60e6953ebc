/**
 * One feature's distribution split by a binary target (ExplorationReport.distributions[i]):
 * continuous features as overlaid histograms of each outcome's share per bin (so groups of
 * different size compare), binary/categorical features as the outcome rate per level with the
 * level's size. Also CorrelationHeatmap of the features and the target.
 *
 *   ${resize((width) => DistributionByTarget(d, explore.target, {width}))}
 */
import * as Plot from "@observablehq/plot";
import type {ExplorationReport, FeatureDistribution, TargetSpec} from "../../loaders/analysis/types.ts";
import {NEGATIVE, POSITIVE, outcomeColor} from "./palette.js";
import {count, fixed, grouped, pct, wrappedAxis} from "./format.js";
import {pageLang, tr} from "./i18n.js";
import {nouns} from "./glossary.js";

const ru = pageLang === "ru";
const members = (n: number) => (ru ? count(n, nouns.member) : `${grouped(n)} members`);
/** The target's words in the page's language (TargetSpec.ru where the case gives it). */
const outcomes = (t: TargetSpec) => (ru && t.ru ? {positive: t.ru.positive, negative: t.ru.negative} : {positive: t.positive, negative: t.negative});

export function DistributionByTarget(d: FeatureDistribution, targetSpec: TargetSpec, {width = 400, height = 200}: {width?: number; height?: number} = {}) {
  const target = outcomes(targetSpec);
  const label = tr(d.labels ?? d.label);
  if (d.bins) {
    const nNeg = d.bins.reduce((s, b) => s + b.negative, 0), nPos = d.bins.reduce((s, b) => s + b.positive, 0);
    const rows = d.bins.flatMap((b) => [
      {x0: b.x0, x1: b.x1, outcome: target.negative, share: b.negative / nNeg, count: b.negative},
      {x0: b.x0, x1: b.x1, outcome: target.positive, share: b.positive / nPos, count: b.positive}
    ]);
    return Plot.plot({
      width, height,
      x: {label: `${label} →`},
      y: {label: ru ? "↑ Доля группы" : "↑ Share of the group", grid: true, nice: true, tickFormat: "%"},
      color: outcomeColor(target.negative, target.positive),
      marks: [
        Plot.rectY(rows, {x1: "x0", x2: "x1", y1: 0, y2: "share", fill: "outcome", fillOpacity: 0.5, mixBlendMode: "multiply", inset: 0.5, tip: true,
          title: (r) => `${r.outcome}: ${members(r.count)} (${ru ? pct(r.share) : `${fixed(r.share * 100, 1)}%`})\n${label} ${ru ? grouped(+r.x0.toPrecision(4), 4) : +r.x0.toPrecision(4)}–${ru ? grouped(+r.x1.toPrecision(4), 4) : +r.x1.toPrecision(4)}`}),
        Plot.ruleX([d.meanNegative], {stroke: NEGATIVE, strokeDasharray: "4 2"}),
        Plot.ruleX([d.meanPositive], {stroke: POSITIVE, strokeDasharray: "4 2"}),
        Plot.ruleY([0])
      ]
    });
  }
  const levels = (d.levels ?? []).map((l) => ({...l, label: tr(l.labels ?? l.label)}));
  const axis = wrappedAxis(levels.map((l) => l.label), width * 0.4);
  return Plot.plot({
    width, height: Math.max(height * 0.6, 40 + levels.length * axis.rowHeight(28)),
    marginLeft: axis.marginLeft,
    x: {label: ru ? `Доля: ${target.positive} →` : `Share ${target.positive} →`, domain: [0, 1], grid: true, tickFormat: "%"},
    y: {label: null, domain: levels.map((l) => l.label), tickFormat: axis.tickFormat},
    marks: [
      Plot.barX(levels, {y: "label", x: 1, fill: NEGATIVE, fillOpacity: 0.35}),
      Plot.barX(levels, {y: "label", x: "rate", fill: POSITIVE, tip: true,
        title: (l) => `${label}: ${l.label}\n${members(l.negative + l.positive)}, ${grouped(l.positive)} ${target.positive} (${ru ? pct(l.rate) : `${fixed(l.rate * 100, 1)}%`})`}),
      Plot.text(levels, {y: "label", x: "rate", text: (l) => (ru ? `${pct(l.rate, 0)} из ${grouped(l.negative + l.positive)}` : `${fixed(l.rate * 100, 0)}% of ${grouped(l.negative + l.positive)}`), dx: 4, textAnchor: "start", fill: "black"})
    ]
  });
}

export function CorrelationHeatmap(explore: ExplorationReport, {width = 720}: {width?: number} = {}) {
  const {names, values} = explore.correlation;
  const labels = explore.correlation.labelTexts ? explore.correlation.labelTexts.map((t) => tr(t)) : explore.correlation.labels;
  const labelOf = new Map(explore.correlation.labels.map((l, i) => [l, labels[i]]));
  const flagged = new Set(explore.collinear.flatMap((p) => {
    const a = labelOf.get(p.aLabel) ?? p.aLabel, b = labelOf.get(p.bLabel) ?? p.bLabel;
    return [`${a}|${b}`, `${b}|${a}`];
  }));
  const cells = names.flatMap((_, i) => names.map((__, j) => ({a: labels[i], b: labels[j], r: values[i][j], target: i === names.length - 1 || j === names.length - 1, collinear: flagged.has(`${labels[i]}|${labels[j]}`)})));
  const longest = Math.max(...labels.map((l) => l.length));
  const axis = wrappedAxis(labels, width * 0.35);
  const size = Math.min(width, 900);
  const bottom = 12 + 6.2 * longest * Math.SQRT1_2;
  return Plot.plot({
    title: ru ? "Корреляция каждой пары признаков и целевой переменной" : "Correlation between every pair of features and the target",
    width: size,
    // Square cells where the wrapped labels fit; taller rows on a narrow screen.
    height: Math.max(size - axis.marginLeft, labels.length * axis.rowHeight(0)) + bottom,
    marginLeft: axis.marginLeft,
    marginBottom: bottom,
    x: {label: null, domain: labels, tickRotate: -45},
    y: {label: null, domain: labels, tickFormat: axis.tickFormat},
    color: {type: "linear", scheme: "rdbu", reverse: true, domain: [-1, 1], label: ru ? "r Пирсона" : "Pearson r", legend: true},
    marks: [
      Plot.cell(cells, {x: "a", y: "b", fill: "r", inset: 0.5, tip: true, title: (c) => `${c.a} × ${c.b}\nr = ${fixed(c.r, 3)}${c.collinear ? (ru ? "\nколлинеарная пара" : "\ncollinear pair") : ""}`}),
      // Values in the cells only where a cell is wide enough for "-.45" (else they run together; the tip has them).
      (size - axis.marginLeft - 20) / labels.length >= 22 ? Plot.text(cells, {x: "a", y: "b", text: (c) => (c.a === c.b ? "" : fixed(c.r, 2).replace(/^(-?)0[.,]/, ru ? "$1," : "$1.")), fontSize: 9, fill: (c) => (Math.abs(c.r) > 0.6 ? "white" : "black")}) : null,
      Plot.cell(cells.filter((c) => c.collinear), {x: "a", y: "b", stroke: "black", strokeWidth: 2.5, fill: "none"}),
      // Outline the target's row and column.
      Plot.cell(cells.filter((c) => c.target), {x: "a", y: "b", stroke: POSITIVE, strokeWidth: 1, fill: "none", inset: 0.5})
    ]
  });
}
