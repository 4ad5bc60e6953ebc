/**
 * Binary logistic regression with an intercept and an L2 penalty, scikit-learn's parameterisation:
 * minimise 0.5·‖w‖² + C·Σ logloss(yᵢ, b + xᵢ·w); the intercept b is not penalised.
 *
 * Written here because `ml-logistic-regression` 2.0 has no intercept, no penalty, a fixed-step
 * gradient ascent and no probability output. This fits by damped Newton (IRLS): each step solves
 * (X̃ᵀWX̃ + P/C)·Δ = −∇ with a Cholesky factorisation from ml-matrix, and converges to the
 * optimum (step < 1e-9), where scikit-learn's lbfgs stops at its tol/ftol (up to ~1e-4 away on
 * ill-conditioned data). Speed: X̃ᵀWX̃ is accumulated directly from a row-major Float64Array (no
 * n×n W, no transposed copy; four rows per pass), and on large data (n ≥ 8·hessianRows) the fit
 * climbs a ladder of strided subsamples (every 8th row, recursively): each level starts from the
 * solution of the level below and keeps that level's Hessian, with the exact gradient, corrected
 * after each step by a BFGS (secant) update. Together these make 100,000 × 20 fit in about the time
 * of scikit-learn's lbfgs (scripts/bench-models.ts).
 */
import {CholeskyDecomposition, Matrix} from "ml-matrix";
import {checkXy, thresholded, toDense, type Classifier, type Estimator, type Row} from "./types.ts";

export interface LogisticOptions {
  /** Inverse penalty strength (scikit-learn's C). `Infinity` fits without a penalty. Default 1. */
  C?: number;
  /** Whether to fit an intercept. Default true. */
  fitIntercept?: boolean;
  /** Stop when no Newton step component exceeds tol·(1 + largest |coefficient|). Default 1e-9. */
  tol?: number;
  /** Newton iterations at most. Default 100. */
  maxIter?: number;
  /**
   * Smallest subsample of the warm-start ladder: data with at least 8× this many rows is first fitted
   * on every 8th row (recursively), whose Hessian then serves the full fit. Default 1024.
   */
  hessianRows?: number;
}

export interface LogisticModel extends Classifier {
  family: "logistic";
  coef: number[];
  intercept: number;
  /** exp(coef): the multiplicative change in the odds of y = 1 per unit of each feature. */
  oddsRatios: number[];
  C: number;
  nIter: number;
  converged: boolean;
  /** Log-odds b + x·w for each row. */
  decisionFunction(X: readonly Row[]): number[];
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Stores P(y = 1) for margin s at P[i]; returns the log-loss of target t (stable for any s). */
function rowTerm(s: number, t: number, P: Float64Array, i: number): number {
  const e = Math.exp(-Math.abs(s));
  P[i] = (s >= 0 ? 1 : e) / (1 + e);
  return (s > 0 ? s : 0) + Math.log1p(e) - t * s;
}

/**
 * One pass over the data at (w, b): the objective divided by C (so C = ∞ works), its gradient
 * (penalty included) into g, and P(y = 1) per row into P. Fusing the gradient into the same pass
 * halves the memory traffic; four rows per step give four independent dot products and quarter
 * the loads and stores of w and g.
 */
function evaluate(
  X: Float64Array, y: Float64Array, n: number, d: number, fitIntercept: boolean,
  w: Float64Array, b: number, invC: number, P: Float64Array, g: Float64Array
): number {
  let loss = 0, gb = 0;
  g.fill(0);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    const o0 = i * d, o1 = o0 + d, o2 = o1 + d, o3 = o2 + d;
    let s0 = b, s1 = b, s2 = b, s3 = b;
    for (let j = 0; j < d; j++) {
      const wj = w[j];
      s0 += X[o0 + j] * wj;
      s1 += X[o1 + j] * wj;
      s2 += X[o2 + j] * wj;
      s3 += X[o3 + j] * wj;
    }
    loss += rowTerm(s0, y[i], P, i) + rowTerm(s1, y[i + 1], P, i + 1) + (rowTerm(s2, y[i + 2], P, i + 2) + rowTerm(s3, y[i + 3], P, i + 3));
    const r0 = P[i] - y[i], r1 = P[i + 1] - y[i + 1], r2 = P[i + 2] - y[i + 2], r3 = P[i + 3] - y[i + 3];
    gb += r0 + r1 + (r2 + r3);
    for (let j = 0; j < d; j++) g[j] += r0 * X[o0 + j] + r1 * X[o1 + j] + (r2 * X[o2 + j] + r3 * X[o3 + j]);
  }
  for (; i < n; i++) {
    const o = i * d;
    let s = b;
    for (let j = 0; j < d; j++) s += X[o + j] * w[j];
    loss += rowTerm(s, y[i], P, i);
    const r = P[i] - y[i];
    gb += r;
    for (let j = 0; j < d; j++) g[j] += r * X[o + j];
  }
  let pen = 0;
  for (let j = 0; j < d; j++) {
    pen += w[j] * w[j];
    g[j] += invC * w[j];
  }
  if (fitIntercept) g[d] = gb;
  return loss + 0.5 * invC * pen;
}

