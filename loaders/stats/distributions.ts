/**
 * Tail probabilities used for p-values. All come from @stdlib, which is accurate deep into the
 * tails. simple-statistics' `cumulativeStdNormalProbability` is a lookup table rounded to 4
 * decimals (coarse: p-values below ~1e-4 collapse to 0), so it is not used here.
 *
 * We compute upper tails directly rather than `1 - cdf(x)`: @stdlib's chi2test and kruskal-test
 * return `1 - chisqCDF(stat, df)`, which loses all relative precision for p below ~1e-10 and
 * returns 0 below ~1e-16 (the fitness table gives chi-square p-values near 1e-150). The upper
 * regularised incomplete gamma function keeps them exact.
 */
import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import gammainc from "@stdlib/math-base-special-gammainc";

/** P(Z > z) for a standard normal Z. */
export function normalSf(z: number): number {
  return normalCdf(-z, 0, 1);
}

/** Two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|). */
export function normalTwoSided(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/** Two-sided p-value of a t statistic with df degrees of freedom. */
export function tTwoSided(t: number, df: number): number {
  return Math.min(1, 2 * tCdf(-Math.abs(t), df));
}

/** P(X > x) for X ~ chi-square(df): the upper regularised gamma Q(df/2, x/2). */
export function chiSquareSf(x: number, df: number): number {
  if (!(x > 0)) return 1;
  return gammainc(x / 2, df / 2, true, true);
}

/**
 * The standard normal quantile Φ⁻¹(p): Acklam's rational approximation (relative error 1e-9) refined
 * by one Halley step on @stdlib's Φ, which brings it to double precision (scipy.stats.norm.ppf).
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new Error(`normal quantile: p must be in [0, 1], got ${p}`);
  }
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    x = ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  const e = normalCdf(x, 0, 1) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
