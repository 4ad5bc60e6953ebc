import {test} from "node:test";
import assert from "node:assert/strict";
import {fitLogistic, logisticRegression, secantUpdate, sigmoid} from "../../loaders/models/logistic.ts";
import {golden, maxAbsDiff, readFitness, standardise} from "./golden.ts";

const fitness = readFitness();
const Z = standardise(fitness.X);

for (const ref of golden.fitness.logistic) {
  test(`logistic on the real fitness table, C=${ref.C}, matches scikit-learn`, () => {
    const m = fitLogistic(Z, fitness.y, {C: ref.C});
    assert.ok(m.converged);
    // newton-cholesky is scikit-learn's converged solution (gradient ~1e-13): agree to 1e-7.
    assert.ok(maxAbsDiff(m.coef, ref.newtonCoef) < 1e-7, `coef vs newton-cholesky: ${maxAbsDiff(m.coef, ref.newtonCoef)}`);
    assert.ok(Math.abs(m.intercept - ref.newtonIntercept) < 1e-7);
    assert.ok(maxAbsDiff(m.predictProba(Z), ref.newtonProba) < 1e-9);
    // lbfgs stops on scikit-learn's hard-coded ftol before tol=1e-12 on this ill-conditioned table,
    // up to `solverGap` (~1.2e-4) from the optimum: we sit at the optimum, so within that gap.
    const gap = ref.solverGap;
    assert.ok(gap < 2e-4);
    assert.ok(maxAbsDiff(m.coef, ref.coef) <= gap + 1e-7, `coef vs lbfgs ${maxAbsDiff(m.coef, ref.coef)} > ${gap}`);
    assert.ok(Math.abs(m.intercept - ref.intercept) <= gap + 1e-7);
    assert.ok(maxAbsDiff(m.predictProba(Z), ref.proba) < 1e-4);
    assert.deepEqual(m.oddsRatios, m.coef.map(Math.exp));
  });
}

for (const ref of golden.synthetic.logistic) {
  test(`logistic on a synthetic set (raw, unscaled features), C=${ref.C}, matches scikit-learn to 1e-6`, () => {
    const m = fitLogistic(golden.synthetic.X, golden.synthetic.y, {C: ref.C});
    assert.ok(m.converged);
    assert.ok(maxAbsDiff(m.coef, ref.coef) < 1e-4 && maxAbsDiff(m.coef, ref.newtonCoef) < 1e-6);
    assert.ok(Math.abs(m.intercept - ref.newtonIntercept) < 1e-6);
    assert.ok(maxAbsDiff(m.predictProba(golden.synthetic.X), ref.newtonProba) < 1e-8);
  });
}

test("logistic: the subsample ladder reaches the same optimum as full Newton", () => {
  // 3200 rows with hessianRows 50 climb two levels: 50 rows (exact Newton), 400 rows (Hessian from
  // the 50), all 3200 (Hessian from the 400).
  const X = golden.synthetic.X.concat(golden.synthetic.X.map((r: number[]) => r.map((v) => v * 0.9 + 0.1)));
  const y = golden.synthetic.y.concat(golden.synthetic.y.map((v: number, i: number) => (i % 5 === 0 ? 1 - v : v)));
  const Xl = Array.from({length: 8}, () => X).flat();
  const yl = Array.from({length: 8}, () => y).flat();
  const full = fitLogistic(Xl, yl, {hessianRows: 1e9});
  const sub = fitLogistic(Xl, yl, {hessianRows: 50});
  assert.ok(full.converged && sub.converged);
  assert.ok(maxAbsDiff(full.coef, sub.coef) < 1e-8, `${maxAbsDiff(full.coef, sub.coef)}`);
});

