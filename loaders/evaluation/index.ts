/** Evaluation of binary classifiers. */
export * from "./metrics.ts";
export * from "./curves.ts";
