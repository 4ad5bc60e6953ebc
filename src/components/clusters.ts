/**
 * Charts of a cluster report (ClusterReport):
 *   Dendrogram          truncated Ward dendrogram (the chart k is read from)
 *   MergeJumpChart      per k, the rise in Ward merge height from k to k − 1 groups (the rule)
 *   ElbowChart          within-cluster sum of squares by k
 *   SilhouetteChart     mean silhouette by k, the chosen k highlighted
 *   PortraitHeatmap     clusters × features, coloured by standardised difference from everyone,
 *                       labelled with the cluster's mean in the feature's own units
 *   ClusterRateChart    share of the positive outcome per cluster with its 95% Wilson interval
 *
 *   ${resize((width) => Dendrogram(clusters.dendrogram, {width}))}
 */
import * as Plot from "@observablehq/plot";
import type {ClusterReport, ClusterSolution} from "../../loaders/analysis/types.ts";
import {CHOSEN, MUTED, NEGATIVE, POSITIVE} from "./palette.js";
import {CHAR_WIDTH, count, fixed, grouped, pct as percent, wrappedAxis} from "./format.js";
import {pageLang, tr} from "./i18n.js";
import {nouns} from "./glossary.js";

const ru = pageLang === "ru";
const members = (n: number) => (ru ? count(n, nouns.member) : `${n} members`);

export function Dendrogram(dendrogram: ClusterReport["dendrogram"], {width = 640}: {width?: number} = {}) {
  return Plot.plot({
    width,
    height: 340,
    marginBottom: 44,
    marginRight: 16, // the last leaf's count is drawn at the right edge
    x: {axis: null, domain: [0, 10 * dendrogram.leaves.length]},
    y: {label: ru ? "↑ Высота слияния Уорда (рост разброса внутри групп)" : "↑ Ward merge height (increase in within-group spread)", grid: true, domain: [0, dendrogram.maxHeight * 1.05]},
    marks: [
      Plot.link(dendrogram.segments, {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: NEGATIVE, strokeWidth: 1.2}),
      // Member counts under the leaves, turned so that they never overlap on a narrow screen.
      Plot.text(dendrogram.leaves, {x: "x", y: 0, text: (l) => grouped(l.size), rotate: -90, textAnchor: "end", dy: 4, fontSize: 10, title: (l) => members(l.size)})
    ]
  });
}

/** Per k, how much the Ward merge height rises to go from k to k − 1 groups (bars from zero); k
 *  whose groups are too small to target are greyed, the chosen k highlighted. */
export function MergeJumpChart(kChoice: ClusterReport["kChoice"], {width = 520, k}: {width?: number; k?: number} = {}) {
  const pct = (x: number) => (ru ? percent(x, 0) : `${(100 * x).toFixed(0)}%`);
  return Plot.plot({
    width: Math.min(width, 560),
    height: 260,
    x: {label: ru ? "Число групп k" : "Number of groups k", type: "band", domain: kChoice.bands.map((b) => b.k)},
    marginTop: 28,
    y: {label: ru ? "↑ Рост высоты слияния при переходе от k к k − 1 группам (%)" : "↑ Rise in merge height from k to k − 1 groups (%)", grid: true, tickFormat: (x: number) => `${Math.round(100 * x)}`, domain: [0, 1.15 * Math.max(...kChoice.bands.map((b) => b.rise))]},
    marks: [
      Plot.barY(kChoice.bands, {x: "k", y: "rise", fill: (b) => (b.k === k ? CHOSEN : b.sizeable ? NEGATIVE : MUTED), tip: true,
        title: (b) => ru
          ? `k = ${b.k}: высота слияния ${fixed(b.lo, 1)} → ${fixed(b.hi, 1)} (+${pct(b.rise)})\nнаименьшая группа — ${pct(b.smallestShare)} клиентов${b.sizeable ? "" : ` (меньше ${pct(kChoice.minShare)}: не подходит)`}`
          : `k = ${b.k}: merge height ${b.lo.toFixed(1)} → ${b.hi.toFixed(1)} (+${pct(b.rise)})\nsmallest group ${pct(b.smallestShare)} of members${b.sizeable ? "" : ` (below ${pct(kChoice.minShare)}: not eligible)`}`}),
      Plot.text(kChoice.bands, {x: "k", y: "rise", text: (b) => `+${pct(b.rise)}`, dy: -8, fontSize: 11}),
      Plot.ruleY([0])
    ]
  });
}

