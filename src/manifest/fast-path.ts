// The fast path on its own, so a valid plain manifest never loads `yaml` or the problem modules:
// plain YAML that passes every check. A schema-valid manifest has no key-like field (each is an
// unknown key), so no secret check is skipped.
import { buildManifest } from "./build-manifest.js";
import type { RawManifest } from "./build-manifest.js";
import { checkManifest } from "./check-manifest.js";
import type { ManifestLocator, Span } from "./locator.js";
import { readPlainYaml } from "./plain-yaml.js";
import { ProblemList } from "./problem-list.js";
import { validateManifestShape } from "./schema-validator.js";
import type { Manifest } from "./types.js";

export interface ManifestMeta {
  path: string;
  file: string;
  sha256: string;
}

// The fast reader records no places. Any problem the checks find sends the text down the
// thorough path, which finds it again with its place; so places asked for here are never shown.
const NOWHERE: Span = { line: 1, column: 1, length: 1 };
const UNPLACED: ManifestLocator = {
  locateValue: () => NOWHERE,
  locateKey: () => NOWHERE,
  locateMap: () => NOWHERE,
  keysOf: () => null, // the reader's maps keep document order
};

/** The manifest, or null when the text needs the thorough path (anything unusual, any problem). */
export function parseFast(text: string, meta: ManifestMeta): Manifest | null {
  const plain = readPlainYaml(text);
  if (!plain || !validateManifestShape(plain.value)) return null;
  const problems = new ProblemList(meta.file);
  checkManifest(plain.value, UNPLACED, problems);
  if (problems.size > 0) return null;
  return buildManifest(plain.value as RawManifest, { ...meta, source: text });
}
