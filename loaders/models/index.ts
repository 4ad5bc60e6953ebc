/** Classification models, splits and model selection. */
export * from "./types.ts";
export * from "./logistic.ts";
export * from "./tree.ts";
export * from "./forest.ts";
export * from "./knn.ts";
export * from "./split.ts";
export * from "./select.ts";