export function ElbowChart(scores: ClusterReport["scores"], {width = 420, k}: {width?: number; k?: number} = {}) {
  // Room for the longest tick label ("18,000"), which Plot's default 40 px margin clips.
  const longestTick = grouped(Math.max(...scores.map((s) => s.inertia))).length;
  return Plot.plot({
    width: Math.min(width, 520),
    height: 260,
    marginLeft: Math.max(40, 14 + CHAR_WIDTH * longestTick),
    x: {label: ru ? "Число групп k →" : "Number of groups k →", ticks: scores.map((s) => s.k), tickFormat: "d"},
    y: {label: ru ? "↑ Внутригрупповая сумма квадратов" : "↑ Within-group sum of squares", grid: true, zero: true},
    marks: [
      Plot.line(scores, {x: "k", y: "inertia", stroke: NEGATIVE}),
      Plot.dot(scores, {x: "k", y: "inertia", r: (s) => (s.k === k ? 6 : 3.5), fill: (s) => (s.k === k ? CHOSEN : NEGATIVE), tip: true, title: (s) => ru ? `k = ${s.k}\nвнутригрупповая сумма квадратов ${grouped(s.inertia)}` : `k = ${s.k}\nwithin-group SS ${s.inertia.toFixed(0)}`})
    ]
  });
}

export function SilhouetteChart(scores: ClusterReport["scores"], {width = 420, k}: {width?: number; k?: number} = {}) {
  return Plot.plot({
    width: Math.min(width, 520),
    height: 260,
    x: {label: ru ? "Число групп k →" : "Number of groups k →", ticks: scores.map((s) => s.k), tickFormat: "d"},
    y: {label: ru ? "↑ Средний силуэт (от −1 до 1, выше — группы лучше разделены)" : "↑ Mean silhouette (−1 to 1, higher = better separated)", grid: true},
    marks: [
      Plot.line(scores, {x: "k", y: "silhouette", stroke: NEGATIVE}),
      Plot.dot(scores, {x: "k", y: "silhouette", r: (s) => (s.k === k ? 6 : 3.5), fill: (s) => (s.k === k ? CHOSEN : NEGATIVE), tip: true, title: (s) => ru ? `k = ${s.k}\nсилуэт ${fixed(s.silhouette, 3)}` : `k = ${s.k}\nsilhouette ${s.silhouette.toFixed(3)}`})
    ]
  });
}

const short = (x: number) => (Math.abs(x) >= 100 ? fixed(x, 0) : Math.abs(x) >= 10 ? fixed(x, 1) : fixed(x, 2));

