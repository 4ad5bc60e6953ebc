import {test} from "node:test";
import assert from "node:assert/strict";
import {adjustedRandScore, silhouetteScore, silhouetteScores, standardize, cutTree, wardLinkage, chooseK, clusterPortraits} from "../../loaders/cluster/index.ts";
import {readGolden, readFitness, assertClose} from "../stats/helpers.ts";

const golden = readGolden("cluster.json");
const F = golden.fitness;
const fcl = (k: number): number[] => F.fcluster[String(k)];

test("adjusted Rand index matches sklearn to 1e-12", () => {
  for (const c of golden.ari_cases) assertClose(adjustedRandScore(c.a, c.b), c.ari, 1e-12, 1e-15);
  assertClose(adjustedRandScore(fcl(4), fcl(5)), F.ari.ward4_ward5, 1e-12);
  assertClose(adjustedRandScore(fcl(5), F.kmeans_labels_5), F.ari.ward5_kmeans5, 1e-12);
  const churn = readFitness().column("Churn");
  assertClose(adjustedRandScore(fcl(3), churn), F.ari.ward3_churn, 1e-12, 1e-15);
  assert.equal(adjustedRandScore(["a", "a", "b"], [7, 7, 9]), 1);
});

test("silhouette of Ward cuts on fitness matches sklearn (k = 2..8), scored in one pass", () => {
  const {X} = standardize(readFitness().rows.map((r) => r.slice(0, 13)));
  const ks = [2, 3, 4, 5, 6, 7, 8];
  const scores = silhouetteScores(X, ks.map(fcl));
  ks.forEach((k, i) => assertClose(scores[i].score, F.silhouette_ward[String(k)], 1e-6, 0, `k = ${k}`));
  assert.equal(scores[0].sampled, false);
  // above maxExact: seeded sample, reproducible, close to the exact value
  const a = silhouetteScore(X, fcl(4), {maxExact: 1000, sampleSize: 1500, seed: 3});
  const b = silhouetteScore(X, fcl(4), {maxExact: 1000, sampleSize: 1500, seed: 3});
  assert.equal(a.score, b.score);
  assert.equal(a.rows, 1500);
  assert.ok(Math.abs(a.score - F.silhouette_ward["4"]) < 0.03);
});

test("chooseK finds planted k and explains it; portraits describe clusters in original units", () => {
  const X: number[][] = [];
  const centres = [[0, 0], [8, 0], [0, 8]];
  for (let i = 0; i < 90; i++) {
    const c = centres[i % 3];
    X.push([c[0] + ((i * 7) % 10) / 10, c[1] + ((i * 3) % 10) / 10]);
  }
  const choice = chooseK(X, {kMin: 2, kMax: 6, seed: 1});
  assert.equal(choice.k, 3);
  assert.match(choice.reason.en, /k = 3 has the highest mean silhouette/);
  assert.match(choice.reason.ru, /у k = 3 наибольший средний силуэт \(0,\d{3}\)/);
  assert.equal(choice.scores.length, 5);
  const labels = cutTree(wardLinkage(X), 3);
  const target = X.map((row) => (row[0] > 4 ? 1 : 0));
  const portraits = clusterPortraits(X, labels, {features: ["x", "y"], target});
  assert.equal(portraits.length, 3);
  assert.equal(portraits.reduce((s, p) => s + p.size, 0), 90);
  const east = portraits.find((p) => p.features[0].mean > 4)!;
  assert.equal(east.targetRate, 1);
  assertClose(east.share, 1 / 3, 1e-12);
  assertClose(east.features[0].mean, 8.45, 1e-12);
  assert.equal(east.distinctive[0], "x");
  assert.ok(east.features[0].standardisedDifference > 1);
});
