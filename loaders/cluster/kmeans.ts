/**
 * k-means with greedy k-means++ seeding and several seeded restarts, keeping the run of lowest
 * inertia — the behaviour of scikit-learn's KMeans(init="k-means++", n_init, tol).
 *
 * Written here rather than with ml-kmeans 7 because that does one run per call over arrays of
 * arrays; this works on one Float64Array and prunes distance computations with the triangle
 * inequality without changing any result:
 * - k-means++ evaluates a step's candidates in one pass over the rows and skips a row when a
 *   candidate is provably no closer than its current centre;
 * - Lloyd's iterations use Hamerly's bounds (Hamerly 2010): exactly Lloyd's assignments, while
 *   most points skip the distance computations once centres settle.
 * Convergence follows scikit-learn: stop when no label changes, or when the summed squared centre
 * shift is ≤ tol · mean per-feature variance; labels are then made consistent with the centres
 * (by one more bounded E-step, which gives the same labels as scikit-learn's full one).
 * The passes over the rows (initial distances, k-means++'s candidate pass and sampling table,
 * the E-step, centre sums, inertia, the feature variance) run in WebAssembly with SIMD
 * (kmeans.wat, on the rows copied once per fit into its memory, kmeansMemory.ts), each distance
 * summed in the same order as matrix.ts's sqDist: results are bit-identical to the JavaScript
 * loops they replaced, which took about 2.5 times as long. What stays here is per step or per
 * centre: sampling the candidates, centre moves and gaps, empty clusters, convergence.
 */
import {randomSource, type Random} from "../random.ts";
import {type Matrix, flatten, sqDist, unflatten} from "./matrix.ts";
import {kmeansMemory, type KMeansMemory} from "./kmeansMemory.ts";

export interface KMeansOptions {
  k: number;
  /** Restarts (independent seedings); the lowest inertia wins. Default 10. */
  nInit?: number;
  maxIter?: number;
  /** Relative tolerance on centre movement, scaled by the mean feature variance. Default 1e-4. */
  tol?: number;
  seed?: number;
}

export interface KMeansModel {
  k: number;
  centroids: number[][];
  /** Cluster index 0..k−1 per row. */
  labels: number[];
  /** Sum of squared distances of rows to their centroid. */
  inertia: number;
  /** Lloyd iterations of the winning run. */
  nIter: number;
  /** Inertia of every restart, in order (diagnostic). */
  inertias: number[];
}

interface Run {
  centers: Float64Array;
  labels: Int32Array;
  inertia: number;
  nIter: number;
}

/** Greedy k-means++ (as scikit-learn: 2 + ⌊ln k⌋ candidates per step, the one lowering the
 *  potential most is kept): leaves the centres in mem.centers, each row's nearest centre in
 *  mem.nearest and its squared distance in mem.closest. */
