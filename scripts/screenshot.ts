/**
 * Look at what you built: serves a built site, opens pages in headless Chromium, saves a full-page
 * screenshot of each and prints any console error, failed request or error cell.
 *   tsx scripts/screenshot.ts [--site dist] [--out tests/screenshots/manual] [--dark] [/fitness/ /fitness/model ...]
 * Without page paths it opens every page of the sidebar; --dark shows them as a reader whose system
 * asks for a dark theme sees them.
 */
import {parseArgs} from "node:util";
import {checkPage, launchBrowser} from "../tests/site/browser.ts";
import {sidebarPaths} from "../tests/site/pages.ts";
import {serveSite} from "../tests/site/serve.ts";

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {site: {type: "string", default: "dist"}, out: {type: "string", default: "tests/screenshots/manual"}, dark: {type: "boolean", default: false}}
});
const paths = positionals.length ? positionals : sidebarPaths();
const served = await serveSite(values.site!);
const browser = await launchBrowser();
let failed = false;
try {
  for (const path of paths) {
    const report = await checkPage(browser, served.url, path, values.out!, undefined, values.dark ? "dark" : "light");
    failed ||= report.problems.length > 0;
    console.log(`${report.problems.length ? "✖" : "✔"} ${path}: ${report.charts} charts, ${report.tables} tables`);
    for (const problem of report.problems) console.log(`    ${problem}`);
  }
} finally {
  await browser.close();
  await served.close();
}
console.log(`screenshots in ${values.out}`);
process.exit(failed ? 1 : 0);
