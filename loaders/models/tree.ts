/**
 * CART decision tree for a binary target (Gini impurity), scikit-learn's DecisionTreeClassifier
 * semantics: best split per node over `maxFeatures` features drawn at random per split (constant
 * features do not count), thresholds at midpoints, `x <= threshold` goes left, leaves predict the
 * (weighted) share of class 1, impurity importances normalised to sum 1.
 *
 * Split search uses presorted feature orders partitioned stably at every split (SLIQ-style), so
 * no node re-sorts; the forest presorts once and reuses the orders for every tree.
 * scikit-learn converts X to float32 for trees; this works in float64, so thresholds on
 * non-integer features can differ from scikit-learn's in the 7th digit.
 */
import {randomSource, type Random} from "../random.ts";
import {orderByValue} from "../stats/ranks.ts";
import {checkXy, thresholded, type Classifier, type Estimator, type Row} from "./types.ts";

export type MaxFeatures = number | "sqrt" | "log2" | null;

export interface TreeOptions {
  /** Deepest level of a split (root = depth 0); null = grow until leaves are pure. Default null. */
  maxDepth?: number | null;
  /** A node with fewer rows is not split. Default 2. */
  minSamplesSplit?: number;
  /** Each child keeps at least this many rows. Default 1. */
  minSamplesLeaf?: number;
  /**
   * Features examined per split: a count, a share (0..1), "sqrt", "log2", or null for all.
   * Default null (all) for a tree.
   */
  maxFeatures?: MaxFeatures;
  seed?: number;
}

/** A fitted tree as flat arrays, node 0 the root, children after parents (depth-first, left first). */
export interface TreeStructure {
  /** Split feature, or -1 at a leaf. */
  feature: number[];
  threshold: number[];
  /** Child node ids, -1 at a leaf. */
  left: number[];
  right: number[];
  /** Weighted share of class 1 among the node's training rows: the prediction at a leaf. */
  value: number[];
  /** Weighted number of training rows at the node (bootstrap counts in a forest): TreeSHAP's cover. */
  cover: number[];
  /** Distinct training rows at the node. */
  nSamples: number[];
  /** Gini impurity at the node. */
  impurity: number[];
}

export interface DecisionTreeModel extends Classifier {
  family: "tree";
  tree: TreeStructure;
  nFeatures: number;
  /** Impurity (Gini) importances, summing to 1 (all 0 if the tree never split). */
  featureImportances: number[];
  depth: number;
  nLeaves: number;
}

/** Column-major copy plus each column's row order by value (ties by row index). */
export interface Presorted {
  n: number;
  d: number;
  columns: Float64Array[];
  orders: Int32Array[];
}

export function presort(X: readonly Row[]): Presorted {
  const n = X.length, d = n ? X[0].length : 0;
  const columns = Array.from({length: d}, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const row = X[i];
    if (row.length !== d) throw new Error(`row ${i} has ${row.length} features, expected ${d}`);
    for (let j = 0; j < d; j++) {
      const v = row[j];
      if (!Number.isFinite(v)) throw new Error(`row ${i}, feature ${j} is ${v}; models need finite numbers`);
      columns[j][i] = v;
    }
  }
  const orders = columns.map(orderByValue);
  return {n, d, columns, orders};
}

export function resolveMaxFeatures(maxFeatures: MaxFeatures, d: number): number {
  if (maxFeatures === null) return d;
  if (maxFeatures === "sqrt") return Math.max(1, Math.floor(Math.sqrt(d)));
  if (maxFeatures === "log2") return Math.max(1, Math.floor(Math.log2(d)));
  if (maxFeatures > 0 && maxFeatures < 1) return Math.max(1, Math.floor(maxFeatures * d));
  if (Number.isInteger(maxFeatures) && maxFeatures >= 1) return Math.min(d, maxFeatures);
  throw new Error(`maxFeatures must be a count, a share in (0, 1), "sqrt", "log2" or null; got ${maxFeatures}`);
}

