// Apply, live on a TTY: finished rows settle above (<Static>) in manifest order, loads in flight
// update in place, and the view exits by itself once the summary is drawn.
import { useEffect, useReducer, useState } from "react";
import { Box, Static, useApp, useStdout } from "ink";
import type { ApplyEventSource } from "./event-source.js";
import { InkLine } from "../InkLines.js";
import { span, wrapLine, type Line } from "../lines.js";
import { initialApplyState, isActive, reduceApply, type ApplyRow } from "./apply-model.js";
import {
  INTERRUPTED_NOTE,
  applyHeader,
  applyTotal,
  liveCounts,
  outcomeCounts,
  rowLayout,
  settledRowLines,
  timeLeftText,
  totalTone,
  type RowLayout,
} from "./apply-lines.js";

export interface ApplyViewProps {
  events: ApplyEventSource;
  now?: () => number;
  /** A fixed width; by default the terminal's, laid out again when it is resized. */
  width?: number;
  color?: boolean;
  /** How often the spinner and elapsed times are redrawn; 0 redraws on events only. */
  tickMs?: number;
}

interface StaticItem {
  key: string;
  lines: Line[];
}

/** Clears the screen and homes the cursor (the scrollback is left alone). */
export const CLEAR_SCREEN = "\x1b[2J\x1b[H";

/**
 * The rows not settled yet, in manifest order: loads in flight, and finished rows waiting for the
 * rows before them. Within `room` lines (a frame taller than the terminal cannot be redrawn in
 * place): loads in flight first, then finished rows in order; those that do not fit are counted.
 */
function liveRows(rows: ApplyRow[], layout: RowLayout, now: number, width: number, room: number): Line[] {
  const finished = new Map(rows.filter((r) => r.phase === "finished").map((r) => [r.address, settledRowLines(r, layout, now, width)]));
  // A load in flight wraps its message (its load id, its retries) like a finished row: never cut.
  const active = new Map(rows.filter(isActive).map((r) => [r.address, settledRowLines(r, layout, now, width)]));
  let left = room - [...active.values()].reduce((n, lines) => n + lines.length, 0);
  const all = [...finished.values()].reduce((n, lines) => n + lines.length, 0);
  if (all > left) left -= 1; // a line for the count of those left out
  let hidden = 0;
  for (const [address, lines] of finished) {
    if (hidden === 0 && lines.length <= left) left -= lines.length;
    else {
      finished.delete(address);
      hidden++;
    }
  }
  const out: Line[] = [];
  for (const row of rows) {
    out.push(...(active.get(row.address) ?? finished.get(row.address) ?? []));
  }
  if (hidden > 0) out.push([span(`  ${hidden} more finished, settling in manifest order`, "dim")]);
  return out;
}

export function ApplyView({ events, now = Date.now, width, color = true, tickMs = 100 }: ApplyViewProps) {
  const [state, dispatch] = useReducer(reduceApply, initialApplyState);
  const [, setTick] = useState(0);
  // Bumped when the terminal narrows: the settled rows are drawn again, at the new width.
  const [layoutEpoch, setLayoutEpoch] = useState(0);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const done = state.summary !== null;

  useEffect(() => events.subscribe(dispatch), [events]);
  useEffect(() => {
    if (done || tickMs <= 0) return;
    const timer = setInterval(() => setTick((t) => t + 1), tickMs);
    return () => clearInterval(timer);
  }, [done, tickMs]);
  useEffect(() => {
    if (done) exit();
  }, [done, exit]);
  useEffect(() => {
    if (width !== undefined || done) return;
    // Ink erases the live frame by the number of lines it drew; a terminal that narrows re-wraps
    // those lines into more rows than that, and the rows it does not erase stay on the screen.
    // So on a narrower terminal: clear the screen and draw the view again at the new width (the
    // settled rows too: they would re-wrap as well). On a wider one, the lines just fit: redraw.
    let drawnAt = stdout.columns || 100;
    const resized = () => {
      const columns = stdout.columns || 100;
      if (columns < drawnAt) {
        stdout.write(CLEAR_SCREEN);
        setLayoutEpoch((n) => n + 1);
      } else setTick((n) => n + 1);
      drawnAt = columns;
    };
    stdout.on("resize", resized);
    return () => {
      stdout.off("resize", resized);
    };
  }, [stdout, width, done]);

  const w = width ?? (stdout.columns || 100);
  const t = now();
  const layout = rowLayout(state, 40, w);
  // Rows settle in manifest order: a finished row settles once every row before it has, so the
  // run ends with its rows in the manifest's order (as the text view and status list them).
  // Until then a finished row is drawn live, among the loads in flight, in that same order.
  const firstOpen = state.rows.findIndex((r) => r.phase !== "finished");
  const settledCount = firstOpen === -1 ? state.rows.length : firstOpen;
  // Addresses always hold a "/", so "header" cannot collide with a row's key.
  const settled: StaticItem[] = [];
  if (state.startedAt !== null || state.rows.length > 0) settled.push({ key: "header", lines: [...wrapLine(applyHeader(state), w, 2), []] });
  for (const row of state.rows.slice(0, settledCount)) settled.push({ key: row.address, lines: settledRowLines(row, layout, t, w) });

  const open = state.rows.slice(settledCount);
  const tail: Line[] = [];
  const queued = open.filter((r) => r.phase === "queued").length;
  if (!done && queued > 0) tail.push([span(`  ${queued} queued`, "dim")]);
  if (!done && state.interrupted) {
    tail.push(...wrapLine([span(`  ${INTERRUPTED_NOTE}`, "yellow")], w, 2));
  }
  if (state.summary !== null) {
    const counts = outcomeCounts(state.summary.models);
    tail.push([], ...wrapLine([span(applyTotal(counts, state.summary.durationMs, state.summary.interrupted), totalTone(counts, state.summary.interrupted))], w, 2));
  } else if (state.startedAt !== null) {
    const counts = liveCounts(state);
    const left = timeLeftText(state, t);
    tail.push([], ...wrapLine([span(`${applyTotal(counts, Math.max(0, t - state.startedAt), state.interrupted)}${left === null ? "" : ` · ${left}`}`, "dim")], w, 2));
  }
  const room = stdout.rows ? stdout.rows - tail.length - 1 : Number.POSITIVE_INFINITY;
  const live: Line[] = [...liveRows(open, layout, t, w, room), ...tail];

  return (
    <>
      <Static key={layoutEpoch} items={settled}>
        {(item) => (
          <Box key={item.key} flexDirection="column">
            {item.lines.map((line, i) => (
              <InkLine key={i} line={line} width={w} color={color} />
            ))}
          </Box>
        )}
      </Static>
      <Box flexDirection="column">
        {live.map((line, i) => (
          <InkLine key={i} line={line} width={w} color={color} />
        ))}
      </Box>
    </>
  );
}
