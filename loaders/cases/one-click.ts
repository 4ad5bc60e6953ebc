/**
 * One Click case: whose purchase activity is declining, and which of those are worth a personal
 * offer. Composes the clean tables (loaders/clean/one-click.ts), the feature groups, exploration,
 * the model comparison (generic report layer), segments by out-of-fold probability and profit, and
 * the offers, into the page artifacts written by src/data/one-click.tar.ts:
 *
 *   summary.json      Summary page: counts, target rate, chosen model, drivers, segments, headline offer
 *   exploration.json  feature groups by target, tests, association matrix, month-by-month trends
 *   model.json        ModelReport (loaders/analysis/types.ts) + SHAP per customer feature and group
 *   segments.json     probability × profit grid, default thresholds, segments, portraits
 *   offers.json       offers and channels per segment, assumptions for the live expected profit
 *   customers.json    customer-level rows (ids, scores, segments, SHAP reasons) — only when
 *                     settings.customerRows; otherwise {allowed: false, customers: []}
 */
import {tr, type Text} from "../../src/components/i18n.ts";
import {settings as buildSettings, type Settings} from "../settings.ts";
import {loadOneClick, type OneClickData} from "../clean/one-click.ts";
import {customerTable, groups, labelledFeatures, target, type CustomerRow, type FeatureGroup, type FeatureId} from "./one-click/features.ts";
import {exploreOneClick} from "./one-click/exploration.ts";
import {scalingChoices} from "../analysis/families.ts";
import {fitOneClickModel, inWords, settingsInWords, shapBySource, sourceImportance, type ModelOptions} from "./one-click/model.ts";
import {segmentCustomers, segmentDefs} from "./one-click/segments.ts";
import {breakEvenProduct, defaultValues, designOffers, offerValue, unitIn} from "./one-click/offers.ts";
import {topReasons} from "../explain/reasons.ts";
import type {Artifacts} from "../artifacts.ts";
import {caseById, type CaseRun} from "./registry.ts";
import {qualityArtifact} from "../quality/artifact.ts";
import {caseMoney, type Money} from "./money.ts";
import {moneyUnit} from "../../src/components/format.ts";
import {listWords, oneClickActions} from "./one-click/actions.ts";
import {profitScale} from "./one-click/profit-scale.ts";
import {oneClickDashboard} from "./one-click/dashboard.ts";
import {russianWords, withRussianLabels} from "./one-click/words.ts";

export interface OneClickOptions extends ModelOptions {
  customerRows?: boolean;
  /** Share of each action list held back as control (settings.controlShare). */
  controlShare?: number;
  /** The case's currency and profit meaning (caseMoney); by default the settings' currency and the registry's profit. */
  money?: Money;
}

export interface CustomerRecord {
  id: number;
  probability: number;
  profit: number;
  declined: 0 | 1;
  segment: string;
  offer: Text;
  /** SHAP (log-odds) per customer feature, in `sources` order. */
  shap: number[];
  /** The three features pushing this customer's probability up the most. */
  reasons: string[];
}

function reportedCounts(data: OneClickData) {
  const excluded: Record<string, number> = {};
  for (const c of data.customers) if (c.excluded) excluded[c.excluded] = (excluded[c.excluded] ?? 0) + 1;
  return {
    customers: data.customers.length,
    modelling: data.modelling.length,
    excluded: data.quality.exclusions.map((e) => ({id: e.id, reason: e.reason, rows: e.rows})),
    files: data.quality.files.map((f) => ({file: f.file, rows: f.rows, separator: f.dialect?.separator ?? null, decimal: f.dialect?.decimal ?? null})),
    repairs: data.quality.repairs.map((r) => ({file: r.file, description: r.description, rows: r.rows})),
    findings: data.quality.findings.filter((f) => f.rows > 0 && (f.kind === "misspelling" || f.kind === "zero-activity" || f.kind === "outlier")).map((f) => ({kind: f.kind, file: f.file, summary: f.summary, rows: f.rows}))
  };
}

/**
 * What the model's target is, in words: the export's activity label is a current class with no time
 * horizon, read alongside features of the same month, so the model reproduces it; it does not forecast.
 */
