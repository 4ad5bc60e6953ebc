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
 */
import {randomSource, type Random} from "../random.ts";
import {type Matrix, flatten, sqDist, unflatten} from "./matrix.ts";

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

/** Seeding state handed to Lloyd: centres, each row's nearest centre and squared distance. */
export interface Seeding {
  centers: Float64Array;
  nearest: Int32Array;
  closest: Float64Array;
}

/** Greedy k-means++ (as scikit-learn: 2 + ⌊ln k⌋ candidates per step, the one lowering the
 *  potential most is kept). */
export function kmeansPlusPlus(data: Float64Array, n: number, d: number, k: number, random: Random): Seeding {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = random.int(n);
  centers.set(data.subarray(first * d, first * d + d), 0);
  const closest = new Float64Array(n);
  const nearest = new Int32Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) pot += closest[i] = sqDist(data, i * d, centers, 0, d);
  const cumulative = new Float64Array(n);
  // All candidates of a step are evaluated in one pass over the rows: candidate t's squared
  // distance to row i, capped at the row's current closest, goes to candDist[t·n + i].
  const candDist = new Float64Array(trials * n);
  const candPot = new Float64Array(trials);
  const candOffset = new Int32Array(trials);
  const toCenter = new Float64Array(trials * k); // squared distance from candidate t to each chosen centre
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc += closest[i];
      cumulative[i] = acc;
    }
    for (let t = 0; t < trials; t++) {
      // first index whose cumulative sum is ≥ the target (numpy searchsorted, side="left")
      const target = random() * pot;
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      candOffset[t] = lo * d;
      for (let j = 0; j < c; j++) toCenter[t * k + j] = sqDist(data, lo * d, centers, j * d, d);
    }
    candPot.fill(0);
    for (let i = 0, oi = 0; i < n; i++, oi += d) {
      const limit = closest[i];
      const a = nearest[i];
      for (let t = 0, ot = i; t < trials; t++, ot += n) {
        let s = limit;
        // |x − cand| ≥ |cand − c_a| − |x − c_a| ≥ |x − c_a| whenever |cand − c_a|² ≥ 4|x − c_a|²
        if (toCenter[t * k + a] < 4 * limit) {
          const e = sqDist(data, oi, data, candOffset[t], d);
          if (e < limit) s = e;
        }
        candDist[ot] = s;
        candPot[t] += s;
      }
    }
    let best = 0;
    for (let t = 1; t < trials; t++) if (candPot[t] < candPot[best]) best = t;
    centers.set(data.subarray(candOffset[best], candOffset[best] + d), c * d);
    // Rows the new centre is strictly closer to now have it as their nearest.
    for (let i = 0, ot = best * n; i < n; i++, ot++) {
      if (candDist[ot] < closest[i]) {
        closest[i] = candDist[ot];
        nearest[i] = c;
      }
    }
    pot = candPot[best];
  }
  return {centers, nearest, closest};
}

/** Mean over features of the population variance (scikit-learn's np.mean(np.var(X, axis=0))),
 *  in two row-major passes. */
function meanVariance(data: Float64Array, n: number, d: number): number {
  const mean = new Float64Array(d);
  const sq = new Float64Array(d);
  for (let i = 0, o = 0; i < n; i++, o += d) for (let j = 0; j < d; j++) mean[j] += data[o + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  for (let i = 0, o = 0; i < n; i++, o += d) {
    for (let j = 0; j < d; j++) {
      const e = data[o + j] - mean[j];
      sq[j] += e * e;
    }
  }
  let total = 0;
  for (let j = 0; j < d; j++) total += sq[j] / n;
  return total / d;
}

/** Half the distance from each centre to its nearest other centre; returns min pairwise too. */
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

function recomputeSums(data: Float64Array, n: number, d: number, labels: Int32Array, counts: Float64Array, sums: Float64Array): void {
  counts.fill(0);
  sums.fill(0);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c]++;
    const oi = i * d;
    const oc = c * d;
    for (let j = 0; j < d; j++) sums[oc + j] += data[oi + j];
  }
}

