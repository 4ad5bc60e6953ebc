/**
 * Ward hierarchical clustering by the nearest-neighbour chain, O(n²) time and n² doubles of
 * memory, producing a scipy-compatible linkage matrix. ml-hclust (AGNES) is O(n³) and too
 * slow for thousands of rows, hence this implementation.
 *
 * It follows scipy.cluster.hierarchy.linkage(X, method="ward") step for step — Euclidean distances
 * summed as pdist, the same chain walk and tie-breaking (lowest index wins, the previous chain element preferred),
 * the Lance–Williams update on Euclidean distances, then a stable sort of merges by height and
 * union-find relabelling — so merge heights agree to rounding and the matrix rows agree exactly.
 */
import {type Flat, type Matrix, flatten} from "./matrix.ts";

/** Rows [idx1, idx2, height, size] as scipy: idx1 < idx2; ids ≥ n are earlier merges (n + row). */
export type Linkage = number[][];

/** Largest n accepted (the distance matrix takes 8·n² bytes: 3.2 GB at 20,000, as scipy's pdist plus its copy). */
export const WARD_MAX_N = 20000;

/**
 * Euclidean distances of all pairs as a full symmetric n × n matrix (row-major, zero diagonal).
 * Each distance is summed over the features in order, as scipy's pdist, so the values are
 * bit-identical to it; four pairs at a time keep four independent sums in flight. The full square
 * (twice the condensed triangle) lets every scan of the chain and every update read a contiguous row.
 */
export function distanceMatrix(data: Float64Array, n: number, d: number): Float64Array {
  const D = new Float64Array(n * n);
  // 64 × 64 tiles of the upper triangle, each value also written to its mirror image: the
  // transposed writes of a tile stay in cache.
  const B = 64;
  for (let i0 = 0; i0 < n; i0 += B) {
    const i1 = Math.min(n, i0 + B);
    for (let j0 = i0; j0 < n; j0 += B) {
      const j1 = Math.min(n, j0 + B);
      for (let i = i0; i < i1; i++) {
        const oi = i * d, row = i * n;
        let j = j0 > i ? j0 : i + 1;
        for (; j + 3 < j1; j += 4) {
          const o0 = j * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
          let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
          for (let t = 0; t < d; t++) {
            const v = data[oi + t];
            const a = v - data[o0 + t], b = v - data[o1 + t], c = v - data[o2 + t], e = v - data[o3 + t];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += e * e;
          }
          D[row + j] = D[j * n + i] = Math.sqrt(s0);
          D[row + j + 1] = D[(j + 1) * n + i] = Math.sqrt(s1);
          D[row + j + 2] = D[(j + 2) * n + i] = Math.sqrt(s2);
          D[row + j + 3] = D[(j + 3) * n + i] = Math.sqrt(s3);
        }
        for (; j < j1; j++) {
          const oj = j * d;
          let s = 0;
          for (let t = 0; t < d; t++) {
            const a = data[oi + t] - data[oj + t];
            s += a * a;
          }
          D[row + j] = D[j * n + i] = Math.sqrt(s);
        }
      }
    }
  }
  return D;
}

export function wardLinkage(X: Matrix): Linkage {
  return wardLinkageFlat(flatten(X));
}

/** The same on a row-major Float64Array (n × d). */
export function wardLinkageFlat({data, n, d}: Flat): Linkage {
  if (n < 2) throw new Error(`Ward linkage needs at least 2 rows (got ${n})`);
  if (n > WARD_MAX_N) throw new Error(`Ward linkage on ${n} rows would need ${((8 * n * n) / 1e9).toFixed(1)} GB; sample at most ${WARD_MAX_N} rows`);
  return wardFromDistances(distanceMatrix(data, n, d), n);
}

/** Ward linkage from a full n × n Euclidean distance matrix (consumed: it is overwritten). */
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
      const row = x * n;
      if (chainLength > 1) {
        y = chain[chainLength - 2];
        currentMin = D[row + y];
      } else currentMin = Infinity;
      // Nearest active cluster to x in index order (ties: the lowest index, the previous chain element first).
      for (let i = head; i < n; i = next[i]) {
        if (i === x) continue;
        const dist = D[row + i];
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
    // Lance–Williams update for Ward on Euclidean distances (scipy's _ward), into row and column y.
    const rx = x * n, ry = y * n;
    for (let i = head; i < n; i = next[i]) {
      if (i === y) continue;
      const ni = size[i];
      const t = 1 / (nx + ny + ni);
      const dxi = D[rx + i];
      const dyi = D[ry + i];
      const v = Math.sqrt((ni + nx) * t * dxi * dxi + (ni + ny) * t * dyi * dyi - ni * t * currentMin * currentMin); // scipy's operation order
      D[ry + i] = v;
      D[i * n + y] = v;
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
