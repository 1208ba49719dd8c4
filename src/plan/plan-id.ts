// The plan id: a short, stable hash of what a plan intends to do, so a reviewer's comment, the
// apply job and its reports can name the same plan. Timestamps, reasons and last loads are not
// intent: two plans that would do the same thing under the same bounds share an id.
import { createHash } from "node:crypto";
import type { PlanDocument } from "./types.js";

/** Hex characters kept: 48 bits, plenty to tell a team's plans apart, short enough to read aloud. */
export const PLAN_ID_LENGTH = 12;

type Intent = Pick<PlanDocument, "models" | "parallelism" | "poolParallelism">;

export function computePlanId(doc: Intent): string {
  const pools = Object.keys(doc.poolParallelism).sort();
  const intent = {
    models: doc.models.map((m) => [m.address, m.poolId, m.modelId, m.action, m.tables.map((t) => t.id)]),
    parallelism: doc.parallelism,
    poolParallelism: pools.map((p) => [p, doc.poolParallelism[p]]),
  };
  return createHash("sha256").update(JSON.stringify(intent)).digest("hex").slice(0, PLAN_ID_LENGTH);
}
