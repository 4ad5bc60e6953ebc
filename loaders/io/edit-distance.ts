/** Levenshtein distance between two strings, by Unicode code point (DuckDB's counts bytes). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({length: y.length + 1}, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/** The closest candidate and its distance, or null if there are none. */
export function closest(value: string, candidates: readonly string[]): {value: string; distance: number} | null {
  let best: {value: string; distance: number} | null = null;
  for (const c of candidates) {
    const d = editDistance(value.toLowerCase(), c.toLowerCase());
    if (!best || d < best.distance) best = {value: c, distance: d};
  }
  return best;
}
