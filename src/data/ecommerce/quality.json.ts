import {settings} from "../../../loaders/settings.ts";
import {runLoader} from "../../../loaders/io/run-loader.ts";
import {loadEcommerce} from "../../../loaders/clean/ecommerce.ts";
import {ecommerceSchema} from "../../../loaders/io/schemas/ecommerce.ts";
import {qualityArtifact} from "../../../loaders/quality/artifact.ts";

await runLoader(async () => qualityArtifact((await loadEcommerce(settings.dataDir)).quality, ecommerceSchema, settings));
