/**
 * Exact SHAP values of a linear model on the log-odds scale, under feature independence
 * (interventional): φ_j = w_j·(x_j − mean_j), with mean_j over the background rows (usually the
 * training rows). The expected value is b + w·mean, so b + w·x = expectedValue + Σ_j φ_j exactly.
 */
import type {Row} from "../models/types.ts";
import type {ShapValues} from "./types.ts";

export interface LinearLike {
  coef: readonly number[];
  intercept: number;
}

export interface LinearShapOptions {
  /** Rows whose mean is the reference point. Default: the explained rows themselves. */
  background?: readonly Row[];
  /** Or the reference point directly (e.g. 0 for standardised features). */
  mean?: readonly number[];
}

export function linearShap(model: LinearLike, X: readonly Row[], options: LinearShapOptions = {}): ShapValues {
  const d = model.coef.length;
  let mean = options.mean;
  if (!mean) {
    const background = options.background ?? X;
    if (background.length === 0) throw new Error("linearShap: no background rows");
    const m = new Array<number>(d).fill(0);
    for (const row of background) for (let j = 0; j < d; j++) m[j] += row[j];
    mean = m.map((v) => v / background.length);
  }
  if (mean.length !== d) throw new Error(`linearShap: mean has ${mean.length} features, model has ${d}`);
  let expectedValue = model.intercept;
  for (let j = 0; j < d; j++) expectedValue += model.coef[j] * mean[j];
  const mu = mean;
  const values = X.map((x, i) => {
    if (x.length !== d) throw new Error(`linearShap: row ${i} has ${x.length} features, model has ${d}`);
    return x.map((v, j) => model.coef[j] * (v - mu[j]));
  });
  return {expectedValue, values, scale: "log-odds"};
}