// scikit-learn treats values closer than this as equal when placing thresholds.
const FEATURE_THRESHOLD = 1e-7;
const EPSILON = 2.220446049250313e-16;

/**
 * Grow a tree on rows with positive `weight` (bootstrap counts, or 1 for all rows).
 * Internal to the tree and the forest; `pre` is shared and left unchanged.
 */
export function growTree(
  pre: Presorted, y: ArrayLike<number>, weight: Float64Array, options: TreeOptions, random: Random
): {tree: TreeStructure; importances: number[]} {
  const {n, d, columns} = pre;
  const maxDepth = options.maxDepth ?? Infinity;
  const minSplit = Math.max(2, options.minSamplesSplit ?? 2);
  const minLeaf = Math.max(1, options.minSamplesLeaf ?? 1);
  const mtry = resolveMaxFeatures(options.maxFeatures === undefined ? null : options.maxFeatures, d);

  // Per-feature orders restricted to rows with positive weight; a node is a range [start, end)
  // holding the same rows in every feature's order.
  let m = 0;
  const kept = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    kept[i] = weight[i] > 0 ? 1 : 0;
    m += kept[i];
  }
  // Each row's weight of class 1, so the split scan reads two arrays, not three.
  const weightPos = new Float64Array(n);
  for (let i = 0; i < n; i++) weightPos[i] = weight[i] * y[i];
  const orders = pre.orders.map((order) => {
    const out = new Int32Array(m);
    let k = 0;
    for (let r = 0; r < n; r++) {
      const i = order[r];
      out[k] = i; // kept only if its weight is positive (branch-free: the weights are random)
      k += kept[i];
    }
    return out;
  });
  // Two layers by depth parity: a node reads its range in layer depth % 2 and writes its
  // children's (the same range, partitioned) into the other layer; ranges at one depth are
  // disjoint, and a layer's range is overwritten only by grandchildren, after the node is done.
  const layers = [orders, orders.map(() => new Int32Array(m))];
  const goesLeft = new Uint8Array(n);
  // Features constant in a task's range (max ≤ min + FEATURE_THRESHOLD), one row of d flags per
  // stack slot: a node neither examines nor partitions them, and its children inherit them.
  // Found in O(1) per feature and child after a partition, as each range is sorted.
  let constantBySlot = new Uint8Array(2 * d);
  const constant = new Uint8Array(d);
  for (let f = 0; f < d && m > 0; f++) {
    constantBySlot[f] = columns[f][orders[f][m - 1]] <= columns[f][orders[f][0]] + FEATURE_THRESHOLD ? 1 : 0;
  }
  const featurePool = Array.from({length: d}, (_, j) => j);

  const tree: TreeStructure = {feature: [], threshold: [], left: [], right: [], value: [], cover: [], nSamples: [], impurity: []};
  const importances = new Array<number>(d).fill(0);
  type Task = {start: number; end: number; depth: number; parent: number; isLeft: boolean; w: number; wPos: number};
  let w0 = 0, wp0 = 0;
  for (let i = 0; i < n; i++) {
    w0 += weight[i];
    wp0 += weight[i] * y[i];
  }
  const stack: Task[] = [{start: 0, end: m, depth: 0, parent: -1, isLeft: false, w: w0, wPos: wp0}];

  while (stack.length) {
    const {start, end, depth, parent, isLeft, w, wPos} = stack.pop()!;
    const slot = stack.length;
    const id = tree.feature.length;
    if (parent >= 0) (isLeft ? tree.left : tree.right)[parent] = id;
    const pos = wPos / w;
    const gini = 1 - pos * pos - (1 - pos) * (1 - pos);
    tree.feature.push(-1);
    tree.threshold.push(-2);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(pos);
    tree.cover.push(w);
    tree.nSamples.push(end - start);
    tree.impurity.push(gini);
    const count = end - start;
    if (depth >= maxDepth || count < minSplit || count < 2 * minLeaf || gini <= EPSILON || d === 0) continue;
    constant.set(constantBySlot.subarray(slot * d, slot * d + d));

    // Best split over features drawn at random, constant features not counting toward mtry.
    let bestScore = -Infinity, bestFeature = -1, bestPos = -1, bestThreshold = 0;
    let bestWL = 0, bestWPL = 0;
    let visited = 0;
    for (let drawn = 0; drawn < d && visited < mtry; drawn++) {
      const r = drawn + random.int(d - drawn);
      const f = featurePool[r];
      featurePool[r] = featurePool[drawn];
      featurePool[drawn] = f;
      if (constant[f]) continue;
      const order = layers[depth & 1][f], col = columns[f];
      visited++;
      let wL = 0, wPL = 0;
      let xn = col[order[start]];
      for (let k = start; k < end - 1; k++) {
        const i = order[k];
        wL += weight[i];
        wPL += weightPos[i];
        const xk = xn;
        xn = col[order[k + 1]];
        const nL = k - start + 1;
        if (nL < minLeaf) continue;
        if (end - start - nL < minLeaf) break;
        if (xn <= xk + FEATURE_THRESHOLD) continue;
        const wR = w - wL, wPR = wPos - wPL;
        // Gini proxy: Σ_children Σ_class w_c² / w_child (larger is better).
        const score = (wPL * wPL + (wL - wPL) * (wL - wPL)) / wL + (wPR * wPR + (wR - wPR) * (wR - wPR)) / wR;
        if (score > bestScore) {
          bestScore = score;
          bestFeature = f;
          bestPos = k + 1;
          let t = xk / 2 + xn / 2;
          if (t === xn || !Number.isFinite(t)) t = xk;
          bestThreshold = t;
          bestWL = wL;
          bestWPL = wPL;
        }
      }
    }
    if (bestFeature < 0) continue;
    const wR = w - bestWL, wPR = wPos - bestWPL;
    const pL = bestWPL / bestWL, pR = wPR / wR;
    const giniL = 1 - pL * pL - (1 - pL) * (1 - pL), giniR = 1 - pR * pR - (1 - pR) * (1 - pR);
    const decrease = w * gini - bestWL * giniL - wR * giniR;
    if (decrease < 0) continue; // cannot happen for Gini; kept for safety like scikit-learn
    importances[bestFeature] += decrease;
    tree.feature[id] = bestFeature;
    tree.threshold[id] = bestThreshold;

    // Stable partition of every non-constant feature's range: rows going left first. Skipped when
    // both children will be leaves (common deep in a fully grown tree): nothing reads their order.
    const nL = bestPos - start, nR = end - bestPos;
    const willSplit = (count: number, wc: number, wp: number) => {
      const q = wp / wc;
      return depth + 1 < maxDepth && count >= minSplit && count >= 2 * minLeaf && 1 - q * q - (1 - q) * (1 - q) > EPSILON;
    };
    if (!willSplit(nL, bestWL, bestWPL) && !willSplit(nR, wR, wPR)) {
      stack.push({start: bestPos, end, depth: depth + 1, parent: id, isLeft: false, w: wR, wPos: wPR});
      stack.push({start, end: bestPos, depth: depth + 1, parent: id, isLeft: true, w: bestWL, wPos: bestWPL});
      continue;
    }
    const from = layers[depth & 1], to = layers[(depth + 1) & 1];
    const chosen = from[bestFeature];
    for (let k = start; k < bestPos; k++) goesLeft[chosen[k]] = 1;
    for (let k = bestPos; k < end; k++) goesLeft[chosen[k]] = 0;
    // The children take slots `slot` (right, pushed first) and `slot + 1` (left).
    if (constantBySlot.length < (slot + 2) * d) {
      const grown = new Uint8Array(2 * (slot + 2) * d);
      grown.set(constantBySlot);
      constantBySlot = grown;
    }
    const rightConstant = slot * d, leftConstant = rightConstant + d;
    for (let f = 0; f < d; f++) {
      if (constant[f]) {
        constantBySlot[rightConstant + f] = constantBySlot[leftConstant + f] = 1;
        continue;
      }
      const src = from[f], dst = to[f], col = columns[f];
      if (f === bestFeature) dst.set(src.subarray(start, end), start);
      else partitionStable(src, dst, start, bestPos, end, goesLeft);
      constantBySlot[leftConstant + f] = col[dst[bestPos - 1]] <= col[dst[start]] + FEATURE_THRESHOLD ? 1 : 0;
      constantBySlot[rightConstant + f] = col[dst[end - 1]] <= col[dst[bestPos]] + FEATURE_THRESHOLD ? 1 : 0;
    }
    // Right pushed first so the left child is built (and numbered) first, as scikit-learn does.
    stack.push({start: bestPos, end, depth: depth + 1, parent: id, isLeft: false, w: wR, wPos: wPR});
    stack.push({start, end: bestPos, depth: depth + 1, parent: id, isLeft: true, w: bestWL, wPos: bestWPL});
  }
  const total = importances.reduce((a, b) => a + b, 0);
  return {tree, importances: total > 0 ? importances.map((v) => v / total) : importances};
}

