/** The facts every page states at its foot (scripts/page-footer.ts), on a small artifact cache of its own. */
import {test} from "node:test";
import assert from "node:assert/strict";
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {buildDate, pageFooter, pdfHref, showPdfLink} from "../../scripts/page-footer.ts";

function cache(artifacts: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "clientele-footer-"));
  for (const [name, value] of Object.entries(artifacts)) {
    mkdirSync(join(dir, name.split("/")[0]), {recursive: true});
    writeFileSync(join(dir, name), JSON.stringify(value));
  }
  return dir;
}

const epoch = {SOURCE_DATE_EPOCH: "1767225600"}; // 2026-01-01T00:00:00Z

test("the build date is SOURCE_DATE_EPOCH's when set, else now", () => {
  assert.equal(buildDate(epoch).toISOString(), "2026-01-01T00:00:00.000Z");
  assert.ok(Math.abs(buildDate({}).getTime() - Date.now()) < 60_000);
});

test("a dated case states its period, an undated one says it has no dates", () => {
  const dir = cache({
    "ecommerce/files.json": {files: [{file: "orders.csv", rows: 7474}]},
    "ecommerce/summary.json": {period: {start: "2018-10-01T00:00:00", end: "2020-01-31T15:00:00"}},
    "fitness/files.json": {files: [{file: "members <2024>.csv", rows: 4000}]},
    "fitness/summary.json": {members: 4000}
  });
  const ecommerce = pageFooter({path: "/ecommerce/time"}, dir, epoch);
  assert.match(ecommerce, /E-commerce — data: orders\.csv \(7,474 rows\); from 1 October 2018 to 31 January 2020\./);
  assert.match(ecommerce, /Built on <time class="build-date" datetime="2026-01-01">1 January 2026<\/time>/);
  assert.match(pageFooter({path: "/fitness/index"}, dir, epoch), /Fitness — data: members &lt;2024&gt;\.csv \(4,000 rows\); the exports carry no calendar dates\./);
  const undated = cache({"ecommerce/files.json": {files: [{file: "orders.csv", rows: 7474}]}, "ecommerce/summary.json": {}});
  assert.match(pageFooter({path: "/ecommerce/"}, undated, epoch), /orders\.csv \(7,474 rows\); period not reported by the case\./, "an order log has dates: never called undated");
  const overview = pageFooter({path: "/index"}, dir, epoch);
  assert.match(overview, /<li>Fitness: [^<]*<\/li><li>E-commerce: [^<]*<\/li>/);
  assert.doesNotMatch(overview, /One Click/, "a case the build does not hold is not listed");
});

test("the PDF link is relative to the page and shown only once npm run pdf has run", () => {
  assert.equal(pdfHref("/index", "overview"), "pdf/overview.pdf");
  assert.equal(pdfHref("/fitness/index", "fitness"), "../pdf/fitness.pdf");
  const built = '<p><a class="pdf-link" data-href="../pdf/fitness.pdf" hidden="">The Fitness report as a PDF</a></p>';
  assert.equal(showPdfLink(built), '<p><a class="pdf-link" href="../pdf/fitness.pdf">The Fitness report as a PDF</a></p>');
});
