// The status view as lines: one row per declared model with its last load. Text and Ink draw these.
import { inCountOrder, statusKind, type CountKind } from "../../shared/summary-order.js";
import { displayFile } from "../../manifest/display-file.js";
import type { StatusDocument, StatusRow } from "../../status/types.js";
import { isInProgress } from "../../shared/types.js";
import { formatElapsed } from "../../shared/duration.js";
import { MIN_MESSAGE_ROOM, span, wrapLine, wrapRowMessage, type Line, type Span } from "../lines.js";
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

type Column = "address" | "status" | "loadType" | "started" | "ended" | "duration";
const COLUMNS: readonly Column[] = ["address", "status", "loadType", "started", "ended", "duration"];
const HEADER: Record<Column, string> = {
  address: HEADERS[0],
  status: HEADERS[1],
  loadType: HEADERS[2],
  started: HEADERS[3],
  ended: HEADERS[4],
  duration: HEADERS[5],
};
/** On a narrow terminal these columns go first, in this order (an end is its start plus its duration). */
const DROPPABLE: readonly Column[] = ["ended", "loadType"];
/** An address column narrower than its longest address is cut no narrower than this. */
const MIN_ADDRESS = 8;

/**
 * The columns shown at `width` and their widths: all of them when they fit; on a narrow terminal
 * the ended, then the load type column go, and only then is the address column narrowed. The
 * status, duration and message are always shown (the message, when there is no room beside the
 * row, on its own lines under it).
 */
function layout(rows: Cells[], width: number): { columns: Column[]; w: Record<Column, number> } {
  const col = (c: Column, cap = Infinity) => Math.min(cap, Math.max(textWidth(HEADER[c]), ...rows.map((r) => textWidth(r[c]))));
  const w: Record<Column, number> = {
    address: col("address", Math.max(16, Math.floor(width * 0.35))),
    status: col("status"),
    loadType: col("loadType"),
    started: col("started"),
    ended: col("ended"),
    duration: col("duration"),
  };
  // A row's cells: each column and the two spaces after it (the last one's trailing spaces aside).
  const rowWidth = (columns: Column[]) => columns.reduce((n, c) => n + w[c] + 2, -2);
  let columns = [...COLUMNS];
  for (const drop of DROPPABLE) {
    if (rowWidth(columns) <= width) break;
    columns = columns.filter((c) => c !== drop);
  }
  const over = rowWidth(columns) - width;
  if (over > 0) w.address = Math.max(MIN_ADDRESS, w.address - over);
  return { columns, w };
}

export function statusLines(doc: StatusDocument, opts: StatusLinesOptions): Line[] {
  const width = opts.width ?? DEFAULT_WIDTH;
  const rows = doc.models.map((r) => cells(r, opts.now));
  const { columns, w } = layout(rows, width);
  const cell = (text: string, width: number, tone?: Tone): Span[] => [
    span(truncate(text, width), tone),
    span(" ".repeat(Math.max(0, width - textWidth(truncate(text, width))) + 2)),
  ];
  const tones = (c: Cells): Record<Column, Tone | undefined> => ({
    address: undefined,
    status: c.statusTone,
    loadType: undefined,
    started: "dim",
    ended: "dim",
    duration: undefined,
  });
  const rowCells = (c: Cells): Line => columns.flatMap((k) => cell(c[k], w[k], tones(c)[k]));
  const messageColumn = columns.reduce((n, c) => n + w[c] + 2, 0);
  // The message header only where messages are drawn beside the rows (else they go under them).
  const beside = width - messageColumn >= MIN_MESSAGE_ROOM;
  const head: Line = [
    span([...columns.map((c) => padEnd(HEADER[c], w[c])), ...(beside ? [HEADERS[6]] : [])].join("  ").trimEnd(), "dim"),
  ];
  // A message (why a load failed) wraps rather than being cut: beside the row when there is
  // room, else on its own lines under it.
  const body: Line[] = rows.flatMap((c, i) => [
    ...wrapRowMessage(rowCells(c), span(c.message, c.messageTone), width, 2),
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
