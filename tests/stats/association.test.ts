import {test} from "node:test";
import assert from "node:assert/strict";
import {associationMatrix, collinearPairs, cramersV, correlationRatio, type AssociationColumn} from "../../loaders/stats/index.ts";
import {readGolden, readFitness, assertClose} from "./helpers.ts";

const golden = readGolden("stats.json");
const fit = readFitness();
const col = (name: string) => fit.column(name);
const at = (a: string, b: string) => golden.fitness.pearson[fit.columns.indexOf(a)][fit.columns.indexOf(b)];

test("bias-corrected Cramér's V (Bergsma 2013) matches the formula evaluated in Python", () => {
  for (const [name, v] of Object.entries<number>(golden.fitness.cramer_corrected)) {
    assertClose(cramersV(col(name), col("Churn"), {biasCorrected: true}), v, 1e-9, 1e-12, name);
    assert.ok(cramersV(col(name), col("Churn"), {biasCorrected: true}) <= cramersV(col(name), col("Churn")) + 1e-15);
  }
});

test("associationMatrix mixes |r|, Cramér's V and η, and collinearPairs flags the planted redundancies", () => {
  const numeric = ["Age", "Lifetime", "Avg_class_frequency_total", "Avg_class_frequency_current_month", "Month_to_end_contract"];
  const columns: AssociationColumn[] = [
    ...numeric.map((name) => ({name, kind: "numeric" as const, values: col(name)})),
    {name: "Contract_period", kind: "categorical", values: col("Contract_period")},
    {name: "Churn", kind: "categorical", values: col("Churn")},
    {name: "Partner", kind: "categorical", values: col("Partner").map((v) => (v ? "yes" : "no"))},
  ];
  const m = associationMatrix(columns);
  const i = (name: string) => m.names.indexOf(name);
  assertClose(m.values[i("Age")][i("Lifetime")], Math.abs(at("Age", "Lifetime")), 1e-9);
  assert.equal(m.measures[i("Age")][i("Lifetime")], "|r|");
  assertClose(m.values[i("Churn")][i("Contract_period")], golden.fitness.chi2.Contract_period.cramer, 1e-12);
  assert.equal(m.measures[i("Partner")][i("Churn")], "Cramér's V");
  assertClose(m.values[i("Contract_period")][i("Lifetime")], golden.fitness.kruskal.Lifetime.eta, 1e-9);
  assertClose(m.values[i("Lifetime")][i("Contract_period")], correlationRatio(col("Contract_period"), col("Lifetime")), 1e-15);
  assert.equal(m.measures[i("Lifetime")][i("Contract_period")], "η");
  assert.equal(m.values[i("Age")][i("Age")], 1);
  const pairs = collinearPairs(m, 0.8);
  const names = pairs.map((p) => [p.a, p.b].sort().join(" ~ "));
  assert.deepEqual(names.sort(), ["Avg_class_frequency_current_month ~ Avg_class_frequency_total", "Contract_period ~ Month_to_end_contract"]);
  assert.ok(pairs[0].value >= pairs[1].value);
});
