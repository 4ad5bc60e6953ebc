/**
 * k-means with greedy k-means++ seeding and several seeded restarts, keeping the run of lowest
 * inertia — the behaviour of scikit-learn's KMeans(init="k-means++", n_init, tol).
 *
 * Written here rather than with ml-kmeans 7 because that does one run per call over arrays of
 * arrays; this works on one Float64Array and prunes distance computations with the triangle
 * inequality without changing any result:
 * - k-means++ skips a point when the candidate is provably no closer than its current centre;
 * - Lloyd's iterations use Hamerly's bounds (Hamerly 2010): exactly Lloyd's assignments, while
 *   most points skip the distance computations once centres settle.
 * Convergence follows scikit-learn: stop when no label changes, or when the summed squared centre
 * shift is ≤ tol · mean per-feature variance; labels are then made consistent with the centres.
 */
import {randomSource, type Random} from "../random.ts";
import {type Matrix, flatten, unflatten} from "./matrix.ts";

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

/** Squared distance between row i of `a` and row j of `b`. */
function dist2(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let s = 0;
  const oi = i * d;
  const oj = j * d;
  for (let t = 0; t < d; t++) {
    const diff = a[oi + t] - b[oj + t];
    s += diff * diff;
  }
  return s;
}

/** Greedy k-means++ (as scikit-learn: 2 + ⌊ln k⌋ candidates per step, the one lowering the
 *  potential most is kept). */
export function kmeansPlusPlus(data: Float64Array, n: number, d: number, k: number, random: Random): Seeding {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = random.int(n);
  centers.set(data.subarray(first * d, first * d + d), 0);
  let closest = new Float64Array(n);
  let nearest = new Int32Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) pot += closest[i] = dist2(data, i, centers, 0, d);
  const cumulative = new Float64Array(n);
  let candDist = new Float64Array(n);
  let candNearest = new Int32Array(n);
  let bestDist = new Float64Array(n);
  let bestNearest = new Int32Array(n);
  const toCenter = new Float64Array(k); // squared distance from the candidate to each chosen centre
  const targets = new Float64Array(trials);
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc += closest[i];
      cumulative[i] = acc;
    }
    for (let t = 0; t < trials; t++) targets[t] = random() * pot;
    let bestPot = Infinity;
    let best = -1;
    for (let t = 0; t < trials; t++) {
      // first index whose cumulative sum is ≥ target (numpy searchsorted, side="left")
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < targets[t]) lo = mid + 1;
        else hi = mid;
      }
      const cand = lo;
      for (let j = 0; j < c; j++) toCenter[j] = dist2(data, cand, centers, j, d);
      let candPot = 0;
      const off = cand * d;
      for (let i = 0; i < n; i++) {
        const limit = closest[i];
        const a = nearest[i];
        let s = limit;
        // |x − cand| ≥ |cand − c_a| − |x − c_a| ≥ |x − c_a| whenever |cand − c_a|² ≥ 4|x − c_a|²
        if (toCenter[a] < 4 * limit) {
          s = 0;
          const oi = i * d;
          for (let j = 0; j < d; j++) {
            const diff = data[oi + j] - data[off + j];
            s += diff * diff;
          }
        }
        if (s < limit) {
          candDist[i] = s;
          candNearest[i] = c;
          candPot += s;
        } else {
          candDist[i] = limit;
          candNearest[i] = a;
          candPot += limit;
        }
      }
      if (candPot < bestPot) {
        bestPot = candPot;
        best = cand;
        const sd = bestDist;
        bestDist = candDist;
        candDist = sd;
        const sn = bestNearest;
        bestNearest = candNearest;
        candNearest = sn;
      }
    }
    centers.set(data.subarray(best * d, best * d + d), c * d);
    const sd = closest;
    closest = bestDist;
    bestDist = sd;
    const sn = nearest;
    nearest = bestNearest;
    bestNearest = sn;
    pot = bestPot;
  }
  return {centers, nearest, closest};
}

function meanVariance(data: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let j = 0; j < d; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) m += data[i * d + j];
    m /= n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (data[i * d + j] - m) ** 2;
    total += v / n;
  }
  return total / d;
}

/** Half the distance from each centre to its nearest other centre; returns min pairwise too. */
function halfGaps(centers: Float64Array, k: number, d: number, half: Float64Array): void {
  for (let c = 0; c < k; c++) {
    let m = Infinity;
    for (let o = 0; o < k; o++) {
      if (o === c) continue;
      const s = dist2(centers, c, centers, o, d);
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
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) newCenters[c * d + j] = sums[c * d + j] / counts[c];
    let shift = 0;
    let maxMove = 0;
    let secondMove = 0;
    let maxMoveAt = -1;
    for (let c = 0; c < k; c++) {
      const s = dist2(centers, c, newCenters, c, d);
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
    if (strict || shift <= tolScaled || iter === maxIter - 1) {
      if (!strict) {
        // scikit-learn's final E-step: labels consistent with the final centres
        for (let i = 0; i < n; i++) {
          let best = Infinity;
          let arg = 0;
          for (let c = 0; c < k; c++) {
            const s = dist2(data, i, centers, c, d);
            if (s < best) {
              best = s;
              arg = c;
            }
          }
          labels[i] = arg;
        }
      }
      break;
    }
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      upper[i] += move[c];
      lower[i] -= c === maxMoveAt ? secondMove : maxMove;
    }
    halfGaps(centers, k, d, half);
    // E-step with bounds.
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      const bound = half[c] > lower[i] ? half[c] : lower[i];
      if (upper[i] <= bound) continue;
      const u = Math.sqrt(dist2(data, i, centers, c, d));
      upper[i] = u;
      if (u <= bound) continue;
      // full search for the two nearest centres (partial distances abandoned past the second)
      let b1 = Infinity;
      let b2 = Infinity;
      let arg = 0;
      const oi = i * d;
      for (let o = 0; o < k; o++) {
        let s = 0;
        const oc = o * d;
        for (let j = 0; j < d && s < b2; j++) {
          const diff = data[oi + j] - centers[oc + j];
          s += diff * diff;
        }
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
    // No label changed: the next M-step reproduces the centres (scikit-learn's "strict
    // convergence"); rebuild the sums exactly to shed drift from incremental updates.
    if (changed === 0) {
      strict = true;
      recomputeSums(data, n, d, labels, counts, sums);
    }
  }
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += dist2(data, i, centers, labels[i], d);
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
  const C = flatten(model.centroids).data;
  const k = model.centroids.length;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      const s = dist2(data, i, C, c, d);
      if (s < best) {
        best = s;
        out[i] = c;
      }
    }
  }
  return out;
}
