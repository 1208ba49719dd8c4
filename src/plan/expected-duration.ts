// How long a planned reload is expected to take: its model's last load, end − start, when that
// load is a fair sample of the reload to come. A pure function of the plan's own readings.
import type { LastLoad } from "../celonis/api.js";
import type { Action } from "./types.js";

/** The `loadType` a reload of each kind produces on the service. */
const LOAD_TYPE_OF: Record<Exclude<Action, "skip">, string> = { full: "COMPLETE", cache: "FROM_CACHE", partial: "PARTIAL" };

/**
 * Milliseconds the reload is expected to take, or null when unknown. The last load counts only
 * when it ran to its end (SUCCESS or WARNING: an ERROR or a cancel may stop early) as a load of
 * the same kind: a load from cache or a partial one says little of a complete reload, nor the
 * reverse. A load that names no kind is taken as is (the service did not say otherwise). A
 * partial reload of other tables is still a partial one: the closest sample there is. A skip
 * runs nothing: null.
 */
export function expectedDurationMs(action: Action, last: LastLoad | null): number | null {
  if (action === "skip" || last === null) return null;
  if (last.status !== "SUCCESS" && last.status !== "WARNING") return null;
  if (last.loadType !== null && last.loadType !== LOAD_TYPE_OF[action]) return null;
  if (last.startDate === null || last.endDate === null) return null;
  const ms = Date.parse(last.endDate) - Date.parse(last.startDate);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}
