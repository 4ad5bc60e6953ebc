/**
 * compareGroups: pick the right test for a variable across groups and say why, so the case
 * pages share one rule.
 * - binary / categorical variable → chi-square test of independence (Yates' correction on 2×2);
 * - numeric, two groups → Welch t-test when both groups are roughly symmetric (|skew| ≤ 1),
 *   otherwise Mann–Whitney U (skewed, money-like data, where means are driven by a few large values);
 * - numeric, three or more groups → Kruskal–Wallis.
 */
import type {TestResult} from "./types.ts";
import {type Category, isMissingCategory, levelsOf} from "./contingency.ts";
import {describe, isPresent} from "./descriptives.ts";
import {welchTTest} from "./ttest.ts";
import {mannWhitneyU} from "./mannWhitney.ts";
import {chiSquareTest} from "./chiSquare.ts";
import {kruskalWallis} from "./kruskal.ts";

export type VariableType = "binary" | "categorical" | "numeric";

export interface CompareOptions {
  /** Label of the compared variable, e.g. "Lifetime (months)". */
  variable?: string;
  /** Label of the grouping, e.g. "churn status". */
  groupVariable?: string;
  /** Display label per group level, e.g. {"0": "stayed", "1": "churned"}. */
  groupLabels?: Record<string, string>;
  /** Order of the group levels (as strings); default sorted. The first is "group 1". */
  groupOrder?: readonly string[];
  /** Variable type; detected when omitted (see detectType). */
  type?: VariableType;
  /** |skew| above which a numeric variable is compared by ranks. Default 1. */
  skewThreshold?: number;
  alpha?: number;
}

/** Strings/booleans → categorical (binary when two levels); numbers with two distinct values →
 *  binary; other numbers → numeric. */
export function detectType(values: readonly Category[]): VariableType {
  const present = values.filter((v) => !isMissingCategory(v));
  const distinct = new Set(present.map(String)).size;
  if (present.every((v) => typeof v === "number")) return distinct <= 2 ? "binary" : "numeric";
  return distinct <= 2 ? "binary" : "categorical";
}

export function compareGroups(values: readonly Category[], groups: readonly Category[], options: CompareOptions = {}): TestResult {
  const {variable = "the value", groupVariable = "group", groupLabels = {}, skewThreshold = 1, alpha = 0.05} = options;
  const type = options.type ?? detectType(values);
  const order = options.groupOrder ?? levelsOf(groups);
  const label = (level: string) => groupLabels[level] ?? `${groupVariable} ${level}`;
  if (order.length < 2) throw new Error(`compareGroups on ${variable}: needs at least two groups (got ${order.length})`);

  if (type !== "numeric") {
    // Rows: groups in the requested order; columns: the variable's levels.
    const keep = groups.map((g) => !isMissingCategory(g) && order.includes(String(g)));
    const rowValues = groups.filter((_, i) => keep[i]).map((g) => label(String(g)));
    const colValues = values.filter((_, i) => keep[i]);
    const result = chiSquareTest(rowValues, colValues, {rowVariable: groupVariable, columnVariable: variable, alpha});
    const ordered = order.map(label);
    result.groups.sort((a, b) => ordered.indexOf(a.label) - ordered.indexOf(b.label));
    return {...result, chosenBecause: `${variable} is ${type === "binary" ? "a yes/no" : "a categorical"} variable, so the ${groupVariable} groups are compared by their mix of ${variable} levels in a contingency table.`};
  }

  const samples = order.map((level) => {
    const out: number[] = [];
    groups.forEach((g, i) => {
      const v = values[i];
      if (!isMissingCategory(g) && String(g) === level && typeof v === "number" && isPresent(v)) out.push(v);
    });
    return out;
  });
  const labels = order.map(label);
  if (order.length > 2) {
    const result = kruskalWallis(samples, {variable, groupVariable, labels, alpha});
    return {...result, chosenBecause: `${variable} is numeric and there are ${order.length} ${groupVariable} groups, so a rank-based comparison of all groups at once avoids both normality assumptions and multiple pairwise tests.`};
  }
  const skews = samples.map((s) => describe(s).skew);
  const worst = skews.reduce((w, s, i) => (Math.abs(s) > Math.abs(skews[w]) ? i : w), 0);
  const pair = [labels[0], labels[1]] as const;
  if (Math.abs(skews[worst]) > skewThreshold) {
    const result = mannWhitneyU(samples[0], samples[1], {variable, labels: pair, alpha});
    return {...result, chosenBecause: `${variable} is skewed (skewness ${skews[worst].toFixed(2)} among ${labels[worst]}, beyond ±${skewThreshold}), so means would be driven by a few extreme values; the groups are compared by ranks.`};
  }
  const result = welchTTest(samples[0], samples[1], {variable, labels: pair, alpha});
  return {...result, chosenBecause: `${variable} is numeric and roughly symmetric in both groups (skewness ${skews.map((s) => s.toFixed(2)).join(" and ")}), so the means are compared; Welch's version does not assume equal variances.`};
}