/** Lloyd iterations from a k-means++ seeding, accelerated by Hamerly's upper/lower bounds. */
function lloydHamerly(data: Float64Array, n: number, d: number, k: number, seeding: Seeding, maxIter: number, tolScaled: number): Run {
  let centers = Float64Array.from(seeding.centers);
  let newCenters = new Float64Array(k * d);
  const labels = Int32Array.from(seeding.nearest);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const half = new Float64Array(k);
  const move = new Float64Array(k);
  const counts = new Float64Array(k);
  const sums = new Float64Array(k * d);

  // Bounds from the seeding: exact distance to the nearest centre; for the others the triangle
  // inequality gives |x − c_j| ≥ |c_a − c_j| − |x − c_a| ≥ 2·half[a] − upper.
  halfGaps(centers, k, d, half);
  for (let i = 0; i < n; i++) {
    const u = Math.sqrt(seeding.closest[i]);
    upper[i] = u;
    lower[i] = 2 * half[labels[i]] - u;
  }
  recomputeSums(data, n, d, labels, counts, sums);

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
        if (upper[i] > farDist && counts[labels[i]] > 1) {
          farDist = upper[i];
          far = i;
        }
      }
      const from = labels[far];
      counts[from]--;
      for (let j = 0; j < d; j++) sums[from * d + j] -= data[far * d + j];
      labels[far] = c;
      counts[c] = 1;
      for (let j = 0; j < d; j++) sums[c * d + j] = data[far * d + j];
      upper[far] = 0;
      lower[far] = 0;
      drifted = true;
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) newCenters[c * d + j] = sums[c * d + j] / counts[c];
    let shift = 0;
    let maxMove = 0;
    let secondMove = 0;
    let maxMoveAt = -1;
    for (let c = 0; c < k; c++) {
      const s = sqDist(centers, c * d, newCenters, c * d, d);
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
    halfGaps(centers, k, d, half);
    // E-step with bounds: each row's bounds follow the centres' moves, and its distances are
    // computed only where the bounds cannot rule a change of centre out.
    let changed = 0;
    for (let i = 0, oi = 0; i < n; i++, oi += d) {
      const c = labels[i];
      const lo = (lower[i] -= c === maxMoveAt ? secondMove : maxMove);
      const bound = half[c] > lo ? half[c] : lo;
      if ((upper[i] += move[c]) <= bound) continue;
      const own = sqDist(data, oi, centers, c * d, d);
      const u = Math.sqrt(own);
      upper[i] = u;
      if (u <= bound) continue;
      // full search for the two nearest centres (the distance to its own is known)
      let b1 = Infinity;
      let b2 = Infinity;
      let arg = 0;
      for (let o = 0; o < k; o++) {
        const s = o === c ? own : sqDist(data, oi, centers, o * d, d);
        if (s < b1) {
          b2 = b1;
          b1 = s;
          arg = o;
        } else if (s < b2) b2 = s;
      }
      labels[i] = arg;
      upper[i] = Math.sqrt(b1);
      lower[i] = Math.sqrt(b2);
      if (arg !== c) {
        changed++;
        counts[c]--;
        counts[arg]++;
        const oc = c * d;
        const oa = arg * d;
        for (let j = 0; j < d; j++) {
          sums[oc + j] -= data[oi + j];
          sums[oa + j] += data[oi + j];
        }
      }
    }
    // Converged (or out of iterations): that E-step was scikit-learn's final one, which makes the
    // labels consistent with the final centres.
    if (shift <= tolScaled || iter === maxIter - 1) break;
    // No label changed: the next M-step reproduces the centres (strict convergence); rebuild the
    // sums exactly to shed drift from incremental updates.
    if (changed === 0) {
      strict = true;
      if (drifted) recomputeSums(data, n, d, labels, counts, sums);
    }
    drifted ||= changed > 0;
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += sqDist(data, i * d, centers, labels[i] * d, d);
  return {centers, labels, inertia, nIter};
}

export function fitKMeansFlat(data: Float64Array, n: number, d: number, {k, nInit = 10, maxIter = 300, tol = 1e-4, seed = 42}: KMeansOptions): Run & {inertias: number[]} {
  if (!(Number.isInteger(k) && k >= 1 && k <= n)) throw new Error(`k-means: k must be an integer between 1 and the number of rows (${n}); got ${k}`);
  const random = randomSource(seed);
  const tolScaled = tol * meanVariance(data, n, d);
  let best: Run | null = null;
  const inertias: number[] = [];
  for (let r = 0; r < nInit; r++) {
    const stream = random.fork();
    const run = lloydHamerly(data, n, d, k, kmeansPlusPlus(data, n, d, k, stream), maxIter, tolScaled);
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
