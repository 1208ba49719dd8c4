// The shape every Markdown report shares (plan, apply, status), so an 80-model report reads on one
// screen: the counts first; what needs attention first, in its own table; everything else folded
// in one <details> once there are more than FOLD_OVER rows; extra blocks (table lists) after; one
// footer. Under GitHub's comment limit, with a line that says what was left out.
import { basename, isAbsolute } from "node:path";
import { MARKDOWN_LIMIT, code, escapeHtml, largestFitting, tableHead, tableRow } from "./markdown.js";

/** More rows than this, all tables together, and the rows that need no attention are folded. */
export const FOLD_OVER = 20;

export interface MarkdownFooter {
  version: string;
  /** Null for a report of no plan (status). */
  planId: string | null;
  /** As the reader's repository names it: relative, never a runner's absolute path. */
  manifestPath: string;
  baseUrl: string;
  /** The manifest's target the report ran against; absent or null without targets. */
  target?: string | null;
}

/** A manifest path fit for a footer: stdin named as such, an absolute path cut to its file name. */
export function footerManifestPath(path: string): string {
  if (path === "-") return "<stdin>";
  return isAbsolute(path) ? basename(path) : path;
}

export function footerLine(f: MarkdownFooter): string {
  const parts = [`reloadctl ${f.version}`];
  if (f.planId !== null) parts.push(`plan ${code(f.planId)}`);
  parts.push(`manifest ${code(footerManifestPath(f.manifestPath))}`);
  if (f.target) parts.push(`target ${code(f.target)}`);
  parts.push(code(f.baseUrl));
  return `<sub>${parts.join(" · ")}</sub>`;
}

export interface ReportTable {
  head: string[];
  rows: string[];
}

export interface ReportLayout {
  /** The heading and the counts, first. */
  heading: string[];
  /** Failures and anything else needing attention: shown first, never folded. */
  attention: ReportTable & { title: string };
  /** The rest (successes, skips). */
  rest: ReportTable & { title: string };
  /** Blocks after the tables (e.g. one <details> of resolved tables), dropped first when too long. */
  extras: { lines: string[]; what: string }[];
  footer: MarkdownFooter;
  /** `models` */
  noun: string;
  /** The command that shows everything, for the left-out line. */
  fullCommand: string;
  maxChars?: number;
}

function table(t: ReportTable, kept: number): string[] {
  const left = t.rows.length - kept;
  const out = [...tableHead(t.head), ...t.rows.slice(0, kept)];
  if (left > 0) out.push(tableRow([`… and ${left} more`, ...t.head.slice(1).map(() => "")]));
  return out;
}

export function renderReport(r: ReportLayout): string {
  const limit = r.maxChars ?? MARKDOWN_LIMIT;
  const total = r.attention.rows.length + r.rest.rows.length;
  const fold = total > FOLD_OVER;

  const build = (attentionKept: number, restKept: number, extrasKept: number): string => {
    const out = [...r.heading];
    if (r.attention.rows.length > 0) out.push("", `**${r.attention.title}**`, "", ...table(r.attention, attentionKept));
    if (r.rest.rows.length > 0) {
      const rest = table(r.rest, restKept);
      if (fold) out.push("", `<details><summary>${escapeHtml(r.rest.title)}</summary>`, "", ...rest, "", "</details>");
      else out.push("", ...(r.attention.rows.length > 0 ? [`**${r.rest.title}**`, ""] : []), ...rest);
    }
    for (const e of r.extras.slice(0, extrasKept)) out.push("", ...e.lines);
    const left: string[] = [];
    const rowsLeft = total - attentionKept - restKept;
    if (rowsLeft > 0) left.push(`${rowsLeft} of ${total} ${r.noun}`);
    for (const e of r.extras.slice(extrasKept)) left.push(e.what);
    if (left.length > 0) {
      out.push("", `_Left out to stay within GitHub's ${limit.toLocaleString("en-US")}-character limit: ${left.join(", ")}. ${r.fullCommand} shows everything._`);
    }
    out.push("", footerLine(r.footer));
    return out.join("\n");
  };
  const fits = (a: number, b: number, e: number) => build(a, b, e).length <= limit;
  const nA = r.attention.rows.length;
  const nR = r.rest.rows.length;
  // Drop the extras first, then the rows that need no attention, then (only if it must) the rest.
  const extras = largestFitting(r.extras.length, (e) => fits(nA, nR, e));
  if (extras >= 0) return build(nA, nR, extras);
  const rest = largestFitting(nR, (n) => fits(nA, n, 0));
  if (rest >= 0) return build(nA, rest, 0);
  return build(Math.max(0, largestFitting(nA, (n) => fits(n, 0, 0))), 0, 0);
}
