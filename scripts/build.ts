/**
 * `npm run build`: the artifacts (scripts/prepare-artifacts.ts, in this process), then one site with both editions. Each language's
 * pages are written from their one source (scripts/editions.ts) and built by Framework, the editions
 * at the same time, each with its config (observablehq.config.ts reads CLIENTELE_EDITION and
 * CLIENTELE_ROOT); the loaders' outputs are already in Framework's cache, so they are not run again. Framework 1.13 sets no `lang`, so each
 * page's `<html>` gets its edition's. The default language (CLIENTELE_LANG) goes to the output's
 * root, the other under its code (`dist/ru/…`).
 */
import {spawn, spawnSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {languages, type Lang} from "../src/components/i18n.ts";
import {defaultLang, readSettings} from "../loaders/settings.ts";
import {presentCaseIds} from "../loaders/inputs/resolve.ts";
import {editionPrefix, linkEditions} from "./language-switch.ts";
import {writeEdition} from "./editions.ts";
import {prepareArtifacts} from "./prepare-artifacts.ts";

await prepareArtifacts();

const output = process.env.CLIENTELE_OUTPUT_DIR || "dist";
const home = defaultLang();
const present = new Set(presentCaseIds(readSettings().dataDir));

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith(".html") ? [join(dir, e.name)] : []);
}

/** Framework's own English words in a page and in its client script (the sidebar toggle's title,
 *  set again when the page loads; the pager's labels are CSS: src/style.css). Script text is
 *  written with \u escapes, so it reads the same whatever charset a host declares. */
const escaped = (s: string) => [...s].map((c) => (c.charCodeAt(0) > 127 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}` : c)).join("");
const frameworkWords: Record<Lang, {html: [string, string][]; script: [string, string][]}> = {
  en: {html: [], script: []},
  ru: {
    html: [['title="Toggle sidebar"', 'title="Показать или скрыть меню"']],
    script: [["Toggle sidebar ", escaped("Показать или скрыть меню ")]]
  }
};

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), suffix) : e.name.endsWith(suffix) ? [join(dir, e.name)] : []);
}

/** Gives every page of a built edition its language, Framework's words in it, and links its language switch. */
export function finishEdition(dir: string, lang: Lang): void {
  for (const file of htmlFiles(dir)) {
    let html = linkEditions(readFileSync(file, "utf8").replace(/^(<!DOCTYPE html>\s*)<html>/i, `$1<html lang="${lang}">`));
    for (const [from, to] of frameworkWords[lang].html) html = html.replaceAll(from, to);
    writeFileSync(file, html);
  }
  if (!frameworkWords[lang].script.length) return;
  for (const file of filesUnder(join(dir, "_observablehq"), ".js")) {
    const script = readFileSync(file, "utf8");
    let changed = script;
    for (const [from, to] of frameworkWords[lang].script) changed = changed.replaceAll(from, to);
    if (changed !== script) writeFileSync(file, changed);
  }
}

/**
 * Where an edition is built from: the default language from src/ (the root `npm run dev` previews);
 * each other language from a copy of src/ made of hard links beside it (.src-<lang>/: the same
 * components, loaders and Framework cache, its own pages), so the editions build at the same time.
 */
function editionRoot(lang: Lang): string {
  if (lang === home) return "src";
  const root = `.src-${lang}`;
  rmSync(root, {recursive: true, force: true});
  const copy = spawnSync("cp", ["-al", "src", root]);
  if (copy.status !== 0) throw new Error(`cannot copy src/ to ${root}: ${copy.stderr}`);
  return root;
}

function buildEdition(lang: Lang, dir: string): Promise<void> {
  const root = editionRoot(lang);
  writeEdition(lang, present, root);
  const started = performance.now();
  const child = spawn(join("node_modules", ".bin", "observable"), ["build"], {
    stdio: ["ignore", "pipe", "pipe"],
    env: {...process.env, CLIENTELE_EDITION: lang, CLIENTELE_ROOT: root, CLIENTELE_OUTPUT_DIR: dir, OBSERVABLE_TELEMETRY_DISABLE: "true"}
  });
  let log = "";
  child.stdout.on("data", (chunk) => (log += chunk));
  child.stderr.on("data", (chunk) => (log += chunk));
  return new Promise((resolve, reject) => child.on("close", (code) => {
    process.stderr.write(log);
    if (code !== 0) return reject(new Error(`the ${lang} edition did not build (observable build exited with ${code})`));
    finishEdition(dir, lang);
    console.error(`clientele: ${lang} edition built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    resolve();
  }));
}

const editions = [home, ...languages.filter((l) => l !== home)];
const dirs = editions.map((lang) => `${output}.${lang}`);
try {
  await Promise.all(editions.map((lang, i) => buildEdition(lang, dirs[i])));
  rmSync(output, {recursive: true, force: true});
  renameSync(dirs[0], output);
  editions.slice(1).forEach((lang, i) => renameSync(dirs[i + 1], join(output, editionPrefix(lang, home))));
} catch (error) {
  console.error(`\nclientele: ${(error as Error).message}.`);
  process.exitCode = 1;
} finally {
  for (const dir of dirs) if (existsSync(dir)) rmSync(dir, {recursive: true, force: true});
  for (const lang of editions) if (lang !== home) rmSync(`.src-${lang}`, {recursive: true, force: true});
}
