/**
 * Fitness case: which gym members will leave next month, and what kinds of members are there?
 * Composes the clean member table (loaders/clean/fitness.ts) with the generic report layer
 * (loaders/analysis/) into the page artifacts written by src/data/fitness.tar.ts:
 *
 *   summary.json          members, churn, strongest drivers, chosen model, groups, top actions
 *   exploration.json      ExplorationReport: distributions by churn, means, correlations, and
 *                         the columns left out because every member has the same value
 *   model.json            ModelReport: leaderboard, chosen model + why, test metrics with CIs,
 *                         curves, threshold table, SHAP, permutation importance — all from
 *                         every feature; odds ratios from the interpretation view (one feature
 *                         of each collinear pair left out, chosen on the training rows)
 *   groups.json           ClusterReport (every k = 2..8) + expected churners per group and k
 *   hypotheses.json       HypothesisReport: the template's questions for the roles present and one
 *                         per extra column, Holm-corrected
 *   recommendations.json  RecommendationsReport: rule-based actions sized by members and
 *                         expected churners (out-of-fold probabilities), and the actions the
 *                         member table's columns cannot support
 *   retention.json        RetentionReport: monthly churn hazard by tenure, the retention curve with
 *                         delayed entry and its steady-inflow check, levers compared at equal tenure
 *                         (log-rank, Cox with a proportional-hazards check)
 *   members.json          member-level rows (row number, churn probability, group) — only when
 *                         settings.customerRows; otherwise {enabled: false, rows: []}
 *
 *   quality.json          QualityArtifact: the Data quality page (from the same read)
 *
 * Features are the member table's columns (fitness/features.ts): on the seed table its 13 roles; on
 * a mapped export the roles present plus the mapping's extra columns.
 */
import {settings} from "../settings.ts";
import {loadFitness} from "../clean/fitness.ts";
import {fitnessSchema} from "../io/schemas/fitness.ts";
import type {Artifacts} from "../artifacts.ts";
import type {CaseRun} from "./registry.ts";
import {qualityArtifact} from "../quality/artifact.ts";
import {compareModels, estimatorOf, type ModelFamily} from "../analysis/model-comparison.ts";
import {crossValidate} from "../models/select.ts";
import {take} from "../models/split.ts";
import {standardFamilies} from "../analysis/families.ts";
import {clusterReport} from "../analysis/clusters.ts";
import {exploreByTarget, pruneCollinearColumns} from "../analysis/exploration.ts";
import {testFamily} from "../analysis/hypotheses.ts";
import type {ClusterReport, ExplorationReport, HypothesisReport, ModelReport} from "../analysis/types.ts";
import {design, designRows, fitnessFeatures, memberColumns, russianWords, target, type FitnessFeatures, type FitnessMember, type Levels, type MemberColumn} from "./fitness/features.ts";
import {localizeLabels, russianName} from "./fitness/localize.ts";
import type {Text} from "../../src/components/i18n.ts";
import {paramsText} from "../analysis/model-choice.ts";
import {defaultAssumptions, recommend, type RecommendationsReport} from "./fitness/recommendations.ts";
import {planActions, type ActionPlan} from "./fitness/action-plan.ts";
import {answerQuestions} from "./fitness/questions.ts";
import {caseById} from "./registry.ts";
import {caseMoney, type Money} from "./money.ts";
import {retentionReport} from "./fitness/retention.ts";
import {fitnessDashboardOf} from "./fitness/dashboard.ts";

export interface FitnessOptions {
  seed?: number;
  /** Bootstrap resamples for the test-metric CIs. */
  resamples?: number;
  families?: ModelFamily[];
  customerRows?: boolean;
  /** Share of each action list held back as the control group (settings.controlShare). */
  controlShare?: number;
  /** Rows of the member table as read, before the cleaning (quality report); default: the members given. */
  rowsRead?: number;
  /** The case's currency (loaders/cases/money.ts); the member table holds no fees, so money comes only from the reader's assumptions. */
  money?: Money;
  /** The member table's feature columns (loadFitness). Default: the seed table's 13 roles. */
  columns?: readonly MemberColumn[];
}

