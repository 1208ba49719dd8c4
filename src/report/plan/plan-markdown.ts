// The plan for a pull-request comment: a table of models, table lists folded in <details>.
import { displayFile } from "../../manifest/display-file.js";
import type { PlanDocument, PlannedModel } from "../../plan/types.js";
import { ACTION_PHRASE, lastLoadCell } from "../load-words.js";
import { MARKDOWN_LIMIT, code, escapeCell, escapeHtml, largestFitting, tableHead, tableRow } from "../markdown.js";
import { oneLine, shortId, truncate } from "../style.js";
import { tableAltName, tableLabel } from "./plan-lines.js";
import { planEtaText } from "./plan-eta.js";

export interface PlanMarkdownOptions {
  now: number;
  planSha256: string;
  /** Longest output allowed; GitHub's comment limit by default. */
  maxChars?: number;
}

const MESSAGE_CHARS = 120;

function heading(doc: PlanDocument): string {
  const { full, cache, partial, skip } = doc.summary;
  const reload = full + cache + partial;
  return `### reloadctl plan: ${reload === 0 ? "nothing" : reload} to reload, ${skip} skipped`;
}

function tablesCell(m: PlannedModel): string {
  switch (m.action) {
    case "full":
      return "all";
    case "cache":
      return "from cache";
    case "partial":
      return m.tableCount === null ? `${m.tables.length}` : `${m.tables.length} of ${m.tableCount}`;
    case "skip":
      return "";
  }
}

function lastLoadText(m: PlannedModel, now: number): string {
  const cell = lastLoadCell(m.lastLoad, now);
  const load = m.lastLoad;
  const message = load && load.status !== "SUCCESS" && load.message ? oneLine(load.message) : "";
  return escapeCell(message === "" ? cell : `${cell}: ${truncate(message, MESSAGE_CHARS)}`);
}

function modelRow(m: PlannedModel, now: number): string {
  const action = m.action === "skip" && m.skipReason ? `skip (${m.skipReason})` : ACTION_PHRASE[m.action];
  return tableRow([m.action === "skip" ? "=" : "~", escapeCell(m.address), action, tablesCell(m), lastLoadText(m, now)]);
}

function tableDetails(m: PlannedModel): string[] {
  const n = m.tables.length;
  return [
    `<details><summary>${escapeHtml(m.address)}: ${n} ${n === 1 ? "table" : "tables"}</summary>`,
    "",
    ...tableHead(["table", "id"]),
    ...m.tables.map((t) => {
      const alt = tableAltName(t);
      return tableRow([escapeCell(alt === null ? tableLabel(t) : `${tableLabel(t)} (${alt})`), code(t.id)]);
    }),
    "",
    "</details>",
  ];
}

export function renderPlanMarkdown(doc: PlanDocument, opts: PlanMarkdownOptions): string {
  const limit = opts.maxChars ?? MARKDOWN_LIMIT;
  const partials = doc.models.filter((m) => m.action === "partial" && m.tables.length > 0);
  const rows = doc.models.map((m) => modelRow(m, opts.now));
  const footer =
    `Plan ${code(doc.planId)} (sha256 ${code(shortId(opts.planSha256))}) · manifest ${code(displayFile(doc.manifest.path))}` +
    ` @ sha256 ${code(shortId(doc.manifest.sha256))} · ${code(doc.baseUrl)}`;

  const build = (rowsKept: number, detailsKept: number): string => {
    const eta = planEtaText(doc, (a) => code(a));
    const out = [heading(doc), ...(eta === null ? [] : ["", eta]), "", ...tableHead(["", "model", "action", "tables", "last load"]), ...rows.slice(0, rowsKept)];
    const rowsLeft = rows.length - rowsKept;
    if (rowsLeft > 0) out.push(tableRow(["", `… and ${rowsLeft} more ${rowsLeft === 1 ? "model" : "models"}`, "", "", ""]));
    for (const m of partials.slice(0, detailsKept)) out.push("", ...tableDetails(m));
    const notes: string[] = [];
    if (rowsLeft > 0) notes.push(`${rowsLeft} of ${rows.length} models`);
    const detailsLeft = partials.length - detailsKept;
    if (detailsLeft === 1) notes.push("the table list of 1 partial reload");
    if (detailsLeft > 1) notes.push(`the table lists of ${detailsLeft} partial reloads`);
    if (notes.length > 0) {
      out.push("", `_Left out to fit GitHub's comment limit: ${notes.join(" and ")}. \`reloadctl plan\` shows everything._`);
    }
    out.push("", footer);
    return out.join("\n");
  };
  const fits = (text: string) => text.length <= limit;

  const details = largestFitting(partials.length, (n) => fits(build(rows.length, n)));
  if (details >= 0) return build(rows.length, details);
  const kept = largestFitting(rows.length, (n) => fits(build(n, 0)));
  return build(Math.max(0, kept), 0);
}
