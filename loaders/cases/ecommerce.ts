/**
 * E-commerce case: what customers buy, and how mailings should differ by consumption profile.
 * Computes every page artifact of pages/ecommerce/ once, from the clean order lines:
 *
 *   clean (loaders/clean/ecommerce.ts, with the re-used-id audit and its repeat cutoff) → tables (categorised lines, orders, customers — SQL;
 *     the scored customers as of the repeat cutoff) → RFM segments (SQL) → coverage, time (SQL) → profiles + clusters, hypotheses, mailing plan
 *
 * Two phases, so a log of ten million lines (millions of customers) fits in a few GB: the database phase
 * (readEcommerce: every SQL step, then the rows the analysis needs read out as columns — customers, first orders, the
 * value model's orders) ends by closing the database; the analysis in JavaScript (analyseEcommerce) runs after it,
 * on every customer, except the hypothesis tests (on a seeded sample of at most MAX_TESTED customers, said on the page)
 * and the clustering's fit (on a seeded sample, every customer assigned).
 *
 *   summary.json       headline figures, findings in words and the plan at a glance
 *   categories.json    where categories come from (export column, DATA_DIR rule file, built-in rules), rules,
 *                      coverage (with a warning when most revenue is uncategorised), category totals, uncategorised names
 *   profiles.json      RFM rules and segments, clustering and portraits
 *   time.json          monthly, seasonality, weekday × hour, cohorts, repeat purchases
 *   hypotheses.json    test families (Holm, BH) and the wholesale sensitivity check
 *   mailing.json       plan per segment, segment × profile counts
 *   money.json         the case's currency (loaders/cases/money.ts)
 *   actions.json       one mailing per segment with its list to act on and its value under a stated assumption
 *   quality.json       QualityArtifact: the Data quality page (from the same read)
 */
import {appendFileSync} from "node:fs";
import {settings as defaultSettings, type Settings} from "../settings.ts";
import type {Artifacts} from "../artifacts.ts";
import type {CaseInput, InputSource} from "../inputs/resolve.ts";
import {qualityArtifact} from "../quality/artifact.ts";
import {DataError} from "../io/problems.ts";
import type {CaseRun} from "./registry.ts";
import type {DuckDBConnection} from "../io/duckdb.ts";
import {ident, queryOne, queryRows, run as runSql, withDatabase} from "../io/duckdb.ts";
import {cleanEcommerceInto} from "../clean/ecommerce.ts";
import type {QualityReport} from "../quality/types.ts";
import {buildOrdersWithWholesale, buildTables} from "./ecommerce/tables.ts";
import {chooseCategories} from "./ecommerce/category-source.ts";
import {asCaseInput} from "../inputs/resolve.ts";
import {coverageReport, type CoverageReport} from "./ecommerce/coverage.ts";
import {scoreRfm} from "./ecommerce/rfm.ts";
import {readCustomerIds, readScoredCustomers, type ScoredCustomer} from "./ecommerce/customers.ts";
import {readFirstOrders, readFirstOrdersWithWholesale} from "./ecommerce/repeat.ts";
import {profilesReport, type ProfilesReport} from "./ecommerce/profiles.ts";
import {timeReport, type TimeReport} from "./ecommerce/time.ts";
import {hypothesesReport, type HypothesesReport} from "./ecommerce/hypotheses.ts";
import {mailingPlan, type MailingReport} from "./ecommerce/mailing.ts";
import {summaryReport, type SummaryReport} from "./ecommerce/summary.ts";
import {ecommerceActions} from "./ecommerce/actions.ts";
import {caseMoney} from "./money.ts";
import {moneyUnit} from "../../src/components/format.ts";
import {ecommerceDashboardOf} from "./ecommerce/dashboard.ts";
import {readValueOrders, valueArtifact, type CustomerValueModel} from "./ecommerce/value.ts";
import {customerValueModelInWorker} from "./ecommerce/value-worker.ts";

export interface EcommerceResult {
  summary: SummaryReport;
  categories: CoverageReport;
  profiles: ProfilesReport;
  time: TimeReport;
  hypotheses: HypothesesReport;
  mailing: MailingReport;
  value: CustomerValueModel;
  /** Not written as an artifact (the data-quality engineer owns quality.json); for tests. */
  quality: QualityReport;
  /** The customers scored and profiled (as of the repeat cutoff when there is one), in the order of clusterOf. */
  customers: ScoredCustomer[];
  clusterOf: number[];
  /** First day of a window of re-used customer ids (ISO date): repeat-purchase figures end there; null when none. */
  repeatCutoff: string | null;
  timings: Record<string, number>;
}

