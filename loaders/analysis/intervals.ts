/**
 * The Wilson score interval of a proportion (the report layer's bootstrap intervals come from
 * loaders/evaluation/bootstrap.ts).
 */
import type {Estimate} from "./types.ts";
import {wilsonInterval} from "../stats/proportionIntervals.ts";

/** Wilson score interval for `successes` out of `n`, 95% (loaders/stats/proportionIntervals.ts); NaN for no observations. */
export function wilson(successes: number, n: number): Estimate {
  return n === 0 ? {value: NaN, lo: NaN, hi: NaN} : wilsonInterval(successes, n);
}
