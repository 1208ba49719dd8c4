// An apply's outcome for a CI job summary ($GITHUB_STEP_SUMMARY) or a comment: the counts, then
// the failed, timed-out, not-started and warned models in their own table, then the rest (folded
// past FOLD_OVER rows), then the footer naming the plan.
import type { ModelOutcome } from "../../apply/events.js";
import { formatElapsed } from "../../shared/duration.js";
import { ACTION_SHORT } from "../load-words.js";
import { escapeCell, tableRow } from "../markdown.js";
import { renderReport, type MarkdownFooter } from "../markdown-report.js";
import { oneLine, truncate } from "../style.js";
import { applyTotal, outcomeCounts, outcomeLook } from "./apply-lines.js";
import type { SummaryEvent } from "./apply-model.js";

export interface ApplyMarkdownOptions {
  /** The plan applied, for the footer. */
  footer: MarkdownFooter;
  maxChars?: number;
}

const MESSAGE_CHARS = 200;
const RESULT_WORD: Record<ModelOutcome["result"], string> = {
  succeeded: "succeeded",
  failed: "**failed**",
  timed_out: "**timed out**",
  skipped: "skipped",
  not_started: "not started",
};

const isWarning = (o: ModelOutcome) => o.result === "succeeded" && o.loadStatus === "WARNING";

/** ✅ succeeded, ⚠️ warned or never started, ❌ failed or timed out, ⏭️ skipped. */
export function outcomeSymbol(o: ModelOutcome): string {
  if (isWarning(o)) return "⚠️";
  switch (o.result) {
    case "succeeded":
      return "✅";
    case "failed":
    case "timed_out":
      return "❌";
    case "not_started":
      return "⚠️";
    case "skipped":
      return "⏭️";
  }
}

const needsAttention = (o: ModelOutcome) => o.result === "failed" || o.result === "timed_out" || o.result === "not_started" || isWarning(o);
const RANK: Record<string, number> = { "❌": 0, "⚠️": 1 };

function row(o: ModelOutcome): string {
  return tableRow([
    outcomeSymbol(o),
    escapeCell(o.address),
    ACTION_SHORT[o.action],
    RESULT_WORD[o.result],
    escapeCell(o.loadStatus ?? ""),
    o.durationMs > 0 ? formatElapsed(o.durationMs) : "",
    escapeCell(truncate(oneLine(outcomeLook(o).message), MESSAGE_CHARS)),
  ]);
}

const HEAD = ["", "model", "action", "result", "load status", "duration", "message"];

export function renderApplyMarkdown(summary: SummaryEvent, opts: ApplyMarkdownOptions): string {
  const total = applyTotal(outcomeCounts(summary.models), summary.durationMs, summary.interrupted).replace(/^Apply: /, "");
  const attention = summary.models
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => needsAttention(o))
    .sort((a, b) => RANK[outcomeSymbol(a.o)]! - RANK[outcomeSymbol(b.o)]! || a.i - b.i)
    .map(({ o }) => o);
  const rest = summary.models.filter((o) => !needsAttention(o));
  const succeeded = rest.filter((o) => o.result === "succeeded").length;
  const mark = attention.some((o) => outcomeSymbol(o) === "❌") ? "❌" : attention.length > 0 ? "⚠️" : "✅";
  return renderReport({
    heading: [`### ${mark} reloadctl apply: ${total}`],
    attention: { title: "Needs attention", head: HEAD, rows: attention.map(row) },
    rest: { title: `${succeeded} succeeded, ${rest.length - succeeded} skipped`, head: HEAD, rows: rest.map(row) },
    extras: [],
    footer: opts.footer,
    noun: "models",
    fullCommand: "`reloadctl apply --json` (or `--results FILE`)",
    ...(opts.maxChars === undefined ? {} : { maxChars: opts.maxChars }),
  });
}
