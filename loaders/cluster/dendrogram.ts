/**
 * Truncated dendrogram layout: the last p merges (scipy dendrogram(Z, truncate_mode="lastp", p)),
 * with the same coordinates scipy computes (leaves at x = 5, 15, 25, …; heights = merge heights;
 * collapsed clusters hang from y = 0) plus line segments ready for Plot.link.
 */
import type {Linkage} from "./ward.ts";

export interface DendrogramLeaf {
  /** Node id: < n an observation, ≥ n a collapsed cluster (n + linkage row). */
  node: number;
  x: number;
  /** Observations under this leaf. */
  size: number;
  /** scipy's label: the observation index, or "(size)" for a collapsed cluster. */
  label: string;
}

export interface DendrogramSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The merge (node id) this segment belongs to. */
  node: number;
}

export interface DendrogramLayout {
  /** scipy-compatible: one [x, x, x, x] / [y, y, y, y] quadruple per drawn merge, in scipy's order. */
  icoord: number[][];
  dcoord: number[][];
  leaves: DendrogramLeaf[];
  /** Three segments per merge (left leg, bar, right leg). */
  segments: DendrogramSegment[];
  /** Height of the top merge. */
  maxHeight: number;
}

export function dendrogramLayout(Z: Linkage, {p = 30}: {p?: number} = {}): DendrogramLayout {
  const n = Z.length + 1;
  if (p > n || p === 0) p = n;
  const icoord: number[][] = [];
  const dcoord: number[][] = [];
  const leaves: DendrogramLeaf[] = [];
  const segments: DendrogramSegment[] = [];
  // Returns [centre x, width used, height]. Recursion depth ≤ p (the shown tree has p leaves).
  const walk = (i: number, iv: number): [number, number, number] => {
    if (i < n) {
      leaves.push({node: i, x: iv + 5, size: 1, label: String(i)});
      return [iv + 5, 10, 0];
    }
    if (i < 2 * n - p) {
      const size = Z[i - n][3];
      leaves.push({node: i, x: iv + 5, size, label: `(${size})`});
      return [iv + 5, 10, 0];
    }
    const [a, b, h] = Z[i - n];
    const [xa, wa, ha] = walk(a, iv);
    const [xb, wb, hb] = walk(b, iv + wa);
    icoord.push([xa, xa, xb, xb]);
    dcoord.push([ha, h, h, hb]);
    segments.push({x1: xa, y1: ha, x2: xa, y2: h, node: i}, {x1: xa, y1: h, x2: xb, y2: h, node: i}, {x1: xb, y1: h, x2: xb, y2: hb, node: i});
    return [(xa + xb) / 2, wa + wb, h];
  };
  walk(2 * n - 2, 0);
  return {icoord, dcoord, leaves, segments, maxHeight: Z[n - 2][2]};
}
