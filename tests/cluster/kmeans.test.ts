import {test} from "node:test";
import assert from "node:assert/strict";
import {fitKMeans, predictKMeans, standardize, adjustedRandScore, withinSumOfSquares} from "../../loaders/cluster/index.ts";
import {readGolden, readFitness} from "../stats/helpers.ts";

const golden = readGolden("cluster.json");

test("k-means inertia on blobs is within 1% of scikit-learn's (n_init = 10), and recovers the blobs", () => {
  const {X, truth, inertia} = golden.blobs;
  for (const [k, ref] of Object.entries<number>(inertia)) {
    const m = fitKMeans(X, {k: Number(k), nInit: 10, seed: 1});
    assert.ok(m.inertia <= ref * 1.01, `k = ${k}: ${m.inertia} vs sklearn ${ref}`);
    // inertia is measured to the returned centroids (as sklearn); the labels' own means can only do better
    const wss = withinSumOfSquares(X, m.labels);
    assert.ok(wss <= m.inertia * (1 + 1e-12) && wss >= m.inertia * 0.999, `k = ${k}: WSS ${wss} vs inertia ${m.inertia}`);
  }
  const m4 = fitKMeans(X, {k: 4, seed: 1});
  assert.ok(adjustedRandScore(m4.labels, truth) > 0.95, "planted blobs recovered");
  assert.deepEqual(predictKMeans(m4, X), m4.labels, "labels are nearest-centroid assignments");
});

test("k-means on the standardised fitness table: inertia within 1% of scikit-learn for k = 2..8", () => {
  const fit = readFitness();
  const {X} = standardize(fit.rows.map((r) => r.slice(0, 13)));
  for (const [k, ref] of Object.entries<number>(golden.fitness.kmeans_inertia)) {
    const m = fitKMeans(X, {k: Number(k), nInit: 10, seed: 42});
    assert.ok(m.inertia <= ref * 1.01, `k = ${k}: ${m.inertia} vs sklearn ${ref}`);
    assert.equal(m.inertias.length, 10);
    assert.equal(m.inertia, Math.min(...m.inertias));
  }
});

test("k-means is deterministic per seed and restarts differ", () => {
  const X = golden.blobs.X.slice(0, 500);
  const a = fitKMeans(X, {k: 3, seed: 5});
  const b = fitKMeans(X, {k: 3, seed: 5});
  assert.deepEqual(a, b);
  assert.ok(new Set(fitKMeans(X, {k: 6, seed: 5}).inertias).size > 1);
  assert.throws(() => fitKMeans(X, {k: 0}), /k must be/);
});
