/**
 * k-means with greedy k-means++ seeding and several seeded restarts, keeping the run of lowest
 * inertia — the behaviour of scikit-learn's KMeans(init="k-means++", n_init, tol).
 *
 * Written here rather than with ml-kmeans 7 because that does one run per call over arrays of
 * arrays; this works on one Float64Array and uses Hamerly's bounds (Hamerly 2010), which give
 * exactly Lloyd's iterations while skipping most distance computations once centres settle.
 * Convergence follows scikit-learn: stop when no label changes, or when the summed squared centre
 * shift is ≤ tol · mean per-feature variance; labels are then made consistent with the centres.
 */
import {randomSource, type Random} from "../random.ts";
import {type Matrix, flatten, unflatten, sqDist} from "./matrix.ts";

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

/** Greedy k-means++ (as scikit-learn: 2 + ⌊ln k⌋ candidates per step, keep the best). */
export function kmeansPlusPlus(data: Float64Array, n: number, d: number, k: number, random: Random): Float64Array {
  const centers = new Float64Array(k * d);
  const trials = 2 + Math.floor(Math.log(k));
  const first = random.int(n);
  centers.set(data.subarray(first * d, first * d + d), 0);
  let closest = new Float64Array(n);
  let pot = 0;
  for (let i = 0; i < n; i++) pot += closest[i] = sqDist(data, i, centers, 0, d);
  const cumulative = new Float64Array(n);
  let candidateDist = new Float64Array(n);
  let bestDist = new Float64Array(n);
  for (let c = 1; c < k; c++) {
    let acc = 0;
    for (let i = 0; i < n; i++) cumulative[i] = acc += closest[i];
    let bestPot = Infinity;
    let best = -1;
    for (let t = 0; t < trials; t++) {
      const target = random() * pot;
      // first index whose cumulative sum is ≥ target (numpy searchsorted, side="left")
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      const candidate = lo;
      let candidatePot = 0;
      const off = candidate * d;
      for (let i = 0; i < n; i++) {
        let s = 0;
        const oi = i * d;
        for (let j = 0; j < d; j++) {
          const diff = data[oi + j] - data[off + j];
          s += diff * diff;
        }
        const m = s < closest[i] ? s : closest[i];
        candidateDist[i] = m;
        candidatePot += m;
      }
      if (candidatePot < bestPot) {
        bestPot = candidatePot;
        best = candidate;
        [bestDist, candidateDist] = [candidateDist, bestDist];
      }
    }
    centers.set(data.subarray(best * d, best * d + d), c * d);
    [closest, bestDist] = [bestDist, closest];
    pot = bestPot;
  }
  return centers;
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

/** Lloyd iterations from given centres, accelerated by Hamerly's upper/lower bounds. */
function lloydHamerly(data: Float64Array, n: number, d: number, k: number, init: Float64Array, maxIter: number, tolScaled: number): Run {
  let centers = Float64Array.from(init);
  let newCenters = new Float64Array(k * d);
  const labels = new Int32Array(n);
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const half = new Float64Array(k); // half the distance to the nearest other centre
  const move = new Float64Array(k);
  const counts = new Float64Array(k);
  const sums = new Float64Array(k * d);

  // Full assignment.
  const assignFull = (i: number) => {
    let b1 = Infinity;
    let b2 = Infinity;
    let arg = 0;
    for (let c = 0; c < k; c++) {
      const s = sqDist(data, i, centers, c, d);
      if (s < b1) {
        b2 = b1;
        b1 = s;
        arg = c;
      } else if (s < b2) b2 = s;
    }
    labels[i] = arg;
    upper[i] = Math.sqrt(b1);
    lower[i] = Math.sqrt(b2);
  };
  for (let i = 0; i < n; i++) assignFull(i);
  counts.fill(0);
  sums.fill(0);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    counts[c]++;
    for (let j = 0; j < d; j++) sums[c * d + j] += data[i * d + j];
  }

  let nIter = 0;
  let strict = false;
  for (let iter = 0; iter < maxIter; iter++) {
    nIter = iter + 1;
    // M-step: new centres from running sums (an empty cluster is reseeded at the row farthest
    // from its centre, as scikit-learn relocates empty clusters).
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) {
        let far = 0;
        let farDist = -1;
        for (let i = 0; i < n; i++) if (upper[i] > farDist) ((farDist = upper[i]), (far = i));
        const from = labels[far];
        counts[from]--;
        for (let j = 0; j < d; j++) sums[from * d + j] -= data[far * d + j];
        labels[far] = c;
        counts[c] = 1;
        for (let j = 0; j < d; j++) sums[c * d + j] = data[far * d + j];
        upper[far] = 0;
        lower[far] = 0;
      }
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) newCenters[c * d + j] = sums[c * d + j] / counts[c];
    let shift = 0;
    let maxMove = 0;
    let secondMove = 0;
    let maxMoveAt = -1;
    for (let c = 0; c < k; c++) {
      const s = sqDist(centers, c, newCenters, c, d);
      shift += s;
      move[c] = Math.sqrt(s);
      if (move[c] > maxMove) {
        secondMove = maxMove;
        maxMove = move[c];
        maxMoveAt = c;
      } else if (move[c] > secondMove) secondMove = move[c];
    }
    [centers, newCenters] = [newCenters, centers];
    if (strict || shift <= tolScaled) break;

    // Update bounds for the centre movement.
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      upper[i] += move[c];
      lower[i] -= c === maxMoveAt ? secondMove : maxMove;
    }
    for (let c = 0; c < k; c++) {
      let m = Infinity;
      for (let o = 0; o < k; o++) if (o !== c) m = Math.min(m, sqDist(centers, c, centers, o, d));
      half[c] = Math.sqrt(m) / 2;
    }
    // E-step with bounds.
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const c = labels[i];
      const bound = Math.max(half[c], lower[i]);
      if (upper[i] <= bound) continue;
      upper[i] = Math.sqrt(sqDist(data, i, centers, c, d));
      if (upper[i] <= bound) continue;
      assignFull(i);
      const now = labels[i];
      if (now !== c) {
        changed++;
        counts[c]--;
        counts[now]++;
        const oi = i * d;
        for (let j = 0; j < d; j++) {
          sums[c * d + j] -= data[oi + j];
          sums[now * d + j] += data[oi + j];
        }
      }
    }
    // No label changed: the next M-step reproduces the same centres (scikit-learn's "strict
    // convergence"); recompute them from exact sums to shed drift from incremental updates.
    if (changed === 0) {
      strict = true;
      counts.fill(0);
      sums.fill(0);
      for (let i = 0; i < n; i++) {
        const c = labels[i];
        counts[c]++;
        for (let j = 0; j < d; j++) sums[c * d + j] += data[i * d + j];
      }
    }
  }
  // Final labels and inertia from the final centres.
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    let arg = 0;
    for (let c = 0; c < k; c++) {
      const s = sqDist(data, i, centers, c, d);
      if (s < best) {
        best = s;
        arg = c;
      }
    }
    labels[i] = arg;
    inertia += best;
  }
  return {centers, labels, inertia, nIter};
}

export function fitKMeansFlat(data: Float64Array, n: number, d: number, {k, nInit = 10, maxIter = 300, tol = 1e-4, seed = 42}: KMeansOptions): Run & {inertias: number[]} {
  if (!(k >= 1 && k <= n)) throw new Error(`k-means: k must be between 1 and the number of rows (${n}); got ${k}`);
  const random = randomSource(seed);
  const tolScaled = tol * meanVariance(data, n, d);
  let best: Run | null = null;
  const inertias: number[] = [];
  for (let r = 0; r < nInit; r++) {
    const stream = random.fork();
    const init = kmeansPlusPlus(data, n, d, k, stream);
    const run = lloydHamerly(data, n, d, k, init, maxIter, tolScaled);
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
      const s = sqDist(data, i, C, c, d);
      if (s < best) {
        best = s;
        out[i] = c;
      }
    }
  }
  return out;
}