test("logistic: the secant update makes the kept Hessian map the step onto the gradient change", () => {
  // H = [[4, 1, 0], [1, 3, 1], [0, 1, 2]] as its upper triangle; any s with yᵀs > 0.
  const D = 3;
  const H = Float64Array.from([4, 1, 0, 0, 3, 1, 0, 0, 2]);
  const s = Float64Array.from([0.5, -1, 2]);
  const y = Float64Array.from([1, 0.5, 3]);
  secantUpdate(H, D, s, y, new Float64Array(D));
  const full = (j: number, k: number) => (j <= k ? H[j * D + k] : H[k * D + j]);
  for (let j = 0; j < D; j++) {
    const Hs = [0, 1, 2].reduce((a, k) => a + full(j, k) * s[k], 0);
    assert.ok(Math.abs(Hs - y[j]) < 1e-12, `(H·s)[${j}] = ${Hs}, y = ${y[j]}`);
  }
  // still positive definite: the leading minors are positive
  const m2 = full(0, 0) * full(1, 1) - full(0, 1) ** 2;
  const det = full(0, 0) * (full(1, 1) * full(2, 2) - full(1, 2) ** 2) - full(0, 1) * (full(0, 1) * full(2, 2) - full(1, 2) * full(0, 2)) + full(0, 2) * (full(0, 1) * full(1, 2) - full(1, 1) * full(0, 2));
  assert.ok(full(0, 0) > 0 && m2 > 0 && det > 0, `minors ${full(0, 0)}, ${m2}, ${det}`);
  // a step along which the gradient does not grow (yᵀs ≤ 0) leaves H unchanged
  const before = H.slice();
  secantUpdate(H, D, s, Float64Array.from([-1, 0, 0]), new Float64Array(D));
  assert.deepEqual(H, before);
});

test("logistic without intercept: the penalised gradient vanishes (KKT) and matches scikit-learn", () => {
  const X = [[1, 2], [2, 0], [0, 1], [3, 3], [1, 1]], y = [1, 0, 0, 1, 1];
  const m = fitLogistic(X, y, {fitIntercept: false, C: 2});
  assert.equal(m.intercept, 0);
  // scikit-learn 1.2: LogisticRegression(fit_intercept=False, C=2, solver="newton-cholesky", tol=1e-12)
  assert.ok(maxAbsDiff(m.coef, [-0.08465903, 0.76401959]) < 1e-8);
  const p = m.predictProba(X);
  const grad = m.coef.map((w, j) => w + 2 * X.reduce((a, x, i) => a + (p[i] - y[i]) * x[j], 0));
  assert.ok(maxAbsDiff(grad, [0, 0]) < 1e-9);
});

test("logistic: probabilities, decision function and predict agree; estimator wrapper", () => {
  const est = logisticRegression({C: 0.5});
  assert.equal(est.family, "logistic");
  assert.deepEqual(est.params, {C: 0.5});
  const m = est.fit(golden.synthetic.X, golden.synthetic.y);
  const X = golden.synthetic.X.slice(0, 20);
  const z = m.decisionFunction(X);
  assert.deepEqual(m.predictProba(X), z.map(sigmoid));
  assert.deepEqual(m.predict(X), z.map((v) => (v >= 0 ? 1 : 0)));
});

test("logistic: separable data without penalty stays finite; bad input is refused", () => {
  const X = [[0], [1], [2], [3]], y = [0, 0, 1, 1];
  const m = fitLogistic(X, y, {C: Infinity, maxIter: 50});
  assert.ok(m.coef.every(Number.isFinite) && Number.isFinite(m.intercept));
  assert.ok(m.predictProba([[0]])[0] < 0.01 && m.predictProba([[3]])[0] > 0.99);
  assert.throws(() => fitLogistic([[0], [1]], [0, 2]), /expected 0 or 1/);
  assert.throws(() => fitLogistic([[0], [NaN]], [0, 1]), /finite/);
  assert.throws(() => fitLogistic([[0], [1]], [0]), /targets/);
  assert.throws(() => fitLogistic([[0], [1]], [1, 1]), /needs both classes/);
});
