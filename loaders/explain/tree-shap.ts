/**
 * TreeSHAP, path-dependent (Lundberg, Erion & Lee 2018, Algorithm 2; this follows the reference
 * C++ implementation in the shap package, tree_shap.h): exact Shapley values of the game
 * v(S) = E[f(x) | x_S], where the expectation over missing features follows the tree's training
 * cover. Polynomial time: O(leaves · depth²) per row. For our trees and forests the output is the
 * probability of class 1, so expectedValue + Σ φ = predictProba(x) for every row.
 */
import type {DecisionTreeModel, TreeStructure} from "../models/tree.ts";
import {treeDepth} from "../models/tree.ts";
import type {RandomForestModel} from "../models/forest.ts";
import type {Row} from "../models/types.ts";
import type {ShapValues} from "./types.ts";

/** Path buffers for one tree (each recursion level copies its parent's path into its own slice). */
interface Path {
  feature: Int32Array;
  zero: Float64Array;
  one: Float64Array;
  weight: Float64Array;
}

// 1/k for small k: the inner loops below multiply instead of dividing.
const INV = Float64Array.from({length: 256}, (_, k) => (k === 0 ? Infinity : 1 / k));

function unwindPath(p: Path, at: number, depth: number, index: number): void {
  const one = p.one[at + index], zero = p.zero[at + index];
  let next = p.weight[at + depth];
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = p.weight[at + i];
      p.weight[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = tmp - (p.weight[at + i] * zero * (depth - i)) / (depth + 1);
    } else {
      p.weight[at + i] = (p.weight[at + i] * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1];
    p.zero[at + i] = p.zero[at + i + 1];
    p.one[at + i] = p.one[at + i + 1];
  }
}

/**
 * Σ of the path weights with element `index` unwound. In path-dependent TreeSHAP one-fractions
 * are 0 or 1, so the reference code's division by `one` is a no-op and is dropped.
 */
function unwoundPathSum(p: Path, at: number, depth: number, index: number): number {
  const one = p.one[at + index], zero = p.zero[at + index];
  const d1 = depth + 1, invD1 = INV[d1];
  let total = 0;
  if (one !== 0) {
    let next = p.weight[at + depth];
    const zk = zero * invD1;
    for (let i = depth - 1; i >= 0; i--) {
      const tmp = next * d1 * INV[i + 1];
      total += tmp;
      next = p.weight[at + i] - tmp * zk * (depth - i);
    }
  } else if (zero !== 0) {
    const scale = d1 / zero;
    for (let i = depth - 1; i >= 0; i--) total += p.weight[at + i] * scale * INV[depth - i];
  }
  return total;
}

/** A tree as typed arrays, plus the offset subtracted from its leaf values (see `treeShapRow`). */
interface Compiled {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  cover: Float64Array;
  value: Float64Array;
  path: Path;
}

// The recursion reads its tree, row and output from here (module state, set per call of
// treeShapRow): plain top-level recursion with typed arrays is several times faster in V8 than a
// closure over objects.
let T: Compiled;
let P: Path;
let xRow: readonly number[];
let out: Float64Array;

