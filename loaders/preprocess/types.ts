/** The transformer vocabulary: `fit` learns from rows, the fitted step's `transform` maps rows to numbers. */
import type {Row} from "../models/types.ts";

export interface FittedTransformer<R = Row> {
  /** Names of the output columns. */
  featureNames: string[];
  transform(X: readonly R[]): Row[];
}

export interface Transformer<R = Row, F extends FittedTransformer<R> = FittedTransformer<R>> {
  fit(X: readonly R[]): F;
}

/** A value of a record column: numbers for numeric columns, strings (or booleans) for categories. */
export type Value = string | number | boolean | null | undefined;
export type DataRecord = Record<string, Value>;
