/**
 * The one loader of every case (src/data/<case>.tar.ts): resolve the case's inputs in DATA_DIR,
 * run its entry point once and write every page's artifact into one archive on stdout.
 */
import {writeArtifacts} from "../artifacts.ts";
import {caseInput} from "../inputs/resolve.ts";
import {runLoader} from "../io/run-loader.ts";
import {settings as defaultSettings, type Settings} from "../settings.ts";
import {caseById, type CaseId} from "./registry.ts";

export async function runCase(id: CaseId, settings: Settings = defaultSettings): Promise<void> {
  await runLoader(async () => {
    const {run} = await caseById(id).load();
    return run(caseInput(settings.dataDir, id), settings);
  }, {write: writeArtifacts});
}