/**
 * H = X̃ᵀWX̃ + P/C (upper triangle), W = p(1 − p), over rows 0, stride, 2·stride, …, scaled so a
 * strided subsample estimates the full sum. Four rows per step quarter the loads/stores of H.
 */
function hessian(
  X: Float64Array, n: number, d: number, fitIntercept: boolean, P: Float64Array,
  stride: number, invC: number, H: Float64Array
): void {
  const D = fitIntercept ? d + 1 : d;
  H.fill(0);
  let hbb = 0, count = 0;
  let i = 0;
  for (; i + 3 * stride < n; i += 4 * stride) {
    const i1 = i + stride, i2 = i1 + stride, i3 = i2 + stride;
    const o0 = i * d, o1 = i1 * d, o2 = i2 * d, o3 = i3 * d;
    const w0 = P[i] * (1 - P[i]), w1 = P[i1] * (1 - P[i1]), w2 = P[i2] * (1 - P[i2]), w3 = P[i3] * (1 - P[i3]);
    hbb += w0 + w1 + (w2 + w3);
    count += 4;
    for (let j = 0; j < d; j++) {
      const a0 = w0 * X[o0 + j], a1 = w1 * X[o1 + j], a2 = w2 * X[o2 + j], a3 = w3 * X[o3 + j];
      const row = j * D;
      for (let k = j; k < d; k++) H[row + k] += a0 * X[o0 + k] + a1 * X[o1 + k] + (a2 * X[o2 + k] + a3 * X[o3 + k]);
      if (fitIntercept) H[row + d] += a0 + a1 + (a2 + a3);
    }
  }
  for (; i < n; i += stride) {
    const o = i * d;
    const w0 = P[i] * (1 - P[i]);
    hbb += w0;
    count++;
    for (let j = 0; j < d; j++) {
      const a = w0 * X[o + j];
      const row = j * D;
      for (let k = j; k < d; k++) H[row + k] += a * X[o + k];
      if (fitIntercept) H[row + d] += a;
    }
  }
  if (fitIntercept) H[d * D + d] = hbb;
  if (count !== n) for (let k = 0; k < H.length; k++) H[k] *= n / count;
  for (let j = 0; j < d; j++) H[j * D + j] += invC;
}

interface Problem {
  X: Float64Array; y: Float64Array; n: number; d: number; fitIntercept: boolean; invC: number;
}

/**
 * Damped Newton from (w, b), in place. With stride > 1 the Hessian comes from a strided
 * subsample while the gradient stays exact (sub-sampled Newton, Byrd et al. 2011): the optimum is
 * the same, convergence becomes linear with a small rate; a step that backtracks or makes poor
 * progress switches to the full Hessian.
 */
