// See https://observablehq.com/framework/config for documentation.
import {existsSync} from "node:fs";

interface Page {
  name: string;
  path: string;
}

/** The pages of each case, in reading order. A page appears in the sidebar once its file exists. */
const casePages: {name: string; dir: string; pages: Page[]}[] = [
  {
    name: "Fitness",
    dir: "fitness",
    pages: [
      {name: "Summary", path: "/fitness/"},
      {name: "Data quality", path: "/fitness/data-quality"},
      {name: "Exploration", path: "/fitness/exploration"},
      {name: "Churn model", path: "/fitness/model"},
      {name: "Member groups", path: "/fitness/groups"},
      {name: "Hypotheses", path: "/fitness/hypotheses"},
      {name: "Recommendations", path: "/fitness/recommendations"}
    ]
  },
  {
    name: "One Click",
    dir: "one-click",
    pages: [
      {name: "Summary", path: "/one-click/"},
      {name: "Data quality", path: "/one-click/data-quality"},
      {name: "Exploration", path: "/one-click/exploration"},
      {name: "Model", path: "/one-click/model"},
      {name: "Segments", path: "/one-click/segments"},
      {name: "Offers", path: "/one-click/offers"}
    ]
  },
  {
    name: "E-commerce",
    dir: "ecommerce",
    pages: [
      {name: "Summary", path: "/ecommerce/"},
      {name: "Data quality", path: "/ecommerce/data-quality"},
      {name: "Categories", path: "/ecommerce/categories"},
      {name: "Profiles", path: "/ecommerce/profiles"},
      {name: "Time", path: "/ecommerce/time"},
      {name: "Hypotheses", path: "/ecommerce/hypotheses"},
      {name: "Mailing plan", path: "/ecommerce/mailing-plan"}
    ]
  }
];

function pageExists({path}: Page): boolean {
  return existsSync(`src${path.endsWith("/") ? `${path}index` : path}.md`);
}

export default {
  title: "Clientele",
  root: "src",
  output: process.env.CLIENTELE_OUTPUT_DIR || "dist",
  base: process.env.CLIENTELE_BASE_PATH || "/",
  pages: [
    {name: "Overview", path: "/"},
    ...casePages
      .map(({name, pages}) => ({name, open: true, pages: pages.filter(pageExists)}))
      .filter(({pages}) => pages.length > 0)
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
