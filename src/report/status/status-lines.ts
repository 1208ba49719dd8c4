// The status view as lines: one row per declared model with its last load. Text and Ink draw these.
import { inCountOrder, statusKind, type CountKind } from "../../shared/summary-order.js";
import { displayFile } from "../../manifest/display-file.js";
import type { StatusDocument, StatusRow } from "../../status/types.js";
import { isInProgress } from "../../shared/types.js";
import { formatElapsed } from "../../shared/duration.js";
import { span, wrapLine, wrapRowMessage, type Line, type Span } from "../lines.js";
import { ageText, loadDurationMs, loadTypeWord, msSince, statusTone } from "../load-words.js";
import { oneLine, padEnd, shortId, textWidth, truncate, type Tone } from "../style.js";

export interface StatusLinesOptions {
  now: number;
  width?: number;
}

export const DEFAULT_WIDTH = 100;
const HEADERS = ["address", "status", "load type", "started", "ended", "duration", "message"] as const;

interface Cells {
  address: string;
  status: string;
  statusTone: Tone | undefined;
  loadType: string;
  started: string;
  ended: string;
  duration: string;
  message: string;
  messageTone: Tone | undefined;
}

function cells(row: StatusRow, now: number): Cells {
  const base = { address: oneLine(row.address), loadType: "", started: "", ended: "", duration: "", message: "" };
  if (row.error !== null) {
    const code = row.error.status === null ? "" : `${row.error.status}: `;
    return { ...base, status: "not read", statusTone: "red", message: code + oneLine(row.error.message), messageTone: "red" };
  }
  const load = row.lastLoad;
  if (load === null) return { ...base, status: "never loaded", statusTone: "dim", messageTone: undefined };
  const status = oneLine(load.status);
  const running = isInProgress(status);
  // A load in progress has no duration yet: show how long it has been going.
  const durationMs = running ? msSince(load.startDate, now) : loadDurationMs(load);
  return {
    ...base,
    status,
    statusTone: statusTone(status),
    loadType: load.loadType === null ? "" : loadTypeWord(oneLine(load.loadType)),
    started: ageText(load.startDate, now) ?? "",
    ended: running ? "" : (ageText(load.endDate, now) ?? ""),
    duration: durationMs === null ? "" : formatElapsed(durationMs),
    message: load.message === null ? "" : oneLine(load.message),
    messageTone: status === "SUCCESS" ? "dim" : statusTone(status),
  };
}

/** `Status: 6 models · 1 SUCCESS, 1 ERROR, 1 never loaded, 1 not read.` */
export function statusTotal(doc: StatusDocument): string {
  const counts = new Map<string, { count: number; kind: CountKind }>();
  for (const row of doc.models) {
    const status = row.error !== null || row.lastLoad === null ? null : oneLine(row.lastLoad.status);
    const key = row.error !== null ? "not read" : status ?? "never loaded";
    const seen = counts.get(key);
    if (seen) seen.count++;
    else counts.set(key, { count: 1, kind: statusKind(status, row.error === null) });
  }
  const n = doc.models.length;
  const parts = inCountOrder([...counts.entries()], ([, { kind }]) => kind).map(([key, { count }]) => `${count} ${key}`);
  return `Status: ${n} ${n === 1 ? "model" : "models"}${parts.length > 0 ? ` · ${parts.join(", ")}` : ""}.`;
}

/** A pool or model named in the manifest: the name it was looked up by, and the id that gave. */
function lookedUpLines(row: StatusRow, width: number): Line[] {
  const parts: Span[] = [];
  const add = (name: string | null, id: string) => {
    if (!name) return;
    if (parts.length > 0) parts.push(span(" · ", "dim"));
    parts.push(span(JSON.stringify(oneLine(name)), "dim"), span(" → ", "dim"), span(shortId(id), "cyan"));
  };
  add(row.poolName, row.poolId);
  add(row.modelName, row.modelId);
  return parts.length > 0 ? wrapLine([span("    "), ...parts], width, 4) : [];
}

export function statusLines(doc: StatusDocument, opts: StatusLinesOptions): Line[] {
  const width = opts.width ?? DEFAULT_WIDTH;
  const rows = doc.models.map((r) => cells(r, opts.now));
  const col = (pick: (c: Cells) => string, header: string, cap = Infinity) =>
    Math.min(cap, Math.max(textWidth(header), ...rows.map((c) => textWidth(pick(c)))));
  const w = {
    address: col((c) => c.address, HEADERS[0], Math.max(16, Math.floor(width * 0.35))),
    status: col((c) => c.status, HEADERS[1]),
    loadType: col((c) => c.loadType, HEADERS[2]),
    started: col((c) => c.started, HEADERS[3]),
    ended: col((c) => c.ended, HEADERS[4]),
    duration: col((c) => c.duration, HEADERS[5]),
  };
  const cell = (text: string, width: number, tone?: Tone): Span[] => [
    span(truncate(text, width), tone),
    span(" ".repeat(Math.max(0, width - textWidth(truncate(text, width))) + 2)),
  ];
  const head: Line = [
    span(
      [
        padEnd(HEADERS[0], w.address),
        padEnd(HEADERS[1], w.status),
        padEnd(HEADERS[2], w.loadType),
        padEnd(HEADERS[3], w.started),
        padEnd(HEADERS[4], w.ended),
        padEnd(HEADERS[5], w.duration),
        HEADERS[6],
      ].join("  "),
      "dim",
    ),
  ];
  // A message (why a load failed) wraps under itself rather than being cut.
  const body: Line[] = rows.flatMap((c, i) => [
    ...wrapRowMessage(
      [
        ...cell(c.address, w.address),
        ...cell(c.status, w.status, c.statusTone),
        ...cell(c.loadType, w.loadType),
        ...cell(c.started, w.started, "dim"),
        ...cell(c.ended, w.ended, "dim"),
        ...cell(c.duration, w.duration),
      ],
      span(c.message, c.messageTone),
      width,
      w.address + 2, // under the status column
    ),
    ...lookedUpLines(doc.models[i]!, width),
  ]);
  // The header and the total are read whole: on a narrow terminal they wrap, never cut.
  return [
    ...wrapLine(
      [
        span("reloadctl status", "bold"),
        span(" · ", "dim"),
        span(oneLine(displayFile(doc.manifest.path))),
        span(" → ", "dim"),
        span(oneLine(doc.baseUrl)),
      ],
      width,
      2,
    ),
    [],
    head,
    ...body,
    [],
    ...wrapLine([span(statusTotal(doc), "bold")], width, 8),
  ];
}
