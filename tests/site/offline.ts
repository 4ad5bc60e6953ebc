/**
 * Scans a built site for anything that would make the reader's browser contact another host:
 * scripts, stylesheets, fonts, images, imports, fetches — any absolute http(s) URL, in fact,
 * except XML namespace identifiers, which are names and never fetched.
 */
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {listFiles} from "./build.ts";

const namespaces = new Set([
  "http://www.w3.org/2000/svg",
  "http://www.w3.org/1999/xhtml",
  "http://www.w3.org/1999/xlink",
  "http://www.w3.org/XML/1998/namespace",
  "http://www.w3.org/2000/xmlns/"
]);
const textFile = /\.(html|js|css|json|svg|txt|md|map|csv)$/;
const absoluteUrl = /(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?(?:\/[^\s"'`)<>]*)?/gi;

export interface ExternalReference {
  file: string;
  url: string;
  context: string;
}

export function findExternalReferences(site: string): ExternalReference[] {
  const found: ExternalReference[] = [];
  for (const file of listFiles(site).filter((f) => textFile.test(f))) {
    const text = readFileSync(join(site, file), "utf8");
    for (const match of text.matchAll(absoluteUrl)) {
      const url = match[0];
      if (!/^(https?:)?\/\//i.test(url) || namespaces.has(url)) continue;
      // Protocol-relative matches need a quote, url( or = right before them to be a reference.
      if (url.startsWith("//") && !/["'(=]$/.test(text.slice(Math.max(0, match.index! - 1), match.index!))) continue;
      const context = text.slice(Math.max(0, match.index! - 60), match.index! + url.length + 20).replace(/\s+/g, " ");
      found.push({file, url, context});
    }
  }
  return found;
}
