// See https://observablehq.com/framework/config for documentation.
import {cases} from "./loaders/cases/registry.ts";
import {presentCaseIds} from "./loaders/inputs/resolve.ts";
import {readSettings} from "./loaders/settings.ts";

/** The sidebar: the overview, then each case DATA_DIR holds with its pages in reading order (loaders/cases/registry.ts). */
const present = new Set(presentCaseIds(readSettings().dataDir));
const casePages = cases.filter((c) => present.has(c.id)).map((c) => ({
  name: c.title,
  open: true,
  pages: c.pages.map((p) => ({name: p.name, path: `/${c.id}/${p.path}`}))
}));

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
  // A fixed footer keeps builds byte-identical (the default carries the build date).
  footer: "Clientele — customer analytics report. Every figure is computed from the input exports at build time.",
  toc: true,
  search: false,
  linkify: true,
  typographer: false,
  preserveExtension: false,
  preserveIndex: false
};
