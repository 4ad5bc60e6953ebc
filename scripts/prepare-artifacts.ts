/**
 * Runs before every build and preview (scripts/build.ts and scripts/dev.ts call `prepareArtifacts`
 * first; `tsx scripts/prepare-artifacts.ts` runs it alone). It first resolves the inputs in DATA_DIR (a faulty mapping
 * or a missing export stops here with the message) and writes the pages of each case DATA_DIR holds
 * into the site in the edition's language (pages/<case>/ → src/<case>/, scripts/editions.ts; absent
 * cases' pages are removed, so they are neither built nor in the sidebar). Framework reuses a cached loader output whenever one exists,
 * even when the data or the analytics code behind it changed, and stamps each output with the time
 * it was written (which ends up in the built pages). So this script:
 *  1. fingerprints everything an artifact depends on — the files under DATA_DIR, the code under
 *     loaders/ and src/data/, the files under src/ that loaders import (code shared with pages,
 *     e.g. src/components/format.ts), the lockfile and the settings — and drops the cached loader outputs
 *     when the fingerprint differs from the last run (never stale numbers);
 *  2. runs every data loader whose output is missing, two at a time, failing with the loader's own
 *     message (a data error names file, line, column) and a non-zero exit;
 *  3. unpacks archive loaders (`<case>.tar.ts`, see loaders/artifacts.ts) into the members Framework
 *     would extract, and stamps every output with the newest loader's modification time, so
 *     Framework treats them as fresh and two builds of the same inputs are byte-identical.
 */
import {spawn} from "node:child_process";
import {createHash} from "node:crypto";
import {createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, openSync, closeSync} from "node:fs";
import {dirname, join, relative} from "node:path";
import {pathToFileURL} from "node:url";
import {extract} from "tar-stream";
import {defaultLang, editionLang, readSettings} from "../loaders/settings.ts";
import {pagesRoot, writeEdition} from "./editions.ts";
import {cases} from "../loaders/cases/registry.ts";
import {resolveInputs} from "../loaders/inputs/resolve.ts";
import {isDataError} from "../loaders/io/problems.ts";

/** A message of the build in CLIENTELE_LANG (English by default). */
const say = (en: string, ru: string) => (defaultLang() === "ru" ? ru : en);

const sourceRoot = "src";
const cacheDir = join(sourceRoot, ".observablehq", "cache");
const fingerprintFile = join(cacheDir, ".clientele-fingerprint");
/** Framework's own caches of bundled node_modules; they do not depend on the data. */
const frameworkCaches = new Set(["_node", "_npm", "_jsr", ".clientele-fingerprint"]);
const loaderPattern = /\.[a-z0-9]+\.(ts|js)$/;

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, {withFileTypes: true})
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((entry) => {
      if (entry.name.startsWith(".") || entry.name === "node_modules") return [];
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
    });
}

