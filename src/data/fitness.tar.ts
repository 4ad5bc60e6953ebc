// Fitness: every page artifact of the case in one archive (see loaders/cases/fitness.ts).
import {writeArtifacts} from "../../loaders/artifacts.ts";
import {computeFitness} from "../../loaders/cases/fitness.ts";
import {isDataError} from "../../loaders/io/problems.ts";

try {
  await writeArtifacts(await computeFitness());
} catch (error) {
  if (!isDataError(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
