/**
 * Opens pages of a served site in Debian's headless Chromium (via playwright-core) and reports
 * everything a reader would hit: console errors, uncaught exceptions, failed or external requests,
 * Framework error cells, cells still loading, sideways scrolling at 420 px, and how many charts and
 * tables were drawn.
 */
import {existsSync, mkdirSync} from "node:fs";
import {join} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";

/** The narrow (phone) width every page is also checked at. */
const NARROW = 420;

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface PageReport {
  path: string;
  problems: string[];
  charts: number;
  tables: number;
  text: string;
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: install Debian's chromium (bash .ci/run does)`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
  });
}

/** Opens siteUrl + path, waits until every cell has settled, screenshots it, runs the page's interactions, and reports. */
export async function checkPage(browser: Browser, siteUrl: string, path: string, screenshotDir: string, action?: (page: Page) => Promise<void>, colorScheme: "light" | "dark" = "light"): Promise<PageReport> {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}, colorScheme});
  const problems: string[] = [];
  const origin = new URL(siteUrl).origin;
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`uncaught exception: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    problems.push(`request outside the site: ${url}`);
    return route.abort();
  });
  try {
    await page.goto(siteUrl + path.replace(/^\//, ""), {waitUntil: "networkidle", timeout: 60_000});
    await page.waitForFunction(() => document.querySelectorAll("observablehq-loading").length === 0, null, {timeout: 60_000});
    // The screenshot shows the page as a reader first sees it; interactions are checked after it.
    mkdirSync(screenshotDir, {recursive: true});
    const name = path.replace(/^\/|\/$/g, "").replaceAll("/", "--") || "index";
    await page.screenshot({path: join(screenshotDir, `${name}.png`), fullPage: true});
    if (action) await action(page);
    const errors = await page.$$eval(".observablehq--error", (cells) => cells.map((cell) => cell.textContent ?? ""));
    for (const error of errors) problems.push(`error cell: ${error.slice(0, 300)}`);
    const charts = await page.locator("#observablehq-main svg[class*=plot], #observablehq-main figure svg").count();
    const tables = await page.locator("#observablehq-main form table, #observablehq-main table").count();
    const text = await page.locator("#observablehq-main").innerText();
    // On a phone-sized screen nothing may make the page scroll sideways (wide tables scroll in their own box).
    await page.setViewportSize({width: NARROW, height: 900});
    await page.waitForTimeout(500);
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    if (scrollWidth > NARROW) problems.push(`scrolls sideways at ${NARROW} px: the page is ${scrollWidth} px wide`);
    await page.screenshot({path: join(screenshotDir, `${name}.${NARROW}px.png`), fullPage: true});
    return {path, problems, charts, tables, text};
  } finally {
    await page.close();
  }
}
