/**
 * Composition: a column transformer that turns records (numeric and categorical columns by name)
 * into a numeric matrix, and `pipeline`, which chains transformers in front of an estimator so
 * every step is fitted on the training rows of each fit only (no leakage across CV folds).
 *
 *   const est = pipeline([columnTransformer({numeric: ["age"], oneHot: ["tier"]})], logisticRegression({C: 1}));
 *   crossValidate(est, records, y);   // records: {age: 31, tier: "premium", ...}[]
 */
import type {Classifier, Estimator, Row} from "../models/types.ts";
import {thresholded} from "../models/types.ts";
import {fitOneHotEncoder, fitOrdinalEncoder, type OneHotEncoder} from "./encoders.ts";
import {fitMinMaxScaler, fitStandardScaler, type MinMaxScaler, type StandardScaler} from "./scalers.ts";
import type {DataRecord, FittedTransformer, Transformer} from "./types.ts";

export interface ColumnSpec {
  /** Numeric columns, kept in this order. */
  numeric?: readonly string[];
  /** Ordered categorical columns: column → its categories in order (codes 0, 1, …). */
  ordinal?: Readonly<Record<string, readonly string[]>>;
  /** Unordered categorical columns, one-hot encoded (unseen categories → all zeros). */
  oneHot?: readonly string[];
  /** Drop each one-hot column's first category (a reference level). Default false. */
  dropFirst?: boolean;
  /** Scaling of numeric and ordinal columns: "standard" (default), "minmax" or "none". One-hot columns stay 0/1. */
  scale?: "standard" | "minmax" | "none";
}

export interface FittedColumns extends FittedTransformer<DataRecord> {
  /** For each output column, the record column it comes from (one-hot columns share theirs). */
  sourceColumn: string[];
  scaler?: StandardScaler | MinMaxScaler;
  oneHot?: OneHotEncoder;
}

function numericValue(v: unknown, row: number, column: string): number {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw new Error(`row ${row}, column "${column}": ${JSON.stringify(v)} is not a finite number`);
}

export function fitColumns(rows: readonly DataRecord[], spec: ColumnSpec): FittedColumns {
  const {numeric = [], ordinal = {}, oneHot = [], dropFirst = false, scale = "standard"} = spec;
  if (rows.length === 0) throw new Error("columnTransformer: no rows");
  const ordinalColumns = Object.keys(ordinal);
  const dense = [...numeric, ...ordinalColumns];
  if (dense.length + oneHot.length === 0) throw new Error("columnTransformer: no columns specified");
  const ordinalEncoder = ordinalColumns.length
    ? fitOrdinalEncoder(rows.map((r) => ordinalColumns.map((c) => r[c])), {columns: ordinalColumns, categories: ordinalColumns.map((c) => ordinal[c])})
    : null;
  const denseRows = (X: readonly DataRecord[]): Row[] => {
    const codes = ordinalEncoder ? ordinalEncoder.transform(X.map((r) => ordinalColumns.map((c) => r[c]))) : null;
    return X.map((r, i) => [...numeric.map((c) => numericValue(r[c], i, c)), ...(codes ? codes[i] : [])]);
  };
  const scaler = dense.length && scale !== "none"
    ? (scale === "standard" ? fitStandardScaler : fitMinMaxScaler)(denseRows(rows), {featureNames: dense})
    : undefined;
  const encoder = oneHot.length
    ? fitOneHotEncoder(rows.map((r) => oneHot.map((c) => r[c])), {columns: oneHot, drop: dropFirst ? "first" : null})
    : undefined;
  const featureNames = [...dense, ...(encoder?.featureNames ?? [])];
  const sourceColumn = [...dense, ...(encoder?.sourceColumn.map((j) => oneHot[j]) ?? [])];
  return {
    featureNames,
    sourceColumn,
    scaler,
    oneHot: encoder,
    transform(X) {
      const d = dense.length ? denseRows(X) : X.map(() => []);
      const scaled = scaler ? scaler.transform(d) : d;
      const dummies = encoder ? encoder.transform(X.map((r) => oneHot.map((c) => r[c]))) : null;
      return scaled.map((row, i) => (dummies ? row.concat(dummies[i]) : row));
    }
  };
}

export function columnTransformer(spec: ColumnSpec): Transformer<DataRecord, FittedColumns> {
  return {fit: (X) => fitColumns(X, spec)};
}

export interface PipelineModel<R, M extends Classifier = Classifier> extends Classifier<R> {
  /** The fitted transformers, in order. */
  steps: FittedTransformer<any>[];
  /** The fitted model on the transformed features. */
  model: M;
  /** Names of the columns the model sees (a step keeping the width keeps the names). */
  featureNames: string[];
  /** Rows as the model sees them. */
  transform(X: readonly R[]): Row[];
}

/** Chain transformers in front of an estimator; each fit refits every step on its training rows. */
export function pipeline<R, M extends Classifier = Classifier>(
  steps: readonly [Transformer<R, FittedTransformer<R>>, ...Transformer<Row, FittedTransformer<Row>>[]],
  estimator: Estimator<Row, M>
): Estimator<R, PipelineModel<R, M>> {
  return {
    family: estimator.family,
    params: estimator.params,
    fit(X, y) {
      const fitted: FittedTransformer<any>[] = [];
      let Z: readonly any[] = X;
      for (const step of steps as readonly Transformer<any>[]) {
        const f = step.fit(Z);
        fitted.push(f);
        Z = f.transform(Z);
      }
      const model = estimator.fit(Z as Row[], y);
      const transform = (rows: readonly R[]): Row[] => fitted.reduce<readonly any[]>((acc, f) => f.transform(acc), rows) as Row[];
      const predictProba = (rows: readonly R[]) => model.predictProba(transform(rows));
      return {
        steps: fitted,
        model,
        featureNames: fitted.reduce<string[]>((names, f) => (f.featureNames.length === names.length ? names : f.featureNames), []),
        transform,
        predictProba,
        predict: (rows, threshold = 0.5) => thresholded(predictProba(rows), threshold)
      };
    }
  };
}
