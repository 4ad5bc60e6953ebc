/**
 * Ranking metrics for a binary target and a score (probability or any monotone score):
 * ROC-AUC, the ROC and precision–recall curves and average precision, tie-aware and computed
 * exactly as scikit-learn 1.2 does (same points, same thresholds).
 */

function check(yTrue: readonly number[], score: readonly number[]): void {
  if (yTrue.length !== score.length) throw new Error(`${yTrue.length} targets but ${score.length} scores`);
  for (let i = 0; i < yTrue.length; i++) {
    if (yTrue[i] !== 0 && yTrue[i] !== 1) throw new Error(`target at row ${i} is ${yTrue[i]}, expected 0 or 1`);
    if (Number.isNaN(score[i])) throw new Error(`score at row ${i} is NaN`);
  }
}

/**
 * Cumulative false and true positives at each distinct score, highest first (scikit-learn's
 * `_binary_clf_curve`): a row counts as positive at threshold t when score >= t.
 */
export function binaryClfCurve(yTrue: readonly number[], score: readonly number[]): {fps: number[]; tps: number[]; thresholds: number[]} {
  check(yTrue, score);
  const order = score.map((_, i) => i).sort((a, b) => score[b] - score[a]);
  const fps: number[] = [], tps: number[] = [], thresholds: number[] = [];
  let tp = 0;
  for (let k = 0; k < order.length; k++) {
    tp += yTrue[order[k]];
    if (k === order.length - 1 || score[order[k + 1]] !== score[order[k]]) {
      tps.push(tp);
      fps.push(k + 1 - tp);
      thresholds.push(score[order[k]]);
    }
  }
  return {fps, tps, thresholds};
}

/**
 * Area under the ROC curve, exact with ties: the probability that a random positive scores above a
 * random negative, ties counting one half. Computed from integer counts, then divided once.
 */
export function rocAuc(yTrue: readonly number[], score: readonly number[]): number {
  const {fps, tps} = binaryClfCurve(yTrue, score);
  const P = tps[tps.length - 1] ?? 0, N = fps[fps.length - 1] ?? 0;
  if (P === 0 || N === 0) throw new Error("rocAuc: needs both classes in yTrue");
  let area2 = 0; // twice the area in count units: Σ negatives_g · (2·positives above + positives_g)
  let prevTp = 0, prevFp = 0;
  for (let k = 0; k < tps.length; k++) {
    const dp = tps[k] - prevTp, dn = fps[k] - prevFp;
    area2 += dn * (2 * prevTp + dp);
    prevTp = tps[k];
    prevFp = fps[k];
  }
  return area2 / (2 * P * N);
}

export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /** Descending; the first is max(score) + 1 (scikit-learn 1.2), so the curve starts at (0, 0). */
  thresholds: number[];
}

/** ROC curve like scikit-learn's `roc_curve(drop_intermediate=True)`: collinear points dropped. */
export function rocCurve(yTrue: readonly number[], score: readonly number[], options: {dropIntermediate?: boolean} = {}): RocCurve {
  const {dropIntermediate = true} = options;
  let {fps, tps, thresholds} = binaryClfCurve(yTrue, score);
  if (dropIntermediate && fps.length > 2) {
    const keep: number[] = [0];
    for (let k = 1; k < fps.length - 1; k++) {
      const d2f = fps[k + 1] - 2 * fps[k] + fps[k - 1];
      const d2t = tps[k + 1] - 2 * tps[k] + tps[k - 1];
      if (d2f !== 0 || d2t !== 0) keep.push(k);
    }
    keep.push(fps.length - 1);
    fps = keep.map((k) => fps[k]);
    tps = keep.map((k) => tps[k]);
    thresholds = keep.map((k) => thresholds[k]);
  }
  const N = fps[fps.length - 1], P = tps[tps.length - 1];
  return {
    fpr: [0, ...fps].map((v) => (N > 0 ? v / N : NaN)),
    tpr: [0, ...tps].map((v) => (P > 0 ? v / P : NaN)),
    thresholds: [thresholds[0] + 1, ...thresholds]
  };
}

export interface PrCurve {
  /** From the lowest threshold up, ending with precision 1 at recall 0 (scikit-learn's order). */
  precision: number[];
  recall: number[];
  /** Ascending; one fewer than precision/recall. */
  thresholds: number[];
}

/** Precision–recall curve like scikit-learn's `precision_recall_curve`. */
export function precisionRecallCurve(yTrue: readonly number[], score: readonly number[]): PrCurve {
  const {fps, tps, thresholds} = binaryClfCurve(yTrue, score);
  const P = tps[tps.length - 1];
  const precision = tps.map((tp, k) => (tp + fps[k] === 0 ? 0 : tp / (tp + fps[k])));
  const recall = tps.map((tp) => (P === 0 ? 1 : tp / P));
  return {
    precision: [...precision.reverse(), 1],
    recall: [...recall.reverse(), 0],
    thresholds: thresholds.slice().reverse()
  };
}

/** Average precision: Σ (Rₖ − Rₖ₋₁)·Pₖ over thresholds (scikit-learn's, no interpolation). */
export function averagePrecision(yTrue: readonly number[], score: readonly number[]): number {
  const {precision, recall} = precisionRecallCurve(yTrue, score);
  let sum = 0;
  for (let k = 0; k < precision.length - 1; k++) sum -= (recall[k + 1] - recall[k]) * precision[k];
  return sum;
}