const seedColumns = memberColumns(fitnessSchema.files[0].columns);

/** Families compared, simplest first (the one-standard-error rule, model-choice.ts, prefers the earlier). */
export function fitnessFamilies(seed = 42): ModelFamily[] {
  return standardFamilies({seed});
}

/**
 * This month's visits (the visit-drop trigger's feature) are partly the leaving itself. How much the
 * model leans on them: the chosen candidate's mean cross-validated ROC-AUC on the training part
 * (same folds) with and without the feature, and the feature's rank by permutation drop.
 */
export interface LateSignal {
  feature: string;
  label: string;
  cvAucWith: number;
  cvAucWithout: number;
  /** 1 = the largest drop in test ROC-AUC when the feature is shuffled. */
  permutationRank: number;
}

/** The feature of this month's visits: the one the visit-drop trigger reads. */
const LATE_FEATURE = "classFrequencyCurrentMonth";

export interface FitnessAnalysis {
  exploration: ExplorationReport & {constant: ConstantColumn[]};
  /** lateSignal is null when the table has no column of this month's visits. */
  model: ModelReport & {lateSignal: LateSignal | null};
  groups: ClusterReport & {expectedChurners: Record<string, number[]>};
  hypotheses: HypothesisReport;
  recommendations: RecommendationsReport;
  /** Out-of-fold churn probability and group (chosen k) per member, in `members` order. */
  oof: number[];
  labels: number[];
  labelsByK: Map<number, number[]>;
  /** The features, design columns and hypotheses the analysis used. */
  features: FitnessFeatures;
  /** The report's English words for these features and their Russian (labels, group-name words, levels). */
  words: Map<string, string>;
  /** The chosen groups' names in both languages, by group. */
  groupNames: Text[];
}

/** A column with one value for every member: it cannot tell members apart, so it is no feature. */
export interface ConstantColumn {
  feature: string;
  label: string;
  value: string;
}

function constantColumns(members: readonly FitnessMember[], columns: readonly MemberColumn[]): ConstantColumn[] {
  return columns.flatMap((c) => {
    const values = new Set(members.map((m) => String(m[c.field])));
    return values.size === 1 ? [{feature: c.field, label: c.label, value: [...values][0]}] : [];
  });
}

/** The values each categorical column takes (sorted by code point, as the one-hot encoder sorts). */
function levelsOf(members: readonly FitnessMember[], columns: readonly MemberColumn[]): Levels {
  return Object.fromEntries(columns.filter((c) => c.kind === "categorical" && !c.role).map((c) => [c.field,
    [...new Set(members.map((m) => String(m[c.field])))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))]));
}

/**
 * Columns the interpretation view leaves out: one of each collinear pair (training rows), and the
 * first level of each categorical extra column, its reference level (a full set of 0/1 level
 * columns sums to one, so their odds ratios would not be identified).
 */
function interpretationColumns(features: FitnessFeatures["features"]) {
  return (Xtrain: readonly number[][], ytrain: readonly number[]) => {
    const {keep, dropped} = pruneCollinearColumns(Xtrain, ytrain, features, target);
    const references = features.flatMap((f, j) => {
      const levels = features.filter((g) => g.level !== undefined && g.source === f.source);
      if (f.level === undefined || levels[0] !== f || !keep.includes(j)) return [];
      return [{j, entry: {feature: f.field, label: f.label, partner: f.source, partnerLabel: f.sourceLabel,
        reason: referenceReason({en: f.label, ru: f.ru.label}, {en: f.sourceLabel, ru: f.ru.sourceLabel})}}];
    });
    const left = new Set(references.map((r) => r.j));
    return {keep: keep.filter((j) => !left.has(j)), dropped: [...dropped, ...references.map((r) => r.entry)]};
  };
}