export function targetMeaning(t: {positive: string; negative: string} = target, words: Readonly<Record<string, string>> = russianWords()): Text {
  const ru = (x: string) => words[x] ?? x;
  return {
    en: `The model reproduces the store's current activity label (${t.positive} or ${t.negative}) from features of the same and earlier months. The label carries no time horizon, so the model describes who is ${t.positive} now; it does not forecast a future decline.`,
    ru: `Модель воспроизводит текущую метку активности покупателя в магазине («${ru(t.positive)}» или «${ru(t.negative)}») по признакам того же и предыдущих месяцев. У метки нет горизонта времени, поэтому модель описывает, у кого активность «${ru(t.positive)}» сейчас; будущего снижения она не прогнозирует.`
  };
}

/**
 * The Holm-significant features, largest association with the target first, on one scale for every
 * feature: the association matrix's η (correlation ratio; for a two-level target it equals the
 * point-biserial |r| of a number and Cramér's V of a category), not each test's own effect size
 * (Cohen's d, rank-biserial r and Cramér's V are not comparable).
 */
export function strongestDifferences(exploration: ReturnType<typeof exploreOneClick>, k = 3) {
  const association = new Map(exploration.targetAssociation.map((a) => [a.id, a]));
  return exploration.features
    .filter((f) => f.test.rejectAdjusted)
    .map((f) => ({id: f.id, label: f.label, association: {measure: association.get(f.id)!.measure, value: association.get(f.id)!.value}, effect: f.test.effect, test: f.test.test, pAdjusted: f.test.pAdjusted}))
    .sort((a, b) => b.association.value - a.association.value)
    .slice(0, k);
}

