// Apply, live on a TTY: finished rows settle above (<Static>), loads in flight update in place,
// and the view exits by itself once the summary is drawn.
import { useEffect, useReducer, useState } from "react";
import { Box, Static, useApp, useStdout } from "ink";
import type { ApplyEventSource } from "./event-source.js";
import { InkLine } from "../InkLines.js";
import { span, wrapLine, type Line } from "../lines.js";
import { initialApplyState, isActive, reduceApply } from "./apply-model.js";
import { INTERRUPTED_NOTE, applyHeader, applyTotal, liveCounts, outcomeCounts, rowLayout, rowLine, settledRowLines, timeLeftText, totalTone } from "./apply-lines.js";

export interface ApplyViewProps {
  events: ApplyEventSource;
  now?: () => number;
  width?: number;
  color?: boolean;
  /** How often the spinner and elapsed times are redrawn; 0 redraws on events only. */
  tickMs?: number;
}

interface StaticItem {
  key: string;
  lines: Line[];
}

export function ApplyView({ events, now = Date.now, width, color = true, tickMs = 100 }: ApplyViewProps) {
  const [state, dispatch] = useReducer(reduceApply, initialApplyState);
  const [, setTick] = useState(0);
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

  const w = width ?? (stdout.columns || 100);
  const t = now();
  const layout = rowLayout(state);
  // Addresses always hold a "/", so "header" cannot collide with a row's key.
  const settled: StaticItem[] = [];
  if (state.startedAt !== null || state.rows.length > 0) settled.push({ key: "header", lines: [...wrapLine(applyHeader(state), w, 2), []] });
  for (const address of state.finished) {
    const row = state.rows.find((r) => r.address === address);
    if (row) settled.push({ key: address, lines: settledRowLines(row, layout, t, w) });
  }

  const live: Line[] = state.rows.filter(isActive).map((row) => rowLine(row, layout, t));
  const queued = state.rows.filter((r) => r.phase === "queued").length;
  if (!done && queued > 0) live.push([span(`  ${queued} queued`, "dim")]);
  if (!done && state.interrupted) {
    live.push(...wrapLine([span(`  ${INTERRUPTED_NOTE}`, "yellow")], w, 2));
  }
  if (state.summary !== null) {
    const counts = outcomeCounts(state.summary.models);
    live.push([], ...wrapLine([span(applyTotal(counts, state.summary.durationMs, state.summary.interrupted), totalTone(counts, state.summary.interrupted))], w, 2));
  } else if (state.startedAt !== null) {
    const counts = liveCounts(state);
    const left = timeLeftText(state, t);
    live.push([], [span(`${applyTotal(counts, Math.max(0, t - state.startedAt), state.interrupted)}${left === null ? "" : ` · ${left}`}`, "dim")]);
  }

  return (
    <>
      <Static items={settled}>
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
