// E-commerce: every page artifact of the case in one archive (see loaders/cases/ecommerce.ts).
import {writeArtifacts} from "../../loaders/artifacts.ts";
import {computeEcommerce} from "../../loaders/cases/ecommerce.ts";
import {isDataError} from "../../loaders/io/problems.ts";

try {
  await writeArtifacts(await computeEcommerce());
} catch (error) {
  if (!isDataError(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
