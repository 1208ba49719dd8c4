import { join } from "node:path";
import { PACKAGE_ROOT } from "../version.js";

/** The manifest's JSON Schema, the single source of the format, found beside the installed package. */
export const SCHEMA_PATH = join(PACKAGE_ROOT, "schemas", "reload.config.schema.json");

/**
 * The first line of every manifest we show or write: the schema as a user's repository has it,
 * installed as a devDependency (yaml-language-server reads the path relative to the manifest).
 */
export const SCHEMA_MODELINE = "# yaml-language-server: $schema=./node_modules/reloadctl/schemas/reload.config.schema.json";
