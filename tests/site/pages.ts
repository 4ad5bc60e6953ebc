/** The pages of the sidebar, read from the Framework config the site is built with. */
import config from "../../observablehq.config.ts";

interface ConfigPage {
  name: string;
  path: string;
  pages?: ConfigPage[];
}

export function sidebarPaths(): string[] {
  const walk = (pages: ConfigPage[]): string[] => pages.flatMap((page) => (page.pages ? walk(page.pages) : [page.path]));
  return walk(config.pages as ConfigPage[]);
}
