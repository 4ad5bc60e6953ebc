/** Headline figures of the e-commerce report, gathered from the other parts for the Summary page. */
import type {QualityReport} from "../../quality/types.ts";
import type {ReusedIdWindow} from "../../quality/reused-ids.ts";
import type {CoverageReport} from "./coverage.ts";
import {OTHER} from "./categories.ts";
import type {ProfilesReport, SegmentSummary} from "./profiles.ts";
import type {Text} from "../../../src/components/i18n.ts";
import type {ScoringScope} from "./tables.ts";
import type {TimeReport} from "./time.ts";
import type {HypothesesReport} from "./hypotheses.ts";
import type {MailingReport} from "./mailing.ts";

export interface SummaryReport {
  read: {lines: number; customers: number; orders: number};
  cleaning: {
    exactDuplicates: number;
    sharedOrders: number;
    sharedOrderLines: number;
    repeatedLines: number;
    /** Order + product pairs logged at more than one hour. */
    repeatedPairs: number;
    /** Of those, pairs whose later version changed quantity or price; revenue read at first and at last versions. */
    changedPairs: number;
    revenueFirstVersions: number;
    revenueLastVersions: number;
    wholesaleLines: number;
    wholesaleOrders: number;
    wholesaleThreshold: number | null;
    cleanLines: number;
  };
  period: {start: string; end: string; months: number};
  orders: number;
  /** Customers scored and profiled (profiles.n). */
  customers: number;
  revenue: number;
  revenueWithWholesale: number;
  coverage: {revenue: number; lines: number; revenueWithWholesale: number};
  /** Where the categories come from (a sentence), how many named categories there are, and the warning when most
   * revenue is uncategorised (categories.json's). */
  categorySource: Text;
  categoryCount: number;
  categoryWarning: Text | null;
  /** Categories by revenue (without wholesale), largest first. */
  categories: {category: string; label: Text; revenueShare: number; lineShare: number}[];
  /** The most seasonal category (highest peak index) and its peak month; the least seasonal. */
  seasonal: {label: Text; peakMonth: number; peakIndex: number; troughMonth: number; troughIndex: number}[];
  /** Share of customers first seen before the repeat cutoff who came back (an order more than RETURN_MIN_HOURS after their first) before it. */
  repeatRate: number;
  /** Coming back within a fixed horizon: customers observed that long (first order at least windowDays before the end of
   * observation), the share of them back within windowDays; customers counted in repeatRate; the return rule's hours. */
  repeatWithin: {windowDays: number; eligible: number; rate: number; customers: number; returnMinHours: number};
  /** Repeat figures end here (ISO date; the end of the log when no re-used-id window was found). */
  repeatObservedUntil: string;
  /** The re-used-id window (the data defect stated at the top of the Summary), or null. */
  reusedIds: ReusedIdWindow | null;
  /** Who the segments and profiles describe: as of the repeat cutoff when there is one (customers and orders left out counted). */
  scope: ScoringScope;
  segments: {id: string; label: SegmentSummary["label"]; customers: number; share: number; revenue: number; revenueShare: number}[];
  profiles: {k: number; silhouette: number; names: {name: Text; share: number}[]};
  hypotheses: {tests: number; significant: number; findings: {question: Text; answer: Text; reject: boolean; pAdjusted: number; effect: string; magnitude: string}[]};
  plan: {label: Text; customers: number; featured: MailingReport["plan"][number]["featured"][number]["label"][]; window: Text; offer: Text}[];
}

export interface SummaryInputs {
  read: {lines: number; customers: number; orders: number};
  quality: QualityReport;
  wholesaleThreshold: number | null;
  reusedIds: ReusedIdWindow | null;
  categories: CoverageReport;
  profiles: ProfilesReport;
  time: TimeReport;
  hypotheses: HypothesesReport;
  mailing: MailingReport;
  orders: number;
}

export function summaryReport({read, quality, wholesaleThreshold, reusedIds, categories, profiles, time, hypotheses, mailing, orders}: SummaryInputs): SummaryReport {
  const finding = (kind: string) => quality.findings.find((f) => f.kind === kind);
  const shared = finding("shared-key");
  const repeated = finding("near-duplicate");
  const wholesale = finding("wholesale");
  const chosen = profiles.clustering.scores.find((s) => s.k === profiles.clustering.k);
  return {
    read,
    cleaning: {
      exactDuplicates: finding("exact-duplicate")?.rows ?? 0,
      sharedOrders: shared?.groups ?? 0,
      sharedOrderLines: shared?.rows ?? 0,
      repeatedLines: repeated?.rows ?? 0,
      repeatedPairs: repeated?.groups ?? 0,
      changedPairs: quality.lineVersions?.changed ?? 0,
      revenueFirstVersions: quality.lineVersions?.revenueFirst ?? NaN,
      revenueLastVersions: quality.lineVersions?.revenueLast ?? NaN,
      wholesaleLines: wholesale?.rows ?? 0,
      wholesaleOrders: wholesale?.groups ?? 0,
      wholesaleThreshold,
      cleanLines: categories.withWholesale.lines
    },
    period: {start: time.start, end: time.end, months: time.months.length},
    orders,
    customers: profiles.n,
    revenue: categories.withoutWholesale.revenue,
    revenueWithWholesale: categories.withWholesale.revenue,
    coverage: {revenue: categories.withoutWholesale.revenueCategorised, lines: categories.withoutWholesale.linesCategorised, revenueWithWholesale: categories.withWholesale.revenueCategorised},
    categorySource: categories.source.text,
    categoryCount: categories.categories.filter((c) => c.category !== OTHER).length,
    categoryWarning: categories.warning,
    categories: categories.categories.filter((c) => c.category !== OTHER).sort((a, b) => b.revenue - a.revenue)
      .map((c) => ({category: c.category, label: c.label, revenueShare: c.revenueShare, lineShare: c.lineShare})),
    seasonal: [...time.peaks].filter((p) => p.category !== OTHER).sort((a, b) => b.peakIndex - a.peakIndex)
      .map((p) => ({label: p.label, peakMonth: p.months[0], peakIndex: p.peakIndex, troughMonth: p.troughMonth, troughIndex: p.troughIndex})),
    repeatRate: time.repeat.rate,
    repeatWithin: {windowDays: time.repeat.windowDays, eligible: time.repeat.eligible, rate: time.repeat.rateWithinWindow, customers: time.repeat.customers, returnMinHours: time.repeat.returnMinHours},
    repeatObservedUntil: time.repeat.observedUntil,
    reusedIds,
    scope: profiles.scope,
    segments: profiles.segments.map((s) => ({id: s.id, label: s.label, customers: s.customers, share: s.share, revenue: s.revenue, revenueShare: s.revenueShare})),
    profiles: {k: profiles.clustering.k, silhouette: chosen?.silhouette ?? NaN, names: profiles.clustering.clusters.map((c) => ({name: c.name, share: c.share}))},
    hypotheses: {
      tests: hypotheses.main.tests.length,
      significant: hypotheses.main.significant,
      findings: hypotheses.main.tests.map((t) => ({question: t.question, answer: t.answer, reject: !!t.rejectAdjusted, pAdjusted: t.pAdjusted ?? t.pValue, effect: `${t.effect.name} = ${t.effect.value.toFixed(3)}`, magnitude: t.effect.magnitude}))
    },
    plan: mailing.plan.map((p) => ({label: p.label, customers: p.customers, featured: p.featured.map((f) => f.label), window: p.window.text, offer: p.offer}))
  };
}
