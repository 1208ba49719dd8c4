// Apply rows and totals as lines, shared by the live Ink view and the plain-text summary.
import type { ModelOutcome } from "../../apply/events.js";
import { formatElapsed } from "../../shared/duration.js";
import { span, wrapRowMessage, type Line, type Span } from "../lines.js";
import { ACTION_SHORT } from "../load-words.js";
import { displayFile } from "../../manifest/display-file.js";
import { oneLine, padEnd, shortId, textWidth, truncate, type Tone } from "../style.js";
import { isActive, type ApplyRow, type ApplyState } from "./apply-model.js";
import { approx } from "../plan/plan-eta.js";
import { COUNT_ORDER } from "../../shared/summary-order.js";

export const SPINNER_FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] as const;
const SPINNER_FRAME_MS = 80;

/** The spinner frame for a moment in time, so a frozen clock draws a frozen spinner. */
export function spinnerFrame(now: number): string {
  return SPINNER_FRAMES[Math.floor(now / SPINNER_FRAME_MS) % SPINNER_FRAMES.length]!;
}

export const INTERRUPTED_NOTE = "interrupted: no new loads start; loads in flight are still verified (Ctrl-C again stops now)";

/** The words of a run's counts. */
const COUNT_WORDS: Record<keyof ApplyCounts, string> = {
  succeeded: "succeeded",
  warnings: "warnings",
  failed: "failed",
  timedOut: "timed out",
  skipped: "skipped",
  notStarted: "not started",
  running: "running",
  waiting: "waiting",
  queued: "queued",
};

export interface ApplyCounts {
  succeeded: number;
  warnings: number;
  failed: number;
  timedOut: number;
  skipped: number;
  notStarted: number;
  running: number;
  /** Waiting for a load that was already running (onRunning: wait): not yet ours. */
  waiting: number;
  queued: number;
}

const isWarning = (o: { result: string | null; loadStatus: string | null }) =>
  o.result === "succeeded" && o.loadStatus === "WARNING";

function count(outcomes: { result: string | null; loadStatus: string | null }[]): ApplyCounts {
  const c: ApplyCounts = { succeeded: 0, warnings: 0, failed: 0, timedOut: 0, skipped: 0, notStarted: 0, running: 0, waiting: 0, queued: 0 };
  for (const o of outcomes) {
    if (isWarning(o)) c.warnings++;
    else if (o.result === "succeeded") c.succeeded++;
    else if (o.result === "failed") c.failed++;
    else if (o.result === "timed_out") c.timedOut++;
    else if (o.result === "skipped") c.skipped++;
    else if (o.result === "not_started") c.notStarted++;
  }
  return c;
}

/** Counted from the outcomes themselves: `succeeded` here excludes WARNING loads, shown apart. */
export function outcomeCounts(models: ModelOutcome[]): ApplyCounts {
  return count(models);
}

export function liveCounts(state: ApplyState): ApplyCounts {
  const c = count(state.rows.filter((r) => r.phase === "finished"));
  c.running = state.rows.filter((r) => isActive(r) && r.phase !== "waiting").length;
  c.waiting = state.rows.filter((r) => r.phase === "waiting").length;
  c.queued = state.rows.filter((r) => r.phase === "queued").length;
  return c;
}

/** `Apply: 1 succeeded, 1 warning, 1 failed · 2m 03s` */
export function applyTotal(c: ApplyCounts, durationMs: number | null, interrupted: boolean): string {
  // Succeeded always shows, also as 0; the other counts when there are any.
  const parts = COUNT_ORDER.filter((k): k is keyof ApplyCounts => k in c && (k === "succeeded" || c[k as keyof ApplyCounts] > 0)).map(
    (k) => `${c[k]} ${k === "warnings" && c[k] === 1 ? "warning" : COUNT_WORDS[k]}`,
  );
  const tail = [durationMs === null ? null : formatElapsed(durationMs), interrupted ? "interrupted" : null].filter(
    (t): t is string => t !== null,
  );
  return `Apply: ${parts.join(", ")}${tail.map((t) => ` · ${t}`).join("")}`;
}

export function totalTone(c: ApplyCounts, interrupted: boolean): Tone {
  if (c.failed > 0 || c.timedOut > 0) return "red";
  if (interrupted || c.warnings > 0 || c.notStarted > 0) return "yellow";
  return "green";
}

/** `parallelism 4, 2 per pool` */
export function boundsText(parallelism: number | null, poolParallelism: Record<string, number>): string {
  const parts = parallelism === null ? [] : [`parallelism ${parallelism}`];
  const pools = Object.entries(poolParallelism);
  const values = new Set(pools.map(([, n]) => n));
  if (values.size === 1) parts.push(`${pools[0]![1]} per pool`);
  else if (values.size > 1) parts.push(`per pool ${pools.map(([pool, n]) => `${oneLine(pool)} ${n}`).join(", ")}`);
  return parts.join(", ");
}

/** `≈ 12m left`, or null when the end is unknown (or the run is over). */
export function timeLeftText(state: ApplyState, now: number): string | null {
  if (state.expectedEndAt === null || state.summary !== null) return null;
  // Until a first load begins (apply is still reading last loads), the estimate's clock has not
  // started: it does not count down, to jump back up when the triggers land.
  const begun = state.rows.some((r) => r.startedAt !== null);
  const left = begun || state.expectedWallMs === null ? state.expectedEndAt - now : state.expectedWallMs;
  return `${approx(Math.max(0, left))} left`;
}

