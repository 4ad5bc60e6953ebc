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
import {asText, type Label} from "../stats/words.ts";
import type {Text} from "../../src/components/i18n.ts";
import {targetTexts} from "./labels.ts";

export interface HypothesisSpec {
  field: string;
  /** The variable's label (or both languages). */
  label: Label;
  kind: FeatureKind;
  /** The question in words, e.g. "Do members who churn visit less often?" (or both languages). */
  question: Label;
}

const capital = (t: Text): Text => ({en: upperFirst(t.en), ru: upperFirst(t.ru)});

export interface TestFamilyOptions {
  correction?: Correction;
  alpha?: number;
}

const correctionNames: Record<Correction, Text> = {holm: {en: "Holm", ru: "Холма"}, bh: {en: "Benjamini–Hochberg", ru: "Бенджамини — Хохберга"}};

export function testFamily(
  rows: readonly Record<string, unknown>[], target: TargetSpec, specs: readonly HypothesisSpec[], {correction = "holm", alpha = 0.05}: TestFamilyOptions = {}
): HypothesisReport {
  const groups = rows.map((r) => Number(r[target.field]));
  const words = targetTexts(target);
  const results = specs.map((spec) => {
    const values = rows.map((r) => {
      const v = r[spec.field];
      return spec.kind === "continuous" ? Number(v) : String(v);
    });
    return compareGroups(values, groups, {
      // The label sits inside sentences ("The mean visits per week is …"); sentence starts are
      // capitalised below.
      variable: {en: inSentence(asText(spec.label).en), ru: asText(spec.label).ru},
      groupVariable: words.label,
      groupLabels: {"0": words.negative, "1": words.positive},
      groupOrder: ["1", "0"],
      type: spec.kind === "continuous" ? "numeric" : spec.kind,
      alpha
    });
  });
  const corrected = correctFamily(results, correction);
  const tests = corrected.map((r, i) => ({
    ...r,
    h0: capital(r.h0), h1: capital(r.h1),
    chosenBecause: r.chosenBecause && capital(r.chosenBecause),
    variable: asText(specs[i].label), field: specs[i].field, kind: specs[i].kind, question: specs[i].question
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
