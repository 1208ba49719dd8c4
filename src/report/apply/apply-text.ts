// Apply for CI logs and pipes: one timestamped line per thing that happened, heartbeats for long
// loads, then the summary. Purely event-driven: every time shown comes from an event's `at`.
import type { ApplyEvent } from "../../apply/events.js";
import { formatElapsed } from "../../shared/duration.js";
import { fitLine, paintLine, span, type Line, type Span } from "../lines.js";
import { ACTION_PHRASE } from "../load-words.js";
import { createStyle, oneLine, padEnd, shortId, type Tone } from "../style.js";
import { initialApplyState, reduceApply, type ApplyState } from "./apply-model.js";
import { INTERRUPTED_NOTE, applyHeader, applyTotal, outcomeCounts, outcomeLook, rowLayout, rowLine, timeLeftText, totalTone } from "./apply-lines.js";

export interface ApplyTextOptions {
  color: boolean;
  /** A model that shows nothing for this long gets a `still running` line at its next poll. */
  heartbeatMs?: number;
}

type Triggered = Extract<ApplyEvent, { type: "triggered" }>;

/** `HH:MM:SS` in UTC. */
export function clockTime(at: string): string {
  const t = Date.parse(at);
  return Number.isNaN(t) ? "--:--:--" : new Date(t).toISOString().slice(11, 19);
}

/** `2m13s`: the compact elapsed form of the CI lines. */
const compact = (ms: number): string => formatElapsed(ms).replace(" ", "");

function delayText(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.round(ms))}ms` : compact(ms);
}

/**
 * A reporter to call with each event in order; it calls `write` with each finished line
 * (no trailing newline). `write("")` is a blank line.
 */
export function createApplyTextReporter(
  write: (line: string) => void,
  opts: ApplyTextOptions,
): (event: ApplyEvent) => void {
  const style = createStyle(opts.color);
  const heartbeatMs = opts.heartbeatMs ?? 60_000;
  let state: ApplyState = initialApplyState;
  let addressWidth = 0;
  const lastLineAt = new Map<string, number>();
  // A trigger's line waits for the load id when the very next event is that load being seen.
  let pendingTrigger: Triggered | null = null;

  // CI logs keep every character of a message: lines are trimmed, never cut.
  const emit = (line: Line) => write(paintLine(fitLine(line, Number.POSITIVE_INFINITY), style));
  const modelLine = (at: string, address: string, body: Span[]) => {
    const t = Date.parse(at);
    if (!Number.isNaN(t)) lastLineAt.set(address, t);
    emit([span(clockTime(at), "dim"), span(` ${padEnd(oneLine(address), addressWidth)}  `), ...body]);
  };
  const triggerLine = (e: Triggered, loadId: string | null) => {
    const notes = [loadId === null ? null : `load ${shortId(loadId)}`, e.adopted ? "its answer was lost or an error, but the load started" : null];
    const detail = notes.filter((n) => n !== null).join("; ");
    modelLine(e.at, e.address, [span(`triggered ${ACTION_PHRASE[e.action]}`), span(detail === "" ? "" : ` (${detail})`, "dim")]);
  };

  return (event) => {
    if (pendingTrigger !== null) {
      const trigger = pendingTrigger;
      pendingTrigger = null;
      if (event.type === "load_seen" && event.address === trigger.address) {
        state = reduceApply(state, event);
        triggerLine(trigger, event.loadId);
        return;
      }
      triggerLine(trigger, null);
    }
    const before = state;
    state = reduceApply(state, event);

    switch (event.type) {
      case "start":
        addressWidth = rowLayout(state).addressWidth;
        emit(applyHeader(state));
        write("");
        return;
      case "queued":
        return;
      case "waiting": {
        const of = event.loadId === null ? "a load" : `load ${shortId(event.loadId)}`;
        modelLine(event.at, event.address, [span(`waiting for ${of} (${oneLine(event.status)}) to end`, "dim")]);
        return;
      }
      case "triggered":
        pendingTrigger = event;
        return;
      case "load_seen": {
        const id = event.loadId === null ? "load" : `load ${shortId(event.loadId)}`;
        modelLine(event.at, event.address, [span(`${id} seen, ${oneLine(event.status)}`, "dim")]);
        return;
      }
      case "polled": {
        const at = Date.parse(event.at);
        const last = lastLineAt.get(event.address);
        if (Number.isNaN(at)) return;
        if (last === undefined) {
          lastLineAt.set(event.address, at);
          return;
        }
        if (at - last < heartbeatMs) return;
        const waiting = before.rows.find((r) => r.address === event.address)?.phase === "waiting";
        const left = timeLeftText(state, at);
        modelLine(event.at, event.address, [span(`${waiting ? "still waiting" : "still running"}, ${compact(event.elapsedMs)}${left === null ? "" : `; apply ${left}`}`, "dim")]);
        return;
      }
      case "checking":
        modelLine(event.at, event.address, [
          span(`trigger unsure (${oneLine(event.reason)}): watching last-load for up to ${delayText(event.windowMs)} for its load`, "yellow"),
        ]);
        return;
      case "not_ours": {
        const id = event.loadId === null ? "a load without id" : `load ${shortId(event.loadId)}`;
        modelLine(event.at, event.address, [span(`${id} (${oneLine(event.status)}) ignored: ${oneLine(event.reason)}`, "yellow")]);
        return;
      }
      case "retry":
        modelLine(event.at, event.address, [
          span(`retry ${event.attempt} in ${delayText(event.delayMs)}: ${oneLine(event.reason)}`, "yellow"),
        ]);
        return;
      case "finished": {
        const look = outcomeLook(event);
        const took = compact(event.durationMs);
        const head: Record<typeof event.result, string> = {
          succeeded: `${look.label} in ${took}`,
          failed: event.loadStatus === null ? `failed after ${took}` : `${look.label} in ${took}`,
          timed_out: `timed out after ${took}${event.loadStatus === null ? "" : ` (load ${oneLine(event.loadStatus)})`}`,
          skipped: "skipped",
          not_started: "not started",
        };
        const tone: Tone = look.tone === "dim" ? "yellow" : look.tone;
        modelLine(event.at, event.address, [span(head[event.result], tone), span(look.message === "" ? "" : `: ${look.message}`)]);
        return;
      }
      case "interrupted":
        emit([
          span(clockTime(event.at), "dim"),
          span(` ${INTERRUPTED_NOTE}`, "yellow"),
        ]);
        return;
      case "summary": {
        const layout = rowLayout(state);
        write("");
        for (const outcome of event.models) {
          const row = state.rows.find((r) => r.address === outcome.address);
          if (row) emit(rowLine(row, layout, Date.parse(event.at)));
        }
        write("");
        const counts = outcomeCounts(event.models);
        emit([span(applyTotal(counts, event.durationMs, event.interrupted), totalTone(counts, event.interrupted))]);
        return;
      }
    }
  };
}
