/**
 * Calibration (reliability) curve exactly as scikit-learn 1.2's `calibration_curve`: predicted
 * probabilities binned into `nBins` uniform-width or equal-count (quantile) bins, each bin closed on
 * the right (a probability on an inner edge belongs to the bin below it, as numpy.searchsorted puts
 * it); for each non-empty bin, the observed share of positives (`prob_true`) and the mean predicted
 * probability (`prob_pred`).
 */
import {quantileSorted} from "../stats/descriptives.ts";

export interface CalibrationOptions {
  /** Default 5 (scikit-learn's default). */
  nBins?: number;
  /** "uniform" (default): equal-width bins on [0, 1]; "quantile": equal-count bins. */
  strategy?: "uniform" | "quantile";
}

export interface CalibrationBin {
  /** The bin's edges. */
  lo: number;
  hi: number;
  /** Mean predicted probability in the bin (scikit-learn's prob_pred). */
  predicted: number;
  /** Observed share of positives in the bin (scikit-learn's prob_true). */
  observed: number;
  n: number;
}

export interface CalibrationCurve {
  /** The non-empty bins, lowest first. */
  bins: CalibrationBin[];
  /** The nBins + 1 bin edges. */
  edges: number[];
}

export function calibrationCurve(yTrue: readonly number[], proba: readonly number[], options: CalibrationOptions = {}): CalibrationCurve {
  const {nBins = 5, strategy = "uniform"} = options;
  if (yTrue.length !== proba.length) throw new Error(`calibrationCurve: ${yTrue.length} targets but ${proba.length} probabilities`);
  if (!(Number.isInteger(nBins) && nBins >= 1)) throw new Error(`calibrationCurve: nBins must be a positive integer, got ${nBins}`);
  proba.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) throw new Error(`calibrationCurve: probability at row ${i} is ${p}, outside [0, 1]`);
    if (yTrue[i] !== 0 && yTrue[i] !== 1) throw new Error(`calibrationCurve: target at row ${i} is ${yTrue[i]}, expected 0 or 1`);
  });
  // linspace(0, 1, nBins + 1) is i·(1/nBins); numpy.percentile then takes (·100)/100.
  const step = 1 / nBins;
  const grid = Array.from({length: nBins + 1}, (_, i) => i * step);
  let edges: number[];
  if (strategy === "quantile") {
    const sorted = Float64Array.from(proba).sort();
    edges = grid.map((q) => quantileSorted(sorted, (q * 100) / 100));
  } else if (strategy === "uniform") edges = grid;
  else throw new Error(`calibrationCurve: strategy must be "uniform" or "quantile", got ${strategy}`);
  const inner = edges.slice(1, -1);
  const sums = new Array<number>(nBins + 1).fill(0), trues = new Array<number>(nBins + 1).fill(0), totals = new Array<number>(nBins + 1).fill(0);
  proba.forEach((p, i) => {
    // numpy.searchsorted(inner, p, side="left"): the number of inner edges below p
    let lo = 0, hi = inner.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (inner[mid] < p) lo = mid + 1;
      else hi = mid;
    }
    sums[lo] += p;
    trues[lo] += yTrue[i];
    totals[lo]++;
  });
  const bins = totals.flatMap((n, b) => (n === 0 ? [] : [{lo: edges[b], hi: edges[b + 1], predicted: sums[b] / n, observed: trues[b] / n, n}]));
  return {bins, edges};
}

/** Brier score: mean squared difference between probability and outcome. */
export function brierScore(yTrue: readonly number[], proba: readonly number[]): number {
  if (yTrue.length !== proba.length || yTrue.length === 0) throw new Error("brierScore: need equally many targets and probabilities");
  let s = 0;
  for (let i = 0; i < yTrue.length; i++) s += (proba[i] - yTrue[i]) ** 2;
  return s / yTrue.length;
}
