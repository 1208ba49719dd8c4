import { join } from "node:path";
import { PACKAGE_ROOT } from "../version.js";

/** The manifest's JSON Schema, the single source of the format, found beside the installed package. */
export const SCHEMA_PATH = join(PACKAGE_ROOT, "schemas", "reload.config.schema.json");
