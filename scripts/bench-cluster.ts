/**
 * Clustering benchmark, side by side with scikit-learn / scipy in one run on the same generated
 * data: k-means (k = 5, 10 restarts) on 100,000 × 13, and Ward linkage on 5,000 × 13.
 *   npx tsx scripts/bench-cluster.ts [--repeats 5] [--n 100000] [--ward 5000]
 * Needs Debian's /usr/bin/python3 with scikit-learn and scipy (PYTHON=… to override).
 * Runs alternate between ours and the references so all meet the same machine load. Ours is
 * single-threaded; its fair reference is scikit-learn limited to one thread (threadpoolctl plus
 * OMP_NUM_THREADS / OPENBLAS_NUM_THREADS = 1), and scikit-learn with two threads is printed beside it.
 * Both sides use k-means++ (greedy, 2 + ⌊ln k⌋ candidates), 10 restarts, tol 1e-4, max 300 iterations;
 * scikit-learn's Lloyd ("lloyd", its default). Ours: Lloyd with Hamerly's bounds, its passes over the
 * rows in WebAssembly kernels with f64x2 SIMD (loaders/cluster/kmeans.wat), one thread. scikit-learn:
 * its Cython Lloyd over chunks of 256 rows, with the distances from BLAS dgemm (numpy's BLAS; the
 * header line names it and the kernels it chose for the processor), and k-means++ with
 * euclidean_distances (dgemm too). Ward: ours from the rows, scipy's linkage(X, "ward")
 * (pdist included on both sides). Reported: best and median of the repeats, wall-clock and CPU time
 * (process.cpuUsage / time.process_time, all threads), the ratios ours / reference, and the quality
 * beside them (inertia; Ward's merge heights). Two k-means data sets: separated blobs, and
 * overlapping customer-like rows.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {randomSource} from "../loaders/random.ts";
import {fitKMeansFlat, wardLinkageFlat} from "../loaders/cluster/index.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg("n", 100_000);
const m = arg("ward", 5_000);
const repeats = arg("repeats", 5);
const d = 13;
const k = 5;

/** Separated blobs: n rows from k Gaussian blobs (unit sd, centres ~ N(0, 3²)), one column
 *  exponentiated (skewed). k-means converges in a few iterations; seeding dominates. */
function blobs(rows: number, seed: number): Float64Array {
  const random = randomSource(seed);
  const centres = Array.from({length: k}, () => Array.from({length: d}, () => 3 * random.normal()));
  const data = new Float64Array(rows * d);
  for (let i = 0; i < rows; i++) {
    const c = centres[random.int(k)];
    for (let j = 0; j < d; j++) data[i * d + j] = c[j] + random.normal();
    data[i * d + d - 1] = Math.exp((0.5 * data[i * d + d - 1]) / 3);
  }
  return data;
}

/** Customer-like rows shaped like the fitness table (7 binary flags, contract 1/6/12, age,
 *  skewed spend, months left, lifetime, two correlated visit rates) from 4 overlapping latent
 *  segments, standardised as the product clusters them. Needs many Lloyd iterations. */
function customers(rows: number, seed: number): Float64Array {
  const random = randomSource(seed);
  const segments = Array.from({length: 4}, () => ({
    flags: Array.from({length: 6}, () => 0.15 + 0.7 * random()),
    longContract: random(),
    age: 26 + 6 * random(),
    spend: 80 + 120 * random(),
    lifetime: 1 + 5 * random(),
    visits: 1 + 2 * random(),
  }));
  const raw = new Float64Array(rows * d);
  for (let i = 0; i < rows; i++) {
    const s = segments[random.int(4)];
    const row = raw.subarray(i * d, i * d + d);
    for (let j = 0; j < 5; j++) row[j] = random() < s.flags[j] ? 1 : 0;
    const u = random();
    row[5] = u < s.longContract / 2 ? 12 : u < s.longContract ? 6 : 1;
    row[6] = random() < s.flags[5] ? 1 : 0;
    row[7] = Math.round(s.age + 3 * random.normal());
    row[8] = s.spend * Math.exp(0.6 * random.normal() - 0.18);
    row[9] = 1 + random.int(row[5]);
    row[10] = Math.floor(-s.lifetime * Math.log(1 - random()));
    row[11] = Math.max(0, s.visits + 0.8 * random.normal());
    row[12] = Math.max(0, row[11] + 0.4 * random.normal());
  }
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += raw[i * d + j];
    mean /= rows;
    let v = 0;
    for (let i = 0; i < rows; i++) v += (raw[i * d + j] - mean) ** 2;
    const sd = Math.sqrt(v / rows) || 1;
    for (let i = 0; i < rows; i++) raw[i * d + j] = (raw[i * d + j] - mean) / sd;
  }
  return raw;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Wall-clock and CPU seconds of one call. */
const time = <T>(f: () => T): [T, number, number] => {
  const c = process.cpuUsage();
  const t = performance.now();
  const out = f();
  const u = process.cpuUsage(c);
  return [out, (performance.now() - t) / 1000, (u.user + u.system) / 1e6];
};

