/**
 * Random forest for a binary target, scikit-learn's RandomForestClassifier semantics: each tree
 * grows on a bootstrap sample (n draws with replacement, as row weights) and examines
 * `maxFeatures` features drawn afresh AT EVERY SPLIT; P(y = 1) is the mean of the trees' leaf
 * probabilities; impurity importances are each tree's normalised importances, averaged.
 *
 * Written here because ml-random-forest 2.1 samples features once per tree (a different, weaker
 * model), takes the first rows for `maxSamples` instead of a random sample, and has a fixed seed.
 * Columns are presorted once and every tree reuses those orders (see tree.ts).
 */
import {randomSource} from "../random.ts";
import {applyTree, growTree, presort, type MaxFeatures, type TreeStructure} from "./tree.ts";
import {checkXy, thresholded, type Classifier, type Estimator, type Row} from "./types.ts";

export interface ForestOptions {
  /** Trees. Default 100. */
  nEstimators?: number;
  /** Default "sqrt" (scikit-learn's default for classifiers). */
  maxFeatures?: MaxFeatures;
  /** Default null: grow until leaves are pure. */
  maxDepth?: number | null;
  minSamplesSplit?: number;
  minSamplesLeaf?: number;
  /** Bootstrap rows per tree. Default true; false grows every tree on all rows. */
  bootstrap?: boolean;
  /** Draws per bootstrap sample: a count, or a share of n. Default n. */
  maxSamples?: number;
  /** Compute out-of-bag probabilities (`oobProba`). Default false. */
  oobScore?: boolean;
  seed?: number;
}

export interface RandomForestModel extends Classifier {
  family: "forest";
  trees: TreeStructure[];
  nFeatures: number;
  /** Mean decrease in impurity, summing to 1. */
  featureImportances: number[];
  /** With `oobScore`: each training row's mean prediction by the trees that did not see it (NaN if none). */
  oobProba?: number[];
}

export function fitForest(X: readonly Row[], y: readonly number[], options: ForestOptions = {}): RandomForestModel {
  const {nEstimators = 100, maxFeatures = "sqrt", bootstrap = true, oobScore = false, seed = 42} = options;
  checkXy(X, y);
  if (!(Number.isInteger(nEstimators) && nEstimators >= 1)) throw new Error(`forest: nEstimators must be >= 1, got ${nEstimators}`);
  const pre = presort(X);
  const {n, d} = pre;
  const draws = options.maxSamples === undefined ? n
    : options.maxSamples < 1 ? Math.max(1, Math.round(options.maxSamples * n)) : Math.min(n, Math.floor(options.maxSamples));
  const treeOptions = {maxDepth: options.maxDepth ?? null, minSamplesSplit: options.minSamplesSplit, minSamplesLeaf: options.minSamplesLeaf, maxFeatures};
  const random = randomSource(seed);
  const trees: TreeStructure[] = [];
  const importances = new Array<number>(d).fill(0);
  const oobSum = oobScore ? new Float64Array(n) : null;
  const oobCount = oobScore ? new Int32Array(n) : null;
  const weight = new Float64Array(n);
  for (let t = 0; t < nEstimators; t++) {
    const treeRandom = random.fork();
    if (bootstrap) {
      weight.fill(0);
      for (let k = 0; k < draws; k++) weight[treeRandom.int(n)]++;
    } else weight.fill(1);
    const {tree, importances: imp} = growTree(pre, y, weight, treeOptions, treeRandom);
    trees.push(tree);
    for (let j = 0; j < d; j++) importances[j] += imp[j];
    if (oobSum && oobCount) {
      for (let i = 0; i < n; i++) {
        if (weight[i] === 0) {
          oobSum[i] += tree.value[applyTree(tree, X[i])];
          oobCount[i]++;
        }
      }
    }
  }
  const total = importances.reduce((a, b) => a + b, 0);
  const predictProba = (Z: readonly Row[]): number[] =>
    Z.map((x, i) => {
      if (x.length !== d) throw new Error(`row ${i} has ${x.length} features, model has ${d}`);
      let s = 0;
      for (const tree of trees) s += tree.value[applyTree(tree, x)];
      return s / trees.length;
    });
  const model: RandomForestModel = {
    family: "forest",
    trees,
    nFeatures: d,
    featureImportances: total > 0 ? importances.map((v) => v / total) : importances,
    predictProba,
    predict: (Z, threshold = 0.5) => thresholded(predictProba(Z), threshold)
  };
  if (oobSum && oobCount) model.oobProba = Array.from(oobSum, (s, i) => (oobCount[i] ? s / oobCount[i] : NaN));
  return model;
}

export function randomForest(options: ForestOptions = {}): Estimator<Row, RandomForestModel> {
  return {
    family: "forest",
    params: {
      nEstimators: options.nEstimators ?? 100,
      maxFeatures: options.maxFeatures ?? "sqrt",
      maxDepth: options.maxDepth ?? null,
      minSamplesLeaf: options.minSamplesLeaf ?? 1
    },
    fit: (X, y) => fitForest(X, y, options)
  };
}
