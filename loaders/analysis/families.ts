/**
 * The standard model families a case compares, simplest first for the one-standard-error rule
 * (model-choice.ts): ordered by how much of the fitted model a reader can inspect — logistic
 * regression (one odds ratio per feature), decision tree (a few readable rules), random forest
 * (exact TreeSHAP attributions per member), k-nearest neighbours (no model to read: a vote among
 * similar rows, no attributions). Modest default grids (a handful of candidates each, ~10 s of
 * CPU in all on 4,000 rows) let a whole case build in seconds. Any case with a numeric design matrix can
 * call `standardFamilies()`; pass `only` to restrict, or build its own list of ModelFamily.
 *
 *   logistic   penalised logistic regression on standardised features (odds ratios, linear SHAP)
 *   tree       CART decision tree (TreeSHAP)
 *   forest     random forest (TreeSHAP)
 *   knn        k-nearest neighbours, standardised or min-max scaled (the search chooses)
 *
 * `scalingChoices` says, per family, how feature scale is handled (for the model page).
 */
import type {Row} from "../models/types.ts";
import {kNearestNeighbours} from "../models/knn.ts";
import {decisionTree, type DecisionTreeModel} from "../models/tree.ts";
import {randomForest, type RandomForestModel} from "../models/forest.ts";
import {minMaxScaler, standardScaler} from "../preprocess/scalers.ts";
import {pipeline} from "../preprocess/pipeline.ts";
import {treeShap} from "../explain/tree-shap.ts";
import {logisticFamily, type ModelFamily} from "./model-comparison.ts";
import type {Text} from "../../src/components/i18n.ts";

export const scalingChoices: Record<string, Text> = {
  logistic: {
    en: "standardised (mean 0, sd 1, fitted on each training part): the L2 penalty treats every feature alike and odds ratios read per standard deviation",
    ru: "стандартизация (среднее 0, стандартное отклонение 1, по каждой обучающей части): L2-штраф одинаково относится ко всем признакам, а отношения шансов читаются на одно стандартное отклонение"
  },
  knn: {
    en: "standardised or min-max scaled to [0, 1], chosen by the search: distances would otherwise be dominated by the widest-ranging feature",
    ru: "стандартизация или приведение к отрезку [0, 1] — выбирает перебор: иначе расстояния определял бы признак с самым широким размахом"
  },
  tree: {en: "none: splits depend only on the order of values", ru: "нет: разбиения зависят только от порядка значений"},
  forest: {en: "none: splits depend only on the order of values", ru: "нет: разбиения зависят только от порядка значений"}
};

export interface FamilyOptions {
  seed?: number;
  /** Trees per forest. Default 100. */
  forestTrees?: number;
  /** Restrict to these families (keys), in the standard order. */
  only?: readonly string[];
  /** Replace a family's default grid, e.g. {forest: {maxDepth: [6, null], minSamplesLeaf: [3]}}. */
  grids?: Partial<Record<"logistic" | "knn" | "tree" | "forest", Record<string, readonly unknown[]>>>;
}

export function standardFamilies({seed = 42, forestTrees = 100, only, grids = {}}: FamilyOptions = {}): ModelFamily[] {
  const treeShapOf = (model: unknown, X: readonly Row[]) => treeShap(model as DecisionTreeModel | RandomForestModel, X).values;
  const all: ModelFamily[] = [
    logisticFamily({C: (grids.logistic?.C as number[] | undefined) ?? [0.01, 0.1, 1, 10]}),
    {
      family: "tree", label: "Decision tree", labelRu: "Дерево решений",
      make: (p) => decisionTree({maxDepth: p.maxDepth, minSamplesLeaf: p.minSamplesLeaf, seed}),
      grid: grids.tree ?? {maxDepth: [3, 5, 8], minSamplesLeaf: [10, 30]},
      shap: treeShapOf, shapScale: "probability"
    },
    {
      family: "forest", label: "Random forest", labelRu: "Случайный лес",
      make: (p) => randomForest({nEstimators: forestTrees, maxDepth: p.maxDepth, minSamplesLeaf: p.minSamplesLeaf, seed}),
      grid: grids.forest ?? {maxDepth: [null], minSamplesLeaf: [3, 10]},
      shap: treeShapOf, shapScale: "probability"
    },
    {
      family: "knn", label: "k-nearest neighbours", labelRu: "Метод k ближайших соседей",
      make: (p) => pipeline([p.scaler === "minmax" ? minMaxScaler() : standardScaler()], kNearestNeighbours({k: p.k, weights: p.weights})),
      grid: grids.knn ?? {scaler: ["standard"], k: [15, 35], weights: ["distance"]}
    }
  ];
  return only ? all.filter((f) => only.includes(f.family)) : all;
}
