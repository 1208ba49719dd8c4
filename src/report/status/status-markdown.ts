// Status for a job summary or a comment: one table row per declared model.
import { displayFile } from "../../manifest/display-file.js";
import type { StatusDocument, StatusRow } from "../../status/types.js";
import { isInProgress } from "../../shared/types.js";
import { formatElapsed } from "../../shared/duration.js";
import { ageText, loadDurationMs, msSince } from "../load-words.js";
import { MARKDOWN_LIMIT, code, escapeCell, largestFitting, tableHead, tableRow } from "../markdown.js";
import { oneLine, truncate } from "../style.js";
import { statusTotal } from "./status-lines.js";

const MESSAGE_CHARS = 160;

function row(r: StatusRow, now: number): string {
  const address = escapeCell(r.address);
  if (r.error !== null) {
    const code = r.error.status === null ? "" : `${r.error.status}: `;
    return tableRow([address, "**not read**", "", "", "", "", escapeCell(truncate(code + oneLine(r.error.message), MESSAGE_CHARS))]);
  }
  const load = r.lastLoad;
  if (load === null) return tableRow([address, "never loaded", "", "", "", "", ""]);
  const running = isInProgress(load.status);
  const durationMs = running ? msSince(load.startDate, now) : loadDurationMs(load);
  return tableRow([
    address,
    escapeCell(load.status),
    escapeCell(load.loadType ?? ""),
    ageText(load.startDate, now) ?? "",
    running ? "" : (ageText(load.endDate, now) ?? ""),
    durationMs === null ? "" : formatElapsed(durationMs),
    escapeCell(truncate(oneLine(load.message ?? ""), MESSAGE_CHARS)),
  ]);
}

export function renderStatusMarkdown(doc: StatusDocument, opts: { now: number; maxChars?: number }): string {
  const limit = opts.maxChars ?? MARKDOWN_LIMIT;
  const rows = doc.models.map((r) => row(r, opts.now));
  const total = statusTotal(doc).replace(/^Status: /, "").replace(/\.$/, "");
  const build = (kept: number): string => {
    const left = rows.length - kept;
    const out = [
      `### reloadctl status: ${escapeCell(total)}`,
      "",
      ...tableHead(["model", "status", "load type", "started", "ended", "duration", "message"]),
      ...rows.slice(0, kept),
    ];
    if (left > 0) {
      out.push(tableRow([`… and ${left} more ${left === 1 ? "model" : "models"}`, "", "", "", "", "", ""]));
      out.push("", `_Left out to fit GitHub's comment limit: ${left} of ${rows.length} models. \`reloadctl status\` shows everything._`);
    }
    out.push("", `Manifest ${code(displayFile(doc.manifest.path))} · ${code(doc.baseUrl)}`);
    return out.join("\n");
  };
  return build(Math.max(0, largestFitting(rows.length, (n) => build(n).length <= limit)));
}
