import { createHash } from "node:crypto";
import { buildManifest } from "./build-manifest.js";
import type { RawManifest } from "./build-manifest.js";
import { checkManifest } from "./check-manifest.js";
import { displayFile } from "./display-file.js";
import { parseWithYaml } from "./parse-with-yaml.js";
import { readPlainYaml } from "./plain-yaml.js";
import { ProblemList } from "./problem-list.js";
import { validateManifestShape } from "./schema-validator.js";
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
  // Fast path: plain YAML that passes every check needs no `yaml` at all. A schema-valid
  // manifest has no key-like field (each is an unknown key), so no secret check is skipped.
  const plain = readPlainYaml(text);
  if (plain && validateManifestShape(plain.value)) {
    const problems = new ProblemList(meta.file);
    checkManifest(plain.value, plain.locator, problems);
    if (problems.size === 0) return { ...buildManifest(plain.value as RawManifest, meta, plain.locator), source: text };
  }
  // Anything else, and every problem, goes through `yaml` with positions.
  return { ...parseWithYaml(text, meta), source: text };
}