/** The result with the customer value model still being computed in its worker (the rest is done). */
export type PendingEcommerceResult = Omit<EcommerceResult, "value"> & {value: Promise<CustomerValueModel>};

/** Lines, distinct customer ids and orders in the export as read, before any repair: from the raw
 * table the reader leaves (loaders/io/read-case.ts names it after the schema's table, "order_lines"); the distinct
 * ids from the cleaning's table of them (customer_texts: one row per id as read), not a second pass over the texts. */
async function readCounts(connection: DuckDBConnection): Promise<{lines: number; customers: number; orders: number}> {
  return queryOne(connection, `SELECT count(*) AS lines, (SELECT count(customerId) FROM customer_texts) AS customers, count(DISTINCT orderId) AS orders FROM order_lines`);
}

/** Fewest customers the profiles (k-means with k up to 10) and segment comparisons can be built on. */
const MIN_CUSTOMERS = 30;

type Lap = (name: string) => void;

/** Everything the analysis needs from the database: the SQL phase (clean, tables, RFM, aggregates) and the rows it
 * reads out (customers, first orders, the value model's orders). The database is closed after it, so its memory is
 * free before the analysis in JavaScript starts. */
async function readEcommerce(connection: DuckDBConnection, source: InputSource, lap: Lap) {
  const input = asCaseInput(source, "ecommerce");
  const clean = await cleanEcommerceInto(connection, input);
  const read = await readCounts(connection);
  lap("clean");
  const {repeatCutoff} = clean;
  const info = await buildTables(connection, clean.keyed, {asOf: repeatCutoff, categories: chooseCategories(input, clean.categoryColumn)});
  const thresholds = await scoreRfm(connection);
  lap("tables");
  const categories = await coverageReport(connection, info.scheme);
  const time = await timeReport(connection, info, {repeatCutoff});
  const {orders} = await queryOne<{orders: number}>(connection, "SELECT count(*) AS orders FROM eco_orders");
  await buildOrdersWithWholesale(connection, info.scheme);
  lap("aggregates");
  await dropLineTables(connection);
  const ids = await readCustomerIds(connection);
  const customers = await readScoredCustomers(connection, ids);
  lap("read customers");
  const firstOrders = await readFirstOrders(connection);
  if (customers.length < MIN_CUSTOMERS) {
    throw new DataError([{severity: "error", file: clean.quality.files[0]?.file ?? "order log", expected: `orders of at least ${MIN_CUSTOMERS} customers to profile and plan mailings`,
      found: `${customers.length} customer${customers.length === 1 ? "" : "s"} after cleaning`, hint: "export the whole order log, not a sample"}], "The e-commerce order log is too small to analyse");
  }
  const firstOrdersWithWholesale = await readFirstOrdersWithWholesale(connection);
  lap("read first orders");
  const valueOrders = await readValueOrders(connection, repeatCutoff, "eco_orders", ids);
  lap("read orders");
  return {clean, read, info, thresholds, categories, time, firstOrders, customers, orders, firstOrdersWithWholesale, valueOrders};
}

/** The analysis in JavaScript, on what readEcommerce read: the customer value model in a worker thread
 * (ecommerce/value-worker.ts) while the profiles, tests and mailing plan are computed. */
async function analyseEcommerce({clean, read, info, thresholds, categories, time, firstOrders, customers, orders, firstOrdersWithWholesale, valueOrders}: Awaited<ReturnType<typeof readEcommerce>>,
  lap: Lap): Promise<Omit<PendingEcommerceResult, "timings">> {
  const {repeatCutoff} = clean;
  const valueModel = customerValueModelInWorker({orders: valueOrders, firstOrders, start: info.start, end: info.end, repeatCutoff});
  const {report: profiles, clusterOf, clusterNames, clusterNamesRu} = profilesReport(customers, thresholds, info.scope, info.scheme);
  lap("profiles");
  const hypotheses = hypothesesReport({firstOrders, scored: customers, firstOrdersWithWholesale, clusterOf, clusterNames, clusterNamesRu, end: info.end, repeatCutoff, scheme: info.scheme});
  lap("hypotheses");
  const mailing = mailingPlan(profiles, customers, clusterOf, time);
  lap("mailing");
  const summary = summaryReport({read, quality: clean.quality, wholesaleThreshold: clean.wholesaleThreshold, reusedIds: clean.reusedIds.window, categories, profiles, time, hypotheses, mailing, orders});
  const value = valueModel.then((model) => (lap("value"), model));
  return {summary, categories, profiles, time, hypotheses, mailing, value, quality: clean.quality, customers, clusterOf, repeatCutoff};
}

