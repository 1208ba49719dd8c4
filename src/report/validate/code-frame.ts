import { span } from "../lines.js";
import type { Line } from "../lines.js";

/**
 * The problem's line with the one before it, and a caret line under the span:
 *    19 |         id: 00000002-…
 *  > 20 |         reload: sometimes
 *       |                 ^^^^^^^^^
 */
export function codeFrame(source: string, line: number, column: number, length = 1): Line[] {
  const lines = source.split(/\r?\n/);
  const text = (n: number): string => (lines[n - 1] ?? "").replace(/\t/g, " ").trimEnd();
  const first = Math.max(1, line - 1);
  const gutter = String(line).length;
  const out: Line[] = [];
  for (let n = first; n <= line; n++) {
    const marker = n === line ? " > " : "   ";
    const code = text(n);
    out.push([span(marker, n === line ? "red" : undefined), span(`${String(n).padStart(gutter)} |${code === "" ? "" : ` ${code}`}`, "dim")]);
  }
  const room = Math.max(1, text(line).length - column + 1);
  const carets = "^".repeat(Math.max(1, Math.min(length, room)));
  out.push([span(`   ${" ".repeat(gutter)} | ${" ".repeat(Math.max(0, column - 1))}`, "dim"), span(carets, "red")]);
  return out;
}
