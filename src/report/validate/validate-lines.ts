// The validate view as lines of toned spans: drawn with ANSI by problems.ts, with Ink by ValidateView.
import { displayFile } from "../../manifest/display-file.js";
import type { Manifest } from "../../manifest/types.js";
import type { ManifestError } from "../../shared/errors.js";
import { span } from "../lines.js";
import type { Line } from "../lines.js";
import { codeFrame } from "./code-frame.js";

export interface ProblemBlock {
  /** `FILE:LINE:COL: message` */
  heading: Line;
  /** Empty when the error carries no source. */
  frame: Line[];
}

export function problemBlocks(err: ManifestError): ProblemBlock[] {
  return err.problems.map((problem) => ({
    heading: [span(`${problem.file}:${problem.line}:${problem.column}`, "cyan"), span(": "), span(problem.message, "red")],
    frame: err.source === undefined ? [] : codeFrame(err.source, problem.line, problem.column, problem.length),
  }));
}

/** `3 problems in reload.config.yaml.` */
export function summaryLine(err: ManifestError): Line {
  return [span(err.message)];
}

/** Each problem with its code frame; a blank line; `N problems in FILE.` */
export function problemLines(err: ManifestError): Line[] {
  return [...problemBlocks(err).flatMap((block) => [block.heading, ...block.frame]), [], summaryLine(err)];
}

const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? "" : "s"}`;

/** `reload.config.yaml is valid: 3 pools, 7 models.` */
export function validLine(manifest: Manifest): Line {
  return [
    span(displayFile(manifest.path), "cyan"),
    span(" is "),
    span("valid", "green"),
    span(`: ${count(manifest.pools.length, "pool")}, ${count(manifest.models.length, "model")}.`),
  ];
}
