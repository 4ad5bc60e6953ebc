/**
 * Feature scaling like scikit-learn's StandardScaler (population sd; a constant column gets scale 1
 * so it maps to 0, not NaN) and MinMaxScaler (a constant column maps to the range's lower end).
 */
import type {Row} from "../models/types.ts";
import type {FittedTransformer, Transformer} from "./types.ts";

function columnsOf(X: readonly Row[], what: string): number {
  if (X.length === 0) throw new Error(`${what}: no rows`);
  const d = X[0].length;
  X.forEach((row, i) => {
    if (row.length !== d) throw new Error(`${what}: row ${i} has ${row.length} values, expected ${d}`);
    row.forEach((v, j) => {
      if (!Number.isFinite(v)) throw new Error(`${what}: row ${i}, column ${j} is ${v}; expected a finite number`);
    });
  });
  return d;
}

function defaultNames(d: number): string[] {
  return Array.from({length: d}, (_, j) => `x${j}`);
}

export interface StandardScaler extends FittedTransformer {
  mean: number[];
  /** Population standard deviation per column (1 where the column is constant). */
  scale: number[];
  inverseTransform(Z: readonly Row[]): Row[];
}

export interface StandardScalerOptions {
  withMean?: boolean;
  withStd?: boolean;
  featureNames?: string[];
}

export function fitStandardScaler(X: readonly Row[], options: StandardScalerOptions = {}): StandardScaler {
  const {withMean = true, withStd = true} = options;
  const d = columnsOf(X, "standardScaler");
  const n = X.length;
  const mean = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) mean[j] += row[j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const scale = new Array<number>(d).fill(0);
  for (const row of X) for (let j = 0; j < d; j++) scale[j] += (row[j] - mean[j]) ** 2;
  for (let j = 0; j < d; j++) {
    const sd = Math.sqrt(scale[j] / n);
    scale[j] = withStd && sd > 0 ? sd : 1;
  }
  const center = withMean ? mean : mean.map(() => 0);
  const check = (Z: readonly Row[]) => Z.forEach((row, i) => {
    if (row.length !== d) throw new Error(`standardScaler: row ${i} has ${row.length} values, fitted on ${d}`);
  });
  return {
    mean,
    scale,
    featureNames: options.featureNames ?? defaultNames(d),
    transform: (Z) => (check(Z), Z.map((row) => row.map((v, j) => (v - center[j]) / scale[j]))),
    inverseTransform: (Z) => (check(Z), Z.map((row) => row.map((v, j) => v * scale[j] + center[j])))
  };
}

export function standardScaler(options: StandardScalerOptions = {}): Transformer<Row, StandardScaler> {
  return {fit: (X) => fitStandardScaler(X, options)};
}

export interface MinMaxScaler extends FittedTransformer {
  min: number[];
  max: number[];
  inverseTransform(Z: readonly Row[]): Row[];
}

export interface MinMaxScalerOptions {
  /** Output range. Default [0, 1]. */
  range?: [number, number];
  featureNames?: string[];
}

export function fitMinMaxScaler(X: readonly Row[], options: MinMaxScalerOptions = {}): MinMaxScaler {
  const [lo, hi] = options.range ?? [0, 1];
  if (!(hi > lo)) throw new Error(`minMaxScaler: range [${lo}, ${hi}] is empty`);
  const d = columnsOf(X, "minMaxScaler");
  const min = new Array<number>(d).fill(Infinity), max = new Array<number>(d).fill(-Infinity);
  for (const row of X) {
    for (let j = 0; j < d; j++) {
      if (row[j] < min[j]) min[j] = row[j];
      if (row[j] > max[j]) max[j] = row[j];
    }
  }
  // scikit-learn: scale = (hi − lo) / (max − min), with 1 for a constant column; x·scale + (lo − min·scale).
  const scale = min.map((m, j) => (hi - lo) / (max[j] - m > 0 ? max[j] - m : 1));
  const offset = min.map((m, j) => lo - m * scale[j]);
  return {
    min,
    max,
    featureNames: options.featureNames ?? defaultNames(d),
    transform: (Z) => Z.map((row) => row.map((v, j) => v * scale[j] + offset[j])),
    inverseTransform: (Z) => Z.map((row) => row.map((v, j) => (v - offset[j]) / scale[j]))
  };
}

export function minMaxScaler(options: MinMaxScalerOptions = {}): Transformer<Row, MinMaxScaler> {
  return {fit: (X) => fitMinMaxScaler(X, options)};
}
