/**
 * Where the tests find the real exports (../shared/datasets, or SHARED_DATASETS), and whether a
 * real-data test may be skipped. Locally a missing folder skips those tests with a reason; under
 * CI (`CI=true`) it is a failure, so a CI run can never pass without having checked the real data.
 */
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";

export const datasets = resolve(process.env.SHARED_DATASETS ?? "../shared/datasets");

const inCi = /^(1|true|yes)$/i.test(process.env.CI ?? "");

/**
 * The `skip` option of a real-data test: false when `file` (relative to the datasets folder)
 * exists; otherwise a reason to skip, or, under CI, an error thrown at load time.
 */
export function realDataSkip(file: string): false | string {
  const path = join(datasets, file);
  if (existsSync(path)) return false;
  if (inCi) throw new Error(`real data missing under CI: ${path} (set SHARED_DATASETS or put ../shared/datasets beside the project)`);
  return `no real data at ${path}`;
}
