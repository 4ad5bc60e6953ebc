/**
 * Navigation of a built site, read from its HTML: every case page's <title> names its case, no
 * sidebar link is a bare "Summary", and the pager's previous/next links never leave the case.
 */
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {cases} from "../../loaders/cases/registry.ts";

const text = (html: string): string => html.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();

export function navigationProblems(site: string): string[] {
  const problems: string[] = [];
  for (const def of cases.filter((c) => existsSync(join(site, c.id)))) {
    for (const file of readdirSync(join(site, def.id)).filter((f) => f.endsWith(".html")).sort()) {
      const page = `/${def.id}/${file}`;
      const html = readFileSync(join(site, def.id, file), "utf8");
      const title = text(/<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "");
      if (!title.includes(def.title.en)) problems.push(`${page}: the title ${JSON.stringify(title)} does not name the case ${def.title.en}`);
      const sidebar = /<nav id="observablehq-sidebar">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? "";
      for (const [, name] of sidebar.matchAll(/<a [^>]*>([\s\S]*?)<\/a>/g)) {
        if (/^summary$/i.test(text(name))) problems.push(`${page}: a sidebar link is a bare ${JSON.stringify(text(name))}`);
      }
      for (const [, rel, href] of html.matchAll(/<a rel="(prev|next)" href="([^"]*)"/g)) {
        const target = new URL(href, `http://site${page}`).pathname;
        if (!target.startsWith(`/${def.id}/`)) problems.push(`${page}: its ${rel} link leaves the case for ${target}`);
      }
    }
  }
  return problems;
}
