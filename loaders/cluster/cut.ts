/**
 * Flat clusters from a linkage matrix, like scipy.cluster.hierarchy.fcluster(Z, k,
 * criterion="maxclust"): the lowest cut height giving at most k clusters, clusters numbered
 * 1..k in the tree's left-to-right (depth-first) order — the same labels scipy gives.
 */
import type {Linkage} from "./ward.ts";

/** For each merge, the largest height in its subtree (scipy's get_max_dist_for_each_cluster). */
export function maxDists(Z: Linkage): Float64Array {
  const n = Z.length + 1;
  const md = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    // children always have smaller row numbers than their parent
    const [a, b, h] = Z[i];
    let m = h;
    if (a >= n) m = Math.max(m, md[a - n]);
    if (b >= n) m = Math.max(m, md[b - n]);
    md[i] = m;
  }
  return md;
}

/** Cluster numbers (1-based, like scipy) for each observation when the tree is cut so that each
 *  merge whose subtree max height is ≤ cutoff forms one cluster. Numbering follows scipy's
 *  cluster_monocrit walk: at each node, merged children first (left, right), then single
 *  observations (left, right) — so the labels are identical to fcluster's. */
export function cutAtHeight(Z: Linkage, cutoff: number, md: Float64Array = maxDists(Z)): number[] {
  const n = Z.length + 1;
  const T = new Array<number>(n).fill(0);
  const visited = new Uint8Array(2 * n - 1);
  const stack = new Int32Array(n);
  let k = 0;
  stack[0] = 2 * n - 2;
  let nCluster = 0;
  let leader = -1;
  while (k >= 0) {
    const root = stack[k] - n;
    const left = Z[root][0];
    const right = Z[root][1];
    if (leader === -1 && md[root] <= cutoff) {
      leader = root;
      nCluster++;
    }
    if (left >= n && !visited[left]) {
      visited[left] = 1;
      stack[++k] = left;
      continue;
    }
    if (right >= n && !visited[right]) {
      visited[right] = 1;
      stack[++k] = right;
      continue;
    }
    if (left < n) {
      if (leader === -1) nCluster++;
      T[left] = nCluster;
    }
    if (right < n) {
      if (leader === -1) nCluster++;
      T[right] = nCluster;
    }
    if (leader === root) leader = -1;
    k--;
  }
  return T;
}

/** Count clusters at threshold: every merge with md ≤ t (a downward-closed set) removes one. */
function clustersAt(md: Float64Array, t: number): number {
  let merged = 0;
  for (let i = 0; i < md.length; i++) if (md[i] <= t) merged++;
  return md.length + 1 - merged;
}

/** Labels 1..k (at most k clusters, fewer only when merge heights tie), as fcluster maxclust. */
export function cutTree(Z: Linkage, k: number): number[] {
  const n = Z.length + 1;
  if (k >= n) return Array.from({length: n}, (_, i) => i + 1);
  if (k < 1) throw new Error(`cutTree: k must be at least 1 (got ${k})`);
  const md = maxDists(Z);
  // scipy's bisection over merge rows for the first threshold giving ≤ k clusters
  let lower = -1;
  let upper = n - 2;
  while (upper - lower > 1) {
    const i = (lower + upper) >> 1;
    if (clustersAt(md, md[i]) > k) lower = i;
    else upper = i;
  }
  return cutAtHeight(Z, md[upper], md);
}
