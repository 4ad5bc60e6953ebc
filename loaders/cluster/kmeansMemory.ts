/**
 * The memory one k-means fit works in: an instance of the WebAssembly kernels (kmeans.wat) whose
 * linear memory holds the rows — copied in once per fit, not per restart — and every array the
 * restarts reuse. Each array is a typed-array view for the JavaScript side (kmeans.ts) and a byte
 * address for the kernels. One instance and memory per fit, released with it.
 */
import {kmeansWasmBase64} from "./kmeansWasm.ts";

/** The kernels' exports; arguments as in kmeans.wat (byte addresses, counts). */
interface Kernels {
  meanVariance(data: number, n: number, d: number, scratch: number): number;
  toCentre(data: number, n: number, d: number, centre: number, closest: number, cumulative: number): number;
  candidates(data: number, n: number, d: number, k: number, trials: number, closest: number, nearest: number, toCenter: number, candRow: number, candDist: number, candPot: number, pairs: number): void;
  adopt(n: number, closest: number, nearest: number, cand: number, c: number, cumulative: number): void;
  bounds(n: number, closest: number, labels: number, half: number, upper: number, lower: number): void;
  sums(data: number, n: number, d: number, k: number, labels: number, counts: number, sums: number): void;
  assign(data: number, n: number, d: number, k: number, centers: number, labels: number, upper: number, lower: number, half: number, move: number, maxMove: number, secondMove: number, maxMoveAt: number, counts: number, sums: number, rows: number, owns: number, dists: number): number;
  inertia(data: number, n: number, d: number, centers: number, labels: number): number;
}

/** An array in the kernels' memory: its view and its byte address. */
export interface Region<T> {
  v: T;
  at: number;
}

let compiled: WebAssembly.Module | undefined;

const MAX_BYTES = 2 ** 32 - 2 ** 16;

/** Rows per chunk of the kernels' passes that list the rows (or row-candidate pairs) to work on;
 *  kmeans.wat's chunk size, which sizes their lists here. */
const CHUNK = 1024;

/** Lengths of the float64 arrays (rows, centres and their sums, per-row distances, sampling
 *  table and bounds, the k-means++ candidates' distances, per-feature scratch, a chunk's
 *  own-centre distances) and of the int32 ones (labels, candidate rows, the kernels' lists of a
 *  chunk's rows and row-candidate pairs). */
function lengths(n: number, d: number, k: number, trials: number) {
  return {
    f64: {data: n * d, centers: k * d, newCenters: k * d, sums: k * d, closest: n, cumulative: n, upper: n, lower: n, candDist: trials * n, candPot: trials, toCenter: trials * k, half: k, move: k, counts: k, features: 2 * d, owns: CHUNK, dists: k},
    i32: {nearest: n, labels: n, candRow: trials, rows: CHUNK, pairs: 2 * CHUNK * trials}
  };
}
type Lengths = ReturnType<typeof lengths>;

export type KMeansMemory = {kernels: Kernels} & {[K in keyof Lengths["f64"]]: Region<Float64Array>} & {[K in keyof Lengths["i32"]]: Region<Int32Array>};

/** Memory for k-means on the n × d rows of `data` with k centres and `trials` k-means++
 *  candidates per step, the rows copied in. */
export function kmeansMemory(data: Float64Array, n: number, d: number, k: number, trials: number): KMeansMemory {
  const {f64, i32} = lengths(n, d, k, trials);
  const count = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  const bytes = 8 * count(f64) + 4 * count(i32);
  if (bytes > MAX_BYTES) throw new Error(`k-means: ${n} rows × ${d} features need ${bytes} bytes of working memory, more than WebAssembly's 4 GB; fit on a sample and assign the rest (predictKMeansFlat)`);
  const memory = new WebAssembly.Memory({initial: Math.ceil(bytes / 2 ** 16)});
  compiled ??= new WebAssembly.Module(Buffer.from(kmeansWasmBase64, "base64"));
  const kernels = new WebAssembly.Instance(compiled, {env: {memory}}).exports as unknown as Kernels;
  const out: Record<string, unknown> = {kernels};
  let at = 0; // float64 arrays first, so that all are 8-byte aligned
  for (const [name, length] of Object.entries(f64)) {
    out[name] = {v: new Float64Array(memory.buffer, at, length), at};
    at += 8 * length;
  }
  for (const [name, length] of Object.entries(i32)) {
    out[name] = {v: new Int32Array(memory.buffer, at, length), at};
    at += 4 * length;
  }
  const memoryOf = out as KMeansMemory;
  memoryOf.data.v.set(data.subarray(0, n * d));
  return memoryOf;
}