async function hashFile(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Files under src/ that code in loaders/ imports (pages cannot import from loaders/, so shared code lives in
 * src/), with the files those import in turn (format.ts → i18n.ts). */
function sharedWithLoaders(): string[] {
  const importsOf = (file: string, pattern: RegExp) =>
    [...readFileSync(file, "utf8").matchAll(pattern)].map((m) => relative(".", join(dirname(file), m[1].replace(/\.js$/, ".ts"))));
  const found = new Set(listFiles("loaders").filter((file) => file.endsWith(".ts")).flatMap((file) => importsOf(file, /from "((?:\.\.\/)+src\/[^"]+)"/g)));
  for (const file of found) for (const next of importsOf(file, /from "(\.\/[^"]+)"/g)) if (existsSync(next)) found.add(next);
  return [...found].sort();
}

export async function fingerprint(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const settings = readSettings(env);
  const hash = createHash("sha256").update(JSON.stringify(settings));
  for (const source of [settings.dataDir, "loaders", join(sourceRoot, "data"), ...sharedWithLoaders(), "package-lock.json"]) {
    for (const file of listFiles(source)) hash.update(`${relative(".", file)}\0${await hashFile(file)}\0`);
  }
  return hash.digest("hex");
}

function clearLoaderOutputs(): void {
  if (!existsSync(cacheDir)) return;
  for (const entry of readdirSync(cacheDir)) if (!frameworkCaches.has(entry)) rmSync(join(cacheDir, entry), {recursive: true, force: true});
}

/** src/data/fitness/model.json.ts → src/.observablehq/cache/data/fitness/model.json */
function outputOf(loader: string): string {
  return join(cacheDir, relative(sourceRoot, loader).replace(/\.(ts|js)$/, ""));
}

/** Each loader's wall time in this run (ms), printed at the end. */
const loaderTimes = new Map<string, number>();

function runLoader(loader: string): Promise<void> {
  const output = outputOf(loader);
  const temp = `${output}.${process.pid}`;
  mkdirSync(dirname(output), {recursive: true});
  const fd = openSync(temp, "w");
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(loader.endsWith(".ts") ? "tsx" : process.execPath, [loader], {stdio: ["ignore", fd, "pipe"]});
    let stderr = "";
    child.stderr?.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => {
      closeSync(fd);
      if (code === 0) {
        renameSync(temp, output);
        loaderTimes.set(loader, performance.now() - started);
        const [name, bytes, ms] = [relative(sourceRoot, loader), statSync(output).size, Math.round(performance.now() - started)];
        console.error(say(`load ${name} → ${bytes} bytes in ${ms} ms`, `загрузчик ${name} → ${bytes} байт за ${ms} мс`));
        resolve();
      } else {
        rmSync(temp, {force: true});
        reject(new Error(`${relative(sourceRoot, loader)} ${say("failed", "не выполнен")}:\n${stderr.trim()}`));
      }
    });
  });
}

/** Writes each member of an archive output next to it (data/fitness.tar → data/fitness/<member>). */
async function unpack(archive: string): Promise<string[]> {
  const dir = archive.replace(/\.tar$/, "");
  const members: string[] = [];
  const reader = extract();
  createReadStream(archive).pipe(reader);
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const path = join(dir, entry.header.name);
    mkdirSync(dirname(path), {recursive: true});
    writeFileSync(path, Buffer.concat(chunks));
    members.push(path);
  }
  return members;
}

async function runAll(loaders: string[], concurrency = 2): Promise<void> {
  const queue = loaders.slice();
  const errors: Error[] = [];
  await Promise.all(
    Array.from({length: concurrency}, async () => {
      for (let loader = queue.shift(); loader; loader = queue.shift()) await runLoader(loader).catch((error) => errors.push(error));
    })
  );
  if (errors.length) throw new Error(errors.map((e) => e.message).join("\n\n"));
}

/**
 * Bundles the packages the pages and components import (d3, Plot, Inputs, htl…) into Framework's
 * own cache (src/.observablehq/cache/_node, kept across builds), while the loaders run. Otherwise
 * a cold build bundles them twice, once in each edition's Framework build (~7 s of CPU each), and
 * `npm run dev` bundles them before it serves its first page. The bundles are Framework's own
 * (its resolveNodeImport, the same rollup settings); one it cannot make is left to Framework,
 * which reports the error where the page imports it.
 */
