/**
 * Navigation of a built site, read from its HTML, in every edition (the default language at the
 * site's root, the other under its code, e.g. ru/): every page says its language in <html lang>,
 * every case page's <title> names its case in that language ("Model · Fitness", «Модель · Фитнес»),
 * no sidebar link is a bare "Summary" / «Сводка», and the pager's previous/next links never leave
 * the case (nor the edition).
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {cases} from "../../loaders/cases/registry.ts";
import {languages, type Lang} from "../../src/components/i18n.ts";
import {terms} from "../../src/components/glossary.ts";

const text = (html: string): string => html.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
const langOf = (html: string): string | null => /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? null;

/** The site's editions: the root's (its language read from its index page) and each other language's folder. */
export function editions(site: string): {lang: Lang; dir: string; prefix: string}[] {
  const index = join(site, "index.html");
  const rootLang = (existsSync(index) ? langOf(readFileSync(index, "utf8")) : null) ?? "en";
  const root = (languages as string[]).includes(rootLang) ? (rootLang as Lang) : "en";
  return [
    {lang: root, dir: site, prefix: ""},
    ...languages.filter((l) => l !== root && existsSync(join(site, l))).map((lang) => ({lang, dir: join(site, lang), prefix: `/${lang}`}))
  ];
}

export function navigationProblems(site: string): string[] {
  const problems: string[] = [];
  for (const {lang, dir, prefix} of editions(site)) {
    for (const def of cases.filter((c) => existsSync(join(dir, c.id)))) {
      for (const file of readdirSync(join(dir, def.id)).filter((f) => f.endsWith(".html")).sort()) {
        const page = `${prefix}/${def.id}/${file}`;
        const html = readFileSync(join(dir, def.id, file), "utf8");
        if (langOf(html) !== lang) problems.push(`${page}: <html lang> is ${JSON.stringify(langOf(html))}, not ${JSON.stringify(lang)}`);
        const title = text(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "");
        if (!title.includes(def.title[lang])) problems.push(`${page}: the title ${JSON.stringify(title)} does not name the case ${def.title[lang]}`);
        const sidebar = /<nav id="observablehq-sidebar">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
        for (const [, name] of sidebar.matchAll(/<a [^>]*>([\s\S]*?)<\/a>/g)) {
          const shown = text(name).toLowerCase();
          if (shown === terms.summary.en.toLowerCase() || shown === terms.summary[lang].toLowerCase()) problems.push(`${page}: a sidebar link is a bare ${JSON.stringify(text(name))}`);
        }
        for (const [, rel, href] of html.matchAll(/<a rel="(prev|next)" href="([^"]*)"/g)) {
          const target = new URL(href, `http://site${page}`).pathname;
          if (!target.startsWith(`${prefix}/${def.id}/`)) problems.push(`${page}: its ${rel} link leaves the case for ${target}`);
        }
      }
    }
  }
  return problems;
}
