/**
 * Classification benchmark, side by side with scikit-learn in one run on the same generated data:
 *  - logistic regression (C = 1) on 100,000 × 20: ours (one thread; Newton with a subsample ladder,
 *    step tolerance 1e-9) from number[][] (the API cases use, so the copy into a Float64Array is
 *    timed too) and from a packed Float64Array, against scikit-learn's default lbfgs (tol 1e-4)
 *    limited to one thread and to two, and its newton-cholesky (tol 1e-10, one thread) as the
 *    precise reference for the coefficients;
 *  - random forest, 200 trees, on 4,000 × 13 customer-like rows (the fitness table's shape), ours
 *    (one thread) against scikit-learn with n_jobs=1, with the holdout ROC-AUC of both, and
 *    TreeSHAP of our forest for 100 rows.
 *   npx tsx scripts/bench-models.ts [--repeats 5] [--n 100000] [--d 20] [--only logistic|forest]
 * Needs Debian's /usr/bin/python3 with scikit-learn and threadpoolctl (PYTHON=… to override).
 * Runs alternate between ours and the references so all meet the same machine load; best and
 * median of the repeats, as wall-clock time and as CPU time of the process (all threads:
 * process.cpuUsage / time.process_time), which a shared machine disturbs less.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {randomSource} from "../loaders/random.ts";
import {fitLogistic, fitLogisticDense} from "../loaders/models/logistic.ts";
import {fitForest} from "../loaders/models/forest.ts";
import {rocAuc} from "../loaders/evaluation/curves.ts";
import {treeShap} from "../loaders/explain/tree-shap.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg("n", 100_000);
const d = arg("d", 20);
const repeats = arg("repeats", 5);
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : "";
const runLogistic = only !== "forest", runForest = only !== "logistic";

/** Logistic data: correlated normal features (pairs share a factor), a planted sparse-ish model. */
function logisticData(rows: number, cols: number, seed: number): {X: Float64Array; y: Float64Array; beta: number[]} {
  const random = randomSource(seed);
  const beta = Array.from({length: cols}, (_, j) => (j % 3 === 2 ? 0 : random.normal()));
  const X = new Float64Array(rows * cols), y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = -0.5;
    let shared = 0;
    for (let j = 0; j < cols; j++) {
      if (j % 2 === 0) shared = random.normal();
      const v = 0.6 * shared + 0.8 * random.normal() + (j === cols - 1 ? 2 : 0);
      X[i * cols + j] = v;
      s += 0.5 * beta[j] * v;
    }
    y[i] = random() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
  }
  return {X, y, beta};
}

/** Customer-like rows shaped like the fitness table, churn from a planted nonlinear rule. */
function forestData(rows: number, seed: number): {X: Float64Array; y: Float64Array} {
  const random = randomSource(seed);
  const cols = 13;
  const X = new Float64Array(rows * cols), y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const r = X.subarray(i * cols, i * cols + cols);
    for (let j = 0; j < 5; j++) r[j] = random() < 0.5 ? 1 : 0;
    const u = random();
    r[5] = u < 0.5 ? 1 : u < 0.75 ? 6 : 12;
    r[6] = random() < 0.4 ? 1 : 0;
    r[7] = Math.round(29 + 3 * random.normal());
    r[8] = 140 * Math.exp(0.6 * random.normal());
    r[9] = 1 + random.int(r[5]);
    r[10] = Math.floor(-3.7 * Math.log(1 - random()));
    r[11] = Math.max(0, 1.9 + 0.9 * random.normal());
    r[12] = Math.max(0, r[11] + 0.5 * random.normal());
    const s = 1.5 - 0.35 * r[10] - 0.25 * r[9] - 1.2 * (r[12] - r[11]) - 0.8 * r[12] * (r[6] ? 1.3 : 1) - 0.03 * (r[7] - 29) - 0.004 * r[8] + 0.6 * r[2];
    y[i] = random() < 1 / (1 + Math.exp(-s)) ? 1 : 0;
  }
  return {X, y};
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs: number[]) => Math.min(...xs);
/** Wall-clock and CPU seconds of one call. */
const time = <T>(f: () => T): [T, number, number] => {
  const c = process.cpuUsage();
  const t = performance.now();
  const out = f();
  const u = process.cpuUsage(c);
  return [out, (performance.now() - t) / 1000, (u.user + u.system) / 1e6];
};
const rows = (data: Float64Array, count: number, cols: number, from = 0) =>
  Array.from({length: count}, (_, i) => Array.from(data.subarray((from + i) * cols, (from + i + 1) * cols)));

