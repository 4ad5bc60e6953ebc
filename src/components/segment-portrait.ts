/**
 * A segment portrayed against everyone else (loaders/cases/one-click/segments.ts Portrait):
 *   PortraitDifferences  numeric variables: standardised difference of the means (segment − rest,
 *                        in sds of everyone), coloured by the corrected test's finding
 *   PortraitLevels       categorical variables: share of each level in the segment and in the rest
 *
 *   ${resize((width) => PortraitDifferences(portrait, {width}))}
 */
import * as Plot from "@observablehq/plot";
import {CHOSEN, MUTED, NEGATIVE, POSITIVE} from "./palette.js";
import {formatP} from "./format.js";

interface Variable {
  id: string;
  label: string;
  kind: "numeric" | "categorical";
  segment?: {mean: number; median: number};
  rest?: {mean: number; median: number};
  levels?: {level: string; segment: number; rest: number}[];
  standardisedDifference?: number;
  finding: string;
  test: {test: string; pAdjusted?: number; pValue: number; effect: {name: string; value: number}};
}

export interface PortraitData {
  name: string;
  n: number;
  restN: number;
  variables: Variable[];
}

const value = (x: number) => (Math.abs(x) < 10 ? x.toFixed(2) : x.toFixed(0));

export function PortraitDifferences(p: PortraitData, {width = 640}: {width?: number} = {}) {
  const rows = p.variables.filter((v) => v.kind === "numeric").sort((a, b) => (b.standardisedDifference ?? 0) - (a.standardisedDifference ?? 0));
  const labels = rows.map((v) => v.label);
  const margin = Math.min(width * 0.55, 10 + 6.3 * Math.max(...labels.map((l) => l.length)));
  const finding = (v: Variable) => (v.finding === "higher" ? "higher in the segment" : v.finding === "lower" ? "lower in the segment" : "no evidence of a difference");
  return Plot.plot({
    width,
    height: 50 + rows.length * 26,
    marginLeft: margin,
    x: {label: `Difference of means, ${p.name} − everyone else (in standard deviations) →`, grid: true},
    y: {label: null, domain: labels},
    color: {domain: ["higher in the segment", "lower in the segment", "no evidence of a difference"], range: [POSITIVE, NEGATIVE, MUTED], legend: true},
    marks: [
      Plot.barX(rows, {y: "label", x: "standardisedDifference", fill: finding, tip: true,
        title: (v: Variable) => `${v.label}\nsegment mean ${value(v.segment!.mean)}, everyone else ${value(v.rest!.mean)}\n${v.test.test}, Holm p ${formatP(v.test.pAdjusted ?? v.test.pValue)}\n${v.test.effect.name} ${v.test.effect.value.toFixed(3)}`}),
      Plot.ruleX([0])
    ]
  });
}

export function PortraitLevels(p: PortraitData, variableId: string, {width = 640}: {width?: number} = {}) {
  const v = p.variables.find((x) => x.id === variableId);
  if (!v?.levels) throw new Error(`PortraitLevels: no categorical variable ${variableId}`);
  const rows = v.levels.flatMap((l) => [
    {level: l.level, group: p.name, share: l.segment},
    {level: l.level, group: "everyone else", share: l.rest}
  ]);
  const margin = Math.min(width * 0.4, 10 + 6.5 * Math.max(...v.levels.map((l) => l.level.length)));
  return Plot.plot({
    width,
    height: 50 + v.levels.length * 34,
    marginLeft: margin,
    x: {label: `Share of the group with this ${v.label.toLowerCase()} →`, tickFormat: "%", grid: true},
    y: {label: null, domain: v.levels.map((l) => l.level)},
    fy: {axis: null},
    color: {domain: [p.name, "everyone else"], range: [CHOSEN, MUTED], legend: true},
    marks: [
      Plot.ruleY(v.levels, {y: "level", x1: "segment", x2: "rest", stroke: MUTED}),
      Plot.dot(rows, {y: "level", x: "share", fill: "group", r: 6, tip: true, title: (d) => `${d.level}\n${d.group}: ${(d.share * 100).toFixed(1)}%`})
    ]
  });
}
