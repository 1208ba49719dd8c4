// How the views name actions and describe a load, shared so every format says the same.
import type { Action } from "../plan/types.js";
import type { LastLoadSummary } from "../plan/types.js";
import { isInProgress } from "../shared/types.js";
import { formatAge, formatElapsed } from "../shared/duration.js";
import { span, type Span } from "./lines.js";
import { oneLine, type Tone } from "./style.js";

export const ACTION_PHRASE: Record<Action, string> = {
  full: "complete reload",
  cache: "reload from cache",
  partial: "partial reload",
  skip: "skip",
};

/** Short action names for table columns: the words of plan's total ("2 complete, 1 from cache, 1 partial"). */
export const ACTION_SHORT: Record<Action, string> = {
  full: "complete",
  cache: "from cache",
  partial: "partial",
  skip: "skip",
};

const LOAD_TYPE_WORD: Record<string, string> = { COMPLETE: ACTION_SHORT.full, PARTIAL: ACTION_SHORT.partial, FROM_CACHE: ACTION_SHORT.cache };

/** The service's `loadType` in the views' words (`FROM_CACHE` → `from cache`); an unknown one as sent. */
export function loadTypeWord(loadType: string): string {
  return LOAD_TYPE_WORD[loadType] ?? loadType;
}

export function statusTone(status: string): Tone | undefined {
  if (status === "SUCCESS") return "green";
  if (status === "WARNING") return "yellow";
  if (isInProgress(status)) return "cyan";
  return "red";
}

/** Milliseconds between an ISO date and `now`, or null when there is no (valid) date. */
export function msSince(iso: string | null, now: number): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : now - t;
}

/** Milliseconds from start to end of a load, or null when either is missing. */
export function loadDurationMs(load: LastLoadSummary): number | null {
  if (load.startDate === null || load.endDate === null) return null;
  const ms = Date.parse(load.endDate) - Date.parse(load.startDate);
  return Number.isNaN(ms) || ms < 0 ? null : ms;
}

export function ageText(iso: string | null, now: number): string | null {
  const ms = msSince(iso, now);
  return ms === null ? null : `${formatAge(ms)} ago`;
}

/**
 * `last SUCCESS 29h ago (took 1h 02m)`, `last ERROR 3h ago: message`, `last RUNNING, started 5m ago`,
 * `never loaded`.
 */
export function lastLoadSpans(load: LastLoadSummary | null, now: number, opts: { took: boolean }): Span[] {
  if (load === null) return [span("never loaded", "dim")];
  const status = oneLine(load.status);
  const out: Span[] = [span("last ", "dim"), span(status, statusTone(status))];
  if (isInProgress(status)) {
    const age = ageText(load.startDate, now);
    if (age !== null) out.push(span(`, started ${age}`, "dim"));
    return out;
  }
  const age = ageText(load.endDate ?? load.startDate, now);
  if (age !== null) out.push(span(` ${age}`, "dim"));
  const took = loadDurationMs(load);
  if (opts.took && took !== null && (status === "SUCCESS" || status === "WARNING")) {
    out.push(span(` (took ${formatElapsed(took)})`, "dim"));
  }
  const message = load.message === null ? "" : oneLine(load.message);
  if (status !== "SUCCESS" && message !== "") out.push(span(`: ${message}`));
  return out;
}

/** `SUCCESS, 29h ago` (the compact form for tables), `never loaded`. */
export function lastLoadCell(load: LastLoadSummary | null, now: number): string {
  if (load === null) return "never loaded";
  const status = oneLine(load.status);
  if (isInProgress(status)) {
    const age = ageText(load.startDate, now);
    return age === null ? status : `${status}, started ${age}`;
  }
  const age = ageText(load.endDate ?? load.startDate, now);
  return age === null ? status : `${status}, ${age}`;
}
