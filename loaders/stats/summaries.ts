/** Per-group summaries attached to test results. */
import type {GroupSummary} from "./types.ts";
import {describe} from "./descriptives.ts";
import {inLang, type Label} from "./words.ts";

/** A group's `label` (English, what code matches) and, when given in both languages, `labels`. */
export function groupLabel(label: Label): Pick<GroupSummary, "label" | "labels"> {
  return typeof label === "string" ? {label} : {label: inLang(label, "en"), labels: label};
}

export function numericSummary(label: Label, values: readonly number[]): GroupSummary {
  const d = describe(values);
  return {...groupLabel(label), n: d.n, mean: d.mean, sd: d.sd, median: d.median, q1: d.q1, q3: d.q3};
}