/** Why a level of a categorical column is left out of the odds ratios: it is the reference the others are compared with. */
function referenceReason(label: Text, source: Text): Text {
  return {
    en: `${label.en} is the reference level of ${source.en.toLowerCase()}: the odds ratios of its other levels compare each level with it.`,
    ru: `${label.ru} — опорный уровень признака «${source.ru}»: отношения шансов остальных его уровней сравнивают каждый уровень с ним.`
  };
}

/** The whole analysis from clean members (pure; seeded). */
export function analyseFitness(members: readonly FitnessMember[], {seed = 42, resamples = 1000, families = fitnessFamilies(seed), columns = seedColumns}: FitnessOptions = {}): FitnessAnalysis {
  const constant = constantColumns(members, columns);
  const used = columns.filter((c) => !constant.some((k) => k.feature === c.field));
  const spec = fitnessFeatures(used, levelsOf(members, used));
  const {features, hypotheses} = spec;
  const {X, y} = design(members, features);
  const exploration = {...exploreByTarget(designRows(X, y, features), features, target), constant};
  // Models predict from every feature (the penalty copes with collinearity). Only the odds ratios
  // are read from a logistic regression without one feature of each collinear pair, chosen from
  // the training rows' correlations (the interpretation view).
  const {report, oof, split} = compareModels(
    {X, y, features: features.map((f) => ({feature: f.field, label: f.label})), target, families},
    {seed, testSize: 0.2, nSplits: 5, resamples, interpretationColumns: interpretationColumns(features)}
  );
  const late = features.findIndex((f) => f.field === LATE_FEATURE && spec.roles.has(LATE_FEATURE));
  const model = {...report, lateSignal: late < 0 ? null : lateSignal(report, late, X, y, split.train, families, seed)};
  const {report: clusters, labelsByK} = clusterReport(X, features, y, {seed, unit: {en: "members", ru: "клиентов"}});
  const expectedChurners: Record<string, number[]> = {};
  for (const [k, labels] of labelsByK) {
    const sums = new Array<number>(k).fill(0);
    labels.forEach((l, i) => (sums[l] += oof[i]));
    expectedChurners[String(k)] = sums;
  }
  const labels = labelsByK.get(clusters.chosenK)!;
  const solution = clusters.solutions.find((s) => s.k === clusters.chosenK)!;
  const words = russianWords(spec);
  const groupNames = solution.clusters.map((c) => ({en: c.name, ru: russianName(c.name, words) ?? c.name}));
  const recommendations = recommend(members, oof, labels, solution, spec.roles, groupNames);
  const bilingual = hypotheses.map((h) => ({...h, label: {en: h.label as string, ru: h.ru.label}, question: {en: h.question as string, ru: h.ru.question}}));
  const tests = testFamily(members, target, bilingual, {correction: "holm"});
  return {exploration, model, groups: {...clusters, expectedChurners}, hypotheses: tests, recommendations, oof, labels, labelsByK, features: spec, words, groupNames};
}

/** Cross-validated ROC-AUC of the chosen candidate without this month's visits (training part, the leaderboard's folds). */
function lateSignal(model: ModelReport, j: number, X: readonly number[][], y: readonly number[], train: readonly number[], families: readonly ModelFamily[], seed: number): LateSignal {
  const family = families.find((f) => f.family === model.chosen.family)!;
  const without = take(X, train).map((row) => row.filter((_, k) => k !== j));
  const cv = crossValidate(estimatorOf(family, model.chosen.params), without, take(y, train), {nSplits: model.nSplits, seed});
  return {
    feature: LATE_FEATURE,
    label: model.features[j].label,
    cvAucWith: model.chosen.cvMean,
    cvAucWithout: cv.mean,
    permutationRank: model.importance.findIndex((r) => r.feature === LATE_FEATURE) + 1
  };
}

