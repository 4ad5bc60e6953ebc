/**
 * Clustering benchmark, side by side with scikit-learn / scipy in one run on the same generated
 * data: k-means (k = 5, 10 restarts) on 100,000 × 13, and Ward linkage on 5,000 × 13.
 *   npx tsx scripts/bench-cluster.ts [--repeats 5] [--n 100000] [--ward 5000]
 * Needs Debian's /usr/bin/python3 with scikit-learn and scipy (PYTHON=… to override).
 * Runs alternate between ours and the references (scikit-learn with its default threads, and with
 * one thread) so all meet the same machine load; reports best and median of the repeats and the
 * ratios ours / reference. Two k-means data sets: separated blobs, and overlapping customer-like rows.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, writeFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {randomSource} from "../loaders/random.ts";
import {fitKMeansFlat, wardFromDistances, pdist} from "../loaders/cluster/index.ts";

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
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const out = f();
  return [out, (performance.now() - t) / 1000];
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
function reference(args: string[], threads?: number): any {
  const env = threads ? {...process.env, OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads)} : process.env;
  const py = spawnSync(python, [companion, ...args], {encoding: "utf8", maxBuffer: 1 << 26, env});
  if (py.status !== 0) throw new Error(`reference run failed: ${py.stderr}`);
  return JSON.parse(py.stdout);
}

// Ours and the references alternate, so all meet the same machine load.
console.error(`k-means: ${n} × ${d}, k = ${k}, 10 restarts on two data sets; Ward: ${m} × ${d}; ${repeats} alternating repeats`);
type Series = {ours: number[]; sk: number[]; sk1: number[]; inertia: number[]; skInertia: number[]; iters: number[]};
const km: Record<string, Series> = {};
const ward = {ours: [] as number[], scipy: [] as number[]};
let heights: number[] = [];
let refHeights: number[] = [];
let versions = {sklearn: "?", scipy: "?"};
try {
  for (let r = 0; r < repeats; r++) {
    for (const [name, data] of Object.entries(datasets)) {
      const series = (km[name] ??= {ours: [], sk: [], sk1: [], inertia: [], skInertia: [], iters: []});
      const [run, s] = time(() => fitKMeansFlat(data, n, d, {k, nInit: 10, seed: r}));
      series.ours.push(s);
      series.inertia.push(run.inertia);
      series.iters.push(run.nIter);
      const ref = reference(["kmeans", paths[name], String(n), String(d), String(r)]);
      series.sk.push(ref.seconds);
      series.skInertia.push(ref.inertia);
      versions = ref.versions;
      series.sk1.push(reference(["kmeans", paths[name], String(n), String(d), String(r)], 1).seconds);
    }
    const [Z, w] = time(() => wardFromDistances(pdist(W, m, d), m));
    ward.ours.push(w);
    heights = Z.map((row) => row[2]);
    const ref = reference(["ward", wPath, String(m), String(d)]);
    ward.scipy.push(ref.seconds);
    refHeights = ref.heights;
  }
} finally {
  rmSync(dir, {recursive: true, force: true});
}

const min = (xs: number[]) => Math.min(...xs);
const fmt = (xs: number[]) => `${min(xs).toFixed(3)} / ${median(xs).toFixed(3)}`;
const ratio = (a: number[], b: number[]) => `${(min(a) / min(b)).toFixed(2)} / ${(median(a) / median(b)).toFixed(2)}`;
const maxRel = Math.max(...heights.map((h, i) => Math.abs(h - refHeights[i]) / Math.max(1e-300, Math.abs(refHeights[i]))));
console.log(`Clientele vs scikit-learn ${versions.sklearn} / scipy ${versions.scipy}; node ${process.version}; best / median of ${repeats} alternating runs (seconds)`);
for (const [name, sr] of Object.entries(km)) {
  console.log(`k-means k=${k}, n_init=10, ${n} × ${d} ${name}: ours ${fmt(sr.ours)} | sklearn ${fmt(sr.sk)} → ratio ${ratio(sr.ours, sr.sk)} (target ≤ 1) | sklearn 1 thread ${fmt(sr.sk1)} → ratio ${ratio(sr.ours, sr.sk1)}`);
  console.log(`  inertia: ours ${min(sr.inertia).toFixed(1)} vs sklearn ${min(sr.skInertia).toFixed(1)} (ratio ${(min(sr.inertia) / min(sr.skInertia)).toFixed(5)}); our Lloyd iterations of best run ${sr.iters.join(", ")}`);
}
console.log(`Ward linkage ${m} × ${d}: ours ${fmt(ward.ours)} | scipy ${fmt(ward.scipy)} → ratio ${ratio(ward.ours, ward.scipy)} (target ≤ 2); max relative height difference ${maxRel.toExponential(2)}`);
