// `validate` in plain text and JSON. No Ink and no width tables here: CI start-up stays cheap
// (the problems, laid out to a width, are in problems-text.ts).
import { displayFile } from "../../manifest/display-file.js";
import type { Manifest } from "../../manifest/types.js";
import type { ManifestError } from "../../shared/errors.js";
import { createStyle, paintLine } from "../paint.js";
import { validLine } from "./valid-line.js";
import { VERSION } from "../../version.js";

/** What every JSON output of reloadctl starts with: its format and the tool that wrote it. */
interface Versioned {
  formatVersion: 1;
  tool: { name: "reloadctl"; version: string };
}
const versioned = (): Versioned => ({ formatVersion: 1, tool: { name: "reloadctl", version: VERSION } });

export interface ProblemsJson extends Versioned {
  valid: false;
  file: string;
  problems: Array<{ file: string; line: number; column: number; message: string; path: string }>;
}

export interface ValidJson extends Versioned {
  valid: true;
  file: string;
  models: number;
  pools: number;
}

export function renderProblemsJson(err: ManifestError): ProblemsJson {
  return {
    ...versioned(),
    valid: false,
    file: err.file,
    problems: err.problems.map(({ file, line, column, message, path }) => ({ file, line, column, message, path })),
  };
}

export function renderValidJson(manifest: Manifest): ValidJson {
  return { ...versioned(), valid: true, file: displayFile(manifest.path), models: manifest.models.length, pools: manifest.pools.length };
}

/** One line, no newline: `reload.config.yaml is valid: 3 pools, 7 models.` */
export function renderValidText(manifest: Manifest, opts: { color: boolean } = { color: false }): string {
  return paintLine(validLine(manifest), createStyle(opts.color));
}
