import {inventory} from "../../loaders/inventory.ts";
import {settings} from "../../loaders/settings.ts";

process.stdout.write(JSON.stringify(await inventory(settings.dataDir)));