/**
 * Actions listed on the Summary page: the top of the Recommendations ranking (a prefix, so that the
 * numbering is the same): at least `min`, at most `max`, ending before the first action that adds
 * less than `minShare` of all expected churners beyond the actions above it.
 */
const SUMMARY_ACTIONS = {min: 3, max: 5, minShare: 0.01};

function topActions<A extends RecommendationsReport["actions"][number]>({expectedChurnersAll}: RecommendationsReport, actions: readonly A[]): A[] {
  const {min, max, minShare} = SUMMARY_ACTIONS;
  const small = actions.findIndex((x, i) => i >= min && x.newExpectedChurners < minShare * expectedChurnersAll);
  return actions.slice(0, Math.min(max, small < 0 ? actions.length : small));
}

function summary(a: FitnessAnalysis, plan: ActionPlan, rowsRead: number) {
  const {model, groups, recommendations, hypotheses: tests, exploration} = a;
  const solution = groups.solutions.find((s) => s.k === groups.chosenK)!;
  // The three largest odds ratios whose 95% interval excludes 1 (an association, other features held fixed).
  const drivers = (model.oddsRatios ?? [])
    .filter((o) => o.lo > 1 || o.hi < 1)
    .sort((p, q) => Math.abs(q.coef) - Math.abs(p.coef))
    .slice(0, 3)
    .map((o) => ({feature: o.feature, label: o.label, oddsRatio: o.oddsRatio, lo: o.lo, hi: o.hi, direction: o.coef < 0 ? "lower" : "higher"}));
  const byRate = solution.clusters.slice().sort((p, q) => q.targetRate.value - p.targetRate.value);
  const top = topActions(recommendations, plan.actions);
  const highestExpected = groups.expectedChurners[String(groups.chosenK)][byRate[0].cluster];
  return {
    question: caseById("fitness").question,
    /** Rows of the export left out before the analysis (duplicates, missing values): said next to the answer. */
    rowsLeftOut: rowsRead - exploration.n,
    members: exploration.n,
    churned: exploration.positives,
    churnRate: exploration.positives / exploration.n,
    drivers,
    driversModel: model.oddsRatiosModel,
    model: {
      familyLabel: model.chosen.familyLabel,
      familyLabels: model.chosen.familyLabels,
      paramsLabel: model.chosen.paramsLabel,
      paramsLabels: {en: model.chosen.paramsLabel, ru: paramsText(model.chosen.params, "ru")},
      reason: model.chosen.reason,
      cvMean: model.chosen.cvMean,
      auc: model.test.auc,
      precision: model.test.precision,
      recall: model.test.recall,
      threshold: model.test.threshold,
      nTest: model.nTest,
      candidates: model.leaderboard.length,
      families: model.families.length
    },
    groups: {
      k: groups.chosenK,
      method: groups.method,
      reason: groups.reason,
      clusters: solution.clusters.map((c) => ({cluster: c.cluster, name: c.name, size: c.size, share: c.share, churnRate: c.targetRate})),
      highest: {name: byRate[0].name, cluster: byRate[0].cluster, churnRate: byRate[0].targetRate.value, expectedChurners: highestExpected},
      lowest: {name: byRate[byRate.length - 1].name, cluster: byRate[byRate.length - 1].cluster, churnRate: byRate[byRate.length - 1].targetRate.value}
    },
    tests: {total: tests.tests.length, significant: tests.significant, correctionName: tests.correctionName},
    // Each action's members kept beyond the actions above it (members on several lists count once).
    actions: top.map((x, k) => ({...x, addedKept: plan.reach(top.slice(0, k + 1).map((_, j) => j)).kept - (k ? plan.reach(top.slice(0, k).map((_, j) => j)).kept : 0)})),
    /** The listed actions together: members contacted once each (control group left out), the expected churners among them, members kept at the assumed success rate. */
    reach: plan.reach(top.map((_, k) => k)),
    controlShare: top[0]?.list.controlShare ?? null,
    totalActions: recommendations.actions.length,
    // Recommendations the member table's columns cannot support, in words.
    unavailable: recommendations.unavailable.map((u) => ({id: u.id, title: u.title, columns: u.missing.map((m) => m.column)})),
    // Whether the list ends because the next action adds little (rather than at the maximum length).
    nextAddsLittle: top.length < recommendations.actions.length && recommendations.actions[top.length].newExpectedChurners < SUMMARY_ACTIONS.minShare * recommendations.expectedChurnersAll,
    actionsMinShare: SUMMARY_ACTIONS.minShare,
    expectedChurnersAll: recommendations.expectedChurnersAll,
    covered: recommendations.covered,
    successRate: recommendations.assumptions.find((x) => x.id === "successRate")!
  };
}

