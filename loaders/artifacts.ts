/**
 * A case computes its analysis once and writes every page's artifact into one tar archive on
 * stdout (`src/data/<case>.tar.ts`). Pages read single members — `FileAttachment("../data/<case>/model.json")`
 * — and Framework ships only the members a page uses. Headers carry a fixed time so identical
 * artifacts give an identical archive.
 */
import {pack} from "tar-stream";

export type Artifacts = Record<string, unknown>;

export async function writeArtifacts(artifacts: Artifacts, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const archive = pack();
  const done = new Promise<void>((resolve, reject) => {
    archive.on("error", reject);
    output.on("error", reject);
    archive.on("end", resolve);
  });
  archive.pipe(output);
  for (const name of Object.keys(artifacts).sort()) {
    if (!name.endsWith(".json")) throw new Error(`artifact ${name}: only .json artifacts are written`);
    archive.entry({name, mtime: new Date(0), mode: 0o644}, JSON.stringify(artifacts[name]));
  }
  archive.finalize();
  await done;
}
