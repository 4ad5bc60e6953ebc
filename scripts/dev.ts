/**
 * `npm run dev`: the artifacts (scripts/prepare-artifacts.ts, in this process), then Framework's preview of one edition (the default
 * language, or CLIENTELE_LANG=ru npm run dev for the Russian one), rewriting a page into src/
 * (scripts/editions.ts) whenever its source under pages/ changes, so edits show live.
 */
import {spawn} from "node:child_process";
import {existsSync, watch} from "node:fs";
import {join} from "node:path";
import {editionLang} from "../loaders/settings.ts";
import {pagesRoot, writePage} from "./editions.ts";
import {prepareArtifacts} from "./prepare-artifacts.ts";

await prepareArtifacts();

const lang = editionLang();
const preview = spawn(join("node_modules", ".bin", "observable"), ["preview", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {...process.env, CLIENTELE_EDITION: lang, OBSERVABLE_TELEMETRY_DISABLE: "true"}
});
watch(pagesRoot, {recursive: true}, (_event, name) => {
  const source = name && join(pagesRoot, name.toString());
  if (!source || !source.endsWith(".md") || !existsSync(source)) return;
  try {
    writePage(source, lang);
  } catch (error) {
    console.error(`clientele: ${(error as Error).message}`);
  }
});
preview.on("exit", (code) => process.exit(code ?? 0));
