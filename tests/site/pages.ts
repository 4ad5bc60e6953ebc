/** The pages of the sidebar, read from the Framework config the site is built with. */
import config from "../../observablehq.config.ts";

interface ConfigPage {
  name: string;
  path?: string;
  pages?: ConfigPage[];
}

/** Every page the sidebar links, a section's own page (a case's Summary) before its pages. */
export function sidebarPaths(): string[] {
  const walk = (pages: ConfigPage[]): string[] => pages.flatMap((page) => [...(page.path ? [page.path] : []), ...(page.pages ? walk(page.pages) : [])]);
  return walk(config.pages as ConfigPage[]);
}
