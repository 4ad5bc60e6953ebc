/**
 * The one case registry agrees with the files that carry it out: each case's pages exist under
 * pages/<case>/ and no page is left out of the registry, each case has its one loader, its
 * template is its schema, and the links prepare-artifacts makes are ignored by git.
 */
import {test} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {cases} from "../../loaders/cases/registry.ts";

test("every registered page has its file and every page file is registered", () => {
  for (const c of cases) {
    const registered = c.pages.map((p) => `${p.path || "index"}.md`).sort();
    const files = readdirSync(`pages/${c.id}`).filter((f) => f.endsWith(".md")).sort();
    assert.deepEqual(files, registered, c.id);
  }
});

test("each case has one loader calling the shared entry point, and its template is its own", async () => {
  for (const c of cases) {
    assert.equal(c.schema.case, c.id);
    assert.match(readFileSync(`src/data/${c.id}.tar.ts`, "utf8"), new RegExp(`runCase\\("${c.id}"\\)`));
    assert.equal(typeof (await c.load()).run, "function", `${c.id} exports run`);
  }
  const loaders = readdirSync("src/data").filter((f) => /\.(ts|js)$/.test(f)).sort();
  assert.deepEqual(loaders, cases.map((c) => `${c.id}.tar.ts`).sort());
});

test("the page links made for present cases are not committed", () => {
  const ignored = readFileSync(".gitignore", "utf8").split("\n");
  for (const c of cases) assert.ok(ignored.includes(`/src/${c.id}`), `.gitignore lists /src/${c.id}`);
  for (const c of cases) assert.ok(!existsSync(`src/${c.id}`) || readdirSync(`src/${c.id}`).length === readdirSync(`pages/${c.id}`).length);
});
