/**
 * `npm run pdf [-- --site dist]`: prints the built site into PDFs with Debian's headless Chromium
 * (playwright-core, /usr/bin/chromium or CHROMIUM_PATH): `<site>/pdf/<case>.pdf` for each case the
 * site holds, and `<site>/pdf/overview.pdf`, in the default language; the same under `<site>/ru/pdf/`
 * from the Russian edition.
 *
 * Each PDF opens with a cover (the case, its question, the data source and period, the build date,
 * the pages it holds) and then every page of the case in the sidebar's reading order, each on a
 * new sheet, with every <details> open. Pages are drawn at the printable width of an A4 sheet, so
 * charts are sized for paper; the print rules in src/style.css drop the sidebar and pager and keep
 * a chart, card or table row on one sheet.
 *
 * Deterministic: Chromium stamps a PDF with the time it was printed; the stamps are replaced by the
 * site's build date (the footer's, itself SOURCE_DATE_EPOCH's when set), so printing the same
 * build twice gives the same bytes. The PDFs are not part of `npm run build`'s output (the
 * byte-identical build test never sees them).
 *
 * Last, the built pages of each printed document get their PDF link shown (the build writes it
 * hidden, see scripts/page-footer.ts): no page asks the server whether a PDF exists.
 */
import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {parseArgs} from "node:util";
import type {Browser, Page} from "playwright-core";
import {languages, tr, type Lang} from "../src/components/i18n.ts";
import {defaultLang} from "../loaders/settings.ts";
import {editionPrefix} from "./language-switch.ts";
import {terms} from "../src/components/glossary.ts";
import {cases} from "../loaders/cases/registry.ts";
import {launchBrowser} from "../tests/site/browser.ts";
import {serveSite} from "../tests/site/serve.ts";
import {showPdfLink} from "./page-footer.ts";

/** A4 with 12 mm margins: 186 mm of printable width, in CSS pixels (96 per inch). */
const PRINT_WIDTH = Math.round((186 / 25.4) * 96);
const MARGIN = "12mm";

export interface PrintJob {
  /** File name without extension: a case id, or "overview". */
  name: string;
  title: string;
  question: string;
  /** The site's pages in reading order, e.g. {name: "Data quality", path: "/fitness/data-quality"}. */
  pages: {name: string; path: string}[];
}

/** What the site at `site` holds to print: every case it was built with, and the overview. */
export function printJobs(site: string, lang: Lang = "en"): PrintJob[] {
  const built = cases.filter((c) => readdirSync(site).includes(c.id));
  const ru = lang === "ru";
  return [
    {name: "overview", title: ru ? "Clientele — обзор" : "Clientele — overview", question: ru ? "Что говорят выгрузки о клиентах, кейс за кейсом?" : "What do the customer exports say, case by case?", pages: [{name: tr(terms.overview, lang), path: "/"}]},
    ...built.map((c) => ({name: c.id, title: `Clientele — ${tr(c.title, lang)}`, question: tr(c.question, lang), pages: c.pages.map((p) => ({name: tr(p.name, lang), path: `/${c.id}/${p.path}`}))}))
  ];
}


async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 60_000});
}

/** One page as printed: every cell settled, every <details> open, the main column's HTML. */
async function capture(page: Page, url: string): Promise<string> {
  await page.goto(url, {waitUntil: "load", timeout: 60_000});
  await settle(page);
  await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
  await settle(page);
  return page.evaluate(() => document.querySelector("#observablehq-main")!.innerHTML);
}

const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => `&${({"&": "amp", "<": "lt", ">": "gt", '"': "quot"})[c]};`);

function cover(job: PrintJob, facts: string, lang: Lang): string {
  const contents = job.pages.map((p) => `<li>${escape(p.name)}</li>`).join("");
  return `<section class="pdf-cover"><h1>${escape(job.title)}</h1><p class="question">${escape(job.question)}</p>` +
    `<p>${escape(facts)}</p><h2>${lang === "ru" ? "Содержание" : "Contents"}</h2><ol>${contents}</ol></section>`;
}

