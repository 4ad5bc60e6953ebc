/** Statistics: descriptives, correlation and association, hypothesis tests with effect sizes,
 *  multiple-testing corrections. */
export type {TestResult, EffectSize, GroupSummary, Magnitude, TestName, Correction} from "./types.ts";
export {describe, present, isPresent, mean, median, variance, quantileSorted, type Descriptives, type Cell} from "./descriptives.ts";
export {rankAverage, tieTerm, type Ranking} from "./ranks.ts";
export {pearson, spearman, correlation, correlationMatrix, correlationMatrixOfColumns, pearsonMatrix, spearmanMatrix, columnsOf, type CorrelationMethod} from "./correlation.ts";
export {crosstab, levelsOf, chiSquareStatistic, type Contingency, type Category} from "./contingency.ts";
export {
  cramersV,
  cramersVTable,
  correlationRatio,
  associationMatrix,
  collinearPairs,
  type AssociationColumn,
  type AssociationMatrix,
  type AssociationOptions,
  type CollinearPair,
  type ColumnKind,
  type CramersVOptions,
} from "./association.ts";
export {cohensD, rankBiserial, epsilonSquared, cohensH, magnitudeOf} from "./effects.ts";
export {normalSf, normalTwoSided, tTwoSided, chiSquareSf} from "./distributions.ts";
export {welchTTest, studentTTest, type TwoSampleOptions} from "./ttest.ts";
export {mannWhitneyU, mannWhitneyStatistic, type MannWhitneyStatistic} from "./mannWhitney.ts";
export {chiSquareTest, chiSquareTestTable, type ChiSquareOptions} from "./chiSquare.ts";
export {twoProportionZTest, type ProportionsOptions} from "./proportions.ts";
export {kruskalWallis, type KruskalOptions} from "./kruskal.ts";
export {kaplanMeier, survivalAt, type SurvivalCurve} from "./kaplanMeier.ts";
export {logRank, logRankTest, type LogRank, type LogRankTestOptions} from "./logRank.ts";
export {holm, benjaminiHochberg, adjustPValues, correctFamily} from "./corrections.ts";
export {compareGroups, detectType, type CompareOptions, type VariableType} from "./compare.ts";
export {formatP} from "./words.ts";
