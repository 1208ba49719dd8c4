// The plan for a pull-request comment: the counts, the models needing attention (a last load that
// failed, warned or is still running), the rest (folded past FOLD_OVER rows), one <details> with
// every resolved table list, the footer. Each row says why the model reloads or is skipped.
import type { PlanDocument, PlannedModel } from "../../plan/types.js";
import { formatDurationSpec } from "../../shared/duration.js";
import { isInProgress } from "../../shared/types.js";
import { ACTION_PHRASE, lastLoadCell } from "../load-words.js";
import { code, escapeCell, tableRow } from "../markdown.js";
import { renderReport } from "../markdown-report.js";
import { oneLine, shortId, truncate } from "../style.js";
import { planTotal, tableAltName, tableLabel } from "./plan-lines.js";
import { planEtaText } from "./plan-eta.js";

export interface PlanMarkdownOptions {
  now: number;
  /** The manifest as the footer names it (relative to the repository); the plan's path otherwise. */
  manifestPath?: string;
  /** Longest output allowed; GitHub's comment limit by default. */
  maxChars?: number;
}

const MESSAGE_CHARS = 120;

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

const FAILED = new Set(["ERROR", "CANCELED", "CANCELLED", "FAILED"]);

/** ❌ a last load that failed, ⚠️ one that warned or still runs; null when all is well. */
function attentionSymbol(m: PlannedModel): string | null {
  const status = m.lastLoad?.status;
  if (status === undefined) return null;
  if (FAILED.has(status)) return "❌";
  if (status === "WARNING" || isInProgress(status)) return "⚠️";
  return null;
}

/** The names the manifest gave and the ids they resolved to, under the address. */
function lookedUp(m: PlannedModel): string {
  const found = [
    m.poolName ? `${escapeCell(oneLine(m.poolName))} → ${code(shortId(m.poolId))}` : null,
    m.modelName ? `${escapeCell(oneLine(m.modelName))} → ${code(shortId(m.modelId))}` : null,
  ].filter((x): x is string => x !== null);
  return found.length > 0 ? `<br><sub>${found.join(" / ")}</sub>` : "";
}

/** Why the model reloads or is skipped, in a few words. */
export function whyText(m: PlannedModel): string {
  const last = m.lastLoad;
  if (m.skipReason === "fresh") return `fresh: within maxAge ${formatDurationSpec(m.maxAgeMs)}`;
  if (m.skipReason === "running") return "a load is running (onRunning: skip)";
  if (last === null) return "never loaded";
  if (isInProgress(last.status)) return m.onRunning === "fail" ? "a load is running: apply will fail it (onRunning: fail)" : "after the running load ends (onRunning: wait)";
  const endedWell = last.status === "SUCCESS" || (last.status === "WARNING" && m.onWarning === "succeed");
  if (!endedWell) return `last load ${last.status}`;
  return m.maxAgeMs > 0 ? `older than maxAge ${formatDurationSpec(m.maxAgeMs)}` : "every run (no maxAge)";
}

function modelRow(m: PlannedModel, now: number): string {
  const action = m.action === "skip" && m.skipReason ? `skip (${m.skipReason})` : ACTION_PHRASE[m.action];
  const symbol = attentionSymbol(m) ?? (m.action === "skip" ? "⏭️" : "~");
  return tableRow([symbol, escapeCell(m.address) + lookedUp(m), action, tablesCell(m), lastLoadText(m, now), escapeCell(whyText(m))]);
}

function tableLists(partials: PlannedModel[]): string[] {
  const n = partials.length;
  return [
    `<details><summary>Resolved tables of ${n} partial ${n === 1 ? "reload" : "reloads"}</summary>`,
    "",
    "| model | table | id |",
    "|---|---|---|",
    ...partials.flatMap((m) =>
      m.tables.map((t) => {
        const alt = tableAltName(t);
        return tableRow([escapeCell(m.address), escapeCell(alt === null ? tableLabel(t) : `${tableLabel(t)} (${alt})`), code(t.id)]);
      }),
    ),
    "",
    "</details>",
  ];
}

const HEAD = ["", "model", "action", "tables", "last load", "why"];

export function renderPlanMarkdown(doc: PlanDocument, opts: PlanMarkdownOptions): string {
  const partials = doc.models.filter((m) => m.action === "partial" && m.tables.length > 0);
  const attention = doc.models.filter((m) => attentionSymbol(m) !== null);
  const rest = doc.models.filter((m) => attentionSymbol(m) === null);
  const eta = planEtaText(doc, (a) => code(a));
  const restReloads = rest.filter((m) => m.action !== "skip").length;
  return renderReport({
    heading: [`### reloadctl plan: ${planTotal(doc).replace(/^Plan: /, "").replace(/\.$/, "")}`, ...(eta === null ? [] : ["", eta])],
    attention: { title: "Needs attention: the last load failed, warned or is still running", head: HEAD, rows: attention.map((m) => modelRow(m, opts.now)) },
    rest: { title: `${restReloads} to reload, ${rest.length - restReloads} skipped`, head: HEAD, rows: rest.map((m) => modelRow(m, opts.now)) },
    extras: partials.length === 0 ? [] : [{ lines: tableLists(partials), what: "the resolved tables" }],
    footer: { version: doc.tool.version, planId: doc.planId, manifestPath: opts.manifestPath ?? doc.manifest.path, baseUrl: doc.baseUrl, target: doc.target },
    noun: "models",
    fullCommand: "`reloadctl plan`",
    ...(opts.maxChars === undefined ? {} : { maxChars: opts.maxChars }),
  });
}
