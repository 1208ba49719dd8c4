// validate's problems as plain text, laid out as its terminal view (messages wrap under their column).
import type { ManifestError } from "../../shared/errors.js";
import { paintLine } from "../lines.js";
import { createStyle } from "../style.js";
import { problemLines } from "./validate-lines.js";

/**
 * Every problem with its code frame, then `N problems in FILE.`; ends with a newline. For a
 * terminal `width` columns wide, laid out as validate's view (messages wrap under their column).
 */
export function renderProblemsText(err: ManifestError, opts: { color: boolean; width?: number | undefined }): string {
  const style = createStyle(opts.color);
  return `${problemLines(err, opts.width).map((line) => paintLine(line, style)).join("\n")}\n`;
}
