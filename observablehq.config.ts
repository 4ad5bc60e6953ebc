// See https://observablehq.com/framework/config for documentation.
import {cases} from "./loaders/cases/registry.ts";
import {presentCaseIds} from "./loaders/inputs/resolve.ts";
import {readSettings} from "./loaders/settings.ts";
import {pageFooter} from "./scripts/page-footer.ts";

/**
 * The sidebar: the overview, then a section per case DATA_DIR holds (loaders/cases/registry.ts).
 * The section's heading is the case's name and links its Summary (the registry's first page), so
 * no link is a bare "Summary"; its other pages follow in reading order. Each case is its own pager
 * group: "Previous page" / "Next page" never leave the case.
 */
const present = new Set(presentCaseIds(readSettings().dataDir));
const casePages = cases.filter((c) => present.has(c.id)).map((c) => {
  const [summary, ...rest] = c.pages;
  return {
    name: c.title,
    path: `/${c.id}/${summary.path}`,
    pager: c.id,
    pages: rest.map((p) => ({name: p.name, path: `/${c.id}/${p.path}`}))
  };
});

export default {
  title: "Clientele",
  root: "src",
  output: process.env.CLIENTELE_OUTPUT_DIR || "dist",
  base: process.env.CLIENTELE_BASE_PATH || "/",
  pages: [
    {name: "Overview", path: "/"},
    ...casePages
  ],
  // No third-party web font: Framework's default links one from Google Fonts.
  globalStylesheets: [],
  style: "style.css",
  head: '<link rel="icon" href="data:,">',
  header: "",
  // Each page's case, data source and period, and the build date (SOURCE_DATE_EPOCH when set, so
  // builds stay byte-identical): scripts/page-footer.ts.
  footer: pageFooter,
  toc: true,
  search: false,
  linkify: true,
  typographer: false,
  preserveExtension: false,
  preserveIndex: false
};
