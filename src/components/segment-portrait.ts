/**
 * A segment portrayed against everyone else (loaders/cases/one-click/segments.ts Portrait):
 *   PortraitDifferences  numeric variables: Cohen's d of the segment against everyone else (difference
 *                        of means in pooled standard deviations), with the ±threshold from which a
 *                        difference is called distinctive; no p-values (the segments were built from
 *                        these variables)
 *   PortraitLevels       categorical variables: share of each level in the segment and in the rest
 *
 *   ${resize((width) => PortraitDifferences(portrait, segments.distinctiveEffect, {width}))}
 */
import * as Plot from "@observablehq/plot";
import {CHOSEN, MUTED, NEGATIVE, POSITIVE} from "./palette.js";
import {CHAR_WIDTH, fixed, pct, wrapLabel, wrappedAxis} from "./format.js";
import {tr, type Text} from "./i18n.js";
import {statWord} from "./localize.js";

interface Variable {
  id: string;
  label: string;
  kind: "numeric" | "categorical";
  segment?: {mean: number; median: number};
  rest?: {mean: number; median: number};
  levels?: {level: string; segment: number; rest: number; h: number}[];
  effect: {name: string; value: number; magnitude: string | Text; level?: string};
  finding: string;
}

export interface PortraitData {
  name: string;
  n: number;
  restN: number;
  variables: Variable[];
}

const value = (x: number) => (Math.abs(x) < 10 ? fixed(x, 2) : fixed(x, 0));

/** Cohen's magnitude word in the page's language. */
export const magnitudeText = (m: string | Text) => statWord(m);

export function PortraitDifferences(p: PortraitData, threshold: number, {width = 640}: {width?: number} = {}) {
  const rows = p.variables.filter((v) => v.kind === "numeric").sort((a, b) => b.effect.value - a.effect.value);
  const labels = rows.map((v) => v.label);
  const axis = wrappedAxis(labels, width * 0.55);
  // The axis label names the segment, so it can be longer than the chart: wrap it over lines.
  const xLabel = wrapLabel(tr({en: `Cohen's d, ${p.name} − everyone else (pooled standard deviations) →`, ru: `d Коэна: «${p.name}» − все остальные (в объединённых стандартных отклонениях) →`}), Math.floor((width - 20) / CHAR_WIDTH));
  const higher = tr({en: "distinctly higher in the segment", ru: "заметно выше в сегменте"});
  const lower = tr({en: "distinctly lower in the segment", ru: "заметно ниже в сегменте"});
  const similar = tr({en: `less than ${threshold} sd apart`, ru: `различие меньше ${fixed(threshold, 1)} ст. откл.`});
  const finding = (v: Variable) => (v.finding === "higher" ? higher : v.finding === "lower" ? lower : similar);
  return Plot.plot({
    title: tr({en: `How ${p.name} differs from everyone else`, ru: `Чем сегмент «${p.name}» отличается от всех остальных`}),
    width,
    height: 50 + rows.length * axis.rowHeight(26) + 12 * (xLabel.split("\n").length - 1),
    marginLeft: axis.marginLeft,
    marginBottom: 18 + 12 * xLabel.split("\n").length,
    x: {label: xLabel, grid: true},
    y: {label: null, domain: labels, tickFormat: axis.tickFormat},
    color: {domain: [higher, lower, similar], range: [POSITIVE, NEGATIVE, MUTED], legend: true},
    marks: [
      Plot.barX(rows, {y: "label", x: (v: Variable) => v.effect.value, fill: finding, tip: true,
        title: (v: Variable) => tr({
          en: `${v.label}\nsegment mean ${value(v.segment!.mean)}, everyone else ${value(v.rest!.mean)}\nCohen's d ${fixed(v.effect.value, 2)} (${magnitudeText(v.effect.magnitude)})`,
          ru: `${v.label}\nсреднее в сегменте ${value(v.segment!.mean)}, у всех остальных ${value(v.rest!.mean)}\nd Коэна ${fixed(v.effect.value, 2)} (${magnitudeText(v.effect.magnitude)})`
        })}),
      Plot.ruleX([-threshold, threshold], {stroke: CHOSEN, strokeDasharray: "4,3"}),
      Plot.ruleX([0])
    ]
  });
}

export function PortraitLevels(p: PortraitData, variableId: string, {width = 640}: {width?: number} = {}) {
  const v = p.variables.find((x) => x.id === variableId);
  if (!v?.levels) throw new Error(`PortraitLevels: no categorical variable ${variableId}`);
  const rest = tr({en: "everyone else", ru: "все остальные"});
  const rows = v.levels.flatMap((l) => [
    {level: l.level, group: p.name, share: l.segment},
    {level: l.level, group: rest, share: l.rest}
  ]);
  const axis = wrappedAxis(v.levels.map((l) => l.level), width * 0.4);
  return Plot.plot({
    title: tr({en: `${v.label}: share in ${p.name} and in everyone else`, ru: `${v.label}: доля в сегменте «${p.name}» и у всех остальных`}),
    width,
    height: 50 + v.levels.length * axis.rowHeight(34),
    marginLeft: axis.marginLeft,
    x: {label: tr({en: `Share of the group with this ${v.label.toLowerCase()} →`, ru: `Доля группы с этим значением признака «${v.label.toLowerCase()}» →`}), tickFormat: "%", grid: true},
    y: {label: null, domain: v.levels.map((l) => l.level), tickFormat: axis.tickFormat},
    fy: {axis: null},
    color: {domain: [p.name, rest], range: [CHOSEN, MUTED], legend: true},
    marks: [
      Plot.ruleY(v.levels, {y: "level", x1: "segment", x2: "rest", stroke: MUTED}),
      Plot.dot(rows, {y: "level", x: "share", fill: "group", r: 6, tip: true, title: (d) => `${d.level}\n${d.group}: ${pct(d.share, 1)}`})
    ]
  });
}
