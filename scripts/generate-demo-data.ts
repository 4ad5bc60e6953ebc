/**
 * Demo-data generator: writes data/<case>/ files with the real exports' names, schemas and
 * formats, plus data/<case>/truth.json describing the planted structure and defects.
 *
 *   npm run demo-data                                  all cases into data/ (seed 20261123)
 *   npm run demo-data -- --case ecommerce --lines 10000000 --out data/large
 *   options: --case fitness|one-click|ecommerce|experiment (repeatable; default all), --seed N, --out DIR,
 *            --lines N (ecommerce order lines; default 7474, as the real log)
 */
import {parseArgs} from "node:util";
import {resolve} from "node:path";
import {pathToFileURL} from "node:url";
import {generateFitness} from "./demo-data/fitness.ts";
import {generateOneClick} from "./demo-data/one-click.ts";
import {generateEcommerce} from "./demo-data/ecommerce.ts";
import {generateExperiment} from "./demo-data/experiment.ts";

export const DEFAULT_SEED = 20261123;
export const CASES = ["fitness", "one-click", "ecommerce", "experiment"] as const;
export type CaseName = (typeof CASES)[number];

export interface GenerateOptions {
  cases?: readonly CaseName[];
  seed?: number;
  outDir?: string;
  lines?: number;
}

export async function generateDemoData({cases = CASES, seed = DEFAULT_SEED, outDir = "data", lines}: GenerateOptions = {}) {
  for (const name of cases) {
    const started = Date.now();
    if (name === "fitness") generateFitness({seed, outDir});
    if (name === "one-click") generateOneClick({seed, outDir});
    if (name === "ecommerce") generateEcommerce({seed, outDir, lines});
    if (name === "experiment") generateExperiment({seed, outDir});
    console.error(`demo-data: ${name} → ${outDir}/${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

function main() {
  const {values} = parseArgs({
    options: {
      case: {type: "string", multiple: true},
      seed: {type: "string"},
      out: {type: "string"},
      lines: {type: "string"}
    }
  });
  const cases = (values.case ?? [...CASES]) as CaseName[];
  for (const c of cases) if (!CASES.includes(c)) throw new Error(`unknown case "${c}" (expected ${CASES.join(", ")})`);
  const integer = (s: string | undefined, name: string) => {
    if (s === undefined) return undefined;
    const n = Number(s);
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got "${s}"`);
    return n;
  };
  return generateDemoData({cases, seed: integer(values.seed, "seed"), outDir: values.out, lines: integer(values.lines, "lines")});
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
