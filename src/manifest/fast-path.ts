// The fast path on its own, so a valid plain manifest never loads `yaml` or the problem modules:
// plain YAML that passes every check. A schema-valid manifest has no key-like field (each is an
// unknown key), so no secret check is skipped.
import { buildManifest } from "./build-manifest.js";
import type { RawManifest } from "./build-manifest.js";
import { checkManifest } from "./check-manifest.js";
import { readPlainYaml } from "./plain-yaml.js";
import { ProblemList } from "./problem-list.js";
import { validateManifestShape } from "./schema-validator.js";
import type { Manifest } from "./types.js";

export interface ManifestMeta {
  path: string;
  file: string;
  sha256: string;
}

/** The manifest, or null when the text needs the thorough path (anything unusual, any problem). */
export function parseFast(text: string, meta: ManifestMeta): Manifest | null {
  const plain = readPlainYaml(text);
  if (!plain || !validateManifestShape(plain.value)) return null;
  const problems = new ProblemList(meta.file);
  checkManifest(plain.value, plain.locator, problems);
  if (problems.size > 0) return null;
  return { ...buildManifest(plain.value as RawManifest, meta, plain.locator), source: text };
}
