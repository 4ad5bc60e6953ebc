/**
 * What every page states at its foot, in one place: the case, the exports its figures come from
 * (file, rows and, when the exports carry dates, the period they cover) and the date of the build.
 * observablehq.config.ts hands `pageFooter` to Framework; `npm run pdf` (scripts/pdf.ts) prints the
 * same facts on its covers.
 *
 * The facts come from each case's artifacts as scripts/prepare-artifacts.ts left them in
 * Framework's cache: `files.json` (every case writes it) and `summary.json`'s optional
 * `period: {start, end}` (ISO dates; a case whose exports carry dates sets it).
 *
 * The build date is SOURCE_DATE_EPOCH's (seconds since 1970, the reproducible-builds convention)
 * when it is set, else today's (UTC): two builds of the same inputs on one day, or with one
 * SOURCE_DATE_EPOCH, are byte-identical.
 */
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {cases, type CaseDefinition} from "../loaders/cases/registry.ts";
import {editionLang} from "../loaders/settings.ts";
import {formats} from "../src/components/format.ts";
import {tr, type Lang, type Text} from "../src/components/i18n.ts";
import {nouns} from "../src/components/glossary.ts";

export const artifactCache = join("src", ".observablehq", "cache", "data");

export interface CaseFacts {
  id: string;
  title: Text;
  files: {file: string; rows: number | null}[];
  period: {start: string; end: string} | null;
  /** Whether the case's template reads a date column at all (loaders/io/schemas). */
  dated: boolean;
}

export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}

/** "6 December 2026" ("6 декабря 2026 г."): the date alone, in UTC, so the time zone of the build machine does not matter. */
export function formatDate(date: Date | string, lang: Lang = "en"): string {
  return formats(lang).longDate(date);
}

function readArtifact(caseId: string, name: string, cache: string): Record<string, unknown> | null {
  const path = join(cache, caseId, name);
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
}

/** The facts of one built case, or null when the build holds no such case. */
export function caseFacts(def: CaseDefinition, cache = artifactCache): CaseFacts | null {
  const files = readArtifact(def.id, "files.json", cache) as {files: {file: string; rows: number | null}[]} | null;
  if (!files) return null;
  const summary = readArtifact(def.id, "summary.json", cache);
  const period = summary?.period as {start?: unknown; end?: unknown} | undefined;
  const dated = typeof period?.start === "string" && typeof period?.end === "string";
  return {
    id: def.id,
    title: def.title,
    files: files.files,
    period: dated ? {start: period!.start as string, end: period!.end as string} : null,
    dated: def.schema.files.some((f) => f.columns.some((c) => c.type === "datetime"))
  };
}

const escape = (text: string): string => text.replace(/[&<>"]/g, (c) => `&${({"&": "amp", "<": "lt", ">": "gt", '"': "quot"})[c]};`);

/**
 * "gym_churn_us.csv (4,000 rows); the exports carry no calendar dates" — plain text. A template that
 * reads dates but whose summary gives no period says so rather than claim the exports are undated.
 */
export function dataSource(facts: CaseFacts, lang: Lang = "en"): string {
  const f = formats(lang);
  const files = facts.files.map((file) => (file.rows === null ? file.file : `${file.file} (${f.count(file.rows, nouns.row)})`)).join(", ");
  const ru = lang === "ru";
  const period = facts.period
    ? ru ? `с ${formatDate(facts.period.start, lang)} по ${formatDate(facts.period.end, lang)}` : `from ${formatDate(facts.period.start)} to ${formatDate(facts.period.end)}`
    : facts.dated
      ? ru ? "период не указан в отчёте кейса" : "period not reported by the case"
      : ru ? "в выгрузках нет календарных дат" : "the exports carry no calendar dates";
  return `${files}; ${period}`;
}

/** The case a site path belongs to ("/fitness/model" → fitness), or undefined for the overview. */
export function caseOfPath(path: string): CaseDefinition | undefined {
  const first = path.split("/").filter(Boolean)[0];
  return cases.find((c) => c.id === first);
}

/** Where a PDF is from a page at `path` (relative, so the site works under any sub-path). */
export function pdfHref(path: string, name: string): string {
  const depth = Math.max(0, path.split("/").filter(Boolean).length - 1);
  return `${"../".repeat(depth)}pdf/${name}.pdf`;
}

/**
 * The link to the page's PDF, as the build writes it: hidden and without an href (the PDF does not
 * exist yet, and Framework would report it as a broken link). `npm run pdf` turns it into a plain
 * link once the PDF is written (see `showPdfLink`).
 */
export function pdfLink(path: string, name: string, label: string): string {
  return `<a class="pdf-link" data-href="${pdfHref(path, name)}" hidden>${escape(label)}</a>`;
}

/** The built page's HTML with its PDF link shown (Framework writes the bare `hidden` as `hidden=""`). */
export function showPdfLink(html: string): string {
  return html.replace(/<a class="pdf-link" data-href="([^"]*)" hidden(="")?>/g, '<a class="pdf-link" href="$1">');
}

/** Framework's `footer` option: a function of the page's path, in the edition's language. */
export function pageFooter({path}: {path: string}, cache = artifactCache, env: NodeJS.ProcessEnv = process.env): string {
  const lang = editionLang(env);
  const ru = lang === "ru";
  const date = buildDate(env);
  const time = `<time class="build-date" datetime="${date.toISOString().slice(0, 10)}">${formatDate(date, lang)}</time>`;
  const built = ru ? `Отчёт собран ${time}.` : `Built on ${time}.`;
  const note = ru ? "Все цифры рассчитаны по выгрузкам при сборке отчёта." : "Every figure is computed from the exports at build time.";
  const data = ru ? "данные" : "data";
  const def = caseOfPath(path);
  const facts = def ? caseFacts(def, cache) : null;
  if (def && facts) {
    const title = tr(def.title, lang);
    const pdf = pdfLink(path, def.id, ru ? `Отчёт «${title}» в PDF` : `The ${title} report as a PDF`);
    return `<p class="page-facts">${escape(title)} — ${data}: ${escape(dataSource(facts, lang))}. ${built} ${note} ${pdf}</p>`;
  }
  const present = cases.map((c) => caseFacts(c, cache)).filter((f): f is CaseFacts => f !== null);
  const items = present.map((f) => `<li>${escape(tr(f.title, lang))}: ${escape(dataSource(f, lang))}</li>`).join("");
  const pdf = pdfLink(path, "overview", ru ? "Обзор в PDF" : "The overview as a PDF");
  return `<div class="page-facts">${items ? `${ru ? "Данные" : "Data"}: <ul>${items}</ul>` : ""}<p>${built} ${note} ${pdf}</p></div>`;
}
