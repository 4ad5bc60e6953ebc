// experiment: every page artifact of the case in one archive (see loaders/cases/run-case.ts).
import {runCase} from "../../loaders/cases/run-case.ts";

await runCase("experiment");
