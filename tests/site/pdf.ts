/** Runs `npm run pdf` on a built site and reads the PDFs back with poppler-utils (pdfinfo, pdftotext). */
import {spawnSync} from "node:child_process";

export interface Printed {
  /** Seconds each document took, by name ("overview", "fitness", …; "ru/fitness" for the Russian edition's), from the script's log. */
  seconds: Record<string, number>;
}

export function runPdf(site: string): Printed {
  const run = spawnSync("npx", ["tsx", "scripts/pdf.ts", "--site", site], {encoding: "utf8", maxBuffer: 16 * 1024 * 1024});
  if (run.status !== 0) throw new Error(`npm run pdf failed (exit ${run.status}):\n${run.stderr}\n${run.stdout}`);
  const seconds: Record<string, number> = {};
  for (const [, edition = "", name, s] of run.stdout.matchAll(/(ru\/)?pdf\/([\w-]+)\.pdf: .* in ([\d.]+) s/g)) seconds[edition + name] = Number(s);
  return {seconds};
}

function poppler(tool: string, args: string[]): string {
  const run = spawnSync(tool, args, {encoding: "utf8", maxBuffer: 64 * 1024 * 1024});
  if (run.error) throw new Error(`${tool} not found: install Debian's poppler-utils (bash .ci/run does)`);
  if (run.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${run.stderr}`);
  return run.stdout;
}

export function pageCount(pdf: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(poppler("pdfinfo", [pdf]))?.[1]);
}

/** The PDF's text with every run of white space (line breaks, no-break and thin spaces) made one space. */
export function pdfText(pdf: string): string {
  return normaliseSpace(poppler("pdftotext", ["-enc", "UTF-8", pdf, "-"]));
}

export const normaliseSpace = (text: string): string => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