/** The interpretation view's reference levels, their reason in both languages (the collinear pairs' reasons are the shared analysis'). */
function withReferenceReasons(model: FitnessAnalysis["model"], words: ReadonlyMap<string, string>) {
  if (!model.interpretation) return model;
  const isFeature = new Set(model.features.map((f) => f.feature));
  const text = (en: string): Text => ({en, ru: words.get(en) ?? en});
  const dropped = model.interpretation.dropped.map((e) => isFeature.has(e.partner) ? e : {...e, reason: referenceReason(text(e.label), text(e.partnerLabel))});
  return {...model, interpretation: {...model.interpretation, dropped}};
}

/** Member-level rows: allowed only with the customer-level setting. */
function memberRows(members: readonly FitnessMember[], a: FitnessAnalysis, allowed: boolean) {
  if (!allowed) return {enabled: false, rows: []};
  const names = a.groupNames;
  return {
    enabled: true,
    rows: members.map((m, i) => ({row: i + 1, line: m.line, churnProbability: a.oof[i], group: a.labels[i] + 1, groupName: names[a.labels[i]], churned: m.churn}))
  };
}

/** Every artifact of the case, from clean members. */
export function fitnessArtifacts(members: readonly FitnessMember[], {customerRows = settings.customerRows, controlShare = settings.controlShare, money = {currency: settings.currency, profit: null}, rowsRead = members.length, ...options}: FitnessOptions = {}): Artifacts {
  const analysis = analyseFitness(members, options);
  const plan = planActions(analysis.recommendations.actions, members, analysis.oof, analysis.labels, analysis.groupNames, defaultAssumptions(), {customerRows, controlShare});
  // The shared analysis labels in English: each label the fitness vocabulary knows gets its Russian.
  const both = <T>(x: T): T => localizeLabels(x, analysis.words);
  return {
    "summary.json": both(summary(analysis, plan, rowsRead)),
    "exploration.json": both(analysis.exploration),
    "model.json": both(withReferenceReasons(analysis.model, analysis.words)),
    "groups.json": both(analysis.groups),
    "hypotheses.json": {...both(analysis.hypotheses), questions: answerQuestions(analysis.hypotheses, analysis.features, target)},
    // reach: every retention action together, the control group held back (a member on several lists once).
    "recommendations.json": {...analysis.recommendations, actions: plan.actions, reach: plan.reach(plan.actions.map((_, k) => k)), money},
    "retention.json": retentionReport(members, analysis.features),
    "dashboard.json": fitnessDashboardOf(members, analysis),
    "members.json": memberRows(members, analysis, customerRows)
  };
}

/** The case's entry point (registry.ts): read, clean and analyse once; every page's artifact, data quality included. */
export const run: CaseRun = async (input, settings) => {
  const {members, columns, quality} = await loadFitness(input);
  return {...fitnessArtifacts(members, {customerRows: settings.customerRows, controlShare: settings.controlShare, money: caseMoney(input, settings), rowsRead: quality.counts.flow[0]?.rows ?? members.length, columns}), "quality.json": qualityArtifact(quality, input, settings)};
};