export async function bundlePageImports(root = sourceRoot): Promise<string[]> {
  const specifiers = new Set<string>();
  for (const file of [...listFiles(pagesRoot), ...listFiles(join(sourceRoot, "components"))].filter((f) => /\.(md|js|ts)$/.test(f))) {
    for (const [, specifier] of readFileSync(file, "utf8").matchAll(/\b(?:from|import)\s*\(?\s*["']([^"'./][^"']*)["']/g)) {
      if (!specifier.includes(":")) specifiers.add(specifier);
    }
  }
  const missing = [...specifiers].sort().filter((specifier) => !isBundled(specifier, root));
  if (!missing.length) return []; // the usual case: Framework's rollup is not even loaded
  const started = performance.now();
  const framework = "@observablehq/framework/dist/node.js";
  const {resolveNodeImport} = (await import(framework)) as {resolveNodeImport: (root: string, specifier: string) => Promise<string>};
  for (const specifier of missing) await resolveNodeImport(root, specifier).catch(() => undefined);
  bundleTime = performance.now() - started;
  return missing;
}

/** Whether Framework's cache under `root` holds the bundle of a package imported by name (where Framework puts it: _node/<name>@<version>/index.js). */
export function isBundled(specifier: string, root = sourceRoot): boolean {
  const name = specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
  if (name !== specifier) return false; // a subpath: let Framework's own resolution decide
  try {
    const {version} = JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8"));
    return existsSync(join(root, ".observablehq", "cache", "_node", `${name}@${version}`, "index.js"));
  } catch {
    return false;
  }
}
let bundleTime = 0;

function presentCases(): Set<string> {
  try {
    const inputs = resolveInputs(readSettings().dataDir);
    if (!inputs.cases.length) {
      const folders = cases.map((c) => `${c.id}/`).join(", ");
      throw new Error(say(`DATA_DIR (${inputs.dataDir}) holds no case: no ${folders} folder and no mapping file.\nRun \`npm run init -- ${inputs.dataDir}\` to map your exports to the cases, or set DATA_DIR to another folder.`,
        `В DATA_DIR (${inputs.dataDir}) нет ни одного кейса: нет папок ${folders} и нет файла сопоставления.\nЗапустите \`npm run init -- ${inputs.dataDir}\`, чтобы сопоставить свои выгрузки кейсам, или укажите в DATA_DIR другую папку.`));
    }
    return new Set(inputs.cases.map((c) => c.id));
  } catch (error) {
    console.error(`\nclientele: ${say("the report cannot be built.", "отчёт не удаётся построить.")}\n\n${isDataError(error) ? error.message : (error as Error).message}`);
    process.exit(1);
  }
}

/** Everything above, before a build or preview (`npm run build` and `npm run dev` call it first, in their own process). */
export async function prepareArtifacts(): Promise<void> {
  writeEdition(editionLang(), presentCases());
  const current = await fingerprint();
  const previous = existsSync(fingerprintFile) ? readFileSync(fingerprintFile, "utf8") : null;
  if (previous !== current) {
    clearLoaderOutputs();
    if (previous) console.error(`clientele: ${say("inputs changed since the last build; recomputing every artifact", "входные данные изменились с прошлой сборки; все артефакты пересчитываются")} (${say("data", "данные")}: ${readSettings().dataDir})`);
  }
  const loaders = listFiles(join(sourceRoot, "data")).filter((file) => loaderPattern.test(file));
  try {
    await Promise.all([runAll(loaders.filter((loader) => !existsSync(outputOf(loader)))), bundlePageImports()]);
  } catch (error) {
    rmSync(fingerprintFile, {force: true});
    console.error(`\nclientele: ${say("the report cannot be built.", "отчёт не удаётся построить.")}\n\n${(error as Error).message}`);
    process.exit(1);
  }
  const outputs = loaders.map(outputOf);
  for (const archive of outputs.filter((output) => output.endsWith(".tar"))) outputs.push(...(await unpack(archive)));
  const stamp = new Date(Math.max(...loaders.map((loader) => statSync(loader).mtimeMs)));
  for (const output of outputs) utimesSync(output, stamp, stamp);
  mkdirSync(cacheDir, {recursive: true});
  writeFileSync(fingerprintFile, current);
  console.error(`clientele: ${say("loaders", "загрузчики")} ${loaders.map((l) => `${relative(join(sourceRoot, "data"), l)} ${loaderTimes.has(l) ? `${(loaderTimes.get(l)! / 1000).toFixed(1)} ${say("s", "с")}` : say("cached", "из кэша")}`).join(", ")}${bundleTime ? `; ${say("page imports bundled in", "импорты страниц собраны за")} ${(bundleTime / 1000).toFixed(1)} ${say("s", "с")}` : ""}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await prepareArtifacts();
