/**
 * Per-row "top reasons": the k features with the largest |SHAP value|, with the direction they
 * push the prediction; and grouping of SHAP columns (e.g. one-hot columns back to their category).
 */
import type {Row} from "../models/types.ts";

export interface Reason {
  feature: string;
  /** Column index in the explained matrix (or group index after `groupShap`). */
  index: number;
  /** The SHAP value: how much this feature moves this row's prediction from the average. */
  shap: number;
  direction: "raises" | "lowers";
  /** The row's value of the feature, when X was given. */
  value?: number;
}

export interface TopReasonsOptions {
  /** Reasons per row. Default 3. */
  k?: number;
  /** Ignore contributions smaller than this in absolute value. Default 0 (drops exact zeros only). */
  minAbs?: number;
  /** Only reasons that raise (or lower) the prediction. Default both. */
  direction?: "raises" | "lowers";
  /** The explained rows, to report each feature's value. */
  X?: readonly Row[];
}

export function topReasons(shap: readonly number[][], featureNames: readonly string[], options: TopReasonsOptions = {}): Reason[][] {
  const {k = 3, minAbs = 0, direction, X} = options;
  return shap.map((phi, r) => {
    if (phi.length !== featureNames.length) throw new Error(`topReasons: row ${r} has ${phi.length} values for ${featureNames.length} names`);
    const order = phi
      .map((v, j) => j)
      .filter((j) => Math.abs(phi[j]) > minAbs && phi[j] !== 0)
      .filter((j) => !direction || (direction === "raises" ? phi[j] > 0 : phi[j] < 0))
      .sort((a, b) => Math.abs(phi[b]) - Math.abs(phi[a]) || a - b)
      .slice(0, k);
    return order.map((j): Reason => {
      const reason: Reason = {feature: featureNames[j], index: j, shap: phi[j], direction: phi[j] > 0 ? "raises" : "lowers"};
      if (X) reason.value = X[r][j];
      return reason;
    });
  });
}

/**
 * Sum SHAP columns that belong together (additivity makes this exact): `source[j]` names the group
 * of column j, e.g. the `sourceColumn` of a fitted column transformer. Groups keep first-seen order.
 */
export function groupShap(shap: readonly number[][], source: readonly string[]): {names: string[]; values: number[][]} {
  const names: string[] = [];
  const index = new Map<string, number>();
  const target = source.map((s) => {
    let g = index.get(s);
    if (g === undefined) {
      g = names.length;
      index.set(s, g);
      names.push(s);
    }
    return g;
  });
  const values = shap.map((phi, r) => {
    if (phi.length !== source.length) throw new Error(`groupShap: row ${r} has ${phi.length} values for ${source.length} sources`);
    const out = new Array<number>(names.length).fill(0);
    phi.forEach((v, j) => (out[target[j]] += v));
    return out;
  });
  return {names, values};
}

/** Mean |SHAP| per feature: a global importance, largest first. */
export function meanAbsShap(shap: readonly number[][], featureNames: readonly string[]): {feature: string; index: number; meanAbs: number}[] {
  if (shap.length === 0) return [];
  return featureNames
    .map((feature, j) => ({feature, index: j, meanAbs: shap.reduce((a, phi) => a + Math.abs(phi[j]), 0) / shap.length}))
    .sort((a, b) => b.meanAbs - a.meanAbs || a.index - b.index);
}
