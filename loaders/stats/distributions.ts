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
