/**
 * Customers drawn from the BG/NBD model (loaders/models/bgnbd.ts), seeded: for tests of parameter
 * recovery and the benchmark. Each customer draws λ ~ Gamma(r, rate α) and p ~ Beta(a, b), makes a first
 * purchase at time 0, then buys at the times of a Poisson process with rate λ, dropping out right after
 * each repeat purchase with probability p. The history is summarised at T; purchases in (T, T + holdout]
 * are counted too (for checks of expected purchases).
 */
import type {Random} from "../random.ts";
import type {BgnbdParams, PurchaseHistory} from "./bgnbd.ts";

/** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 through Gamma(shape + 1) · U^(1/shape). */
export function sampleGamma(shape: number, random: Random): number {
  if (shape < 1) return sampleGamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = random.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export interface SampledCustomer extends PurchaseHistory {
  /** Purchases in (T, T + holdout]. */
  holdout: number;
  /** Whether the customer is still alive at T. */
  alive: boolean;
}

export function sampleBgnbd({r, alpha, a, b}: BgnbdParams, ages: readonly number[], random: Random, {holdout = 0, round = false}: {holdout?: number; round?: boolean} = {}): SampledCustomer[] {
  return ages.map((T) => {
    const lambda = sampleGamma(r, random) / alpha;
    const ga = sampleGamma(a, random);
    const p = ga / (ga + sampleGamma(b, random));
    let time = 0, x = 0, tx = 0, later = 0, alive = true, aliveAtT = true;
    while (alive) {
      time += -Math.log(1 - random()) / lambda;
      if (time > T + holdout) break;
      if (time <= T) (x++, (tx = time));
      else later++;
      if (random() < p) {
        alive = false;
        if (time <= T) aliveAtT = false;
      }
    }
    return {x, tx: round ? Math.floor(tx) : tx, T, holdout: later, alive: aliveAtT};
  });
}
