// An apply's outcome for a CI job summary ($GITHUB_STEP_SUMMARY) or a comment.
import type { ModelOutcome } from "../../apply/events.js";
import { formatElapsed } from "../../shared/duration.js";
import { ACTION_SHORT } from "../load-words.js";
import { MARKDOWN_LIMIT, escapeCell, largestFitting, tableHead, tableRow } from "../markdown.js";
import { oneLine, truncate } from "../style.js";
import { applyTotal, outcomeCounts, outcomeLook } from "./apply-lines.js";
import type { SummaryEvent } from "./apply-model.js";

const MESSAGE_CHARS = 200;
const RESULT_WORD: Record<ModelOutcome["result"], string> = {
  succeeded: "succeeded",
  failed: "**failed**",
  timed_out: "**timed out**",
  skipped: "skipped",
  not_started: "not started",
};

function row(o: ModelOutcome): string {
  const look = outcomeLook(o);
  return tableRow([
    look.symbol,
    escapeCell(o.address),
    ACTION_SHORT[o.action],
    RESULT_WORD[o.result],
    escapeCell(o.loadStatus ?? ""),
    o.durationMs > 0 ? formatElapsed(o.durationMs) : "",
    escapeCell(truncate(oneLine(look.message), MESSAGE_CHARS)),
  ]);
}

const SEVERITY: Record<ModelOutcome["result"], number> = { failed: 0, timed_out: 0, not_started: 1, succeeded: 2, skipped: 3 };

function bySeverity(models: ModelOutcome[]): ModelOutcome[] {
  const rank = (o: ModelOutcome) => (o.result === "succeeded" && o.loadStatus === "WARNING" ? 1 : SEVERITY[o.result]);
  return models.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map(({ o }) => o);
}

export function renderApplyMarkdown(summary: SummaryEvent, opts: { maxChars?: number } = {}): string {
  const limit = opts.maxChars ?? MARKDOWN_LIMIT;
  const total = applyTotal(outcomeCounts(summary.models), summary.durationMs, summary.interrupted).replace(/^Apply: /, "");
  // When rows must be left out, the ones that need attention stay.
  const all = summary.models.map(row);
  const rows = all.join("\n").length < limit ? all : bySeverity(summary.models).map(row);
  const build = (kept: number): string => {
    const left = rows.length - kept;
    const out = [
      `### reloadctl apply: ${total}`,
      "",
      ...tableHead(["", "model", "action", "result", "load status", "duration", "message"]),
      ...rows.slice(0, kept),
    ];
    if (left > 0) {
      out.push(tableRow(["", `… and ${left} more ${left === 1 ? "model" : "models"}`, "", "", "", "", ""]));
      out.push("", `_Left out to fit GitHub's size limit: ${left} of ${rows.length} models. \`reloadctl apply --json\` reports every model._`);
    }
    return out.join("\n");
  };
  return build(Math.max(0, largestFitting(rows.length, (n) => build(n).length <= limit)));
}