/** `reloadctl apply · reload.config.yaml → https://… · plan 3f9a0c1b2d4e · 4 models · parallelism 4, 2 per pool · ≈ 1h 12m expected` */
export function applyHeader(state: ApplyState): Line {
  const n = state.rows.length;
  const bounds = boundsText(state.parallelism, state.poolParallelism);
  const plan = state.planId === null ? [] : [span(" · plan ", "dim"), span(state.planId, "cyan")];
  const eta = state.expectedWallMs === null ? "" : ` · ${approx(state.expectedWallMs)} expected`;
  const where =
    state.manifest === null || state.baseUrl === null
      ? []
      : [span(" · ", "dim"), span(oneLine(displayFile(state.manifest))), span(" → ", "dim"), span(oneLine(state.baseUrl))];
  return [
    span("reloadctl apply", "bold"),
    ...where,
    ...plan,
    span(` · ${n} ${n === 1 ? "model" : "models"}${bounds === "" ? "" : ` · ${bounds}`}${eta}`, "dim"),
  ];
}

export interface RowLayout {
  addressWidth: number;
}

const ACTION_COLUMN = Math.max(...Object.values(ACTION_SHORT).map((w) => w.length));
const STATUS_COLUMN = 11;
const ELAPSED_COLUMN = 7;
/** The cells of a row besides its address: `  ✔ ` … `  complete  SUCCESS      1m 12s`. */
const CELLS_BESIDE_ADDRESS = 4 + 2 + ACTION_COLUMN + 2 + STATUS_COLUMN + 2 + ELAPSED_COLUMN;
/** Where a row's address starts: a message that goes on its own line starts there too. */
const ADDRESS_COLUMN = 4;

/**
 * The address column's width: the longest address, at most `maxAddress`, and on a terminal
 * `width` columns wide narrow enough that a row's cells (its duration too) fit beside it.
 */
export function rowLayout(state: ApplyState, maxAddress = 40, width = Number.POSITIVE_INFINITY): RowLayout {
  const cap = Math.max(8, Math.min(maxAddress, width - CELLS_BESIDE_ADDRESS));
  return { addressWidth: Math.min(cap, Math.max(8, ...state.rows.map((r) => textWidth(oneLine(r.address))))) };
}

interface Look {
  symbol: string;
  tone: Tone;
  label: string;
  message: string;
}

/** How a finished model looks: ✔ green, ⚠ yellow (WARNING counted as success), ✖ red, · dim. */
export function outcomeLook(o: { result: string | null; loadStatus: string | null; message: string | null }): Look {
  const message = o.message === null ? "" : oneLine(o.message);
  if (isWarning(o)) {
    return { symbol: "⚠", tone: "yellow", label: "WARNING", message: message === "" ? "counted as success" : `${message} (counted as success)` };
  }
  switch (o.result) {
    case "succeeded":
      return { symbol: "✔", tone: "green", label: o.loadStatus ?? "SUCCESS", message };
    case "failed":
      return { symbol: "✖", tone: "red", label: o.loadStatus ?? "failed", message };
    case "timed_out":
      return { symbol: "✖", tone: "red", label: "timed out", message };
    case "skipped":
      return { symbol: "·", tone: "dim", label: "skipped", message };
    default:
      return { symbol: "·", tone: "dim", label: "not started", message };
  }
}

function activeLook(row: ApplyRow, now: number): Look {
  const load = row.loadId === null ? "" : `load ${shortId(row.loadId)}`;
  if (row.phase === "waiting") {
    const of = row.loadId === null ? "a running load" : `load ${shortId(row.loadId)}`;
    return { symbol: spinnerFrame(now), tone: "cyan", label: "waiting", message: `waiting for ${of} to end` };
  }
  if (row.phase === "queued") return { symbol: "·", tone: "dim", label: "queued", message: "" };
  const retries = row.retries > 0 ? `${row.retries} ${row.retries === 1 ? "retry" : "retries"}` : "";
  return {
    symbol: spinnerFrame(now),
    tone: "cyan",
    label: row.phase === "triggered" ? "triggered" : "running",
    message: [load, retries].filter((t) => t !== "").join(" · "),
  };
}

/**
 * A row for a terminal `width` columns wide: its message (why it failed, the service's words, a
 * load in flight's id) wraps rather than being cut, since this is the run's record.
 */
export function settledRowLines(row: ApplyRow, layout: RowLayout, now: number, width: number): Line[] {
  const { cells, message } = rowParts(row, layout, now);
  return wrapRowMessage(cells, message, width, ADDRESS_COLUMN);
}

/** `  ✔ finance/p2p          partial   SUCCESS      1m 12s   message` */
export function rowLine(row: ApplyRow, layout: RowLayout, now: number): Line {
  const { cells, message } = rowParts(row, layout, now);
  return message === null ? cells : [...cells, message];
}

function rowParts(row: ApplyRow, layout: RowLayout, now: number): { cells: Line; message: Span | null } {
  const finished = row.phase === "finished";
  const look = finished ? outcomeLook(row) : activeLook(row, now);
  const elapsedMs = finished
    ? row.durationMs !== null && row.durationMs > 0
      ? row.durationMs
      : null
    : row.startedAt === null
      ? null
      : now - row.startedAt;
  const address = truncate(oneLine(row.address), layout.addressWidth);
  const cells: Line = [
    span("  "),
    span(look.symbol, look.tone),
    span(` ${padEnd(address, layout.addressWidth)}  ${padEnd(ACTION_SHORT[row.action], ACTION_COLUMN)}  `),
    span(look.label, look.tone === "dim" ? "dim" : finished ? look.tone : undefined),
    span(" ".repeat(Math.max(0, STATUS_COLUMN - textWidth(look.label)) + 2)),
    span(padEnd(elapsedMs === null ? "" : formatElapsed(elapsedMs), ELAPSED_COLUMN) + "  "),
  ];
  return { cells, message: look.message === "" ? null : span(look.message, finished && look.tone !== "green" ? look.tone : "dim") };
}
