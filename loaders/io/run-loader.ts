/**
 * Entry point helper for `src/data/**.json.ts` loaders: run the computation, write its JSON to
 * stdout; on a DataError print the readable message (no stack trace) to stderr and exit 1.
 *
 *   runLoader(async () => qualityArtifact(await loadFitness(settings.dataDir)));
 */
import {isDataError} from "./problems.ts";

export interface RunLoaderOptions {
  /** Where output goes (default process.stdout / process.stderr). */
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  /** Called with the exit code on failure (default process.exit). */
  exit?: (code: number) => void;
}

export async function runLoader(compute: () => Promise<unknown>, {stdout = process.stdout, stderr = process.stderr, exit = (code) => process.exit(code)}: RunLoaderOptions = {}): Promise<void> {
  try {
    const artifact = await compute();
    const text = JSON.stringify(artifact);
    await new Promise<void>((resolve, reject) => stdout.write(text, (error) => (error ? reject(error) : resolve())));
  } catch (error) {
    if (isDataError(error)) {
      stderr.write(`${error.message}\n`);
      exit(1);
      return;
    }
    stderr.write(`Unexpected failure while building this data file: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    exit(2);
  }
}
