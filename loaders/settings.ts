/**
 * Build settings, read once from the environment. Every loader takes its inputs from here, and
 * scripts/fresh-cache.ts fingerprints them, so a change of setting never shows a stale artifact.
 */
import {resolve} from "node:path";

export interface Settings {
  /** Folder holding one subfolder per case (`fitness/`, `one-click/`, `ecommerce/`). */
  dataDir: string;
  /**
   * Whether customer-level rows (customer ids with their scores, mailing lists) may be written
   * into the built site. Off unless CLIENTELE_CUSTOMER_ROWS is "1" / "true" / "yes".
   */
  customerRows: boolean;
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    dataDir: resolve(env.DATA_DIR || "data"),
    customerRows: /^(1|true|yes)$/i.test(env.CLIENTELE_CUSTOMER_ROWS ?? "")
  };
}

export const settings: Settings = readSettings();
