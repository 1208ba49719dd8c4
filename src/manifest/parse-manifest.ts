import { createHash } from "node:crypto";
import { displayFile } from "./display-file.js";
import { parseFast } from "./fast-path.js";
import { parseWithYaml } from "./parse-with-yaml.js";
import type { Manifest } from "./types.js";

export { displayFile };

export function sha256Hex(content: string | Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

/**
 * The manifest text → a typed, defaulted Manifest, or a ManifestError holding every problem in
 * file order. `path` is the path as the user gave it (`-` for stdin).
 */
export function parseManifest(text: string, path: string, sha256: string = sha256Hex(text)): Manifest {
  const meta = { path, file: displayFile(path), sha256 };
  // Anything the fast path declines, and every problem, goes through `yaml` with positions.
  return parseFast(text, meta) ?? parseWithYaml(text, meta);
}
