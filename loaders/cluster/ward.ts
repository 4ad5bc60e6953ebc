/**
 * Ward hierarchical clustering by the nearest-neighbour chain, O(n²) time and n(n−1)/2 doubles
 * of memory, producing a scipy-compatible linkage matrix. ml-hclust (AGNES) is O(n³) and too
 * slow for thousands of rows, hence this implementation.
 *
 * It follows scipy.cluster.hierarchy.linkage(X, method="ward") step for step — Euclidean pdist,
 * the same chain walk and tie-breaking (lowest index wins, the previous chain element preferred),
 * the Lance–Williams update on Euclidean distances, then a stable sort of merges by height and
 * union-find relabelling — so merge heights agree to rounding and the matrix rows agree exactly.
 */
import {type Matrix, flatten} from "./matrix.ts";

/** Rows [idx1, idx2, height, size] as scipy: idx1 < idx2; ids ≥ n are earlier merges (n + row). */
export type Linkage = number[][];

/** Largest n accepted (the condensed distance matrix takes 8·n(n−1)/2 bytes: 1.6 GB at 20,000). */
export const WARD_MAX_N = 20000;

/** Euclidean distances of all pairs, condensed like scipy.spatial.distance.pdist. */
export function pdist(data: Float64Array, n: number, d: number): Float64Array {
  const D = new Float64Array((n * (n - 1)) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const oi = i * d;
    for (let j = i + 1; j < n; j++) {
      const oj = j * d;
      let s = 0;
      for (let t = 0; t < d; t++) {
        const diff = data[oi + t] - data[oj + t];
        s += diff * diff;
      }
      D[k++] = Math.sqrt(s);
    }
  }
  return D;
}

export function wardLinkage(X: Matrix): Linkage {
  const {data, n, d} = flatten(X);
  if (n < 2) throw new Error(`Ward linkage needs at least 2 rows (got ${n})`);
  if (n > WARD_MAX_N) throw new Error(`Ward linkage on ${n} rows would need ${((4 * n * (n - 1)) / 1e9).toFixed(1)} GB; sample at most ${WARD_MAX_N} rows`);
  return wardFromDistances(pdist(data, n, d), n);
}

/** Ward linkage from a condensed Euclidean distance matrix (consumed: it is overwritten). */
export function wardFromDistances(D: Float64Array, n: number): Linkage {
  const size = new Int32Array(n).fill(1);
  // Active clusters as an ascending doubly linked list, so scans skip merged ones in index order.
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) {
    next[i] = i + 1; // next[n] unused
    prev[i] = i - 1;
  }
  let head = 0;
  const remove = (x: number) => {
    if (prev[x] >= 0) next[prev[x]] = next[x];
    else head = next[x];
    if (next[x] < n) prev[next[x]] = prev[x];
  };
  // Row offset: condensed index of (i, j), i < j, is rowStart[i] + j.
  const rowStart = new Int32Array(n); // n ≤ 20,000 keeps every index below 2^31
  for (let i = 0; i < n; i++) rowStart[i] = n * i - (i * (i + 1)) / 2 - i - 1;
  const idx = (i: number, j: number) => (i < j ? rowStart[i] + j : rowStart[j] + i);

  const Zx = new Int32Array(n - 1);
  const Zy = new Int32Array(n - 1);
  const Zh = new Float64Array(n - 1);
  const chain = new Int32Array(n);
  let chainLength = 0;

  for (let k = 0; k < n - 1; k++) {
    if (chainLength === 0) {
      chain[0] = head;
      chainLength = 1;
    }
    let x = 0;
    let y = 0;
    let currentMin = Infinity;
    for (;;) {
      x = chain[chainLength - 1];
      if (chainLength > 1) {
        y = chain[chainLength - 2];
        currentMin = D[idx(x, y)];
      } else currentMin = Infinity;
      // Scan active i < x (column x of earlier rows), then i > x (contiguous row x).
      let i = head;
      for (; i < x; i = next[i]) {
        const dist = D[rowStart[i] + x];
        if (dist < currentMin) {
          currentMin = dist;
          y = i;
        }
      }
      const base = rowStart[x];
      for (i = next[x]; i < n; i = next[i]) {
        const dist = D[base + i];
        if (dist < currentMin) {
          currentMin = dist;
          y = i;
        }
      }
      if (chainLength > 1 && y === chain[chainLength - 2]) break;
      chain[chainLength++] = y;
    }
    chainLength -= 2;
    if (x > y) [x, y] = [y, x];
    const nx = size[x];
    const ny = size[y];
    Zx[k] = x;
    Zy[k] = y;
    Zh[k] = currentMin;
    size[x] = 0;
    size[y] = nx + ny;
    remove(x);
    // Lance–Williams update for Ward on Euclidean distances (scipy's _ward).
    for (let i = head; i < n; i = next[i]) {
      if (i === y) continue;
      const ni = size[i];
      const t = 1 / (nx + ny + ni);
      const a = idx(i, x);
      const b = idx(i, y);
      const dxi = D[a];
      const dyi = D[b];
      D[b] = Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * currentMin * currentMin); // scipy's operation order
    }
  }
  return relabel(Zx, Zy, Zh, n);
}

/** Stable sort of merges by height, then scipy's union-find relabelling (cluster n + row). */
function relabel(Zx: Int32Array, Zy: Int32Array, Zh: Float64Array, n: number): Linkage {
  const order = Array.from({length: n - 1}, (_, i) => i).sort((a, b) => Zh[a] - Zh[b]); // stable
  const parent = new Int32Array(2 * n - 1);
  const sizes = new Float64Array(2 * n - 1).fill(1);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number) => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    while (parent[x] !== root) {
      const up = parent[x];
      parent[x] = root;
      x = up;
    }
    return root;
  };
  let nextLabel = n;
  return order.map((k) => {
    const rx = find(Zx[k]);
    const ry = find(Zy[k]);
    const s = sizes[rx] + sizes[ry];
    parent[rx] = nextLabel;
    parent[ry] = nextLabel;
    sizes[nextLabel] = s;
    nextLabel++;
    return [Math.min(rx, ry), Math.max(rx, ry), Zh[k], s];
  });
}
