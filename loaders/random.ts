/**
 * Seeded pseudo-random numbers shared by every random choice in Clientele (splits, restarts,
 * forests, bootstraps, demo data), so the same input and seed give byte-identical artifacts.
 * Generator: sfc32 seeded through splitmix32 (fast, 128-bit state, passes PractRand to 2^40+).
 */
export interface Random {
  /** Uniform in [0, 1). */
  (): number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
  /** Standard normal draw (Box–Muller). */
  normal(): number;
  /** A new independent stream derived from this one (for nested seeded work). */
  fork(): Random;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export function randomSource(seed = 42): Random {
  const init = splitmix32(seed);
  let a = init(), b = init(), c = init(), d = init();
  const next = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  let spare: number | null = null;
  const random = next as Random;
  random.int = (n) => Math.floor(next() * n);
  random.normal = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  random.fork = () => randomSource(Math.floor(next() * 4294967296));
  return random;
}

/** Fisher–Yates shuffle of a copy (of an array, or of row numbers as an Int32Array: millions without an array of numbers). */
export function shuffled(values: Int32Array, random: Random): Int32Array;
export function shuffled<T>(values: readonly T[], random: Random): T[];
export function shuffled<T>(values: readonly T[] | Int32Array, random: Random): T[] | Int32Array {
  const out = values.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const v = out[i];
    out[i] = out[j];
    out[j] = v;
  }
  return out;
}

/** `k` of the indices 0 … n − 1 drawn without replacement, each subset equally likely (Floyd's algorithm), in
 * increasing order; all n when k ≥ n. */
export function sampleIndices(n: number, k: number, random: Random): Int32Array {
  if (k >= n) return Int32Array.from({length: n}, (_, i) => i);
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = random.int(j + 1);
    chosen.add(chosen.has(t) ? j : t);
  }
  return Int32Array.from(chosen).sort();
}
