/**
 * Pearson and Spearman correlation, single pairs and matrices. Missing values (null/NaN) are
 * dropped pairwise, like pandas `DataFrame.corr()`. Spearman is Pearson on average ranks (ties
 * share their mean rank), as scipy.stats.spearmanr.
 */
import {rankAverage} from "./ranks.ts";
import {type Cell, isPresent} from "./descriptives.ts";

export type CorrelationMethod = "pearson" | "spearman";

function completePairs(x: readonly Cell[], y: readonly Cell[]): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const u = x[i];
    const v = y[i];
    if (isPresent(u) && isPresent(v)) {
      a.push(u);
      b.push(v);
    }
  }
  return [a, b];
}

function pearsonComplete(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

export function pearson(x: readonly Cell[], y: readonly Cell[]): number {
  const [a, b] = completePairs(x, y);
  return pearsonComplete(a, b);
}

export function spearman(x: readonly Cell[], y: readonly Cell[]): number {
  const [a, b] = completePairs(x, y);
  return pearsonComplete(rankAverage(a).ranks, rankAverage(b).ranks);
}

export function correlation(x: readonly Cell[], y: readonly Cell[], method: CorrelationMethod = "pearson"): number {
  return method === "spearman" ? spearman(x, y) : pearson(x, y);
}

/** Columns of a row matrix (n × p) as p arrays. */
export function columnsOf(rows: readonly (readonly Cell[])[]): Cell[][] {
  const p = rows.length ? rows[0].length : 0;
  const cols: Cell[][] = Array.from({length: p}, () => new Array(rows.length));
  rows.forEach((row, i) => row.forEach((v, j) => (cols[j][i] = v)));
  return cols;
}

/** p × p correlation matrix of the columns of a row matrix X (n × p), like
 *  `pandas.DataFrame(X).corr(method)`. Constant columns give NaN off the diagonal. */
export function correlationMatrix(X: readonly (readonly Cell[])[], method: CorrelationMethod = "pearson"): number[][] {
  return correlationMatrixOfColumns(columnsOf(X), method);
}

export function correlationMatrixOfColumns(columns: readonly (readonly Cell[])[], method: CorrelationMethod = "pearson"): number[][] {
  const p = columns.length;
  const complete = columns.every((c) => c.every(isPresent));
  // Fast path without missing values: rank each column once.
  const prepared = complete
    ? columns.map((c) => (method === "spearman" ? rankAverage(c as number[]).ranks : Float64Array.from(c as number[])))
    : null;
  const out: number[][] = Array.from({length: p}, () => new Array(p).fill(NaN));
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      const r = prepared ? pearsonComplete(prepared[i], prepared[j]) : correlation(columns[i], columns[j], method);
      out[i][j] = out[j][i] = i === j && !Number.isNaN(r) ? 1 : r;
    }
  }
  return out;
}

export function pearsonMatrix(X: readonly (readonly Cell[])[]): number[][] {
  return correlationMatrix(X, "pearson");
}

export function spearmanMatrix(X: readonly (readonly Cell[])[]): number[][] {
  return correlationMatrix(X, "spearman");
}
