/**
 * Entry point helper for `src/data/` loaders: run the computation, write its result to stdout
 * (JSON by default; case archives pass loaders/artifacts.ts's writer); on a DataError print the
 * readable message (no stack trace) to stderr and exit 1.
 *
 *   runLoader(async () => compute(settings));
 */
import {isDataError} from "./problems.ts";
import {defaultLang} from "../settings.ts";

export interface RunLoaderOptions {
  /** Where output goes (default process.stdout / process.stderr). */
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WritableStream;
  /** Called with the exit code on failure (default process.exit). */
  exit?: (code: number) => void;
  /** Writes the result (default: as JSON). */
  write?: (result: any, stdout: NodeJS.WritableStream) => Promise<void>;
}

const writeJson = (result: unknown, stdout: NodeJS.WritableStream) =>
  new Promise<void>((resolve, reject) => stdout.write(JSON.stringify(result), (error) => (error ? reject(error) : resolve())));

export async function runLoader(compute: () => Promise<unknown>, {stdout = process.stdout, stderr = process.stderr, exit = (code) => process.exit(code), write = writeJson}: RunLoaderOptions = {}): Promise<void> {
  try {
    await write(await compute(), stdout);
  } catch (error) {
    if (isDataError(error)) {
      stderr.write(`${error.message}\n`);
      exit(1);
      return;
    }
    const head = defaultLang() === "ru" ? "Непредвиденный сбой при построении этого файла данных" : "Unexpected failure while building this data file";
    stderr.write(`${head}: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    exit(2);
  }
}
