/**
 * Charts for the Data quality pages (Observable Plot). Data text (labels, product names) only ever
 * reaches the page through Plot's text rendering, never as markup.
 */
import * as Plot from "@observablehq/plot";
import type {QualityArtifact} from "../../loaders/quality/artifact.ts";
import type {Finding} from "../../loaders/quality/types.ts";

export interface ChartOptions {
  width?: number;
}

const kindLabels: Record<Finding["kind"], string> = {
  "exact-duplicate": "Exact duplicates",
  "near-duplicate": "Repeated at another time",
  "missing": "Missing values",
  "misspelling": "Misspelt labels",
  "lookalike": "Latin/Cyrillic look-alikes",
  "outlier": "Outliers",
  "referential": "Ids missing in another file",
  "shared-key": "Shared keys",
  "zero-activity": "Zero activity",
  "markup": "Markup in text",
  "wholesale": "Wholesale quantities",
  "format": "Spacing or case"
};

export function kindLabel(kind: Finding["kind"]): string {
  return kindLabels[kind] ?? kind;
}

/** One bar per finding that affects rows: how many rows, labelled by kind, file and field. */
export function FindingsChart(q: QualityArtifact, {width = 640}: ChartOptions = {}) {
  const data = q.findings
    .filter((f) => f.rows > 0)
    .map((f) => ({
      what: `${kindLabel(f.kind)}${f.field ? ` · ${q.labels[f.field] ?? f.field}` : ""}${q.files.length > 1 ? ` (${f.file})` : ""}`,
      kind: kindLabel(f.kind),
      rows: f.rows,
      summary: f.summary
    }));
  return Plot.plot({
    width,
    height: 40 + 30 * Math.max(1, data.length),
    marginLeft: Math.min(Math.max(...data.map((d) => d.what.length), 10) * 6.2, width * 0.55),
    marginRight: 60,
    x: {label: "Rows affected →", grid: true},
    y: {label: null},
    color: {legend: false},
    marks: [
      Plot.barX(data, {x: "rows", y: "what", fill: "kind", sort: {y: "-x"}, tip: {format: {fill: false}, channels: {summary: "summary"}}}),
      Plot.text(data, {x: "rows", y: "what", text: (d) => d.rows.toLocaleString("en-US"), textAnchor: "start", dx: 4}),
      Plot.ruleX([0]),
      data.length ? null : Plot.text(["No defect affects any row"], {frameAnchor: "middle"})
    ]
  });
}

/** Bars of the modelling unit's rows at each cleaning step, from read to used for modelling. */
export function AccountingChart(q: QualityArtifact, {width = 640}: ChartOptions = {}) {
  const data = q.counts.flow.map((d, i) => ({...d, i, last: i === q.counts.flow.length - 1}));
  return Plot.plot({
    width,
    height: 40 + 32 * data.length,
    marginLeft: Math.min(Math.max(...data.map((d) => d.stage.length)) * 6.2, width * 0.55),
    marginRight: 60,
    x: {label: `${q.counts.modelling.unit.charAt(0).toUpperCase()}${q.counts.modelling.unit.slice(1)} →`, grid: true},
    y: {label: null, domain: data.map((d) => d.stage)},
    marks: [
      Plot.barX(data, {x: "rows", y: "stage", fill: (d) => (d.last ? "var(--theme-foreground-focus)" : "#aaa"), tip: true}),
      Plot.text(data, {x: "rows", y: "stage", text: (d) => d.rows.toLocaleString("en-US"), textAnchor: "start", dx: 4}),
      Plot.ruleX([0])
    ]
  });
}
