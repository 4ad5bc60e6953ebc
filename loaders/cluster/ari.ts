/**
 * Adjusted Rand index of two labelings, as sklearn.metrics.adjusted_rand_score: from the pair
 * confusion matrix, with exact integer (BigInt) pair counts so large n loses no precision.
 */
export function adjustedRandScore(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  const n = a.length;
  if (b.length !== n) throw new Error(`adjustedRandScore: labelings differ in length (${n} vs ${b.length})`);
  const rowIndex = new Map<number | string, number>();
  const colIndex = new Map<number | string, number>();
  for (const v of a) if (!rowIndex.has(v)) rowIndex.set(v, rowIndex.size);
  for (const v of b) if (!colIndex.has(v)) colIndex.set(v, colIndex.size);
  const R = rowIndex.size;
  const C = colIndex.size;
  const cells = new Map<number, number>();
  const rowSums = new Array<number>(R).fill(0);
  const colSums = new Array<number>(C).fill(0);
  for (let i = 0; i < n; i++) {
    const r = rowIndex.get(a[i])!;
    const c = colIndex.get(b[i])!;
    const key = r * C + c;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    rowSums[r]++;
    colSums[c]++;
  }
  let sumSquares = 0n;
  for (const v of cells.values()) sumSquares += BigInt(v) * BigInt(v);
  let rowDot = 0n; // Σ_ij n_ij · colSum_j
  let colDot = 0n; // Σ_ij n_ij · rowSum_i
  for (const [key, v] of cells) {
    const r = Math.floor(key / C);
    const c = key % C;
    rowDot += BigInt(v) * BigInt(colSums[c]);
    colDot += BigInt(v) * BigInt(rowSums[r]);
  }
  const N = BigInt(n);
  const tp = sumSquares - N;
  const fp = rowDot - sumSquares;
  const fn = colDot - sumSquares;
  const tn = N * N - fp - fn - sumSquares;
  if (fn === 0n && fp === 0n) return 1;
  const num = 2n * (tp * tn - fn * fp);
  const den = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
  return Number(num) / Number(den);
}
