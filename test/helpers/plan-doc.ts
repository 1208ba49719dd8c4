// Plan documents built by hand, for executor and renderer tests.
import { expectedWallMs, startOrder, type Bounds } from "../../src/plan/schedule.js";
import type { PlanDocument, PlannedModel } from "../../src/plan/types.js";
import { computePlanId } from "../../src/plan/plan-id.js";

export function plannedModel(over: Partial<PlannedModel> & { address: string }): PlannedModel {
  const [pool = "p", model = "m"] = over.address.split("/");
  return {
    pool,
    model,
    poolId: `pool-${pool}`,
    modelId: `model-${model}`,
    poolName: null,
    modelName: null,
    action: "full",
    reload: "full",
    reason: "complete reload: never loaded",
    skipReason: null,
    tables: [],
    tableCount: null,
    lastLoad: null,
    expectedDurationMs: null,
    tags: [],
    timeoutMs: 60 * 60_000,
    maxAgeMs: 0,
    onWarning: "fail",
    onRunning: "wait",
    ...over,
  };
}

export function planDoc(models: PlannedModel[], over: Partial<PlanDocument> = {}): PlanDocument {
  const summary = { full: 0, cache: 0, partial: 0, skip: 0 };
  for (const m of models) summary[m.action]++;
  const poolParallelism: Record<string, number> = {};
  for (const m of models) poolParallelism[m.pool] = 2;
  const doc: PlanDocument = {
    formatVersion: 1,
    planId: "",
    createdAt: "2026-11-28T12:00:00.000Z",
    expiresAt: "2026-11-29T12:00:00.000Z",
    tool: { name: "reloadctl", version: "0.1.0" },
    manifest: { path: "reload.config.yaml", sha256: "0".repeat(64) },
    baseUrl: "https://fake.celonis.test",
    target: null,
    selection: { select: [], exclude: [] },
    parallelism: 4,
    poolParallelism,
    models,
    summary,
    ...scheduleOf(models, { parallelism: over.parallelism ?? 4, poolParallelism: over.poolParallelism ?? poolParallelism }),
    ...over,
  };
  return over.planId === undefined ? { ...doc, planId: computePlanId(doc) } : doc;
}

/** The plan's order and expected wall time, as the planner derives them. */
export function scheduleOf(models: readonly PlannedModel[], bounds: Bounds): { order: string[]; expectedWallMs: number | null } {
  const ordered = startOrder(models, "longest-first");
  return { order: ordered.map((m) => m.address), expectedWallMs: expectedWallMs(ordered, bounds) };
}
