/**
 * English words on a page of the Russian edition: everything a reader can see once every cell has
 * settled and every <details> is open — the page's text (sidebar, header, contents, main, footer),
 * the text inside its charts (titles, axes, legends), table headers, input labels and options, the
 * tooltips' `title` attributes and the tab's title. Code (`<code>`, `<pre>`, `<kbd>`: commands,
 * setting names, file paths) is not prose and is left out, nor is a value from the data marked
 * `translate="no"` (a product name as exported, a label as found). A word is allowed when it is a name the
 * Russian text uses as is (ALLOWED: ROC-AUC, SHAP, test names…) or a word of an export's own
 * header or file name (shown where the mapping gives no label).
 *
 * As a tool while translating: `npx tsx tests/site/english.ts <built site> [path filter]` lists
 * the English words on every Russian page, with their context (DATA_DIR names the exports).
 */
import {readdirSync, readFileSync, statSync} from "node:fs";
import {basename, join, relative} from "node:path";
import type {Browser} from "playwright-core";

/** Names a Russian analytics text writes in Latin letters. Lower case; compared case-insensitively. */
export const ALLOWED = new Set([
  // metrics, methods and tests, as Russian texts name them
  "roc", "auc", "roc-auc", "pr", "pr-auc", "ap", "shap", "rfm", "bg", "nbd", "bg/nbd", "gamma", "gamma-gamma", "cox", "kaplan", "meier",
  "wald", "welch", "mann", "whitney", "kruskal", "wallis", "holm", "bonferroni", "benjamini", "hochberg", "bh", "wilson", "newcombe",
  "pearson", "spearman", "cramér", "cramer", "cohen", "cliff", "fisher", "ward", "k-means", "means", "mSPRT", "msprt", "sprt", "lbfgs", "l-bfgs", "bfgs",
  "l1", "l2", "f1", "f-score", "hr", "ci", "iqr", "sd", "se", "df", "h0", "h1", "aic", "bic", "ari", "ks", "ph", "kpi", "clv", "ltv", "mcc",
  // notation
  "p", "n", "k", "t", "u", "z", "h", "x", "d", "r", "g", "v", "w", "e", "q", "a", "b", "r2", "log", "exp", "min", "max", "vs",
  // file formats, tools and the product
  "csv", "excel", "pdf", "json", "parquet", "duckdb", "scikit-learn", "scipy", "statsmodels", "utf", "utf-8", "bom", "sql", "id", "ids", "url", "clientele", "observable", "framework",
  // the sidebar's keyboard shortcut, as keys are labelled
  "alt-b",
  // the language switch names each language in itself
  "english",
  // A/B
  "a/b",
  // libraries a rule table names (the e-commerce rules: "RE2 and Python compatible" patterns)
  "re2", "python"
]);

const word = /[A-Za-z][A-Za-z0-9]*(?:[-/'][A-Za-z0-9]+)*/g;

/** Words of the exports' own file names and headers under dataDir (CSV header rows), lower case. */
export function exportWords(dataDir: string): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const part of text.split(/[^A-Za-z0-9]+/)) {
      if (!part) continue;
      words.add(part.toLowerCase());
      // camelCase parts
      for (const piece of part.split(/(?<=[a-z])(?=[A-Z])/)) words.add(piece.toLowerCase());
    }
    words.add(text.toLowerCase());
    // words as the check reads them ("experiment-plan" of experiment-plan.json)
    for (const m of text.matchAll(word)) words.add(m[0].toLowerCase());
  };
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else {
        add(basename(path));
        if (/\.(csv|tsv|txt)$/i.test(entry)) {
          const head = readFileSync(path, "utf8").slice(0, 4096).split(/\r?\n/)[0] ?? "";
          add(head);
        } else if (/\.json$/i.test(entry) && entry !== "truth.json") add(readFileSync(path, "utf8")); // the demo's planted truth is not an export
      }
    }
  };
  walk(dataDir);
  return words;
}

export interface EnglishHit {
  word: string;
  context: string;
}

/** The English words a reader sees on one page, with some text around each. */
export async function englishOnPage(browser: Browser, url: string, allowed: Set<string>): Promise<EnglishHit[]> {
  const page = await browser.newPage({viewport: {width: 1400, height: 900}});
  try {
    await page.goto(url, {waitUntil: "networkidle", timeout: 60_000});
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 60_000});
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await page.waitForTimeout(300);
    const texts: string[] = await page.evaluate(() => {
      const code = document.createElement("style");
      code.textContent = "code, pre, kbd, [translate=no] { visibility: hidden !important; }";
      document.head.append(code);
      const out = [document.title, document.body.innerText];
      code.remove();
      document.querySelectorAll("svg text, svg title").forEach((t) => out.push(t.textContent ?? ""));
      // Plot names the parts of every chart for screen readers in its own English ("x-axis tick label",
      // "bar"): those are left out; a chart's own aria-label (its description) is checked.
      const plotPart = /^(fx-|fy-|x-|y-)?(axis|grid|tick|tick label|label|bar|dot|line|area|rule|text|tip|frame|rect|cell|link|arrow|image|vector|geo|hexgrid|raster|contour|density|waffle)s?( tick| tick label| label)*$/;
      document.querySelectorAll("[title], [aria-label], [placeholder]").forEach((e) =>
        ["title", "aria-label", "placeholder"].forEach((a) => {
          const value = e.getAttribute(a);
          if (value && !(a === "aria-label" && plotPart.test(value))) out.push(value);
        }));
      document.querySelectorAll("option").forEach((o) => out.push(o.textContent ?? ""));
      return out;
    });
    const hits: EnglishHit[] = [];
    const seen = new Set<string>();
    for (const text of texts) {
      for (const m of text.matchAll(word)) {
        const w = m[0];
        const lower = w.toLowerCase();
        if (allowed.has(lower) || ALLOWED.has(lower) || (w.length === 1)) continue;
        const context = text.slice(Math.max(0, m.index! - 40), m.index! + w.length + 40).replace(/\s+/g, " ");
        const key = `${lower}|${context}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({word: w, context});
      }
    }
    return hits;
  } finally {
    await page.close();
  }
}

/** The Russian edition's pages in a built site: every .html under <site>/ru/, as site paths. */
export function russianPages(site: string, prefix = "ru"): string[] {
  const root = join(site, prefix);
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        if (!entry.startsWith("_") && entry !== "pdf") walk(path);
      } else if (entry.endsWith(".html") && entry !== "404.html") out.push(`/${relative(site, path).replace(/\.html$/, "").replace(/(^|\/)index$/, "$1")}`);
    }
  };
  walk(root);
  return out;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  const [site, filter = ""] = process.argv.slice(2);
  if (!site) {
    console.error("usage: npx tsx tests/site/english.ts <built site> [path filter]  (DATA_DIR: the exports it was built from)");
    process.exit(2);
  }
  const {launchBrowser} = await import("./browser.ts");
  const {serveSite} = await import("./serve.ts");
  const allowed = exportWords(process.env.DATA_DIR || "data");
  const browser = await launchBrowser();
  const served = await serveSite(site);
  let total = 0;
  try {
    for (const path of russianPages(site).filter((p) => p.includes(filter))) {
      const hits = await englishOnPage(browser, served.url + path.replace(/^\//, ""), allowed);
      total += hits.length;
      console.log(`${path}: ${hits.length ? `${hits.length} English` : "clean"}`);
      for (const hit of hits) console.log(`  ${hit.word}  …${hit.context}…`);
    }
  } finally {
    await browser.close();
    await served.close();
  }
  process.exit(total ? 1 : 0);
}
