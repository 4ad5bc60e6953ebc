/**
 * One source per page, one page per language. A page's source (pages/index.md, pages/<case>/*.md)
 * holds both languages: lines outside a block belong to both editions, and
 *
 *     ::: en
 *     ## Who leaves
 *     ::: ru
 *     ## Кто уходит
 *     :::
 *
 * gives each edition its own lines (a block may hold one language only). `writeEdition(lang, cases)`
 * writes the pages of one language where Framework reads them (src/index.md, src/<case>/), for the
 * cases DATA_DIR holds; scripts/build.ts writes and builds each edition in turn, and `npm run dev`
 * rewrites a page whenever its source changes (scripts/dev.ts).
 */
import {existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync} from "node:fs";
import {join, relative} from "node:path";
import {languages, type Lang} from "../src/components/i18n.ts";
import {cases} from "../loaders/cases/registry.ts";

export const pagesRoot = "pages";
const siteRoot = "src";
const marker = /^:::\s*(\w*)\s*$/;

/** The lines of `source` that belong to `lang`; `file` names the source in an error. */
export function pageText(source: string, lang: Lang, file = "page"): string {
  const out: string[] = [];
  let block: string | null = null;
  let opened = 0;
  source.split("\n").forEach((line, i) => {
    const m = marker.exec(line);
    if (!m) {
      if (block === null || block === lang) out.push(line);
      return;
    }
    const code = m[1];
    if (code === "") {
      if (block === null) throw new Error(`${file}:${i + 1}: ":::" closes no language block`);
      block = null;
    } else if ((languages as string[]).includes(code)) {
      if (block === null) opened = i + 1;
      block = code;
    } else {
      throw new Error(`${file}:${i + 1}: unknown language "${code}" (the languages are ${languages.join(", ")})`);
    }
  });
  if (block !== null) throw new Error(`${file}:${opened}: the language block opened here is not closed with ":::"`);
  return out.join("\n");
}

function listPages(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory() ? listPages(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : []
  );
}

/** Writes one source page into a site root in `lang` (pages/fitness/model.md → src/fitness/model.md).
 *  A file in the way is replaced, not overwritten: it may be a hard link into another root. */
export function writePage(source: string, lang: Lang, root = siteRoot): void {
  const target = join(root, relative(pagesRoot, source));
  const text = source.endsWith(".md") ? pageText(readFileSync(source, "utf8"), lang, source) : readFileSync(source, "utf8");
  if (existsSync(target) && readFileSync(target, "utf8") === text) return;
  mkdirSync(join(target, ".."), {recursive: true});
  rmSync(target, {force: true});
  writeFileSync(target, text);
}

/** Writes every page of the overview and of the present cases in `lang` into a site root (src/ by
 *  default); removes the pages of absent cases. */
export function writeEdition(lang: Lang, present: Set<string>, root = siteRoot): void {
  writePage(join(pagesRoot, "index.md"), lang, root);
  for (const {id} of cases) {
    const dir = join(root, id);
    // Older checkouts linked src/<case> to pages/<case>: replace the link by written pages.
    if (existsSync(dir) || isLink(dir)) {
      if (isLink(dir)) unlinkSync(dir);
      else if (!present.has(id)) rmSync(dir, {recursive: true, force: true});
    }
    if (!present.has(id)) continue;
    const sources = listPages(join(pagesRoot, id));
    const wanted = new Set(sources.map((s) => join(root, relative(pagesRoot, s))));
    if (existsSync(dir)) for (const file of listPages(dir)) if (!wanted.has(file)) rmSync(file);
    for (const source of sources) writePage(source, lang, root);
  }
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
