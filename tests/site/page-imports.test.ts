/**
 * The libraries the pages import are bundled once per build, by the preparation step (while the
 * loaders run), into Framework's cache; both editions then find them there. Before, a cold build
 * bundled them in each edition's Framework build (~7 s of CPU twice). Bundles into a scratch site
 * root under the project (so that node_modules resolves), as Framework itself would.
 */
import {after, test} from "node:test";
import assert from "node:assert/strict";
import {mkdirSync, readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {bundlePageImports, isBundled} from "../../scripts/prepare-artifacts.ts";

const root = join(".test-builds", "page-imports");
after(() => rmSync(root, {recursive: true, force: true}));

test("the preparation step bundles every package the pages import into Framework's cache, once", async () => {
  rmSync(root, {recursive: true, force: true});
  mkdirSync(root, {recursive: true});
  const bundled = await bundlePageImports(root);
  for (const name of ["d3", "@observablehq/plot", "@observablehq/inputs", "htl"]) {
    assert.ok(bundled.includes(name), `${name} bundled`);
    assert.ok(isBundled(name, root), `${name} in the cache`);
  }
  // d3's modules come with it, where Framework looks for them.
  assert.ok(readdirSync(join(root, ".observablehq", "cache", "_node")).some((dir) => dir.startsWith("d3-array@")));
  assert.deepEqual(await bundlePageImports(root), [], "nothing left to bundle the second time");
});
