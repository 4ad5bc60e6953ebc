/**
 * Threshold metrics for a binary target: confusion matrix (at any threshold), accuracy, precision,
 * recall, F1. Where a ratio is 0/0 the metric is 0 (scikit-learn's zero_division default, without
 * its warning).
 */

export interface Confusion {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

export interface BinaryMetrics extends Confusion {
  threshold?: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of rows predicted positive. */
  positiveRate: number;
}

/** Confusion counts of 0/1 predictions against 0/1 targets. */
export function confusionMatrix(yTrue: readonly number[], yPred: readonly number[]): Confusion {
  if (yTrue.length !== yPred.length) throw new Error(`${yTrue.length} targets but ${yPred.length} predictions`);
  const c = {tn: 0, fp: 0, fn: 0, tp: 0};
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i], p = yPred[i];
    if ((t !== 0 && t !== 1) || (p !== 0 && p !== 1)) throw new Error(`row ${i}: target ${t}, prediction ${p}; expected 0 or 1`);
    if (t === 1) p === 1 ? c.tp++ : c.fn++;
    else p === 1 ? c.fp++ : c.tn++;
  }
  return c;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Accuracy, precision, recall and F1 from confusion counts. */
export function metricsFromConfusion(c: Confusion): BinaryMetrics {
  const n = c.tn + c.fp + c.fn + c.tp;
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return {
    ...c,
    accuracy: ratio(c.tp + c.tn, n),
    precision,
    recall,
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
    positiveRate: ratio(c.tp + c.fp, n)
  };
}

/** All threshold metrics of 0/1 predictions. */
export function binaryMetrics(yTrue: readonly number[], yPred: readonly number[]): BinaryMetrics {
  return metricsFromConfusion(confusionMatrix(yTrue, yPred));
}

/** All threshold metrics of probabilities cut at `threshold` (positive when proba >= threshold). */
export function metricsAtThreshold(yTrue: readonly number[], proba: readonly number[], threshold = 0.5): BinaryMetrics {
  return {...binaryMetrics(yTrue, proba.map((p) => (p >= threshold ? 1 : 0))), threshold};
}

export const accuracy = (yTrue: readonly number[], yPred: readonly number[]): number => binaryMetrics(yTrue, yPred).accuracy;
export const precision = (yTrue: readonly number[], yPred: readonly number[]): number => binaryMetrics(yTrue, yPred).precision;
export const recall = (yTrue: readonly number[], yPred: readonly number[]): number => binaryMetrics(yTrue, yPred).recall;
export const f1 = (yTrue: readonly number[], yPred: readonly number[]): number => binaryMetrics(yTrue, yPred).f1;
