/**
 * Leaderboard of a model comparison (ModelReport.leaderboard): every candidate's mean
 * cross-validated ROC-AUC with a ±1 sd bar over the folds and the individual fold scores,
 * grouped by family; the chosen candidate is highlighted. A label too long for the left margin
 * (up to 45% of the width) is wrapped — family on one line, settings on the next — never clipped.
 *
 *   ${resize((width) => Leaderboard(model.leaderboard, {width}))}
 */
import * as Plot from "@observablehq/plot";
import type {LeaderboardRow} from "../../loaders/analysis/types.ts";
import {CHOSEN, MUTED, NEGATIVE} from "./palette.js";
import {CHAR_WIDTH, fixed, labelMargin, wrapLabel} from "./format.js";
import {pageLang, tr} from "./i18n.js";

const ru = pageLang === "ru";

export function Leaderboard(rows: LeaderboardRow[], {width = 640, limit = 20}: {width?: number; limit?: number} = {}) {
  const maxMargin = width * 0.45;
  const maxChars = Math.max(12, Math.floor((maxMargin - 12) / CHAR_WIDTH));
  const shown = rows.slice(0, limit).map((r) => ({...r, name: wrapLabel(`${tr(r.familyLabels ?? r.familyLabel)}${r.paramsLabel ? ` · ${tr(r.paramsLabels ?? r.paramsLabel)}` : ""}`, maxChars)}));
  const lines = Math.max(...shown.map((r) => r.name.split("\n").length));
  const folds = shown.flatMap((r) => r.foldScores.map((score, fold) => ({name: r.name, score, fold: fold + 1})));
  const lo = Math.min(...folds.map((f) => f.score), ...shown.map((r) => r.mean - r.sd));
  const hi = Math.max(...folds.map((f) => f.score), ...shown.map((r) => r.mean + r.sd));
  const pad = (hi - lo) * 0.08 || 0.01;
  return Plot.plot({
    title: ru ? "Модели-кандидаты по ROC-AUC на перекрёстной проверке" : "Candidate models by cross-validated ROC-AUC",
    width,
    height: 40 + shown.length * (14 + 12 * lines),
    marginLeft: labelMargin(shown.map((r) => r.name), maxMargin),
    x: {label: ru ? "ROC-AUC, перекрёстная проверка на обучающей части →" : "ROC-AUC, cross-validated on the training part →", domain: [lo - pad, Math.min(1, hi + pad)], grid: true},
    y: {label: null, domain: shown.map((r) => r.name)},
    marks: [
      Plot.ruleY(shown, {y: "name", x1: (r: LeaderboardRow) => r.mean - r.sd, x2: (r: LeaderboardRow) => r.mean + r.sd, stroke: (r: LeaderboardRow) => (r.chosen ? CHOSEN : NEGATIVE), strokeWidth: 3, strokeOpacity: 0.5}),
      Plot.dot(folds, {y: "name", x: "score", r: 2, fill: MUTED, title: (f) => `${ru ? "блок" : "fold"} ${f.fold}: ${fixed(f.score, 4)}`}),
      Plot.dot(shown, {
        y: "name", x: "mean", r: 5,
        fill: (r: LeaderboardRow) => (r.chosen ? CHOSEN : NEGATIVE),
        tip: true,
        title: (r: LeaderboardRow & {name: string}) => ru
          ? `${r.name.replace(/\n/g, " ")}\nместо ${r.rank}${r.chosen ? " (выбрана)" : ""}\nсредний ROC-AUC ${fixed(r.mean, 4)} ± ${fixed(r.sd, 4)}\nблоки: ${r.foldScores.map((s) => fixed(s, 3)).join("; ")}`
          : `${r.name.replace(/\n/g, " ")}\nrank ${r.rank}${r.chosen ? " (chosen)" : ""}\nmean ROC-AUC ${r.mean.toFixed(4)} ± ${r.sd.toFixed(4)}\nfolds: ${r.foldScores.map((s) => s.toFixed(3)).join(", ")}`
      })
    ]
  });
}
