// Markdown pieces for pull-request comments and job summaries, kept under GitHub's size limit.
import { oneLine } from "./style.js";

/** GitHub refuses comments longer than this (characters). */
export const MARKDOWN_LIMIT = 65_536;

/** Text for a table cell: one line, every markdown-significant character escaped. */
export function escapeCell(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|~&!#]/g, (c) => `\\${c}`);
}

/** Text inside raw HTML (a `<summary>`), where markdown is not processed. */
export function escapeHtml(text: string): string {
  return oneLine(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

/** A code span for ids and paths (backticks cannot be escaped inside one; pipes still split cells). */
export function code(text: string): string {
  return `\`${oneLine(text).replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
}

export function tableRow(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

export function tableHead(headers: string[]): string[] {
  return [tableRow(headers), `|${headers.map(() => "---").join("|")}|`];
}

/**
 * The largest `n` in [0, total] for which `fits(n)` holds, given that fitting is monotone
 * (fewer items never make the text longer). -1 when not even 0 fits.
 */
export function largestFitting(total: number, fits: (n: number) => boolean): number {
  if (fits(total)) return total;
  if (!fits(0)) return -1;
  let lo = 0;
  let hi = total;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}