const python = process.env.PYTHON ?? "/usr/bin/python3";
const companion = new URL("./bench-models.py", import.meta.url).pathname;
function reference(args: string[], threads: number): any {
  const env = {...process.env, OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads)};
  const py = spawnSync(python, [companion, ...args, String(threads)], {encoding: "utf8", maxBuffer: 1 << 26, env});
  if (py.status !== 0) throw new Error(`reference run failed: ${py.stderr}`);
  return JSON.parse(py.stdout);
}

/** Wall and CPU seconds per run of one side. */
type Times = {wall: number[]; cpu: number[]};
const times = (): Times => ({wall: [], cpu: []});
const push = (t: Times, wall: number, cpu: number) => {
  t.wall.push(wall);
  t.cpu.push(cpu);
};

const lr = logisticData(n, d, 2024);
const fd = forestData(5000, 7);
const nTrain = 4000, trees = 200;
const dir = mkdtempSync(join(tmpdir(), "bench-models-"));
const path = (name: string, data: Float64Array) => {
  const p = join(dir, name);
  writeFileSync(p, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  return p;
};
const lrArgs = ["logistic", path("lx.f64", lr.X), path("ly.f64", lr.y), String(n), String(d)];
const fArgs = ["forest", path("fx.f64", fd.X), path("fy.f64", fd.y), "5000", "13", String(nTrain), String(trees)];

const lrRows = rows(lr.X, n, d);
const lrY = Array.from(lr.y);
// warm-up (JIT), as the reference warms up its lazy imports
if (runLogistic) {
  fitLogistic(lrRows.slice(0, 2000), lrY.slice(0, 2000));
  fitLogistic(lrRows, lrY);
}
if (runForest) fitForest(rows(fd.X, 1000, 13), Array.from(fd.y.subarray(0, 1000)), {nEstimators: 20});

const s = {ours: times(), oursDense: times(), sk1: times(), sk2: times(), nc: times(), forest: times(), skForest: times(),
  forestAuc: [] as number[], skForestAuc: [] as number[], shap: [] as number[]};
let iters = {ours: 0, sk: 0, nc: 0};
let agreement = {lbfgs: 0, newton: 0, lbfgsNewton: 0};
let versions = {sklearn: "?", numpy: "?"};
console.error(`logistic regression ${n} × ${d}; random forest ${trees} trees on ${nTrain} × 13; ${repeats} alternating repeats`);
const maxDiff = (a: number[], ai: number, b: number[], bi: number) => Math.max(Math.abs(ai - bi), ...a.map((c, j) => Math.abs(c - b[j])));
try {
  for (let r = 0; r < repeats; r++) {
    if (runLogistic) {
      const [model, t, c] = time(() => fitLogistic(lrRows, lrY, {C: 1}));
      push(s.ours, t, c);
      const [, td, cd] = time(() => fitLogisticDense({data: lr.X, n, d}, lr.y, {C: 1}));
      push(s.oursDense, td, cd);
      const ref1 = reference(lrArgs, 1);
      versions = ref1.versions;
      push(s.sk1, ref1.lbfgs.seconds, ref1.lbfgs.cpu);
      push(s.nc, ref1.newtonCholesky.seconds, ref1.newtonCholesky.cpu);
      const ref2 = reference(lrArgs, 2);
      push(s.sk2, ref2.lbfgs.seconds, ref2.lbfgs.cpu);
      iters = {ours: model.nIter, sk: ref1.lbfgs.nIter, nc: ref1.newtonCholesky.nIter};
      const nc = ref1.newtonCholesky;
      agreement = {
        newton: maxDiff(model.coef, model.intercept, nc.coef, nc.intercept),
        lbfgs: maxDiff(model.coef, model.intercept, ref1.lbfgs.coef, ref1.lbfgs.intercept),
        lbfgsNewton: maxDiff(ref1.lbfgs.coef, ref1.lbfgs.intercept, nc.coef, nc.intercept)
      };
    }
    if (runForest) {
      const Xtr = rows(fd.X, nTrain, 13), Xte = rows(fd.X, 1000, 13, nTrain);
      const ytr = Array.from(fd.y.subarray(0, nTrain)), yte = Array.from(fd.y.subarray(nTrain));
      const [forest, tf, cf] = time(() => fitForest(Xtr, ytr, {nEstimators: trees, seed: r}));
      push(s.forest, tf, cf);
      s.forestAuc.push(rocAuc(yte, forest.predictProba(Xte)));
      const [, ts] = time(() => treeShap(forest, Xte.slice(0, 100)));
      s.shap.push(ts);
      const fref = reference([...fArgs, String(r)], 1);
      push(s.skForest, fref.forest.seconds, fref.forest.cpu);
      s.skForestAuc.push(fref.forest.auc);
    }
  }
} finally {
  rmSync(dir, {recursive: true, force: true});
}

const fmt = (xs: number[]) => `${min(xs).toFixed(3)} / ${median(xs).toFixed(3)}`;
const ratio = (a: number[], b: number[]) => `${(min(a) / min(b)).toFixed(2)} / ${(median(a) / median(b)).toFixed(2)}`;
const line = (label: string, ours: Times, ref: Times) =>
  `  ${label}: wall ${fmt(ours.wall)} vs ${fmt(ref.wall)} → ratio ${ratio(ours.wall, ref.wall)}; CPU ${fmt(ours.cpu)} vs ${fmt(ref.cpu)} → ratio ${ratio(ours.cpu, ref.cpu)}`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
console.log(`Clientele (node ${process.version}, one thread) vs scikit-learn ${versions.sklearn} (numpy ${versions.numpy}); best / median of ${repeats} alternating runs, seconds; ratio = ours / reference (target ≤ 1)`);
if (runLogistic) {
  console.log(`logistic regression C=1, ${n} × ${d}: ours (Newton on a subsample ladder, secant-corrected Hessian, step tol 1e-9) vs scikit-learn lbfgs (tol 1e-4)`);
  console.log(line("ours Float64Array in  vs lbfgs 1 thread ", s.oursDense, s.sk1));
  console.log(line("ours number[][] in    vs lbfgs 1 thread ", s.ours, s.sk1));
  console.log(line("ours Float64Array in  vs lbfgs 2 threads", s.oursDense, s.sk2));
  console.log(line("ours Float64Array in  vs newton-cholesky 1 thread", s.oursDense, s.nc));
  console.log(`  iterations: ours ${iters.ours} (Newton, all ladder levels), lbfgs ${iters.sk}, newton-cholesky ${iters.nc}`);
  console.log(`  max |Δ| of coefficients+intercept from newton-cholesky (tol 1e-10): ours ${agreement.newton.toExponential(1)}, lbfgs ${agreement.lbfgsNewton.toExponential(1)}; ours vs lbfgs ${agreement.lbfgs.toExponential(1)}`);
}
if (runForest) {
  console.log(`random forest, ${trees} trees, ${nTrain} × 13: ours (one thread) vs scikit-learn n_jobs=1`);
  console.log(line("vs scikit-learn", s.forest, s.skForest));
  console.log(`  holdout ROC-AUC (1000 rows, mean over seeds): ours ${mean(s.forestAuc).toFixed(4)} vs scikit-learn ${mean(s.skForestAuc).toFixed(4)}`);
  console.log(`  TreeSHAP of our forest, 100 rows × ${trees} trees: ${fmt(s.shap)} s wall`);
}