function newton(
  pb: Problem, w: Float64Array, start: {b: number}, stride: number, tol: number, maxIter: number
): {nIter: number; converged: boolean} {
  const {X, y, n, d, fitIntercept, invC} = pb;
  const D = fitIntercept ? d + 1 : d; // the intercept is the last coordinate
  let b = start.b;
  let P = new Float64Array(n), PTrial = new Float64Array(n);
  let g = new Float64Array(D), gTrial = new Float64Array(D);
  let f = evaluate(X, y, n, d, fitIntercept, w, b, invC, P, g);
  const H = new Float64Array(D * D);
  const wTrial = new Float64Array(d);
  const s = new Float64Array(D), dg = new Float64Array(D), Hs = new Float64Array(D);
  let lastDecrement = Infinity;
  let nIter = 0;
  let converged = false;
  while (nIter < maxIter) {
    nIter++;
    // A subsampled Hessian is computed once and then kept (a chord method, corrected by secant
    // updates below): its sampling error, not the drift of the weights, sets the rate, so
    // recomputing it would buy nothing.
    if (stride === 1 || nIter === 1) hessian(X, n, d, fitIntercept, P, stride, invC, H);
    const step = solve(H, g, D);
    let decrement = 0, stepMax = 0, wMax = Math.abs(b);
    for (let j = 0; j < D; j++) {
      decrement += g[j] * step[j];
      stepMax = Math.max(stepMax, Math.abs(step[j]));
    }
    for (let j = 0; j < d; j++) wMax = Math.max(wMax, Math.abs(w[j]));
    if (!(decrement >= 0) || !Number.isFinite(decrement)) break;
    // Negligible step, or a predicted decrease below rounding of the objective (ill-conditioned
    // problems can keep the step just above tol while no line search can make progress).
    if (stepMax <= tol * (1 + wMax) || decrement / 2 <= 1e-15 * (1 + Math.abs(f))) {
      // The Newton step is negligible: take it without a line search and stop.
      for (let j = 0; j < d; j++) w[j] -= step[j];
      if (fitIntercept) b -= step[d];
      converged = true;
      break;
    }
    if (stride > 1 && decrement > lastDecrement / 4) stride = 1;
    lastDecrement = decrement;
    // Backtracking (Armijo) line search; Newton's full step is almost always accepted.
    let t = 1;
    let fTrial = Infinity;
    for (let tries = 0; tries < 60; tries++, t /= 2) {
      for (let j = 0; j < d; j++) wTrial[j] = w[j] - t * step[j];
      const bTrial = fitIntercept ? b - t * step[d] : 0;
      fTrial = evaluate(X, y, n, d, fitIntercept, wTrial, bTrial, invC, PTrial, gTrial);
      if (fTrial <= f - 1e-4 * t * decrement) break;
    }
    if (!(fTrial <= f)) {
      // No descent possible: at the optimum to rounding (or a stale subsampled Hessian).
      if (stride === 1) {
        converged = decrement / 2 <= 1e-10 * (1 + Math.abs(f));
        break;
      }
      stride = 1;
      continue;
    }
    if (t < 1) stride = 1;
    else if (stride > 1) {
      // Correct the kept Hessian along the step with the exact gradients' change (a BFGS
      // update): the subsample's error along the directions the iterates move is what slows the
      // chord method, and the update removes it, so fewer passes over the data are needed.
      for (let j = 0; j < D; j++) {
        s[j] = -step[j];
        dg[j] = gTrial[j] - g[j];
      }
      secantUpdate(H, D, s, dg, Hs);
    }
    w.set(wTrial);
    if (fitIntercept) b -= t * step[d];
    [P, PTrial] = [PTrial, P];
    [g, gTrial] = [gTrial, g];
    f = fTrial;
  }
  start.b = b;
  return {nIter, converged};
}

/**
 * BFGS update of a positive-definite Hessian approximation H (upper triangle, D × D) with the step
 * s and the gradient change y: afterwards H·s = y (the secant equation), H stays symmetric and, when
 * yᵀs > 0, positive definite; otherwise H is left as it was. Hs is scratch space (D values).
 */
export function secantUpdate(H: Float64Array, D: number, s: Float64Array, y: Float64Array, Hs: Float64Array): void {
  let sHs = 0, ys = 0;
  for (let j = 0; j < D; j++) {
    let a = 0;
    for (let k = 0; k < D; k++) a += (j <= k ? H[j * D + k] : H[k * D + j]) * s[k];
    Hs[j] = a;
    sHs += s[j] * a;
    ys += y[j] * s[j];
  }
  if (!(ys > 0 && sHs > 0)) return;
  for (let j = 0; j < D; j++) for (let k = j; k < D; k++) H[j * D + k] += (y[j] * y[k]) / ys - (Hs[j] * Hs[k]) / sHs;
}

/** Rows 0, stride, 2·stride, … of a row-major matrix and its targets. */
function strided(X: Float64Array, y: Float64Array, n: number, d: number, stride: number) {
  const m = Math.ceil(n / stride);
  const Xs = new Float64Array(m * d), ys = new Float64Array(m);
  for (let r = 0, i = 0; i < n; r++, i += stride) {
    Xs.set(X.subarray(i * d, i * d + d), r * d);
    ys[r] = y[i];
  }
  return {Xs, ys, m};
}

/** Each level of the ladder subsamples every LADDER-th row of the level above. */
const LADDER = 8;

/**
 * Newton on the whole problem, warm-started on every LADDER-th row when that subsample still has
 * `hessianRows` rows (recursively, so the first, far-from-optimal steps run on the smallest
 * subsample): the subsample (penalty rescaled so its objective estimates the full one) lands
 * within sampling error of the optimum, and its rows give the Hessian kept for this level.
 */
