/**
 * The one loader of every case (src/data/<case>.tar.ts): resolve the case's inputs in DATA_DIR,
 * run its entry point once and write every page's artifact into one archive on stdout. A case
 * DATA_DIR does not hold writes only `summary.json` = null: its pages are not built, and the
 * overview leaves its card out.
 */
import {writeArtifacts} from "../artifacts.ts";
import {caseInput, presentCaseIds} from "../inputs/resolve.ts";
import {runLoader} from "../io/run-loader.ts";
import {settings as defaultSettings, type Settings} from "../settings.ts";
import {caseById, type CaseId} from "./registry.ts";

export async function runCase(id: CaseId, settings: Settings = defaultSettings): Promise<void> {
  await runLoader(async () => {
    if (!presentCaseIds(settings.dataDir).includes(id)) return {"summary.json": null};
    const {run} = await caseById(id).load();
    return run(caseInput(settings.dataDir, id), settings);
  }, {write: writeArtifacts});
}
