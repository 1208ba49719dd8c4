export { loadManifest, readProcessStdin } from "./load-manifest.js";
export type { LoadManifestOptions } from "./load-manifest.js";
export { displayFile, parseManifest, sha256Hex } from "./parse-manifest.js";
export { SCHEMA_PATH } from "./schema-path.js";
export { isKeyLikeField } from "./secret-fields.js";
