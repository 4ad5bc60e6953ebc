/** Preprocessing: scalers, categorical encoders, column transformer and pipelines. */
export * from "./types.ts";
export * from "./scalers.ts";
export * from "./encoders.ts";
export * from "./pipeline.ts";
