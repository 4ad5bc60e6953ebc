/**
 * Reference fits for checking the planted structure, kept inside the tests so they do not
 * depend on the product's own estimators: standardising, an unpenalised Newton logistic
 * regression, k-means with restarts, and the adjusted Rand index.
 */
import {kmeans} from "ml-kmeans";

export function standardise(X: number[][]): number[][] {
  const d = X[0].length;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const row of X) row.forEach((v, j) => (mean[j] += v / X.length));
  for (const row of X) row.forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / X.length));
  return X.map((row) => row.map((v, j) => (v - mean[j]) / Math.sqrt(sd[j])));
}

function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = c + 1; r < n; r++) {
      const f = M[r][c] / M[c][c];
      for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r][n];
    for (let k = r + 1; k < n; k++) s -= M[r][k] * x[k];
    x[r] = s / M[r][r];
  }
  return x;
}

/** Maximum-likelihood logistic regression with intercept; returns [intercept, ...coefficients]. */
export function logisticFit(X: number[][], y: number[], iterations = 30): number[] {
  const d = X[0].length + 1;
  let w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const H = Array.from({length: d}, () => new Array<number>(d).fill(0));
    const g = new Array<number>(d).fill(0);
    X.forEach((row, i) => {
      const x = [1, ...row];
      const p = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * w[j], 0)));
      for (let j = 0; j < d; j++) {
        g[j] += (y[i] - p) * x[j];
        for (let k = 0; k < d; k++) H[j][k] += p * (1 - p) * x[j] * x[k];
      }
    });
    const step = solve(H, g);
    w = w.map((v, j) => v + step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  return w;
}

/** Best of `restarts` seeded k-means++ runs by within-cluster sum of squares. */
export function kmeansLabels(X: number[][], k: number, restarts = 10): number[] {
  let best: number[] = [];
  let bestSse = Infinity;
  for (let seed = 1; seed <= restarts; seed++) {
    const {clusters, centroids} = kmeans(X, k, {seed, initialization: "kmeans++"});
    const sse = X.reduce((s, row, i) => s + row.reduce((t, v, j) => t + (v - centroids[clusters[i]][j]) ** 2, 0), 0);
    if (sse < bestSse) [best, bestSse] = [clusters, sse];
  }
  return best;
}

export function adjustedRandIndex(a: readonly number[], b: readonly number[]): number {
  const pairs = (n: number) => (n * (n - 1)) / 2;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  a.forEach((x, i) => {
    table.set(`${x},${b[i]}`, (table.get(`${x},${b[i]}`) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  });
  const sum = (m: Map<unknown, number>) => [...m.values()].reduce((s, n) => s + pairs(n), 0);
  const index = sum(table);
  const expected = (sum(rows) * sum(cols)) / pairs(a.length);
  const max = (sum(rows) + sum(cols)) / 2;
  return (index - expected) / (max - expected);
}

/** Names ordered by decreasing |value|. */
export function byStrength(names: readonly string[], values: readonly number[]): string[] {
  return names.map((n, j) => [n, values[j]] as const).sort((p, q) => Math.abs(q[1]) - Math.abs(p[1])).map(([n]) => n);
}