/**
 * Stable partition of src[start, end) into dst: rows with goesLeft fill [start, split), the others
 * [split, end), each in their order. Branch-free, as which side a row goes is unpredictable.
 */
function partitionStable(src: Int32Array, dst: Int32Array, start: number, split: number, end: number, goesLeft: Uint8Array): void {
  let l = start, r = split;
  for (let k = start; k < end; k++) {
    const i = src[k];
    const left = goesLeft[i];
    dst[r + left * (l - r)] = i;
    l += left;
    r += 1 - left;
  }
}

/** Index of the leaf each row falls in. */
export function applyTree(tree: TreeStructure, x: readonly number[]): number {
  let node = 0;
  while (tree.left[node] !== -1) node = x[tree.feature[node]] <= tree.threshold[node] ? tree.left[node] : tree.right[node];
  return node;
}

export function treeDepth(tree: TreeStructure): number {
  const depth = new Array<number>(tree.feature.length).fill(0);
  let max = 0;
  for (let node = 0; node < tree.feature.length; node++) {
    if (tree.left[node] !== -1) {
      depth[tree.left[node]] = depth[tree.right[node]] = depth[node] + 1;
      max = Math.max(max, depth[node] + 1);
    }
  }
  return max;
}

function checkRows(X: readonly Row[], d: number): void {
  for (let i = 0; i < X.length; i++) {
    if (X[i].length !== d) throw new Error(`row ${i} has ${X[i].length} features, model has ${d}`);
  }
}

export function fitTree(X: readonly Row[], y: readonly number[], options: TreeOptions = {}): DecisionTreeModel {
  checkXy(X, y);
  const pre = presort(X);
  const weight = new Float64Array(pre.n).fill(1);
  const {tree, importances} = growTree(pre, y, weight, options, randomSource(options.seed ?? 42));
  const predictProba = (Z: readonly Row[]): number[] => {
    checkRows(Z, pre.d);
    return Z.map((x) => tree.value[applyTree(tree, x)]);
  };
  return {
    family: "tree",
    tree,
    nFeatures: pre.d,
    featureImportances: importances,
    depth: treeDepth(tree),
    nLeaves: tree.left.filter((v) => v === -1).length,
    predictProba,
    predict: (Z, threshold = 0.5) => thresholded(predictProba(Z), threshold)
  };
}

export function decisionTree(options: TreeOptions = {}): Estimator<Row, DecisionTreeModel> {
  return {
    family: "tree",
    params: {maxDepth: options.maxDepth ?? null, minSamplesLeaf: options.minSamplesLeaf ?? 1},
    fit: (X, y) => fitTree(X, y, options)
  };
}
