// Places in a valid manifest, found when a later problem needs showing (plan: an unknown table,
// an unknown model). The fast reader records none, and most runs never need one, so the text is
// read again here, with `yaml`, only then.
import { ManifestError } from "../shared/errors.js";
import { displayFile } from "./display-file.js";
import type { PathSegment } from "./locator.js";
import { ProblemList } from "./problem-list.js";
import type { Manifest } from "./types.js";
import { yamlLib } from "./yaml-lib.js";
import { YamlLocator } from "./yaml-locator.js";

export interface UnplacedProblem {
  /** The value at this path; or, with `key`, that key of the map at this path. */
  path: PathSegment[];
  key?: string;
  message: string;
}

/** The problems located in the manifest's text, in file order, as the error to throw. */
export function manifestProblems(manifest: Manifest, unplaced: readonly UnplacedProblem[]): ManifestError {
  const { LineCounter, parseDocument } = yamlLib();
  const lineCounter = new LineCounter();
  const locator = new YamlLocator(parseDocument(manifest.source, { lineCounter }), lineCounter, manifest.source);
  const file = displayFile(manifest.path);
  const problems = new ProblemList(file);
  for (const { path, key, message } of unplaced) {
    if (key === undefined) problems.add(locator.locateValue(path), message, path);
    else problems.add(locator.locateKey(path, key), message, [...path, key]);
  }
  return new ManifestError(file, problems.inFileOrder(), manifest.source);
}
