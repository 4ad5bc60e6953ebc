import {settings} from "../../../loaders/settings.ts";
import {runLoader} from "../../../loaders/io/run-loader.ts";
import {loadOneClick} from "../../../loaders/clean/one-click.ts";
import {oneClickSchema} from "../../../loaders/io/schemas/one-click.ts";
import {qualityArtifact} from "../../../loaders/quality/artifact.ts";

await runLoader(async () => qualityArtifact((await loadOneClick(settings.dataDir)).quality, oneClickSchema, settings));
