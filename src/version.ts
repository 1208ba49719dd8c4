// The tool's own version, read once from package.json beside the installed files.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

/** The installed package's root folder (where package.json, schemas/ and examples/ live). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

export const VERSION: string = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }
).version;
