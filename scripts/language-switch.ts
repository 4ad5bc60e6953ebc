/**
 * The link on every page to the same page in the other language, and where each edition lives:
 * the default language (CLIENTELE_LANG) at the site's root, the other under its code (`ru/…`).
 * Links are relative, so the site works under any sub-path.
 */
import {languages, type Lang} from "../src/components/i18n.ts";

/** The folder of an edition inside the site: "" for the default language, "ru/" for the other. */
export function editionPrefix(lang: Lang, defaultLang: Lang): string {
  return lang === defaultLang ? "" : `${lang}/`;
}

/** The relative link from the page at `path` ("/fitness/model", "/", "/fitness/") of the `lang`
 *  edition to the same page of the `to` edition. */
export function otherEditionHref(path: string, lang: Lang, to: Lang, defaultLang: Lang): string {
  const page = path.replace(/(^|\/)index$/, "$1");
  const depth = Math.max(0, page.split("/").length - 2) + (editionPrefix(lang, defaultLang) ? 1 : 0);
  const target = `${editionPrefix(to, defaultLang)}${page.replace(/^\//, "")}`;
  return `${depth ? "../".repeat(depth) : "./"}${target}`;
}

const names: Record<Lang, string> = {en: "English", ru: "Русский"};

/** Framework's `header` option for the `lang` edition: a switch naming both languages, the current
 *  one marked, the other a link to this page in it. Framework would resolve the link inside its own
 *  edition (and report it broken), so it is written as `data-edition-href` and scripts/build.ts
 *  makes it the link (`linkEditions`); `npm run dev` previews one edition, where it stays inert. */
export function languageSwitch(path: string, lang: Lang, defaultLang: Lang): string {
  const items = languages.map((to) => to === lang
    ? `<span aria-current="true" lang="${to}">${names[to]}</span>`
    : `<a class="language-link" data-edition-href="${otherEditionHref(path, lang, to, defaultLang)}" hreflang="${to}" lang="${to}">${names[to]}</a>`);
  return `<nav class="language-switch" aria-label="${lang === "ru" ? "Язык" : "Language"}">${items.join(" · ")}</nav>`;
}

/** A built page's HTML with its language switch linked. */
export function linkEditions(html: string): string {
  return html.replace(/<a class="language-link" data-edition-href="/g, '<a class="language-link" href="');
}
