// The plan's expected wall time and start order in words, for every plan view.
import type { PlanDocument } from "../../plan/types.js";
import { formatElapsed } from "../../shared/duration.js";

/** How many addresses of the start order a view names. */
const ORDER_SHOWN = 3;

/** `≈ 1h 12m`: an estimate, to the minute past an hour; `< 1s` for a moment (not `≈ 0s`). */
export function approx(ms: number): string {
  if (ms > 0 && ms < 1000) return "< 1s";
  return `≈ ${formatElapsed(ms >= 3_600_000 ? Math.round(ms / 60_000) * 60_000 : ms)}`;
}

/**
 * `Expected ≈ 1h 12m at parallelism 4, 1 load of unknown duration counted as the median; starts
 * first: finance/p2p, sales/o2c, hr/core, then 9 more.`; null when nothing is to reload.
 */
export function planEtaText(doc: PlanDocument, quote: (address: string) => string = (a) => a): string | null {
  const toReload = doc.order.length;
  if (toReload === 0) return null;
  const byAddress = new Map(doc.models.map((m) => [m.address, m]));
  const unknown = doc.order.filter((a) => byAddress.get(a)?.expectedDurationMs == null).length;
  const head = doc.order.slice(0, ORDER_SHOWN).map(quote).join(", ");
  const more = toReload - ORDER_SHOWN;
  const order = toReload === 1 ? "" : `; starts first: ${head}${more > 0 ? `, then ${more} more` : ""}`;
  if (doc.expectedWallMs === null) return `Expected time unknown: no model's last load ran to its end as a load of the same kind${order}.`;
  const counted = unknown === 0 ? "" : `, ${unknown} ${unknown === 1 ? "load" : "loads"} of unknown duration counted as the median`;
  return `Expected ${approx(doc.expectedWallMs)} at parallelism ${doc.parallelism}${counted}${order}.`;
}
