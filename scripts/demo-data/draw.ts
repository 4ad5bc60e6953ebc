/** Small sampling helpers over the project's seeded random source (loaders/random.ts). */
import type {Random} from "../../loaders/random.ts";

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function bernoulli(p: number, random: Random): 0 | 1 {
  return random() < p ? 1 : 0;
}

/** Index drawn with probability proportional to `weights`. */
export function weighted(weights: readonly number[], random: Random): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = random() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** Cumulative weights for repeated draws with `weightedCumulative`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (out[i] = total += w));
  return out;
}

export function weightedCumulative(cum: Float64Array, random: Random): number {
  const u = random() * cum[cum.length - 1];
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function pick<T>(values: readonly T[], random: Random): T {
  return values[random.int(values.length)];
}

export function normal(mean: number, sd: number, random: Random): number {
  return mean + sd * random.normal();
}

export function poisson(lambda: number, random: Random): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export function binomial(n: number, p: number, random: Random): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

/** Exact group sizes for proportions (largest remainder), summing to n. */
export function apportion(n: number, shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  const raw = shares.map((s) => (s / total) * n);
  const out = raw.map(Math.floor);
  let left = n - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}

/** `k` distinct indices from 0..n-1 in increasing order. */
export function sampleIndices(n: number, k: number, random: Random): number[] {
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(random.int(n));
  return [...chosen].sort((a, b) => a - b);
}

const BYTE_HEX = Array.from({length: 256}, (_, b) => b.toString(16).padStart(2, "0"));
const hex8 = (w: number) => BYTE_HEX[w >>> 24] + BYTE_HEX[(w >>> 16) & 255] + BYTE_HEX[(w >>> 8) & 255] + BYTE_HEX[w & 255];

/** One uniform 32-bit word from the seeded source. */
export function word32(random: Random): number {
  return Math.floor(random() * 4294967296) >>> 0;
}

/** RFC 4122 version-4 uuid text from four 32-bit words (version and variant bits forced). */
export function uuidFromWords(a: number, b: number, c: number, d: number): string {
  const version = ((b & 0xffff0fff) | 0x4000) >>> 0;
  const variant = ((c & 0x3fffffff) | 0x80000000) >>> 0;
  const bb = hex8(version);
  const cc = hex8(variant);
  return `${hex8(a)}-${bb.slice(0, 4)}-${bb.slice(4)}-${cc.slice(0, 4)}-${cc.slice(4)}${hex8(d)}`;
}

/** RFC 4122 version-4 uuid from the seeded source. */
export function uuid4(random: Random): string {
  return uuidFromWords(word32(random), word32(random), word32(random), word32(random));
}

/** Mean and population standard deviation (ddof = 0, as scikit-learn's StandardScaler). */
export function moments(values: ArrayLike<number>): {mean: number; sd: number} {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const mean = sum / values.length;
  let ss = 0;
  for (let i = 0; i < values.length; i++) ss += (values[i] - mean) ** 2;
  return {mean, sd: Math.sqrt(ss / values.length)};
}

/** Intercept b such that the mean of sigmoid(b + score_i) equals `rate` (bisection). */
export function calibrateIntercept(scores: readonly number[], rate: number): number {
  let lo = -20;
  let hi = 20;
  for (let iter = 0; iter < 100; iter++) {
    const mid = (lo + hi) / 2;
    let m = 0;
    for (const s of scores) m += sigmoid(mid + s);
    if (m / scores.length < rate) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function round(x: number, decimals: number): number {
  return Number(x.toFixed(decimals));
}
