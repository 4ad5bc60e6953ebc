// One Click: every page artifact of the case in one archive (see loaders/cases/one-click.ts).
import {writeArtifacts} from "../../loaders/artifacts.ts";
import {computeOneClick} from "../../loaders/cases/one-click.ts";
import {isDataError} from "../../loaders/io/problems.ts";

try {
  await writeArtifacts(await computeOneClick());
} catch (error) {
  if (!isDataError(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