function ladder(
  pb: Problem, w: Float64Array, start: {b: number}, tol: number, maxIter: number, hessianRows: number
): {nIter: number; converged: boolean} {
  const m = Math.ceil(pb.n / LADDER);
  if (m < hessianRows) return newton(pb, w, start, 1, tol, maxIter);
  const {Xs, ys} = strided(pb.X, pb.y, pb.n, pb.d, LADDER);
  const warm = ladder({...pb, X: Xs, y: ys, n: m, invC: (pb.invC * m) / pb.n}, w, start, 1e-4, maxIter, hessianRows);
  const run = newton(pb, w, start, LADDER, tol, maxIter);
  return {nIter: warm.nIter + run.nIter, converged: run.converged};
}

export function fitLogistic(X: readonly Row[], y: readonly number[], options: LogisticOptions = {}): LogisticModel {
  checkXy(X, y);
  // The packed copy is read during the fit only: a reused scratch buffer (see toDense).
  return fitLogisticDense(toDense(X, undefined, true), y, options);
}

/**
 * The same fit on a row-major Float64Array (n × d), e.g. from a columnar reader, without the
 * number[][] copy. The data must be finite; it is not modified.
 */
export function fitLogisticDense(
  X: {data: Float64Array; n: number; d: number}, y: ArrayLike<number>, options: LogisticOptions = {}
): LogisticModel {
  const {C = 1, fitIntercept = true, tol = 1e-9, maxIter = 100, hessianRows = 1024} = options;
  if (!(C > 0)) throw new Error(`logistic: C must be positive, got ${C}`);
  const {data, n, d} = X;
  if (data.length !== n * d || y.length !== n || n === 0) throw new Error(`logistic: ${data.length} values for ${n} × ${d} rows and ${y.length} targets`);
  const yy = Float64Array.from(y);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (yy[i] !== 0 && yy[i] !== 1) throw new Error(`fit: target at row ${i} is ${yy[i]}, expected 0 or 1`);
    positives += yy[i];
  }
  if (positives === 0 || positives === n) throw new Error(`logistic: every target is ${yy[0]}; needs both classes (as scikit-learn)`);
  const invC = Number.isFinite(C) ? 1 / C : 0;
  const w = new Float64Array(d);
  const state = {b: 0};
  if (fitIntercept) {
    const m = Math.min(Math.max(yy.reduce((a, v) => a + v, 0) / n, 1e-10), 1 - 1e-10);
    state.b = Math.log(m / (1 - m));
  }
  const {nIter, converged} = ladder({X: data, y: yy, n, d, fitIntercept, invC}, w, state, tol, maxIter, hessianRows);
  return logisticModel(Array.from(w), state.b, {C, nIter, converged});
}

/** Solve H·x = g for symmetric positive-definite H given by its upper triangle. */
function solve(H: Float64Array, g: Float64Array, D: number): number[] {
  const A = new Matrix(D, D);
  for (let j = 0; j < D; j++) {
    for (let k = j; k < D; k++) {
      A.set(j, k, H[j * D + k]);
      A.set(k, j, H[j * D + k]);
    }
  }
  let chol = new CholeskyDecomposition(A);
  // Unpenalised and (near-)separable data can make H singular: add the smallest ridge that works.
  for (let ridge = 1e-10; !chol.isPositiveDefinite() && ridge < 1e10; ridge *= 100) {
    const B = A.clone();
    for (let j = 0; j < D; j++) B.set(j, j, A.get(j, j) + ridge * (1 + A.get(j, j)));
    chol = new CholeskyDecomposition(B);
  }
  return chol.solve(Matrix.columnVector(Array.from(g))).getColumn(0);
}

/** A logistic model from known coefficients (also what `fitLogistic` returns). */
export function logisticModel(
  coef: number[], intercept: number, info: {C?: number; nIter?: number; converged?: boolean} = {}
): LogisticModel {
  const decisionFunction = (X: readonly Row[]): number[] =>
    X.map((x) => {
      if (x.length !== coef.length) throw new Error(`logistic: row has ${x.length} features, model has ${coef.length}`);
      let s = intercept;
      for (let j = 0; j < coef.length; j++) s += coef[j] * x[j];
      return s;
    });
  const predictProba = (X: readonly Row[]): number[] => decisionFunction(X).map(sigmoid);
  return {
    family: "logistic",
    coef,
    intercept,
    oddsRatios: coef.map(Math.exp),
    C: info.C ?? 1,
    nIter: info.nIter ?? 0,
    converged: info.converged ?? true,
    decisionFunction,
    predictProba,
    predict: (X, threshold = 0.5) => thresholded(predictProba(X), threshold)
  };
}

/** Unfitted logistic regression for cross-validation and search. */
export function logisticRegression(options: LogisticOptions = {}): Estimator<Row, LogisticModel> {
  return {
    family: "logistic",
    params: {C: options.C ?? 1},
    fit: (X, y) => fitLogistic(X, y, options)
  };
}
