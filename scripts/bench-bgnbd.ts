/**
 * BG/NBD fit on a million simulated customers, ours beside scipy in one run on the same data:
 * customers drawn from a planted BG/NBD (loaders/models/bgnbd-sample.ts; ages 1–365 whole days, the last purchase
 * in whole days, as a daily order log gives), then
 *   ours   groupHistories (identical histories weighted) + fitBgnbd (BFGS, analytic gradient);
 *   scipy  scripts/bench-bgnbd.py: np.unique of the histories with counts + the same likelihood (scipy.special)
 *          minimised by L-BFGS-B with numerical gradients from the same start.
 *   npx tsx scripts/bench-bgnbd.ts [--n 1000000] [--seed 1]
 * Needs Debian's /usr/bin/python3 with scipy (PYTHON=… to override). Prints wall-clock and CPU seconds and both
 * fits; the goal is ours under 10 s.
 */
import {spawnSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {randomSource} from "../loaders/random.ts";
import {sampleBgnbd} from "../loaders/models/bgnbd-sample.ts";
import {fitBgnbd, groupHistories} from "../loaders/models/bgnbd.ts";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg("n", 1_000_000);
const seed = arg("seed", 1);
const truth = {r: 0.25, alpha: 20, a: 0.8, b: 2.5};

const random = randomSource(seed);
const sample = sampleBgnbd(truth, Array.from({length: n}, () => 1 + random.int(365)), random, {round: true});
const x = Float64Array.from(sample, (c) => c.x), tx = Float64Array.from(sample, (c) => c.tx), T = Float64Array.from(sample, (c) => c.T);

const dir = mkdtempSync(join(tmpdir(), "bench-bgnbd-"));
try {
  for (const [name, a] of [["x", x], ["tx", tx], ["T", T]] as const) writeFileSync(join(dir, `${name}.f64`), Buffer.from(a.buffer));
  const wall = performance.now(), cpu = process.cpuUsage();
  const groups = groupHistories({x, tx, T});
  const grouped = performance.now();
  const fit = fitBgnbd(groups);
  const done = performance.now(), used = process.cpuUsage(cpu);
  const ours = {groupSeconds: (grouped - wall) / 1000, fitSeconds: (done - grouped) / 1000, wallSeconds: (done - wall) / 1000, cpuSeconds: (used.user + used.system) / 1e6,
    groups: fit.groups, iterations: fit.iterations, evaluations: fit.evaluations, params: fit.params, logLikelihood: fit.logLikelihood};
  const py = spawnSync(process.env.PYTHON ?? "/usr/bin/python3", ["scripts/bench-bgnbd.py", dir, String(n)], {encoding: "utf8"});
  if (py.status !== 0) throw new Error(`bench-bgnbd.py failed: ${py.stderr}`);
  console.log(JSON.stringify({customers: n, truth, ours, scipy: JSON.parse(py.stdout)}, null, 1));
} finally {
  rmSync(dir, {recursive: true, force: true});
}
