/** Explanations: SHAP values (linear, TreeSHAP) and per-row top reasons. */
export * from "./types.ts";
export * from "./linear.ts";
export * from "./tree-shap.ts";
export * from "./reasons.ts";
