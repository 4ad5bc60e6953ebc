/**
 * A DATA_DIR holding only experiment/ (the demo A/B exports) builds only the experiment pages: no
 * page, sidebar link, overview card or file list of the other cases. The same build has Russian as
 * its default language (CLIENTELE_LANG=ru): the Russian edition at the root, the English one under
 * en/. One build.
 */
import {before, describe, test} from "node:test";
import assert from "node:assert/strict";
import {cpSync, mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {buildSite, listFiles, readArtifact} from "./build.ts";
import type {FileRow} from "../../loaders/cases/run-case.ts";
import {cases} from "../../loaders/cases/registry.ts";

describe("site built on a folder holding only the experiment exports", () => {
  let site = "";
  before(() => {
    const dir = mkdtempSync(join(tmpdir(), "experiment-only-"));
    cpSync("data/experiment", join(dir, "experiment"), {recursive: true});
    site = buildSite("experiment-only", {env: {DATA_DIR: dir, CLIENTELE_LANG: "ru"}});
  });

  test("has the experiment pages and no page, link, card or file list of the other cases", () => {
    const files = listFiles(site);
    const experiment = cases.find((c) => c.id === "experiment")!;
    for (const p of experiment.pages) assert.ok(files.includes(`experiment/${p.path || "index"}.html`), `experiment/${p.path || "index"}`);
    for (const p of experiment.pages) assert.ok(files.includes(`en/experiment/${p.path || "index"}.html`), `en/experiment/${p.path || "index"}`);
    const others = cases.filter((c) => c.id !== "experiment").map((c) => c.id);
    assert.deepEqual(files.filter((f) => others.some((id) => f.startsWith(`${id}/`) || f.startsWith(`en/${id}/`))), []);
    const overview = readFileSync(join(site, "index.html"), "utf8").replace(/<script[\s\S]*?<\/script>/g, "");
    for (const id of others) {
      assert.doesNotMatch(overview, new RegExp(`href="[^"]*${id}/`), `the sidebar links no ${id} page`);
      assert.equal(readArtifact(site, `${id}/dashboard.json`), null, `no ${id} panel on the overview`);
    }
    const summary = readArtifact(site, "experiment/summary.json") as {tests: {test: string}[]};
    assert.deepEqual(readArtifact(join(site, "en"), "experiment/summary.json"), summary, "both editions show the same artifacts");
    assert.deepEqual(summary.tests.map((t) => t.test), ["recommender_system_test", "interface_eu_test"]);
  });

  test("with CLIENTELE_LANG=ru, the root is the Russian edition and en/ the English one, each linking the other", () => {
    const root = readFileSync(join(site, "experiment", "power.html"), "utf8");
    const english = readFileSync(join(site, "en", "experiment", "power.html"), "utf8");
    assert.match(root, /^<!DOCTYPE html>\s*<html lang="ru">/);
    assert.match(english, /^<!DOCTYPE html>\s*<html lang="en">/);
    assert.match(root, /<title>[^<]*Эксперимент[^<]*<\/title>/, "the Russian page's title names the case in Russian");
    assert.match(root, />Эксперимент</, "the sidebar is in Russian");
    assert.match(english, />Experiment</, "the English sidebar");
    assert.match(root, /<a class="language-link" href="\.\.\/en\/experiment\/power" hreflang="en"/);
    assert.match(english, /<a class="language-link" href="\.\.\/\.\.\/experiment\/power" hreflang="ru"/);
  });
});