const datasets = {blobs: blobs(n, 2024), customers: customers(n, 2024)};
const W = blobs(m, 7);
const dir = mkdtempSync(join(tmpdir(), "bench-cluster-"));
const paths: Record<string, string> = {};
for (const [name, data] of Object.entries(datasets)) {
  paths[name] = join(dir, `${name}.f64`);
  writeFileSync(paths[name], new Uint8Array(data.buffer));
}
const wPath = join(dir, "ward.f64");
writeFileSync(wPath, new Uint8Array(W.buffer));

const python = process.env.PYTHON ?? "/usr/bin/python3";
const companion = new URL("./bench-cluster.py", import.meta.url).pathname;
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

// Ours and the references alternate, so all meet the same machine load.
console.error(`k-means: ${n} × ${d}, k = ${k}, 10 restarts on two data sets; Ward: ${m} × ${d}; ${repeats} alternating repeats`);
type Series = {ours: Times; sk1: Times; sk2: Times; inertia: number[]; sk1Inertia: number[]; sk2Inertia: number[]; iters: number[]; skIters: number[]};
const km: Record<string, Series> = {};
const ward = {ours: times(), scipy: times()};
let heights: number[] = [];
let refHeights: number[] = [];
let versions = {sklearn: "?", scipy: "?", blas: "?"};
try {
  for (let r = 0; r < repeats; r++) {
    for (const [name, data] of Object.entries(datasets)) {
      const series = (km[name] ??= {ours: times(), sk1: times(), sk2: times(), inertia: [], sk1Inertia: [], sk2Inertia: [], iters: [], skIters: []});
      const [run, s, c] = time(() => fitKMeansFlat(data, n, d, {k, nInit: 10, seed: r}));
      push(series.ours, s, c);
      series.inertia.push(run.inertia);
      series.iters.push(run.nIter);
      const ref1 = reference(["kmeans", paths[name], String(n), String(d), String(r)], 1);
      push(series.sk1, ref1.seconds, ref1.cpu);
      series.sk1Inertia.push(ref1.inertia);
      series.skIters.push(ref1.nIter);
      versions = ref1.versions;
      const ref2 = reference(["kmeans", paths[name], String(n), String(d), String(r)], 2);
      push(series.sk2, ref2.seconds, ref2.cpu);
      series.sk2Inertia.push(ref2.inertia);
    }
    const [Z, w, c] = time(() => wardLinkageFlat({data: W, n: m, d}));
    push(ward.ours, w, c);
    heights = Z.map((row) => row[2]);
    const ref = reference(["ward", wPath, String(m), String(d)], 1);
    push(ward.scipy, ref.seconds, ref.cpu);
    refHeights = ref.heights;
  }
} finally {
  rmSync(dir, {recursive: true, force: true});
}

const min = (xs: number[]) => Math.min(...xs);
const fmt = (xs: number[]) => `${min(xs).toFixed(3)} / ${median(xs).toFixed(3)}`;
const ratio = (a: number[], b: number[]) => `${(min(a) / min(b)).toFixed(2)} / ${(median(a) / median(b)).toFixed(2)}`;
const line = (label: string, ours: Times, ref: Times) =>
  `  ${label}: wall ${fmt(ours.wall)} vs ${fmt(ref.wall)} → ratio ${ratio(ours.wall, ref.wall)}; CPU ${fmt(ours.cpu)} vs ${fmt(ref.cpu)} → ratio ${ratio(ours.cpu, ref.cpu)}`;
const maxRel = Math.max(...heights.map((h, i) => Math.abs(h - refHeights[i]) / Math.max(1e-300, Math.abs(refHeights[i]))));
const inertias = (xs: number[]) => xs.map((v) => v.toFixed(1)).join(", ");
console.log(`Clientele (node ${process.version}, one thread) vs scikit-learn ${versions.sklearn} / scipy ${versions.scipy} (BLAS: ${versions.blas}); best / median of ${repeats} alternating runs, seconds; ratio = ours / reference (target ≤ 1)`);
for (const [name, sr] of Object.entries(km)) {
  console.log(`k-means k=${k}, n_init=10, tol 1e-4, ${n} × ${d} ${name}: ours (1 thread) vs scikit-learn lloyd`);
  console.log(line("vs scikit-learn 1 thread ", sr.ours, sr.sk1));
  console.log(line("vs scikit-learn 2 threads", sr.ours, sr.sk2));
  console.log(`  inertia per seed: ours ${inertias(sr.inertia)} | scikit-learn ${inertias(sr.sk1Inertia)} (2 threads ${inertias(sr.sk2Inertia)}); best ratio ${(min(sr.inertia) / min(sr.sk1Inertia)).toFixed(6)}`);
  console.log(`  Lloyd iterations of the best run: ours ${sr.iters.join(", ")} | scikit-learn ${sr.skIters.join(", ")}`);
}
console.log(`Ward linkage ${m} × ${d}: ours (1 thread) vs scipy linkage(X, "ward") (single-threaded)`);
console.log(line("vs scipy", ward.ours, ward.scipy));
console.log(`  merge heights: max relative difference ${maxRel.toExponential(2)} over ${heights.length} merges`);
