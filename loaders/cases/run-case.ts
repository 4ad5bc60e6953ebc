/**
 * The one loader of every case (src/data/<case>.tar.ts): resolve the case's inputs in DATA_DIR,
 * run its entry point once and write every page's artifact into one archive on stdout, with
 * `files.json`: the exports as the case's reader read them, for the Data quality page's file table. A case
 * DATA_DIR does not hold writes only `summary.json`, `files.json` and `dashboard.json` = null: its pages are not
 * built, and the overview leaves its panel out.
 */
import type {Text} from "../../src/components/i18n.ts";
import {writeArtifacts} from "../artifacts.ts";
import {caseInput, presentCaseIds} from "../inputs/resolve.ts";
import {runLoader} from "../io/run-loader.ts";
import {settings as defaultSettings, type Settings} from "../settings.ts";
import {caseById, type CaseId} from "./registry.ts";
import type {ArtifactFile, QualityArtifact} from "../quality/artifact.ts";

/** One export in the overview's file table. */
export interface FileRow {
  file: string;
  title: Text;
  format: "csv" | "parquet";
  rows: number;
  columns: number;
  separator: string | null;
  encoding: string | null;
  bytes: number;
}

export const fileRow = (f: ArtifactFile): FileRow => ({
  file: f.file, title: f.title, format: f.format, rows: f.rows, columns: f.columns,
  separator: f.dialect?.separator ?? null, encoding: f.dialect?.encoding ?? null, bytes: f.bytes
});

export async function runCase(id: CaseId, settings: Settings = defaultSettings): Promise<void> {
  await runLoader(async () => {
    if (!presentCaseIds(settings.dataDir).includes(id)) return {"summary.json": null, "files.json": null, "dashboard.json": null};
    const def = caseById(id);
    const artifacts = await (await def.load()).run(caseInput(settings.dataDir, id), settings);
    return {...artifacts, "files.json": {case: def.title, files: (artifacts["quality.json"] as QualityArtifact).files.map(fileRow)}};
  }, {write: writeArtifacts});
}