export function PortraitHeatmap(solution: ClusterSolution, {width = 800}: {width?: number} = {}) {
  const features = solution.clusters[0]?.features.map((f) => tr(f.labels ?? f.label)) ?? [];
  const names = solution.clusters.map((c) => `${ru ? "Группа" : "Group"} ${c.cluster + 1}`);
  const cells = solution.clusters.flatMap((c, i) => c.features.map((f) => ({...f, label: tr(f.labels ?? f.label), group: names[i], name: tr(c.names ?? c.name), size: c.size})));
  const limit = Math.max(1, ...cells.map((c) => Math.abs(c.standardisedDifference)));
  const axis = wrappedAxis(features, width * 0.35);
  return Plot.plot({
    title: ru ? "Среднее каждого признака в каждой группе" : "Each group's mean of each feature",
    width,
    height: 60 + features.length * axis.rowHeight(28),
    marginLeft: axis.marginLeft,
    marginTop: 30,
    x: {label: null, axis: "top", domain: names},
    y: {label: null, domain: features, tickFormat: axis.tickFormat},
    color: {type: "linear", scheme: "rdbu", reverse: true, domain: [-limit, limit], label: ru ? "стандартизованное отличие от всех (в ст. откл.)" : "standardised difference from everyone (sd)", legend: true},
    marks: [
      Plot.cell(cells, {x: "group", y: "label", fill: "standardisedDifference", inset: 0.5, tip: true,
        title: (c) => ru
          ? `${c.group}: ${c.name} (${members(c.size)})\n${c.label}: среднее ${short(c.mean)} против ${short(c.overallMean)} у всех\n${c.standardisedDifference >= 0 ? "+" : ""}${fixed(c.standardisedDifference, 2)} ст. откл.`
          : `${c.group}: ${c.name} (${c.size} members)\n${c.label}: mean ${short(c.mean)} vs ${short(c.overallMean)} overall\n${c.standardisedDifference >= 0 ? "+" : ""}${c.standardisedDifference.toFixed(2)} sd`}),
      Plot.text(cells, {x: "group", y: "label", text: (c) => short(c.mean), fill: (c) => (Math.abs(c.standardisedDifference) > limit * 0.6 ? "white" : "black"), fontSize: 11})
    ]
  });
}

export function ClusterRateChart(solution: ClusterSolution, {width = 640, overall, outcome = "event rate"}: {width?: number; overall?: number; outcome?: string} = {}) {
  const rows = solution.clusters.map((c) => ({...c, label: `${c.cluster + 1}. ${tr(c.names ?? c.name)}`}));
  const axis = wrappedAxis(rows.map((r) => r.label), width * 0.45);
  return Plot.plot({
    title: ru ? `${outcome} по группам` : `${outcome} by group`,
    width,
    height: 60 + rows.length * axis.rowHeight(30),
    marginTop: 24,
    marginLeft: axis.marginLeft,
    x: {label: ru ? `${outcome}, 95-процентный интервал Уилсона →` : `${outcome} with 95% Wilson interval →`, domain: [0, Math.min(1, Math.max(...rows.map((r) => r.targetRate.hi)) * 1.1)], grid: true, tickFormat: "%"},
    y: {label: null, domain: rows.map((r) => r.label), tickFormat: axis.tickFormat},
    marks: [
      Plot.barX(rows, {y: "label", x: (r) => r.targetRate.value, fill: (r) => (overall !== undefined && r.targetRate.lo > overall ? POSITIVE : overall !== undefined && r.targetRate.hi < overall ? NEGATIVE : MUTED), fillOpacity: 0.85, tip: true,
        title: (r) => ru
          ? `${r.label}: ${members(r.size)}\n${outcome} ${percent(r.targetRate.value)} (95-процентный ДИ ${fixed(r.targetRate.lo * 100, 1)}–${percent(r.targetRate.hi)})`
          : `${r.label}: ${r.size} members\n${outcome} ${(r.targetRate.value * 100).toFixed(1)}% (95% CI ${(r.targetRate.lo * 100).toFixed(1)}–${(r.targetRate.hi * 100).toFixed(1)}%)`}),
      Plot.ruleY(rows, {y: "label", x1: (r) => r.targetRate.lo, x2: (r) => r.targetRate.hi, stroke: "black", strokeWidth: 1.5}),
      overall === undefined ? null : Plot.ruleX([overall], {stroke: "black", strokeDasharray: "4 3"}),
      overall === undefined ? null : Plot.text([ru ? `в целом ${percent(overall)}` : `overall ${(overall * 100).toFixed(1)}%`], {x: overall, frameAnchor: "top", dy: -4, dx: 4, textAnchor: "start"})
    ]
  });
}
