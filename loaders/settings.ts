/**
 * Build settings, read once from the environment. Every loader takes its inputs from here, and
 * scripts/fresh-cache.ts fingerprints them, so a change of setting never shows a stale artifact.
 */
import {resolve} from "node:path";

import type {Lang} from "../src/components/i18n.ts";

export interface Settings {
  /** Folder holding one subfolder per case (`fitness/`, `one-click/`, `ecommerce/`). */
  dataDir: string;
  /**
   * Whether customer-level rows (customer ids with their scores, mailing lists) may be written
   * into the built site. Off unless CLIENTELE_CUSTOMER_ROWS is "1" / "true" / "yes".
   */
  customerRows: boolean;
  /** Share of each action list held back as a control group ("do not contact"), 0–0.5.
   * CLIENTELE_CONTROL_SHARE, 0.1 by default. */
  controlShare: number;
  /** The currency of the exports' money where the mapping does not say (CLIENTELE_CURRENCY, e.g. "₽"); "" = not said. */
  currency: string;
}

function controlShare(text: string | undefined): number {
  if (text === undefined || text === "") return 0.1;
  const share = Number(text);
  if (!(share >= 0 && share <= 0.5)) throw new Error(`CLIENTELE_CONTROL_SHARE: expected a share between 0 and 0.5 (e.g. 0.1 for 10 %), found ${JSON.stringify(text)}`);
  return share;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    dataDir: resolve(env.DATA_DIR || "data"),
    customerRows: /^(1|true|yes)$/i.test(env.CLIENTELE_CUSTOMER_ROWS ?? ""),
    controlShare: controlShare(env.CLIENTELE_CONTROL_SHARE),
    currency: (env.CLIENTELE_CURRENCY ?? "").trim()
  };
}

export const settings: Settings = readSettings();

/**
 * The report's default language (CLIENTELE_LANG: "en" or "ru", English by default): the edition at
 * the site's root, the other one under its code (`ru/…`), and the language of build errors and
 * `npm run init`. Not a Setting: loaders write both languages, so it does not change an artifact.
 */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const text = (env.CLIENTELE_LANG ?? "").trim().toLowerCase();
  if (text === "") return "en";
  if (text === "en" || text === "ru") return text;
  throw new Error(`CLIENTELE_LANG: expected "en" or "ru", found ${JSON.stringify(env.CLIENTELE_LANG)}`);
}

/** The edition being built or previewed: CLIENTELE_EDITION (set by scripts/build.ts), else the default language. */
export function editionLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const edition = env.CLIENTELE_EDITION;
  return edition === "en" || edition === "ru" ? edition : defaultLang(env);
}

