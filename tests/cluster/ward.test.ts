import {test} from "node:test";
import assert from "node:assert/strict";
import {wardLinkage, cutTree, dendrogramLayout, standardize, fitScaler, type Linkage} from "../../loaders/cluster/index.ts";
import {readGolden, readFitness, assertClose} from "../stats/helpers.ts";

const golden = readGolden("cluster.json");

/** Rows must agree exactly on ids and sizes, heights to 1e-9 relative. */
function assertLinkage(Z: Linkage, expected: number[][], what: string) {
  assert.equal(Z.length, expected.length, `${what}: rows`);
  Z.forEach((row, i) => {
    const e = expected[i];
    assert.deepEqual([row[0], row[1], row[3]], [e[0], e[1], e[3]], `${what}: row ${i} ids/size`);
    assertClose(row[2], e[2], 1e-9, 1e-12, `${what}: row ${i} height`);
  });
}

function assertDendrogram(Z: Linkage, g: any, what: string) {
  const layout = dendrogramLayout(Z, {p: g.p});
  assert.deepEqual(layout.leaves.map((l) => l.node), g.leaves, `${what}: leaves`);
  assert.deepEqual(layout.leaves.map((l) => l.label), g.ivl, `${what}: labels`);
  assert.deepEqual(layout.icoord, g.icoord, `${what}: icoord`);
  layout.dcoord.flat().forEach((y, i) => assertClose(y, g.dcoord.flat()[i], 1e-9, 1e-12, `${what}: dcoord`));
  assert.equal(layout.segments.length, 3 * layout.icoord.length);
}

for (const name of ["small", "grid", "dups"]) {
  test(`Ward linkage, fcluster maxclust and lastp dendrogram match scipy on "${name}"`, () => {
    const g = golden[name];
    const Z = wardLinkage(g.X);
    assertLinkage(Z, g.Z, name);
    for (const [k, labels] of Object.entries<number[]>(g.fcluster)) assert.deepEqual(cutTree(Z, Number(k)), labels, `${name}: k = ${k}`);
    assertDendrogram(Z, g.dendrogram, name);
  });
}

test("standardize matches StandardScaler (population sd)", () => {
  const fit = readFitness();
  const X = fit.rows.map((r) => r.slice(0, 13));
  const s = fitScaler(X);
  s.mean.forEach((m, j) => assertClose(m, golden.fitness.scaler.mean[j], 1e-12, 1e-15, `mean ${j}`));
  s.scale.forEach((v, j) => assertClose(v, golden.fitness.scaler.scale[j], 1e-12, 0, `scale ${j}`));
  assert.deepEqual(fitScaler([[1, 5], [1, 7]]).scale, [1, 1]); // constant column → scale 1
});

test("Ward on the standardised fitness table (4000 × 13) matches scipy row for row; cuts match fcluster", () => {
  const fit = readFitness();
  assert.deepEqual(fit.columns.slice(0, 13), golden.fitness.features);
  const {X} = standardize(fit.rows.map((r) => r.slice(0, 13)));
  const Z = wardLinkage(X);
  assertLinkage(Z, golden.fitness.Z, "fitness");
  for (const [k, labels] of Object.entries<number[]>(golden.fitness.fcluster)) assert.deepEqual(cutTree(Z, Number(k)), labels, `fitness k = ${k}`);
  assertDendrogram(Z, golden.fitness.dendrogram, "fitness");
});

test("Ward recovers planted groups and cutTree numbers clusters 1..k left to right", () => {
  const X = [[0, 0], [0, 1], [10, 10], [10, 11], [0, 0.5], [10, 10.5]];
  const labels = cutTree(wardLinkage(X), 2);
  assert.deepEqual(labels, [labels[0], labels[0], labels[2], labels[2], labels[0], labels[2]]);
  assert.notEqual(labels[0], labels[2]);
  assert.deepEqual(new Set(labels), new Set([1, 2]));
  assert.throws(() => wardLinkage([[0, NaN], [1, 1]]), /not a finite number/);
  // k ≥ n: every observation alone (as newer scipy releases do; scipy 1.10 still merged zero-height ties)
  assert.deepEqual(cutTree(wardLinkage(X), 6), [1, 2, 3, 4, 5, 6]);
});
