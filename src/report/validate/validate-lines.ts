// The validate view as lines of toned spans: drawn with ANSI by problems.ts, with Ink by ValidateView.
import type { ManifestError } from "../../shared/errors.js";
import { fitLine, span, wrapLine, wrapRowMessage } from "../lines.js";
import type { Line } from "../lines.js";
import { textWidth } from "../style.js";
import { codeFrame } from "./code-frame.js";

export { validLine } from "./valid-line.js";

export interface ProblemBlock {
  /** `FILE:LINE:COL: ` */
  location: Line;
  message: Line[number];
  /** Empty when the error carries no source. */
  frame: Line[];
}

export function problemBlocks(err: ManifestError): ProblemBlock[] {
  return err.problems.map((problem) => ({
    location: [span(`${problem.file}:${problem.line}:${problem.column}`, "cyan"), span(": ")],
    message: span(problem.message, "red"),
    frame: err.source === undefined ? [] : codeFrame(err.source, problem.line, problem.column, problem.length),
  }));
}

/** `3 problems in reload.config.yaml.` */
export function summaryLine(err: ManifestError): Line {
  return [span(err.message)];
}

/** Below this many cells beside its location, a problem's message goes on the lines under it. */
const MIN_MESSAGE_ROOM = 20;

/**
 * `FILE:LINE:COL: message` for `width` columns: a long message wraps at words and continues under
 * the message column (never under the file name); a location that leaves the message too little
 * room stands alone, whole, the message on the lines below it.
 */
export function headingLines(block: ProblemBlock, width: number): Line[] {
  const room = width - textWidth(block.location.map((s) => s.text).join(""));
  if (room >= MIN_MESSAGE_ROOM) return wrapRowMessage(block.location, block.message, width);
  return [...wrapLine(block.location, width, 2), ...wrapLine([span("  "), block.message], width, 2)];
}

/**
 * Each problem with its code frame; a blank line; `N problems in FILE.` The one layout of manifest
 * problems: validate on a terminal draws it with Ink, every other command's error (plan, apply,
 * status, validate in text) paints it. Without `width` (a log, a pipe) no line is wrapped or cut.
 */
export function problemLines(err: ManifestError, width = Number.POSITIVE_INFINITY): Line[] {
  const fits = width !== Number.POSITIVE_INFINITY;
  return [
    ...problemBlocks(err).flatMap((block) => [
      ...(fits ? headingLines(block, width) : [[...block.location, block.message]]),
      // A code frame's line is cut at the edge: wrapping would misplace its caret.
      ...(fits ? block.frame.map((line) => fitLine(line, width)) : block.frame),
    ]),
    [],
    ...(fits ? wrapLine(summaryLine(err), width, 2) : [summaryLine(err)]),
  ];
}

