/**
 * Benchmark of the e-commerce SQL chain on a large generated log: read + validate + clean
 * (loaders/clean/ecommerce.ts), categorise every line and aggregate orders and customers
 * (loaders/cases/ecommerce/tables.ts), RFM segments, coverage and the time aggregates — everything
 * that scales with the number of lines. Clustering and the tests work on customers, not lines.
 *
 *   npx tsx scripts/bench-ecommerce.ts                       data/large, generated if missing
 *   npx tsx scripts/bench-ecommerce.ts --dir data/large --lines 10000000
 *   npx tsx scripts/bench-ecommerce.ts --scratch                             on openScratchDatabase()
 *   npx tsx scripts/bench-ecommerce.ts --repeats 5                           five runs, each with its reference
 *
 * Generate the log first with `npm run demo-data -- --case ecommerce --lines 10000000 --out data/large`
 * (or pass --generate). Prints one line per step, the total and, as the reference, DuckDB's plain
 * read of the same file; with --repeats, all totals and their median. Exits 1 if the (median)
 * total is a minute or more.
 */
import {existsSync, statSync} from "node:fs";
import {join, resolve} from "node:path";
import {parseArgs} from "node:util";
import {literal, openDatabase, openScratchDatabase, queryOne, run} from "../loaders/io/duckdb.ts";
import {cleanEcommerceInto} from "../loaders/clean/ecommerce.ts";
import {buildTables} from "../loaders/cases/ecommerce/tables.ts";
import {scoreRfm} from "../loaders/cases/ecommerce/rfm.ts";
import {coverageReport} from "../loaders/cases/ecommerce/coverage.ts";
import {timeReport} from "../loaders/cases/ecommerce/time.ts";
import {generateDemoData} from "./generate-demo-data.ts";

const {values} = parseArgs({options: {dir: {type: "string", default: "data/large"}, lines: {type: "string", default: "10000000"}, generate: {type: "boolean", default: false}, scratch: {type: "boolean", default: false}, repeats: {type: "string", default: "1"}}});
const dir = resolve(values.dir!);
const file = join(dir, "ecommerce", "ecom_dataset_upd.csv");
if (!existsSync(file) || values.generate) {
  console.error(`generating ${values.lines} lines into ${dir} …`);
  await generateDemoData({cases: ["ecommerce"], outDir: dir, lines: Number(values.lines)});
}

/** One run of the chain in a fresh database; prints each step and returns the total in seconds. */
async function runChain(): Promise<number> {
  // In memory by default (as the loader runs); --scratch: a temporary database file with a 768 MB memory limit.
  const db = values.scratch ? await openScratchDatabase() : await openDatabase();
  const started = performance.now();
  let t = started;
  const lap = (step: string) => {
    const now = performance.now();
    console.log(`${step.padEnd(48)} ${((now - t) / 1000).toFixed(1).padStart(6)} s`);
    t = now;
  };
  try {
    const clean = await cleanEcommerceInto(db.connection, dir);
    lap("read, validate and clean");
    const info = await buildTables(db.connection, clean.keyed);
    lap("categorise lines, aggregate orders and customers");
    await scoreRfm(db.connection);
    lap("RFM scores and segments");
    const coverage = await coverageReport(db.connection);
    await timeReport(db.connection, info);
    lap("coverage and time aggregates");
    const total = (performance.now() - started) / 1000;
    const counts = await queryOne<{customers: number; orders: number}>(db.connection, "SELECT (SELECT count(*) FROM eco_customers) AS customers, (SELECT count(*) FROM eco_orders) AS orders");
    const mb = (statSync(file).size / 1e6).toFixed(0);
    console.log(`${"total".padEnd(48)} ${total.toFixed(1).padStart(6)} s`);
    console.log(`${clean.quality.counts.input["ecom_dataset_upd.csv"].toLocaleString("en-US")} lines read (${mb} MB), ${coverage.withWholesale.lines.toLocaleString("en-US")} clean lines, ` +
      `${counts.orders.toLocaleString("en-US")} orders, ${counts.customers.toLocaleString("en-US")} customers; ` +
      `${(coverage.withWholesale.revenueCategorised * 100).toFixed(2)}% of revenue categorised; peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    return total;
  } finally {
    db.close();
  }
}

/** Reference: DuckDB's own read of the file into a table, with its type detection — the least any
 * SQL chain over this log can cost. */
async function runReference(): Promise<number> {
  const reference = await openDatabase();
  try {
    const start = performance.now();
    await run(reference.connection, `CREATE TABLE raw AS SELECT * FROM read_csv(${literal(file)})`);
    const seconds = (performance.now() - start) / 1000;
    console.log(`${"reference: DuckDB read_csv into a table".padEnd(48)} ${seconds.toFixed(1).padStart(6)} s`);
    return seconds;
  } finally {
    reference.close();
  }
}

// Chain and reference alternate, so both see the same machine: its speed drifts between runs.
const totals: number[] = [];
const references: number[] = [];
for (let i = 0; i < Number(values.repeats); i++) {
  if (Number(values.repeats) > 1) console.log(`— run ${i + 1} of ${values.repeats}`);
  totals.push(await runChain());
  references.push(await runReference());
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const seconds = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(", ");
console.log(`chain: ${seconds(totals)} s (median ${median(totals).toFixed(1)} s); reference read: ${seconds(references)} s; ` +
  `chain = ${(median(totals) / median(references)).toFixed(1)}× the plain read`);
process.exitCode = median(totals) < 60 ? 0 : 1;
