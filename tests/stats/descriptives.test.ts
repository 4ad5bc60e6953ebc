import {test} from "node:test";
import assert from "node:assert/strict";
import {describe, pearson, spearman, pearsonMatrix, spearmanMatrix, rankAverage} from "../../loaders/stats/index.ts";
import {readGolden, readFitness, assertClose, assertAllClose} from "./helpers.ts";
import {medianInPlace, quantilesInPlace, quantileSorted} from "../../loaders/stats/descriptives.ts";
import {randomSource} from "../../loaders/random.ts";

const golden = readGolden("stats.json");

test("describe matches pandas (sample sd, linear quartiles, adjusted skew) and counts missing", () => {
  const d = describe(golden.small.a);
  const g = golden.small.describe;
  assert.equal(d.n, g.n);
  assert.equal(d.missing, 1);
  for (const k of ["mean", "sd", "min", "q1", "median", "q3", "max", "skew"] as const) assertClose(d[k], g[k], 1e-12, 0, k);
  assertClose(d.iqr, g.q3 - g.q1, 1e-12);
});

test("describe on real fitness columns matches pandas", () => {
  const fit = readFitness();
  for (const [name, g] of Object.entries<any>(golden.fitness.describe)) {
    const d = describe(fit.column(name));
    for (const k of ["mean", "sd", "q1", "median", "q3", "skew"] as const) assertClose(d[k], g[k], 1e-9, 0, `${name}.${k}`);
  }
});

test("average ranks for ties, like scipy rankdata", () => {
  assert.deepEqual([...rankAverage([10, 20, 10, 30, 20, 10]).ranks], [2, 4.5, 2, 6, 4.5, 2]);
  assert.deepEqual(rankAverage([10, 20, 10, 30, 20, 10]).ties, [3, 2]);
});

test("Pearson and Spearman (tied ranks) match scipy", () => {
  const {x, y, pearson: r, spearman: rho} = golden.small.corr;
  assertClose(pearson(x, y), r, 1e-12);
  assertClose(spearman(x, y), rho, 1e-12);
  // missing values are dropped pairwise
  assertClose(pearson([...x, null], [...y, 3]), r, 1e-12);
});

test("Pearson and Spearman matrices of the fitness table match pandas", () => {
  const fit = readFitness();
  const P = pearsonMatrix(fit.rows);
  const S = spearmanMatrix(fit.rows);
  assertAllClose(P.flat(), golden.fitness.pearson.flat(), 1e-9, 1e-12, "pearson");
  assertAllClose(S.flat(), golden.fitness.spearman.flat(), 1e-9, 1e-12, "spearman");
});

test("quantiles and medians by selection equal those of the sorted values, with heavy ties, odd and even lengths, and the ends", () => {
  const random = randomSource(11);
  for (const [n, distinct] of [[1, 1], [2, 2], [7, 3], [1000, 4], [1001, 1000], [5000, 1]] as const) {
    const values = Float64Array.from({length: n}, () => Math.floor(random() * distinct) + random() * (distinct > 100 ? 1 : 0));
    const sorted = Float64Array.from(values).sort();
    const ps = [0, 0.25, 0.5, 0.5, 0.75, 1];
    assert.deepEqual(quantilesInPlace(Float64Array.from(values), ps), ps.map((p) => quantileSorted(sorted, p)), `n = ${n}`);
    const middle = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    assert.equal(medianInPlace(Float64Array.from(values)), middle, `median, n = ${n}`);
  }
  assert.throws(() => quantilesInPlace(new Float64Array([1, 2]), [0.75, 0.25]), /ascend/);
});