function kmeansPlusPlus(mem: KMeansMemory, n: number, d: number, k: number, random: Random): void {
  const {kernels, data, centers, closest, cumulative, nearest, candDist, candPot, candRow, toCenter, pairs} = mem;
  const trials = candPot.v.length;
  const first = random.int(n);
  centers.v.set(data.v.subarray(first * d, first * d + d), 0);
  nearest.v.fill(0);
  let pot = kernels.toCentre(data.at, n, d, centers.at, closest.at, cumulative.at);
  // All candidates of a step are evaluated in one pass over the rows (kernels.candidates):
  // candidate t's squared distance to row i, capped at the row's current closest, goes to
  // candDist[t·n + i]; toCenter[t·k + j] is the squared distance from candidate t to centre j.
  const candOffset = new Int32Array(trials);
  for (let c = 1; c < k; c++) {
    for (let t = 0; t < trials; t++) {
      // first index whose cumulative sum is ≥ the target (numpy searchsorted, side="left")
      const target = random() * pot;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative.v[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      candOffset[t] = lo * d;
      candRow.v[t] = data.at + 8 * lo * d;
      for (let j = 0; j < c; j++) toCenter.v[t * k + j] = sqDist(data.v, lo * d, centers.v, j * d, d);
    }
    candPot.v.fill(0);
    // a row is skipped for candidate t when |cand − c_a|² ≥ 4|x − c_a|² (c_a its nearest centre):
    // then |x − cand| ≥ |cand − c_a| − |x − c_a| ≥ |x − c_a|
    kernels.candidates(data.at, n, d, k, trials, closest.at, nearest.at, toCenter.at, candRow.at, candDist.at, candPot.at, pairs.at);
    let best = 0;
    for (let t = 1; t < trials; t++) if (candPot.v[t] < candPot.v[best]) best = t;
    centers.v.set(data.v.subarray(candOffset[best], candOffset[best] + d), c * d);
    // Rows the new centre is strictly closer to now have it as their nearest; the sampling table
    // (cumulative) follows.
    kernels.adopt(n, closest.at, nearest.at, candDist.at + 8 * best * n, c, cumulative.at);
    pot = candPot.v[best];
  }
}

/** Half the distance from each centre to its nearest other centre. */
function halfGaps(centers: Float64Array, k: number, d: number, half: Float64Array): void {
  for (let c = 0; c < k; c++) {
    let m = Infinity;
    for (let o = 0; o < k; o++) {
      if (o === c) continue;
      const s = sqDist(centers, c * d, centers, o * d, d);
      if (s < m) m = s;
    }
    half[c] = Math.sqrt(m) / 2;
  }
}

/** Lloyd iterations from the k-means++ seeding in mem, accelerated by Hamerly's upper/lower
 *  bounds. */
function lloydHamerly(mem: KMeansMemory, n: number, d: number, k: number, maxIter: number, tolScaled: number): Run {
  const {kernels, data, labels, closest, upper: upperR, lower: lowerR, half: halfR, move: moveR, counts: countsR, sums: sumsR} = mem;
  const [upper, lower, half, move, counts, sums] = [upperR.v, lowerR.v, halfR.v, moveR.v, countsR.v, sumsR.v];
  let centers = mem.centers;
  let newCenters = mem.newCenters;
  labels.v.set(mem.nearest.v);
  const recomputeSums = () => kernels.sums(data.at, n, d, k, labels.at, countsR.at, sumsR.at);

  // Bounds from the seeding: exact distance to the nearest centre; for the others the triangle
  // inequality gives |x − c_j| ≥ |c_a − c_j| − |x − c_a| ≥ 2·half[a] − upper.
  halfGaps(centers.v, k, d, half);
  kernels.bounds(n, closest.at, labels.at, halfR.at, upperR.at, lowerR.at);
  recomputeSums();

  // The seeding labels are exact nearest-centre assignments: the first E-step is already done.
  let nIter = 0;
  let strict = false;
  let drifted = false; // sums updated incrementally since they were last computed from scratch
  for (let iter = 0; iter < maxIter; iter++) {
    nIter = iter + 1;
    // M-step: centres from running sums. An empty cluster is reseeded at the row farthest from
    // its centre (upper bound), as scikit-learn relocates empty clusters.
    for (let c = 0; c < k; c++) {
      if (counts[c] > 0) continue;
      let far = 0;
      let farDist = -1;
      for (let i = 0; i < n; i++) {
        if (upper[i] > farDist && counts[labels.v[i]] > 1) {
          farDist = upper[i];
          far = i;
        }
      }
      const from = labels.v[far];
      counts[from]--;
      for (let j = 0; j < d; j++) sums[from * d + j] -= data.v[far * d + j];
      labels.v[far] = c;
      counts[c] = 1;
      for (let j = 0; j < d; j++) sums[c * d + j] = data.v[far * d + j];
      upper[far] = 0;
      lower[far] = 0;
      drifted = true;
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) newCenters.v[c * d + j] = sums[c * d + j] / counts[c];
    let shift = 0;
    let maxMove = 0;
    let secondMove = 0;
    let maxMoveAt = -1;
    for (let c = 0; c < k; c++) {
      const s = sqDist(centers.v, c * d, newCenters.v, c * d, d);
      shift += s;
      const mv = Math.sqrt(s);
      move[c] = mv;
      if (mv > maxMove) {
        secondMove = maxMove;
        maxMove = mv;
        maxMoveAt = c;
      } else if (mv > secondMove) secondMove = mv;
    }
    const swap = centers;
    centers = newCenters;
    newCenters = swap;
    // No label changed in the last E-step: these centres are the labels' means (scikit-learn's
    // strict convergence) and the labels are consistent with them.
    if (strict) break;
    halfGaps(centers.v, k, d, half);
    // E-step with bounds (kernels.assign): each row's bounds follow the centres' moves, and its
    // distances are computed only where the bounds cannot rule a change of centre out; rows that
    // change centre move between the counts and sums.
    const changed = kernels.assign(data.at, n, d, k, centers.at, labels.at, upperR.at, lowerR.at, halfR.at, moveR.at, maxMove, secondMove, maxMoveAt, countsR.at, sumsR.at, mem.rows.at, mem.owns.at, mem.dists.at);
    // Converged (or out of iterations): that E-step was scikit-learn's final one, which makes the
    // labels consistent with the final centres.
    if (shift <= tolScaled || iter === maxIter - 1) break;
    // No label changed: the next M-step reproduces the centres (strict convergence); rebuild the
    // sums exactly to shed drift from incremental updates.
    if (changed === 0) {
      strict = true;
      if (drifted) recomputeSums();
    }
    drifted ||= changed > 0;
  }
  const inertia = kernels.inertia(data.at, n, d, centers.at, labels.at);
  return {centers: centers.v.slice(), labels: labels.v.slice(), inertia, nIter};
}

export function fitKMeansFlat(data: Float64Array, n: number, d: number, {k, nInit = 10, maxIter = 300, tol = 1e-4, seed = 42}: KMeansOptions): Run & {inertias: number[]} {
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new Error(`k-means: k must be an integer between 1 and the number of rows (${n}); got ${k}`);
  const random = randomSource(seed);
  const mem = kmeansMemory(data, n, d, k, 2 + Math.floor(Math.log(k)));
  // scikit-learn's tolerance: tol × the mean over features of the population variance
  const tolScaled = tol * mem.kernels.meanVariance(mem.data.at, n, d, mem.features.at);
  let best: Run | null = null;
  const inertias: number[] = [];
  for (let r = 0; r < nInit; r++) {
    kmeansPlusPlus(mem, n, d, k, random.fork());
    const run = lloydHamerly(mem, n, d, k, maxIter, tolScaled);
    inertias.push(run.inertia);
    if (!best || run.inertia < best.inertia) best = run;
  }
  return {...best!, inertias};
}

export function fitKMeans(X: Matrix, options: KMeansOptions): KMeansModel {
  const {data, n, d} = flatten(X);
  const run = fitKMeansFlat(data, n, d, options);
  return {k: options.k, centroids: unflatten(run.centers, options.k, d), labels: Array.from(run.labels), inertia: run.inertia, nIter: run.nIter, inertias: run.inertias};
}

/** Nearest centroid (0-based) for each row. */
export function predictKMeans(model: Pick<KMeansModel, "centroids">, X: Matrix): number[] {
  const {data, n, d} = flatten(X);
  return Array.from(predictKMeansFlat(flatten(model.centroids).data, model.centroids.length, data, n, d));
}

/** predictKMeans on flat rows and centres (k × d): the nearest centre of each of the n rows of `data`. */
export function predictKMeansFlat(C: Float64Array, k: number, data: Float64Array, n: number, d: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      const s = sqDist(data, i * d, C, c * d, d);
      if (s < best) {
        best = s;
        out[i] = c;
      }
    }
  }
  return out;
}
