// The thorough path: `yaml` with source positions; every problem located and reported.
import { ManifestError } from "../shared/errors.js";
import { buildManifest } from "./build-manifest.js";
import type { RawManifest } from "./build-manifest.js";
import { checkManifest } from "./check-manifest.js";
import { ProblemList } from "./problem-list.js";
import { addSchemaProblems } from "./schema-problems.js";
import { validateManifestShape } from "./schema-validator.js";
import { findKeyLikeFields, isKeyLikeField, maskSource, scrub } from "./secret-fields.js";
import type { Manifest } from "./types.js";
import { yamlLib } from "./yaml-lib.js";
import { YamlLocator } from "./yaml-locator.js";
import { addYamlProblems } from "./yaml-problems.js";

/** Aliases expanding past this many uses are an attack, not a manifest. */
const MAX_ALIAS_COUNT = 100;

export function parseWithYaml(text: string, meta: { path: string; file: string; sha256: string }): Manifest {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const locator = new YamlLocator(doc, lineCounter, text);
  const problems = new ProblemList(meta.file);

  const fatal = addYamlProblems(doc, locator, problems);
  const secrets = findKeyLikeFields(doc, locator, problems);

  // After a syntax error the structure is a guess: checking it would bury the real problem in noise.
  let data: unknown;
  let readable = !fatal;
  if (readable) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      readable = false;
      problems.add({ line: 1, column: 1, length: 1 }, `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} uses); write the values out`, []);
    }
  }
  if (readable) {
    if (!validateManifestShape(data)) {
      addSchemaProblems(validateManifestShape.errors ?? [], data, locator, problems, { isKeyLike: isKeyLikeField });
    }
    checkManifest(data, locator, problems);
  }

  if (problems.size > 0) {
    const found = problems.inFileOrder().map((p) => ({ ...p, message: scrub(p.message, secrets.secretTexts) }));
    throw new ManifestError(meta.file, found, maskSource(text, secrets.maskRanges));
  }
  return buildManifest(data as RawManifest, { ...meta, source: text }, (path) => locator.keysOf(path));
}
