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

function extendPath(p: Path, at: number, depth: number, zero: number, one: number, feature: number): void {
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  p.weight[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    p.weight[at + i + 1] += (one * p.weight[at + i] * (i + 1)) / (depth + 1);
    p.weight[at + i] = (zero * p.weight[at + i] * (depth - i)) / (depth + 1);
  }
}

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

function unwoundPathSum(p: Path, at: number, depth: number, index: number): number {
  const one = p.one[at + index], zero = p.zero[at + index];
  let next = p.weight[at + depth];
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const tmp = (next * (depth + 1)) / ((i + 1) * one);
      total += tmp;
      next = p.weight[at + i] - tmp * zero * ((depth - i) / (depth + 1));
    } else if (zero !== 0) {
      total += p.weight[at + i] / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}

/** Adds the tree's SHAP values for x into phi. */
function treeShapRow(tree: TreeStructure, x: readonly number[], phi: Float64Array, path: Path): void {
  const recurse = (node: number, depth: number, parentAt: number, zero: number, one: number, feature: number): void => {
    const at = parentAt + depth; // this level's slice starts after the parent's (depth entries + 1)
    for (let i = 0; i < depth; i++) {
      path.feature[at + i] = path.feature[parentAt + i];
      path.zero[at + i] = path.zero[parentAt + i];
      path.one[at + i] = path.one[parentAt + i];
      path.weight[at + i] = path.weight[parentAt + i];
    }
    extendPath(path, at, depth, zero, one, feature);
    const left = tree.left[node];
    if (left === -1) {
      const v = tree.value[node];
      for (let i = 1; i <= depth; i++) {
        const w = unwoundPathSum(path, at, depth, i);
        phi[path.feature[at + i]] += w * (path.one[at + i] - path.zero[at + i]) * v;
      }
      return;
    }
    const split = tree.feature[node];
    const right = tree.right[node];
    const goesLeft = x[split] <= tree.threshold[node];
    const hot = goesLeft ? left : right, cold = goesLeft ? right : left;
    const cover = tree.cover[node];
    let inZero = 1, inOne = 1;
    let k = 0;
    for (; k <= depth; k++) if (path.feature[at + k] === split) break;
    let d = depth;
    if (k !== depth + 1) {
      inZero = path.zero[at + k];
      inOne = path.one[at + k];
      unwindPath(path, at, d, k);
      d -= 1;
    }
    recurse(hot, d + 1, at, (tree.cover[hot] / cover) * inZero, inOne, split);
    recurse(cold, d + 1, at, (tree.cover[cold] / cover) * inZero, 0, split);
  };
  recurse(0, 0, 0, 1, 1, -1);
}

function pathFor(tree: TreeStructure): Path {
  const D = treeDepth(tree) + 2;
  const size = ((D + 1) * (D + 2)) / 2 + D;
  return {feature: new Int32Array(size), zero: new Float64Array(size), one: new Float64Array(size), weight: new Float64Array(size)};
}

/** SHAP values of trees averaged (a single tree is a forest of one), on the probability scale. */
export function treesShap(trees: readonly TreeStructure[], nFeatures: number, X: readonly Row[]): ShapValues {
  if (trees.length === 0) throw new Error("treeShap: no trees");
  const paths = trees.map(pathFor);
  const phi = new Float64Array(nFeatures);
  const values = X.map((x, r) => {
    if (x.length !== nFeatures) throw new Error(`treeShap: row ${r} has ${x.length} features, model has ${nFeatures}`);
    phi.fill(0);
    trees.forEach((tree, t) => treeShapRow(tree, x, phi, paths[t]));
    return Array.from(phi, (v) => v / trees.length);
  });
  const expectedValue = trees.reduce((a, t) => a + t.value[0], 0) / trees.length;
  return {expectedValue, values, scale: "probability"};
}

/** TreeSHAP for a fitted decision tree or random forest. */
export function treeShap(model: DecisionTreeModel | RandomForestModel, X: readonly Row[]): ShapValues {
  return treesShap(model.family === "tree" ? [model.tree] : model.trees, model.nFeatures, X);
}
