/** SHAP values of a set of rows: row i's prediction = expectedValue + Σ_j values[i][j]. */
export interface ShapValues {
  /** The model's output averaged over the background (training) data. */
  expectedValue: number;
  /** One row per explained row, one column per feature. */
  values: number[][];
  /** What the values add up to: "log-odds" (linear models) or "probability" (trees, forests). */
  scale: "log-odds" | "probability";
}