function recurse(node: number, depth: number, parentAt: number, zero: number, one: number, feature: number): void {
  const pf = P.feature, pz = P.zero, po = P.one, pw = P.weight;
  const at = parentAt + depth; // this level's slice starts right after the parent's entries
  // Copy the parent's path and extend it by (zero, one, feature) in one pass: shap's
  // extend_path fused with the copy, half the memory traffic of copying first.
  const oneK = one * INV[depth + 1], zeroK = zero * INV[depth + 1];
  pw[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    const wi = pw[parentAt + i];
    pw[at + i + 1] += oneK * wi * (i + 1);
    pw[at + i] = zeroK * wi * (depth - i);
    pf[at + i] = pf[parentAt + i];
    pz[at + i] = pz[parentAt + i];
    po[at + i] = po[parentAt + i];
  }
  pf[at + depth] = feature;
  pz[at + depth] = zero;
  po[at + depth] = one;
  const left = T.left[node];
  if (left === -1) {
    const v = T.value[node];
    if (v === 0) return;
    for (let i = 1; i <= depth; i++) {
      const w = unwoundPathSum(P, at, depth, i);
      out[pf[at + i]] += w * (po[at + i] - pz[at + i]) * v;
    }
    return;
  }
  const split = T.feature[node];
  const right = T.right[node];
  const goesLeft = xRow[split] <= T.threshold[node];
  const hot = goesLeft ? left : right, cold = goesLeft ? right : left;
  const cover = T.cover[node];
  let inZero = 1, inOne = 1;
  let k = 0;
  for (; k <= depth; k++) if (pf[at + k] === split) break;
  let d = depth;
  if (k !== depth + 1) {
    inZero = pz[at + k];
    inOne = po[at + k];
    unwindPath(P, at, d, k);
    d -= 1;
  }
  recurse(hot, d + 1, at, (T.cover[hot] / cover) * inZero, inOne, split);
  recurse(cold, d + 1, at, (T.cover[cold] / cover) * inZero, 0, split);
}

/**
 * Adds the tree's SHAP values for x into phi. The compiled tree's leaf values have its most common
 * leaf value subtracted: a constant has Shapley value 0, so this changes nothing but lets the
 * O(depth²) leaf work be skipped at every leaf equal to it (most leaves of a deep tree).
 */
function treeShapRow(tree: Compiled, x: readonly number[], phi: Float64Array): void {
  T = tree;
  P = tree.path;
  xRow = x;
  out = phi;
  recurse(0, 0, 0, 1, 1, -1);
}

/** The most common leaf value of a tree. */
function commonLeafValue(tree: TreeStructure): number {
  const counts = new Map<number, number>();
  let best = 0, bestCount = 0;
  for (let node = 0; node < tree.left.length; node++) {
    if (tree.left[node] !== -1) continue;
    const c = (counts.get(tree.value[node]) ?? 0) + 1;
    counts.set(tree.value[node], c);
    if (c > bestCount) [best, bestCount] = [tree.value[node], c];
  }
  return best;
}

function pathFor(tree: TreeStructure): Path {
  const D = treeDepth(tree) + 2;
  if (D > 250) throw new Error(`treeShap: tree depth ${D - 2} is too deep`);
  const size = ((D + 1) * (D + 2)) / 2 + D;
  return {feature: new Int32Array(size), zero: new Float64Array(size), one: new Float64Array(size), weight: new Float64Array(size)};
}

/** SHAP values of trees averaged (a single tree is a forest of one), on the probability scale. */
export function treesShap(trees: readonly TreeStructure[], nFeatures: number, X: readonly Row[]): ShapValues {
  if (trees.length === 0) throw new Error("treeShap: no trees");
  const compiled = trees.map((tree): Compiled => {
    const offset = commonLeafValue(tree);
    return {
      feature: Int32Array.from(tree.feature),
      threshold: Float64Array.from(tree.threshold),
      left: Int32Array.from(tree.left),
      right: Int32Array.from(tree.right),
      cover: Float64Array.from(tree.cover),
      value: Float64Array.from(tree.value, (v) => v - offset),
      path: pathFor(tree)
    };
  });
  const phi = new Float64Array(nFeatures);
  const values = X.map((x, r) => {
    if (x.length !== nFeatures) throw new Error(`treeShap: row ${r} has ${x.length} features, model has ${nFeatures}`);
    phi.fill(0);
    for (const tree of compiled) treeShapRow(tree, x, phi);
    return Array.from(phi, (v) => v / trees.length);
  });
  const expectedValue = trees.reduce((a, t) => a + t.value[0], 0) / trees.length;
  return {expectedValue, values, scale: "probability"};
}

/** TreeSHAP for a fitted decision tree or random forest. */
export function treeShap(model: DecisionTreeModel | RandomForestModel, X: readonly Row[]): ShapValues {
  return treesShap(model.family === "tree" ? [model.tree] : model.trees, model.nFeatures, X);
}
