/**
 * Who is at risk at a time t, with delayed entry (left truncation): subject i counts when
 * entryᵢ < t ≤ timeᵢ — it entered observation before t and had neither failed nor been censored
 * before t (as statsmodels' SurvfuncRight and survdiff with `entry`). Without entries every subject
 * is at risk from the start.
 */

/** Index of the first value ≥ t in an ascending array (its length when none is). */
function lowerBound(sorted: Float64Array, t: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A counter of the subjects at risk at t: #{time ≥ t} − #{entry ≥ t} (a subject entering at or after t has time > entry ≥ t too). */
export function atRiskCounter(times: ArrayLike<number>, entries?: ArrayLike<number>): (t: number) => number {
  const exits = Float64Array.from(times).sort();
  const starts = entries ? Float64Array.from(entries).sort() : new Float64Array(0);
  return (t) => exits.length - lowerBound(exits, t) - (starts.length - lowerBound(starts, t));
}

/** Checks entries against times: same length, entry < time for every subject. */
export function checkEntries(times: ArrayLike<number>, entries: ArrayLike<number> | undefined, what: string): void {
  if (!entries) return;
  if (entries.length !== times.length) throw new Error(`${what}: ${times.length} times but ${entries.length} entry times`);
  for (let i = 0; i < times.length; i++) {
    if (!(entries[i] < times[i])) throw new Error(`${what}: subject ${i} enters at ${entries[i]}, not before its time ${times[i]}`);
  }
}
