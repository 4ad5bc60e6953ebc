/**
 * Writes tests/golden/bgnbd-real-summary.json: the real order log's summary the customer-value model is fitted on
 * (loaders/cases/ecommerce/value.ts) — per distinct history (x repeat purchases, tx and T in days, before the re-used-id
 * cutoff) the number of customers, and the repeat buyers' purchases and mean value per purchase. No customer ids.
 * tests/golden/bgnbd.py fits it with scipy; tests/cases/ecommerce-value.test.ts checks the pipeline still produces it.
 *
 *   npx tsx tests/golden/bgnbd-real-summary.ts && /usr/bin/python3 tests/golden/bgnbd.py
 */
import {writeFileSync} from "node:fs";
import {computeEcommerceResult} from "../../loaders/cases/ecommerce.ts";
import {readSettings} from "../../loaders/settings.ts";
import {datasets} from "../real-data.ts";
import type {CustomerValueModel} from "../../loaders/cases/ecommerce/value.ts";

/** Distinct histories with counts, in a stable order; spend rows sorted. */
export function realSummary(model: CustomerValueModel) {
  const counts = new Map<string, number>();
  const {x, tx, T} = model.data.histories;
  for (let i = 0; i < x.length; i++) counts.set(JSON.stringify([x[i], tx[i], T[i]]), (counts.get(JSON.stringify([x[i], tx[i], T[i]])) ?? 0) + 1);
  const keys = [...counts.keys()].sort();
  const rows = keys.map((k) => [...(JSON.parse(k) as number[]), counts.get(k)!]);
  const spend = [...model.data.spend].sort((a, b) => a.x - b.x || a.mean - b.mean);
  return {observedFrom: model.observedFrom, observedUntil: model.observedUntil,
    histories: {x: rows.map((r) => r[0]), tx: rows.map((r) => r[1]), T: rows.map((r) => r[2]), weight: rows.map((r) => r[3])},
    spend: {x: spend.map((s) => s.x), mean: spend.map((s) => s.mean)}};
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await computeEcommerceResult(readSettings({DATA_DIR: datasets}));
  writeFileSync("tests/golden/bgnbd-real-summary.json", JSON.stringify(realSummary(r.value)) + "\n");
  console.error(`wrote tests/golden/bgnbd-real-summary.json: ${r.value.data.histories.x.length} customers, ${r.value.data.spend.length} repeat buyers`);
}
