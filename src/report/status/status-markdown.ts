// Status for a job summary or a comment: the counts, the models needing attention (not read, or a
// last load that failed or warned) in their own table, the rest (folded past FOLD_OVER rows), the
// footer.
import type { StatusDocument, StatusRow } from "../../status/types.js";
import { isInProgress } from "../../shared/types.js";
import { formatElapsed } from "../../shared/duration.js";
import { ageText, loadDurationMs, loadTypeWord, msSince } from "../load-words.js";
import { escapeCell, tableRow } from "../markdown.js";
import { renderReport } from "../markdown-report.js";
import { oneLine, truncate } from "../style.js";
import { statusTotal } from "./status-lines.js";

export interface StatusMarkdownOptions {
  now: number;
  /** The tool's version, for the footer. */
  version: string;
  /** The manifest as the footer names it (relative to the repository); the document's path otherwise. */
  manifestPath?: string;
  maxChars?: number;
}

const MESSAGE_CHARS = 160;
const FAILED = new Set(["ERROR", "CANCELED", "CANCELLED", "FAILED"]);

/** ❌ not read or failed, ⚠️ warned, ✅ succeeded, ⏳ running, · never loaded or anything else. */
export function statusSymbol(r: StatusRow): string {
  if (r.error !== null) return "❌";
  const status = r.lastLoad?.status;
  if (status === undefined) return "·";
  if (FAILED.has(status)) return "❌";
  if (status === "WARNING") return "⚠️";
  if (status === "SUCCESS") return "✅";
  return isInProgress(status) ? "⏳" : "·";
}

const needsAttention = (r: StatusRow) => ["❌", "⚠️"].includes(statusSymbol(r));

function row(r: StatusRow, now: number): string {
  const address = escapeCell(r.address);
  const symbol = statusSymbol(r);
  if (r.error !== null) {
    const code = r.error.status === null ? "" : `${r.error.status}: `;
    return tableRow([symbol, address, "**not read**", "", "", "", "", escapeCell(truncate(code + oneLine(r.error.message), MESSAGE_CHARS))]);
  }
  const load = r.lastLoad;
  if (load === null) return tableRow([symbol, address, "never loaded", "", "", "", "", ""]);
  const running = isInProgress(load.status);
  const durationMs = running ? msSince(load.startDate, now) : loadDurationMs(load);
  return tableRow([
    symbol,
    address,
    escapeCell(load.status),
    escapeCell(load.loadType === null ? "" : loadTypeWord(load.loadType)),
    ageText(load.startDate, now) ?? "",
    running ? "" : (ageText(load.endDate, now) ?? ""),
    durationMs === null ? "" : formatElapsed(durationMs),
    escapeCell(truncate(oneLine(load.message ?? ""), MESSAGE_CHARS)),
  ]);
}

const HEAD = ["", "model", "status", "load type", "started", "ended", "duration", "message"];

export function renderStatusMarkdown(doc: StatusDocument, opts: StatusMarkdownOptions): string {
  const total = statusTotal(doc).replace(/^Status: /, "").replace(/\.$/, "");
  // Failures before warnings, each in manifest order.
  const attention = [...doc.models.filter((r) => statusSymbol(r) === "❌"), ...doc.models.filter((r) => statusSymbol(r) === "⚠️")];
  const rest = doc.models.filter((r) => !needsAttention(r));
  return renderReport({
    heading: [`### reloadctl status: ${escapeCell(total)}`],
    attention: { title: "Needs attention", head: HEAD, rows: attention.map((r) => row(r, opts.now)) },
    rest: { title: `${rest.length} more ${rest.length === 1 ? "model" : "models"}`, head: HEAD, rows: rest.map((r) => row(r, opts.now)) },
    extras: [],
    footer: { version: opts.version, planId: null, manifestPath: opts.manifestPath ?? doc.manifest.path, baseUrl: doc.baseUrl },
    noun: "models",
    fullCommand: "`reloadctl status`",
    ...(opts.maxChars === undefined ? {} : { maxChars: opts.maxChars }),
  });
}