/** DuckDB's share of memory while it builds the tables: an order log of ten million lines is a few GB as tables; past
 * this DuckDB spills to a temporary folder (a 10-million-line log: clean + tables 51 s + 56 s at 1 GB on a busy machine, 28 s + 23 s at 1.5 GB
 * on a quiet one, about the same as at 2.5 GB, which peaks higher). */
const DATABASE_MEMORY = "1500MB";
/** …and once the line-level tables are dropped, while millions of customers are read out into JavaScript: the two
 * together stay within about 4 GB. */
const READ_MEMORY = "1GB";
/** The tables the rows read out come from (customers, first orders, orders); every other table is dropped first. */
const READ_TABLES = ["eco_customer_ids", "eco_customers", "eco_customers_occasions", "eco_customer_categories", "eco_scored_customers",
  "eco_scored_customers_occasions", "eco_scored_categories", "eco_rfm", "eco_orders", "eco_orders_wholesale"];

/** Drop the line-level tables (the log as read, its flags, the lines and order × category rows: several GB for a
 * large log) and lower DuckDB's memory limit, before customers are read out. */
async function dropLineTables(connection: DuckDBConnection): Promise<void> {
  const tables = await queryRows<{name: string}>(connection, "SELECT table_name AS name FROM duckdb_tables() WHERE NOT temporary");
  for (const {name} of tables) if (!READ_TABLES.includes(name)) await runSql(connection, `DROP TABLE ${ident(name)}`);
  await runSql(connection, `SET memory_limit = '${READ_MEMORY}'`);
}

/** Everything but the customer value model, which is still being computed when this resolves (its own promise). */
export async function startEcommerceResult(settings: Settings = defaultSettings, source: InputSource = settings.dataDir): Promise<PendingEcommerceResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = now - t;
    t = now;
    // With CLIENTELE_STAGE_TIMINGS set, each stage's time and the memory in use after it go to stderr ("1") or are added
    // to the file it names (scripts/bench-build.ts: Framework keeps a loader's stderr to itself).
    const log = process.env.CLIENTELE_STAGE_TIMINGS;
    if (log) {
      const line = `ecommerce ${name.padEnd(17)} ${(timings[name] / 1000).toFixed(1).padStart(6)} s, resident ${(process.memoryUsage.rss() / 2 ** 30).toFixed(2)} GB\n`;
      if (log === "1") process.stderr.write(line);
      else appendFileSync(log, line);
    }
  };
  const data = await withDatabase((connection) => readEcommerce(connection, source, lap), {memoryLimit: DATABASE_MEMORY});
  return {...(await analyseEcommerce(data, lap)), timings};
}

/** Everything, the customer value model included. */
export async function computeEcommerceResult(settings: Settings = defaultSettings, source: InputSource = settings.dataDir): Promise<EcommerceResult> {
  const pending = await startEcommerceResult(settings, source);
  return {...pending, value: await pending.value};
}

/** The case's page artifacts (member name → JSON value): those that do not need the customer value model are made while
 * its worker finishes. */
export async function ecommerceArtifacts(r: PendingEcommerceResult, input: CaseInput, settings: Settings): Promise<Artifacts> {
  const money = caseMoney(input, settings);
  const artifacts: Artifacts = {
    "quality.json": qualityArtifact(r.quality, input, settings),
    "summary.json": r.summary,
    "dashboard.json": ecommerceDashboardOf(r, moneyUnit(money)),
    "categories.json": r.categories,
    "profiles.json": r.profiles,
    "time.json": r.time,
    "hypotheses.json": r.hypotheses,
    "mailing.json": r.mailing,
    "money.json": money,
    "actions.json": ecommerceActions(r, money, settings)
  };
  return {...artifacts, "value.json": valueArtifact(await r.value, input, settings)};
}

/** The case's entry point (registry.ts): read, clean and analyse once; every page's artifact, data quality included. */
export const run: CaseRun = async (input, settings) => ecommerceArtifacts(await startEcommerceResult(settings, input), input, settings);
