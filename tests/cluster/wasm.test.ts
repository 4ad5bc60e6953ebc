/** The committed WebAssembly of the k-means kernels must be what kmeans.wat compiles to (so the
 *  reviewed source is what runs); no timing here. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {readFileSync} from "node:fs";
import {kernelModuleSource, modulePath} from "../../scripts/build-wasm.ts";

test("the committed k-means kernel (kmeansWasm.ts) is kmeans.wat compiled by the pinned wabt", async () => {
  assert.equal(readFileSync(modulePath, "utf8"), await kernelModuleSource(), "kmeans.wat changed: run npx tsx scripts/build-wasm.ts");
});
