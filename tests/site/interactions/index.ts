/**
 * Page interactions checked by the browser test: for a page path, a function that works the page's
 * inputs and asserts (with node:assert) that what should change did. Each case adds its own module
 * to this list.
 */
import type {Page} from "playwright-core";

export type Interaction = (page: Page) => Promise<void>;

const modules = await Promise.all(
  ["./fitness.ts", "./one-click.ts", "./ecommerce.ts", "./experiment.ts"].map((path) =>
    import(path).then((m: {interactions: Record<string, Interaction>}) => m.interactions).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ERR_MODULE_NOT_FOUND" && error.message.includes(path.slice(2))) return {};
      throw error;
    })
  )
);

export const interactions: Record<string, Interaction> = Object.assign({}, ...modules);
