// See https://observablehq.com/framework/config for documentation.
import {cases} from "./loaders/cases/registry.ts";
import {presentCaseIds} from "./loaders/inputs/resolve.ts";
import {defaultLang, editionLang, readSettings} from "./loaders/settings.ts";
import {pageFooter} from "./scripts/page-footer.ts";
import {editionPrefix, languageSwitch} from "./scripts/language-switch.ts";
import {tr} from "./src/components/i18n.ts";
import {terms} from "./src/components/glossary.ts";

/**
 * The sidebar: the overview, then a section per case DATA_DIR holds (loaders/cases/registry.ts).
 * The section's heading is the case's name and links its Summary (the registry's first page), so
 * no link is a bare "Summary"; its other pages follow in reading order. Each case is its own pager
 * group: "Previous page" / "Next page" never leave the case.
 *
 * The config is that of one edition (CLIENTELE_EDITION, set by scripts/build.ts; else the default
 * language CLIENTELE_LANG): the sidebar in its language, its base path (`ru/` under the site's base
 * for the non-default language), the `lang` of its pages and the switch to the other edition.
 */
const lang = editionLang();
const home = defaultLang();
const present = new Set(presentCaseIds(readSettings().dataDir));
const casePages = cases.filter((c) => present.has(c.id)).map((c) => {
  const [summary, ...rest] = c.pages;
  return {
    name: tr(c.title, lang),
    path: `/${c.id}/${summary.path}`,
    pager: c.id,
    pages: rest.map((p) => ({name: tr(p.name, lang), path: `/${c.id}/${p.path}`}))
  };
});

export default {
  title: "Clientele",
  // scripts/build.ts builds the second edition from a copy of src/ (.src-<lang>)
  root: process.env.CLIENTELE_ROOT || "src",
  output: process.env.CLIENTELE_OUTPUT_DIR || "dist",
  base: `${(process.env.CLIENTELE_BASE_PATH || "/").replace(/\/?$/, "/")}${editionPrefix(lang, home)}`,
  pages: [
    {name: tr(terms.overview, lang), path: "/"},
    ...casePages
  ],
  // No third-party web font: Framework's default links one from Google Fonts.
  globalStylesheets: [],
  style: "style.css",
  // The page's language, before any of its modules runs (src/components/i18n.ts reads it);
  // scripts/build.ts also writes it into <html lang>.
  head: `<link rel="icon" href="data:,"><script>document.documentElement.lang = ${JSON.stringify(lang)};</script>`,
  header: ({path}: {path: string}) => languageSwitch(path, lang, home),
  // Each page's case, data source and period, and the build date (SOURCE_DATE_EPOCH when set, so
  // builds stay byte-identical): scripts/page-footer.ts.
  footer: pageFooter,
  toc: {show: true, label: lang === "ru" ? "Содержание" : "Contents"},
  search: false,
  linkify: true,
  typographer: false,
  preserveExtension: false,
  preserveIndex: false
};
