/** The structure recorded in truth.json is what the files contain, and standard fits recover it. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {readCsv, readJson} from "./csv.ts";
import {adjustedRandIndex, byStrength, kmeansLabels, logisticFit, standardise} from "./fit.ts";

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

test("fitness: true clusters are recovered by k-means on standardised features (ARI ≥ 0.8)", () => {
  const truth = readJson("data/fitness/truth.json");
  const {rows} = readCsv("data/fitness/gym_churn_us.csv");
  assert.equal(truth.cluster.length, rows.length);
  assert.ok(truth.clusters.length >= 4 && truth.clusters.length <= 5);
  const X = rows.map((r) => truth.features.map((f: string) => +r[f]));
  // Centres recorded in truth.json are the cluster means of the file's rows.
  for (const c of truth.clusters) {
    const members = X.filter((_, i) => truth.cluster[i] === c.id);
    assert.equal(members.length, c.size);
    truth.features.forEach((feature: string, j: number) => {
      const mean = members.reduce((s, m) => s + m[j], 0) / members.length;
      assert.ok(Math.abs(mean - c.centre[feature]) < 1e-5, `${c.name} centre of ${feature}`);
    });
  }
  const ari = adjustedRandIndex(kmeansLabels(standardise(X), truth.clusters.length), truth.cluster);
  assert.ok(ari >= 0.8, `ARI ${ari.toFixed(3)}`);
});

test("fitness: churn follows the recorded logistic model and a fit recovers the driver order", () => {
  const truth = readJson("data/fitness/truth.json");
  const {rows} = readCsv("data/fitness/gym_churn_us.csv");
  const y = rows.map((r) => +r.Churn);
  assert.equal(y.reduce((a, b) => a + b, 0), truth.churn.count);
  assert.ok(truth.churn.rate > 0.24 && truth.churn.rate < 0.29);
  const {intercept, features} = truth.churn.model;
  const p = rows.map((r) => sigmoid(intercept + features.reduce((s: number, f: any) => s + (f.coef * (+r[f.feature] - f.mean)) / f.sd, 0)));
  const expected = p.reduce((a, b) => a + b, 0) / p.length;
  assert.ok(Math.abs(expected - 0.265) < 1e-4, `the intercept is calibrated to a 26.5% churn rate (${expected})`);
  // Churners have higher planted probabilities than stayers, by a wide margin.
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  assert.ok(mean(p.filter((_, i) => y[i] === 1)) - mean(p.filter((_, i) => y[i] === 0)) > 0.4);

  const coef = logisticFit(standardise(rows.map((r) => truth.features.map((f: string) => +r[f]))), y).slice(1);
  const strongest = byStrength(truth.features, coef).slice(0, 5);
  assert.deepEqual(strongest, truth.churn.driverOrder);
  for (const f of features) {
    const j = truth.features.indexOf(f.feature);
    assert.equal(Math.sign(coef[j]), Math.sign(f.coef), `${f.feature} sign`);
  }
});

test("one-click: «Снизилась» follows the recorded model; a fit recovers the driver order", () => {
  const truth = readJson("data/one-click/truth.json");
  const file = readCsv("data/one-click/market_file.csv").rows;
  const time = readCsv("data/one-click/market_time.csv").rows;
  const minutes = new Map(time.filter((r) => r["Период"] === "текущий_месяц").map((r): [string, number] => [r.id, +r["минут"]]));
  const value = (r: Record<string, string>, f: any) => (f.file === "market_time.csv" ? minutes.get(r.id)! : +r[f.column]);
  const y = file.map((r): number => (r["Покупательская активность"] === "Снизилась" ? 1 : 0));
  assert.equal(y.reduce((a, b) => a + b, 0), truth.target.count);
  assert.ok(truth.target.rate > 0.34 && truth.target.rate < 0.42);
  for (const f of truth.model.features) {
    const v = file.map((r) => value(r, f));
    const mean = v.reduce((a, b) => a + b, 0) / v.length;
    assert.ok(Math.abs(mean - f.mean) < 1e-5, `${f.feature} mean`);
  }
  // Fit on the planted features plus the unrelated numeric columns: the planted ones dominate.
  const others = ["Маркет_актив_тек_мес", "Длительность", "Ошибка_сервиса"];
  const X = file.map((r) => [...truth.model.features.map((f: any) => value(r, f)), ...others.map((c) => +r[c])]);
  const coef = logisticFit(standardise(X), y).slice(1);
  const names = [...truth.model.features.map((f: any) => f.feature), ...others];
  assert.deepEqual(byStrength(names, coef).slice(0, truth.driverOrder.length), truth.driverOrder);
  truth.model.features.forEach((f: any, j: number) => assert.ok(Math.abs(coef[j] - f.coef) < 0.35, `${f.feature}: ${coef[j]} vs ${f.coef}`));
});

test("ecommerce: planted seasonality shows in the log (garden peaks in spring, kitchen in December)", () => {
  const truth = readJson("data/ecommerce/truth.json");
  const {rows} = readCsv("data/ecommerce/ecom_dataset_upd.csv");
  const share = (category: string, months: string[]) => {
    const inMonths = rows.filter((r) => months.includes(r.date.slice(4, 6)));
    return inMonths.filter((r) => truth.products[r.product] === category).length / inMonths.length;
  };
  assert.ok(share("garden", ["04", "05", "06"]) > 3 * share("garden", ["10", "11", "12", "01"]));
  assert.ok(share("kitchen", ["12"]) > 1.5 * share("kitchen", ["04", "05", "06"]));
  const peak = (c: string) => truth.seasonality[c].indexOf(Math.max(...truth.seasonality[c]));
  assert.equal(peak("garden"), 4);
  assert.equal(peak("kitchen"), 11);
  // Most customers place one order.
  const orders = new Map<string, Set<string>>();
  for (const r of rows) orders.set(r.customer_id, (orders.get(r.customer_id) ?? new Set()).add(r.order_id));
  const single = [...orders.values()].filter((s) => s.size === 1).length / orders.size;
  assert.ok(single > 0.55 && single < 0.8, `single-order customers ${single}`);
});