/** Every artifact of the case, from already-clean data. */
export function oneClickArtifacts(data: OneClickData, {customerRows = buildSettings.customerRows, controlShare = buildSettings.controlShare,
  money = caseMoney({id: "one-click"}, buildSettings), ...modelOptions}: OneClickOptions = {}): Artifacts {
  const unit = moneyUnit(money);
  const rows: CustomerRow[] = customerTable(data.modelling);
  const vocabulary = labelledFeatures(data.labels);
  const exploration = exploreOneClick(rows, {vocabulary});
  const model = fitOneClickModel(rows, {...modelOptions, allRows: customerRows, vocabulary});
  const {segments, membership} = segmentCustomers(rows, model.oof, {customerRows, vocabulary});
  const ruWords = russianWords(vocabulary, model.design.columns);
  const offers = designOffers(segments, {rows, membership, unit, words: ruWords});

  // SHAP per customer feature and per feature group, on the test part (like the report's summary).
  const shap = model.shap;
  const testSet = new Set(model.split.test);
  const testShap = shap ? shap.values.filter((_, k) => testSet.has(shap.rows[k])) : null;
  const sourceRanking = testShap ? sourceImportance(testShap, model.design.columns, vocabulary) : [];
  const bySource = testShap ? shapBySource(testShap, model.design.columns) : null;
  const groupOf = new Map(vocabulary.map((f) => [f.id, f.group]));
  const groupImportance = bySource
    ? groups.map((g) => {
        const ks = bySource.sources.flatMap((s, k) => (groupOf.get(s) === g.id ? [k] : []));
        const meanAbs = bySource.values.reduce((sum, row) => sum + Math.abs(ks.reduce((s, k) => s + row[k], 0)), 0) / bySource.values.length;
        return {group: g.id as FeatureGroup, label: g.label, meanAbs};
      }).sort((a, b) => b.meanAbs - a.meanAbs)
    : [];
  // Per customer (customer rows only): SHAP of every customer, rows aligned with `rows`.
  const perCustomer = customerRows && shap && shap.rows.length === rows.length ? shapBySource(shap.values, model.design.columns) : null;
  const featureLabel = new Map(vocabulary.map((f) => [f.id, f.label]));

  // Sentences for stakeholders: settings in words ("trees grown without a depth limit", not "maxDepth=none").
  const report = model.report;
  const labels = [...vocabulary.map((f) => f.label), ...model.design.columns.map((c) => c.label)];
  const words = (text: string | Text | null): Text | null => {
    if (text === null) return null;
    const t = inWords(text, report.leaderboard);
    return {en: t.en, ru: withRussianLabels(t.ru, ruWords, labels)};
  };
  const modelArtifact = {
    ...report,
    chosen: {...report.chosen, settings: settingsInWords(report.chosen.params), reason: words(report.chosen.reason)!},
    families: report.families.map((f) => ({...f, settings: settingsInWords(report.leaderboard.find((e) => e.family === f.family && e.bestOfFamily)!.params)})),
    shapModel: words(report.shapModel),
    targetMeaning: targetMeaning(target, ruWords),
    oddsRatiosModel: words(report.oddsRatiosModel),
    groups: groups.map((g) => ({...g, features: vocabulary.filter((f) => f.group === g.id).map((f) => f.id)})),
    columns: model.design.columns,
    sourceImportance: sourceRanking,
    groupImportance,
    shapScale: shap?.scale ?? null,
    scalingChoices: Object.fromEntries(model.report.families.map((f) => [f.familyLabel, scalingChoices[f.family] ?? ""])),
    perCustomerShap: perCustomer !== null
  };

  const offerOf = new Map(offers.offers.map((o) => [o.segment, o.actions[0]?.title ?? o.headline]));
  const reasons = perCustomer ? topReasons(perCustomer.values, perCustomer.sources, {k: 3, direction: "raises"}) : [];
  const customers: CustomerRecord[] = perCustomer
    ? rows.map((r, i) => ({
        id: r.id,
        probability: model.oof[i],
        profit: r.profit,
        declined: r.declined,
        segment: segmentDefs.find((s) => s.id === membership[i])!.name,
        offer: offerOf.get(membership[i])!,
        shap: perCustomer.values[i],
        reasons: reasons[i].map((r) => featureLabel.get(r.feature as FeatureId)!)
      }))
    : [];

  const defaults = defaultValues(offers.assumptions);
  const actions = oneClickActions({offers, defaults, rows, membership, probabilities: model.oof, unit,
    reasons: perCustomer ? reasons.map((rs) => rs.map((r) => featureLabel.get(r.feature as FeatureId)!)) : null}, {customerRows, controlShare});
  const first = offers.offers.find((o) => o.target && o.n > 0) ?? null;
  const summary = {
    question: caseById("one-click").question,
    counts: reportedCounts(data),
    target: exploration.target,
    targetMeaning: targetMeaning(target, ruWords),
    strongestDifferences: strongestDifferences(exploration),
    noDifference: exploration.features.filter((f) => !f.test.rejectAdjusted).map((f) => f.label),
    profitDiffers: exploration.profit.test.rejectAdjusted ?? false,
    collinear: exploration.collinear,
    model: {chosen: modelArtifact.chosen, test: report.test, oofAuc: report.oofAuc, nTrain: report.nTrain, nTest: report.nTest,
      families: modelArtifact.families.map((f) => ({familyLabel: f.familyLabel, paramsLabel: f.paramsLabel, settings: f.settings, cvMean: f.cvMean, testAuc: f.testAuc}))},
    drivers: sourceRanking.slice(0, 5),
    shapScale: shap?.scale ?? null,
    groupImportance,
    segments: segments.segments,
    defaults: segments.defaults,
    headlineOffer: first && {segment: first.name, headline: first.headline, actions: first.actions.slice(0, 3), channels: first.channels, n: first.n, expectedProfitAtRisk: first.expectedProfitAtRisk,
      atDefaults: offerValue(first, defaults), breakEvenProduct: breakEvenProduct(first, defaults)},
    actions,
    money: {...money, unit},
    profitScale: profitScale(rows),
    profitByActivity: offers.profitByActivity,
    offerRule: offers.rule,
    assumptions: offers.assumptions,
    profitUnit: offers.profitUnit,
    customerRows
  };

  // Every English word of the case a page shows, with its Russian form (src/components/localize.ts).
  const ru: Record<string, string> = {...ruWords, ...listWords, [unit]: unitIn(unit, "ru")};
  for (const a of actions) ru[tr(a.list.title, "en")] = `${a.title.ru}: ${ruWords[a.segmentName] ?? a.segmentName}`;
  return {
    "summary.json": {...summary, ru},
    "exploration.json": {...exploration, ru},
    "model.json": {...modelArtifact, ru},
    "segments.json": {...segments, profitUnit: unit, ru},
    "offers.json": {...offers, ru},
    "dashboard.json": oneClickDashboard({rows, membership, vocabulary, threshold: segments.defaults.probability, profitUnit: unit}),
    "customers.json": {ru, allowed: customerRows, sources: bySource?.sources.map((s) => ({feature: s, label: featureLabel.get(s)})) ?? [], customers}
  };
}

/** The case's entry point (registry.ts): read, clean and analyse once; every page's artifact, data quality included. */
export const run: CaseRun = async (input, settings: Settings) => {
  const data = await loadOneClick(input);
  const options = {customerRows: settings.customerRows, controlShare: settings.controlShare, money: caseMoney(input, settings)};
  return {...oneClickArtifacts(data, options), "quality.json": qualityArtifact(data.quality, input, settings)};
};
