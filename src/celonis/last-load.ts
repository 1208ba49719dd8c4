// `GET …/last-load` has no published schema (celonis-api.md): read it tolerantly, normalise dates,
// and never turn anything unknown into a success.
import type { LastLoad } from "./api.js";
import { isRecord, readJson, unusableBody, type Where } from "./body-json.js";

/** The status given to a load object that carries no `loadStatus`: neither in progress nor terminal. */
export const UNKNOWN_STATUS = "UNKNOWN";

const DEFAULT_WHERE: Where = { method: "GET", path: "…/last-load" };

/** null: the model was never loaded (204, empty body, `null`, `{}`, `[]`). */
export function parseLastLoad(status: number, bodyText: string, where: Where = DEFAULT_WHERE): LastLoad | null {
  if (status === 204 || bodyText.trim() === "") return null;
  let body = readJson(status, bodyText, where);
  if (Array.isArray(body)) {
    if (body.length > 1) throw unusableBody(status, where, "the service sent several loads where one was expected");
    body = body[0] ?? null;
  }
  if (body === null) return null;
  if (!isRecord(body)) throw unusableBody(status, where, "the service sent something unreadable: not a load object");
  if (Object.keys(body).length === 0) return null;
  return {
    id: idOf(body.dataLoadId) ?? idOf(body.id),
    status: textOf(body.loadStatus) ?? textOf(body.status) ?? UNKNOWN_STATUS,
    loadType: textOf(body.loadType),
    startDate: isoDate(body.startDate),
    endDate: isoDate(body.endDate),
    message: textOf(body.message),
  };
}

function idOf(v: unknown): string | null {
  if (Number.isFinite(v)) return String(v); // a finite number (Number.isFinite does not coerce)
  return typeof v === "string" && v !== "" ? v : null;
}

function textOf(v: unknown): string | null {
  return typeof v === "string" && v.trim() !== "" ? v : null;
}

// Epoch numbers below this are read as seconds (1e11 ms is 1973; 1e11 s is far in the future).
const SECONDS_BELOW = 1e11;
const NUMERIC = /^-?\d+(\.\d+)?$/;
const ISO_WITHOUT_ZONE = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/** ISO-8601 UTC with milliseconds, from an ISO string or epoch ms (or s); null if absent or unreadable. */
export function isoDate(v: unknown): string | null {
  const d = new Date(epochMs(v));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Milliseconds since the epoch; NaN when unreadable (a blank text, a date out of range, not a date). */
function epochMs(v: unknown): number {
  if (typeof v === "string") {
    const text = v.trim();
    // A timestamp without a zone is taken as UTC, as the service's clocks are.
    if (!NUMERIC.test(text)) return Date.parse(ISO_WITHOUT_ZONE.test(text) ? `${text}Z` : text);
    v = Number(text);
  }
  if (typeof v !== "number") return NaN;
  return Math.abs(v) < SECONDS_BELOW ? v * 1000 : v;
}
