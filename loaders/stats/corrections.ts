/**
 * Multiple-testing corrections of a family of p-values:
 * Holm's step-down (familywise error; statsmodels multipletests method="holm") and
 * Benjamini–Hochberg (false discovery rate; method="fdr_bh", scipy false_discovery_control).
 */
import type {Correction, TestResult} from "./types.ts";
import {decisionText} from "./words.ts";
import {both} from "../../src/components/i18n.ts";
import {formats} from "../../src/components/format.ts";

function order(p: readonly number[]): number[] {
  return p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
}

/** Holm-adjusted p-values: running max of (m − i)·p₍ᵢ₎ over ascending p, capped at 1. */
export function holm(p: readonly number[]): number[] {
  const m = p.length;
  const idx = order(p);
  const out = new Array<number>(m);
  let running = 0;
  idx.forEach((k, i) => {
    running = Math.max(running, Math.min(1, (m - i) * p[k]));
    out[k] = running;
  });
  return out;
}

/** Benjamini–Hochberg adjusted p-values: running min from the largest of p₍ᵢ₎·m/i, capped at 1. */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const idx = order(p);
  const out = new Array<number>(m);
  let running = 1;
  for (let i = m - 1; i >= 0; i--) {
    const k = idx[i];
    running = Math.min(running, (p[k] * m) / (i + 1));
    out[k] = Math.min(1, running);
  }
  return out;
}

export function adjustPValues(p: readonly number[], method: Correction): number[] {
  return method === "holm" ? holm(p) : benjaminiHochberg(p);
}

const methodName: Record<Correction, string> = {holm: "Holm", bh: "Benjamini–Hochberg"};
/** The correction's name in Russian, in the genitive after «поправки» («поправки Холма»). */
const methodNameRu: Record<Correction, string> = {holm: "Холма", bh: "Бенджамини — Хохберга"};

/** Apply a correction to a family of test results; returns new results carrying pAdjusted,
 *  rejectAdjusted and decisionAdjusted (the originals are not modified). */
export function correctFamily(results: readonly TestResult[], method: Correction = "holm"): TestResult[] {
  const adjusted = adjustPValues(results.map((r) => r.pValue), method);
  const m = results.length;
  return results.map((r, i) => {
    const pAdjusted = adjusted[i];
    const rejectAdjusted = pAdjusted < r.alpha;
    const what = method === "holm" ? "familywise error" : "false discovery rate";
    const whatRu = method === "holm" ? "вероятность хотя бы одной ложной находки" : "ожидаемая доля ложных находок";
    const verdictOf = (decision: string) => {
      const cut = decision.indexOf("): ");
      return cut >= 0 ? decision.slice(cut + 3) : "";
    };
    const verdict = both((lang) => verdictOf(r.decision[lang]));
    const ru = formats("ru");
    const tests = ru.plural(m, "тест", "теста", "тестов");
    const pLabel = {en: `${methodName[method]}-adjusted p`, ru: `p с поправкой ${methodNameRu[method]}`};
    const decisionAdjusted = rejectAdjusted
      ? decisionText(pAdjusted, r.alpha, {
        en: `${verdict.en} This holds after ${methodName[method]} correction over ${m} tests (${what} ≤ ${r.alpha}).`,
        ru: `${verdict.ru} Это верно и после поправки ${methodNameRu[method]} на ${tests} (${whatRu} ≤ ${ru.grouped(r.alpha, 4)}).`
      }, "", pLabel)
      : r.reject
        ? decisionText(pAdjusted, r.alpha, "", {
          en: `significant alone (p = ${r.pValue.toPrecision(2)}) but not after ${methodName[method]} correction over ${m} tests.`,
          ru: `значимо само по себе (p = ${r.pValue.toPrecision(2).replace(".", ",")}), но не после поправки ${methodNameRu[method]} на ${tests}.`
        }, pLabel)
        : decisionText(pAdjusted, r.alpha, "", verdict, pLabel);
    return {...r, correction: method, pAdjusted, rejectAdjusted, decisionAdjusted};
  });
}
