/**
 * A family of hypothesis tests of one binary target against several variables, for any case:
 * each variable is compared between the target's two outcomes with the test that fits its type
 * (loaders/stats compareGroups: Welch t or Mann–Whitney for numbers, chi-square for yes/no and
 * categories — each result says why), then the whole family is corrected (Holm by default, or
 * Benjamini–Hochberg) so the decisions hold jointly.
 *
 *   testFamily(rows, target, [{field: "lifetime", label: "Lifetime (months)", kind: "continuous",
 *     question: "Do churned members have a shorter lifetime?"}, ...])
 */
import {compareGroups, correctFamily} from "../stats/index.ts";
import type {Correction} from "../stats/types.ts";
import type {FeatureKind, HypothesisReport, TargetSpec} from "./types.ts";
import {inSentence, upperFirst} from "../quality/words.ts";

export interface HypothesisSpec {
  field: string;
  label: string;
  kind: FeatureKind;
  /** The question in words, e.g. "Do members who churn visit less often?". */
  question: string;
}

export interface TestFamilyOptions {
  correction?: Correction;
  alpha?: number;
}

const correctionNames: Record<Correction, string> = {holm: "Holm", bh: "Benjamini–Hochberg"};

export function testFamily(
  rows: readonly Record<string, unknown>[], target: TargetSpec, specs: readonly HypothesisSpec[], {correction = "holm", alpha = 0.05}: TestFamilyOptions = {}
): HypothesisReport {
  const groups = rows.map((r) => Number(r[target.field]));
  const results = specs.map((spec) => {
    const values = rows.map((r) => {
      const v = r[spec.field];
      return spec.kind === "continuous" ? Number(v) : String(v);
    });
    return compareGroups(values, groups, {
      // The label sits inside sentences ("The mean visits per week is …"); sentence starts are
      // capitalised below.
      variable: inSentence(spec.label),
      groupVariable: target.label,
      groupLabels: {"0": target.negative, "1": target.positive},
      groupOrder: ["1", "0"],
      type: spec.kind === "continuous" ? "numeric" : spec.kind,
      alpha
    });
  });
  const corrected = correctFamily(results, correction);
  const tests = corrected.map((r, i) => ({
    ...r,
    h0: upperFirst(r.h0), h1: upperFirst(r.h1),
    chosenBecause: r.chosenBecause && upperFirst(r.chosenBecause),
    variable: specs[i].label, field: specs[i].field, kind: specs[i].kind, question: specs[i].question
  }));
  return {
    correction,
    correctionName: correctionNames[correction],
    alpha,
    tests,
    significant: tests.filter((t) => t.rejectAdjusted).length,
    significantUncorrected: tests.filter((t) => t.reject).length
  };
}
