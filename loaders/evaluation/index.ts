/** Evaluation of binary classifiers. */
export * from "./metrics.ts";
export * from "./curves.ts";
export * from "./calibration.ts";
export * from "./quantile.ts";
export * from "./bootstrap.ts";
export * from "./permutation.ts";
