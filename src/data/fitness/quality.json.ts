import {settings} from "../../../loaders/settings.ts";
import {runLoader} from "../../../loaders/io/run-loader.ts";
import {loadFitness} from "../../../loaders/clean/fitness.ts";
import {fitnessSchema} from "../../../loaders/io/schemas/fitness.ts";
import {qualityArtifact} from "../../../loaders/quality/artifact.ts";

await runLoader(async () => qualityArtifact((await loadFitness(settings.dataDir)).quality, fitnessSchema, settings));
