/**
 * Build and browser tests: the site builds on the demo data and on the real exports, makes no
 * request outside itself, keeps customer ids out unless allowed, is byte-identical across builds,
 * never shows stale numbers, and every sidebar page renders in Chromium without an error.
 * One file, so that the builds (which share Framework's cache) run one after another.
 */
import {after, before, describe, test} from "node:test";
import assert from "node:assert/strict";
import {existsSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {buildSite, copyData, listFiles, readArtifact} from "./build.ts";
import {findExternalReferences} from "./offline.ts";
import {customerIds, findIds} from "./privacy.ts";
import {serveSite, type Served} from "./serve.ts";
import {checkPage, launchBrowser} from "./browser.ts";
import {sidebarPaths} from "./pages.ts";
import {interactions} from "./interactions/index.ts";
import {interactions as dashboard} from "./dashboard.ts";
import {navigationProblems} from "./navigation.ts";
import {answerText, firstScreenProblems} from "./first-screen.ts";
import {normaliseSpace, pageCount, pdfText, runPdf} from "./pdf.ts";
import {englishOnPage, exportWords} from "./english.ts";
import {cases} from "../../loaders/cases/registry.ts";
import type {FileRow} from "../../loaders/cases/run-case.ts";
import {datasets, realDataSkip} from "../real-data.ts";
import {presentCaseIds} from "../../loaders/inputs/resolve.ts";
import {exportFolder, GYM_FILE, gymMapping, russianGymCsv} from "../inputs/renamed.ts";

const realData = datasets;
const realSkip = realDataSkip("fitness/gym_churn_us.csv");
const screenshots = "tests/screenshots";
/** The build date of the demo builds (SOURCE_DATE_EPOCH), so that two builds are byte-identical on any two days. */
const EPOCH = {SOURCE_DATE_EPOCH: "1767225600"};
const EPOCH_DATE = "2026-01-01";

/** The Summary path of every case the built site holds (`edition` "ru/": the Russian edition's). */
const summaries = (site: () => string, edition = "") => cases.map((c) => `/${edition}${c.id}/`).filter((path) => existsSync(`${site()}${path}index.html`));

function rowsOf(site: string, caseId: string, file: string): number | null {
  const read = readArtifact(site, `${caseId}/files.json`) as {files: FileRow[]};
  return read.files.find((f) => f.file === file)!.rows;
}

describe("site built on the demo data", () => {
  let site = "";
  before(() => {
    site = buildSite("demo", {fresh: true, env: EPOCH});
  });

  test("names the case in every page title and sidebar section; previous/next stay within a case", () => {
    assert.deepEqual(navigationProblems(site), []);
  });

  test("states on every page the data it was computed from and the build date", () => {
    for (const file of listFiles(site).filter((f) => f.endsWith(".html") && f !== "404.html")) {
      const html = readFileSync(join(site, file), "utf8");
      assert.match(html, new RegExp(`<time class="build-date" datetime="${EPOCH_DATE}">`), `${file} states the build date`);
      if (file.startsWith("ru/")) {
        if (file.split("/").length > 2) assert.match(html, /class="page-facts">[^<]* — данные: [^<]* \(\d[\d\u202F]* строк[аи]?\)/, `${file} states its data source in Russian`);
      } else if (file.includes("/")) assert.match(html, /class="page-facts">[^<]* — data: [^<]* \(\d[\d,]* rows\)/, `${file} states its data source`);
    }
  });

  test("makes no reference to another host", () => {
    assert.deepEqual(findExternalReferences(site), []);
  });

  test("contains no customer id from the input (customer-level rows are off by default)", async () => {
    const ids = await customerIds("data");
    assert.ok(ids.size > 0, "the demo data has customer ids to look for");
    assert.deepEqual(findIds(site, ids), []);
  });

  test("shows the demo data's own counts", () => {
    const lines = readFileSync("data/fitness/gym_churn_us.csv", "utf8").trim().split(/\r?\n/).length - 1;
    assert.equal(rowsOf(site, "fitness", "gym_churn_us.csv"), lines);
  });

  test("is byte-identical when built again from scratch", () => {
    const again = buildSite("demo-again", {fresh: true, env: EPOCH});
    const files = listFiles(site);
    assert.deepEqual(listFiles(again), files);
    const differing = files.filter((f) => !readFileSync(join(site, f)).equals(readFileSync(join(again, f))));
    assert.deepEqual(differing, []);
  });

  describe("in headless Chromium, served under a sub-path", () => {
    let browser: Browser;
    let served: Served;
    before(async () => {
      browser = await launchBrowser();
      served = await serveSite(site, "/reports/clientele/");
    });
    after(async () => {
      await browser?.close();
      await served?.close();
    });
    for (const path of sidebarPaths()) {
      test(`page ${path} renders without errors`, async () => {
        const report = await checkPage(browser, served.url, path, join(screenshots, "demo"), interactions[path] ?? dashboard[path]);
        assert.deepEqual(report.problems, []);
        assert.ok(report.charts + report.tables > 0, `page ${path} draws at least one chart or table`);
      });
    }
    test("each case Summary holds its answer and a sized action on the first screen (1400 × 900)", async () => {
      const paths = summaries(() => site);
      assert.ok(paths.length > 0);
      assert.deepEqual((await Promise.all(paths.map((path) => firstScreenProblems(browser, served.url, path)))).flat(), []);
    });
  });
});

describe("a build on other data never shows the previous data's numbers", () => {
  test("changed input files are recomputed, not served from Framework's cache", () => {
    buildSite("before-change");
    const altered = copyData("data", ".test-builds/altered-data");
    const path = join(altered, "fitness", "gym_churn_us.csv");
    const lines = readFileSync(path, "utf8").split("\n");
    writeFileSync(path, lines.slice(0, lines.length - 501).join("\n") + "\n");
    const site = buildSite("after-change", {env: {DATA_DIR: altered}});
    assert.equal(rowsOf(site, "fitness", "gym_churn_us.csv"), lines.filter((l) => l.trim()).length - 1 - 500);
  });
});

describe("site built on the real exports", {skip: realSkip}, () => {
  let site = "";
  before(() => {
    site = buildSite("real", {env: {DATA_DIR: realData}});
  });

  test("shows the real exports' counts", () => {
    assert.equal(rowsOf(site, "fitness", "gym_churn_us.csv"), 4000);
    assert.equal(rowsOf(site, "one-click", "market_money.csv"), 3900);
    assert.equal(rowsOf(site, "ecommerce", "ecom_dataset_upd.csv"), 7474);
  });

  test("makes no reference to another host", () => {
    assert.deepEqual(findExternalReferences(site), []);
  });

  test("contains no customer id from the real exports", async () => {
    const ids = await customerIds(realData);
    assert.ok(ids.size > 3000);
    assert.deepEqual(findIds(site, ids), []);
  });

  describe("in headless Chromium", () => {
    let browser: Browser;
    let served: Served;
    before(async () => {
      browser = await launchBrowser();
      served = await serveSite(site);
    });
    after(async () => {
      await browser?.close();
      await served?.close();
    });
    // The sidebar is read with the test's DATA_DIR (the demo data): keep the pages of the cases the real exports hold.
    const present = presentCaseIds(realData);
    for (const path of sidebarPaths().filter((p) => p === "/" || present.some((id) => p.startsWith(`/${id}/`)))) {
      test(`page ${path} renders without errors`, async () => {
        const report = await checkPage(browser, served.url, path, join(screenshots, "real"), interactions[path]);
        assert.deepEqual(report.problems, []);
        assert.ok(report.charts + report.tables > 0, `page ${path} draws at least one chart or table`);
      });
    }
    test("each case Summary holds its answer and a sized action on the first screen (1400 × 900)", async () => {
      const paths = summaries(() => site);
      assert.ok(paths.length > 0);
      assert.deepEqual((await Promise.all(paths.map((path) => firstScreenProblems(browser, served.url, path)))).flat(), []);
    });
  });

  describe("the Russian edition, in headless Chromium", () => {
    let browser: Browser;
    let served: Served;
    const allowed = exportWords(realData);
    before(async () => {
      browser = await launchBrowser();
      served = await serveSite(site);
    });
    after(async () => {
      await browser?.close();
      await served?.close();
    });
    test("has a Russian page for every English page, each with lang=\"ru\" and a switch back to its English page", () => {
      const english = listFiles(site).filter((f) => f.endsWith(".html") && !f.startsWith("ru/") && f !== "404.html");
      const russian = listFiles(join(site, "ru")).filter((f) => f.endsWith(".html") && f !== "404.html");
      assert.deepEqual(russian, english);
      for (const file of russian) {
        const html = readFileSync(join(site, "ru", file), "utf8");
        assert.match(html, /^<!DOCTYPE html>\s*<html lang="ru">/, file);
        const back = /<a class="language-link" href="([^"]+)" hreflang="en"/.exec(html)?.[1];
        assert.ok(back, `${file} links its English page`);
        const target = join(site, "ru", file, "..", back!.endsWith("/") ? `${back}index.html` : `${back}.html`);
        assert.ok(existsSync(target) && !target.includes("/ru/"), `${file}: the switch leads to ${target}`);
      }
    });
    const present = presentCaseIds(realData);
    for (const path of sidebarPaths().filter((p) => p === "/" || present.some((id) => p.startsWith(`/${id}/`))).map((p) => `/ru${p}`)) {
      test(`page ${path} renders without errors and shows no English prose`, async () => {
        const report = await checkPage(browser, served.url, path, join(screenshots, "real"));
        assert.deepEqual(report.problems, []);
        const hits = await englishOnPage(browser, served.url + path.replace(/^\//, ""), allowed);
        assert.deepEqual(hits.map((h) => `${h.word}: …${h.context}…`), []);
      });
    }
  });

  describe("npm run pdf", () => {
    let printed: ReturnType<typeof runPdf>;
    let answers: [string, string | null][] = [];
    /** Each edition's Summaries, as PDF names: "fitness", "ru/fitness". */
    const printedSummaries = () => ["", "ru/"].flatMap((edition) => summaries(() => site, edition).map((path) => path.replace(/^\/|\/$/g, "")));
    const pdfOf = (name: string) => join(site, ...(name.startsWith("ru/") ? ["ru", "pdf", `${name.slice(3)}.pdf`] : ["pdf", `${name}.pdf`]));
    before(async () => {
      printed = runPdf(site);
      const browser = await launchBrowser();
      const served = await serveSite(site);
      try {
        answers = await Promise.all(printedSummaries().map(async (name): Promise<[string, string | null]> => [name, await answerText(browser, served.url, `/${name}/`)]));
      } finally {
        await browser.close();
        await served.close();
      }
    });

    test("prints the overview and each case, in both languages, in under 30 s a case, on more than one sheet", () => {
      assert.deepEqual(Object.keys(printed.seconds).sort(), ["overview", "ru/overview", ...printedSummaries()].sort());
      for (const [name, seconds] of Object.entries(printed.seconds)) {
        assert.ok(seconds < 30, `${name}.pdf took ${seconds} s`);
        assert.ok(pageCount(pdfOf(name)) > 1, `${name}.pdf has more than one page`);
      }
    });

    test("holds each Summary's answer as text, in its language", () => {
      for (const [name, answer] of answers) {
        assert.ok(answer, `the ${name} Summary has an .answer`);
        assert.ok(pdfText(pdfOf(name)).includes(normaliseSpace(answer)), `${name}.pdf holds the answer ${JSON.stringify(answer.slice(0, 80))}…`);
      }
      assert.ok(answers.some(([name, answer]) => name.startsWith("ru/") && /[а-яё]/i.test(answer ?? "")), "the Russian PDFs hold Russian answers");
    });

    test("each case page links its PDF once it exists", () => {
      const html = readFileSync(join(site, "fitness", "model.html"), "utf8");
      assert.match(html, /<a class="pdf-link" href="\.\.\/pdf\/fitness\.pdf">/);
      assert.match(readFileSync(join(site, "index.html"), "utf8"), /<a class="pdf-link" href="pdf\/overview\.pdf">/);
      assert.match(readFileSync(join(site, "ru", "fitness", "model.html"), "utf8"), /<a class="pdf-link" href="\.\.\/pdf\/fitness\.pdf">/, "the Russian page links the Russian PDF (ru/pdf/)");
    });
  });
});

describe("site built on a gym chain's own export alone (another file name, Russian headers, ; and decimal commas, a mapping)", {skip: realSkip}, () => {
  let site = "";
  before(() => {
    site = buildSite("gym-only", {env: {DATA_DIR: exportFolder({[GYM_FILE]: russianGymCsv()}, {files: [gymMapping()]})}});
  });

  test("has the fitness pages and no page, link or card of the absent cases", () => {
    const files = listFiles(site);
    assert.ok(files.includes("fitness/model.html"));
    assert.deepEqual(files.filter((f) => /^(one-click|ecommerce)\//.test(f)), []);
    const overview = readFileSync(join(site, "index.html"), "utf8").replace(/<script[\s\S]*?<\/script>/g, "");
    assert.doesNotMatch(overview, /one-click|ecommerce/, "the sidebar links only the fitness pages");
    assert.equal(readArtifact(site, "one-click/dashboard.json"), null, "the overview draws no One Click panel");
    assert.equal(readArtifact(site, "ecommerce/dashboard.json"), null, "the overview draws no e-commerce panel");
    assert.deepEqual((readArtifact(site, "fitness/files.json") as {files: FileRow[]}).files.map((f) => [f.file, f.rows, f.separator]), [[GYM_FILE, 4000, ";"]]);
  });

  test("gives the same figures as the seed export: 4,000 members, 26.5 % churn, the same model quality", () => {
    const summary = readArtifact(site, "fitness/summary.json") as {members: number; churnRate: number; model: unknown};
    assert.equal(summary.members, 4000);
    assert.equal(summary.churnRate.toFixed(3), "0.265");
    const seed = readArtifact(join(".test-builds", "real"), "fitness/summary.json") as {model: unknown};
    assert.deepEqual(summary.model, seed.model);
  });
});