/** "D:20261206000000Z" style stamps (Chromium writes "D:YYYYMMDDHHmmss+00'00'") replaced by the build date, same length. */
export function fixDates(pdf: Buffer, date: string): Buffer {
  const text = pdf.toString("latin1");
  const stamp = `D:${date.replaceAll("-", "")}000000`;
  const fixed = text.replace(/\((D:\d{14})([^)]*)\)/g, (_, time: string, zone: string) => `(${stamp.padEnd(time.length, "0")}${zone.replace(/[-+]\d\d'\d\d'?/, "+00'00'")})`);
  return Buffer.from(fixed, "latin1");
}

/** Prints one document: a cover, then each page on a new sheet. */
async function printJob(browser: Browser, siteUrl: string, job: PrintJob, lang: Lang): Promise<Buffer> {
  const page = await browser.newPage({viewport: {width: PRINT_WIDTH, height: 1200}});
  try {
    const captured: string[] = [];
    for (const {path} of job.pages) captured.push(await capture(page, siteUrl + path.replace(/^\//, "")));
    // The last page is the frame of the document: the stylesheets and the footer's facts are the same on every page of a case.
    const facts = await page.evaluate(() => {
      const footer = document.querySelector(".page-facts")?.cloneNode(true) as HTMLElement | undefined;
      footer?.querySelectorAll(".pdf-link").forEach((a) => a.remove());
      return footer?.textContent?.replace(/\s+/g, " ").trim() ?? "";
    });
    const date = await page.evaluate(() => document.querySelector("time.build-date")?.getAttribute("datetime") ?? "");
    const body = cover(job, facts, lang) + captured.map((html) => `<section class="pdf-section">${html}</section>`).join("");
    await page.evaluate((html) => {
      document.querySelector("#observablehq-main")!.innerHTML = html;
      document.querySelectorAll("#observablehq-toc, #observablehq-footer").forEach((e) => e.remove());
      document.querySelectorAll("details").forEach((d) => (d.open = true));
      // Links into the site would point at this temporary server: the PDF keeps their text only.
      document.querySelectorAll("a[href]").forEach((a) => {
        if (!/^(https?:|mailto:)/.test(a.getAttribute("href")!) || (a as HTMLAnchorElement).origin === location.origin) a.removeAttribute("href");
      });
    }, body);
    await page.emulateMedia({media: "print"});
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      margin: {top: MARGIN, bottom: "16mm", left: MARGIN, right: MARGIN},
      displayHeaderFooter: true,
      headerTemplate: "<span></span>",
      footerTemplate: `<div style="font: 8px sans-serif; width: 100%; margin: 0 12mm; display: flex; justify-content: space-between; color: #666">` +
        `<span>${escape(job.title)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`
    });
    return /^\d{4}-\d\d-\d\d$/.test(date) ? fixDates(pdf, date) : pdf;
  } finally {
    await page.close();
  }
}

/** Shows the PDF link in every built page of a printed document. */
function linkPdf(site: string, job: PrintJob): void {
  for (const {path} of job.pages) {
    const file = join(site, path.endsWith("/") ? `${path}index.html` : `${path}.html`);
    writeFileSync(file, showPdfLink(readFileSync(file, "utf8")));
  }
}

/** Prints both editions: `<site>/pdf/` in the default language (CLIENTELE_LANG), `<site>/ru/pdf/` in the other. */
export async function printSite(site: string, log: (line: string) => void = console.log, home: Lang = defaultLang()): Promise<string[]> {
  const served = await serveSite(site);
  const browser = await launchBrowser();
  const written: string[] = [];
  try {
    for (const lang of [home, ...languages.filter((l) => l !== home)]) {
      const prefix = editionPrefix(lang, home);
      const edition = join(site, prefix);
      if (!existsSync(edition)) continue;
      const out = join(edition, "pdf");
      mkdirSync(out, {recursive: true});
      for (const job of printJobs(edition, lang)) {
        const start = performance.now();
        const file = join(out, `${job.name}.pdf`);
        writeFileSync(file, await printJob(browser, served.url + prefix, job, lang));
        linkPdf(edition, job);
        written.push(file);
        log(`${file}: ${job.pages.length} pages of the site in ${((performance.now() - start) / 1000).toFixed(1)} s`);
      }
    }
  } finally {
    await browser.close();
    await served.close();
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const {values} = parseArgs({options: {site: {type: "string", default: "dist"}}});
  await printSite(values.site!);
}
