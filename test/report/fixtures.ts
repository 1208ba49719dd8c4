// Hand-built documents for the renderer tests.
import { expectedDurationMs } from "../../src/plan/expected-duration.js";
import { expectedWallMs, startOrder, type Bounds } from "../../src/plan/schedule.js";
import type { LastLoadSummary, PlanDocument, PlannedModel, PlannedTable } from "../../src/plan/types.js";
import type { StatusDocument, StatusRow } from "../../src/status/types.js";

export const NOW = Date.parse("2026-11-28T17:00:00.000Z");
const H = 3_600_000;
const M = 60_000;

export const iso = (msBeforeNow: number): string => new Date(NOW - msBeforeNow).toISOString();

export const FINANCE_ID = "0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10";
export const LOGISTICS_ID = "4c2a77e1-0b6e-4f7a-8d2c-3e4f5a6b7c8d";

export function load(over: Partial<LastLoadSummary> & { status: string }): LastLoadSummary {
  return { id: "9d8c7b6a-0000-4000-8000-000000000001", loadType: "COMPLETE", startDate: null, endDate: null, message: null, ...over };
}

export function model(over: Partial<PlannedModel> & { address: string }): PlannedModel {
  const [pool = "", name = ""] = over.address.split("/");
  return {
    pool,
    model: name,
    poolId: pool === "logistics" ? LOGISTICS_ID : FINANCE_ID,
    modelId: "5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44",
    poolName: null,
    modelName: null,
    action: "full",
    reload: "full",
    reason: "declared: reload full",
    skipReason: null,
    tables: [],
    tableCount: null,
    lastLoad: null,
    tags: [],
    timeoutMs: 2 * H,
    maxAgeMs: 0,
    onWarning: "fail",
    onRunning: "wait",
    ...over,
    expectedDurationMs: over.expectedDurationMs !== undefined ? over.expectedDurationMs : expectedDurationMs(over.action ?? "full", over.lastLoad ?? null),
  };
}

export function planDoc(models: PlannedModel[]): PlanDocument {
  const count = (a: string) => models.filter((m) => m.action === a).length;
  return {
    formatVersion: 1,
    planId: "3f9a0c1b2d4e",
    createdAt: new Date(NOW).toISOString(),
    expiresAt: new Date(NOW + H).toISOString(),
    tool: { name: "reloadctl", version: "0.1.0" },
    manifest: { path: "reload.config.yaml", sha256: "81be5d0a9c7e6f4b3a2d1c0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a" },
    baseUrl: "https://acme.eu-1.celonis.cloud",
    target: null,
    selection: { select: [], exclude: [] },
    parallelism: 4,
    poolParallelism: { finance: 2, logistics: 2 },
    models,
    summary: { full: count("full"), cache: count("cache"), partial: count("partial"), skip: count("skip") },
    ...scheduleOf(models, { parallelism: 4, poolParallelism: { finance: 2, logistics: 2 } }),
  };
}

const table = (name: string, alias: string | null, id: string, word: string): PlannedTable => ({ name, alias, id, word });

export const mixedPlan = (): PlanDocument =>
  planDoc([
    model({
      address: "finance/o2c",
      lastLoad: load({ status: "SUCCESS", startDate: iso(30 * H + 2 * M), endDate: iso(29 * H) }),
    }),
    model({
      address: "finance/p2p",
      action: "partial",
      reload: "partial",
      reason: "declared: 3 tables",
      tableCount: 41,
      tables: [
        table("EKKO", null, "7a1f2c3d-0000-4000-8000-000000000001", "EKKO"),
        table("EKPO", "PO Items", "9b2c11aa-0000-4000-8000-000000000002", "EKPO"),
        table("LFA1", "Vendor Master", "11de90bb-0000-4000-8000-000000000003", "Vendor Master"),
      ],
      lastLoad: load({ status: "SUCCESS", loadType: "PARTIAL", startDate: iso(2 * H + 5 * M), endDate: iso(2 * H) }),
    }),
    model({
      address: "finance/ar",
      action: "skip",
      reason: "fresh: last SUCCESS 42m ago, maxAge 6h",
      skipReason: "fresh",
      maxAgeMs: 6 * H,
      lastLoad: load({ status: "SUCCESS", startDate: iso(50 * M), endDate: iso(42 * M) }),
    }),
    model({ address: "logistics/shipments", action: "cache", reload: "cache", reason: "declared: reload cache" }),
    model({
      address: "logistics/returns",
      lastLoad: load({ status: "ERROR", startDate: iso(3 * H + 55_000), endDate: iso(3 * H), message: "Table RET: column X missing" }),
    }),
    model({
      address: "logistics/pickups",
      action: "skip",
      reason: "running: load 1a2b3c4d… RUNNING for 5m, onRunning: skip",
      skipReason: "running",
      onRunning: "skip",
      lastLoad: load({ id: "1a2b3c4d-0000-4000-8000-000000000009", status: "RUNNING", startDate: iso(5 * M) }),
    }),
  ]);

export const allSkipPlan = (): PlanDocument =>
  planDoc([
    model({
      address: "finance/o2c",
      action: "skip",
      reason: "fresh: last SUCCESS 10m ago, maxAge 6h",
      skipReason: "fresh",
      lastLoad: load({ status: "SUCCESS", startDate: iso(20 * M), endDate: iso(10 * M) }),
    }),
    model({
      address: "finance/ar",
      action: "skip",
      reason: "fresh: last WARNING 1h ago, maxAge 6h, onWarning: succeed",
      skipReason: "fresh",
      lastLoad: load({ status: "WARNING", startDate: iso(70 * M), endDate: iso(60 * M) }),
    }),
  ]);

export const manySkipsPlan = (): PlanDocument => {
  const skips = (pool: string, n: number, skipReason: "fresh" | "running") =>
    Array.from({ length: n }, (_, i) =>
      model({ address: `${pool}/m${String(i + 1).padStart(2, "0")}`, action: "skip", reason: `${skipReason}: …`, skipReason }),
    );
  return planDoc([
    model({ address: "finance/o2c", lastLoad: load({ status: "SUCCESS", startDate: iso(26 * H), endDate: iso(25 * H) }) }),
    ...skips("finance", 12, "fresh"),
    ...skips("logistics", 1, "fresh"),
    ...skips("logistics", 1, "running").map((m) => ({ ...m, address: "logistics/busy", model: "busy" })),
  ]);
};

export function largePlan(models: number, tablesEach: number): PlanDocument {
  return planDoc(
    Array.from({ length: models }, (_, i) =>
      model({
        address: `finance/model-${String(i).padStart(4, "0")}`,
        action: "partial",
        reload: "partial",
        tableCount: tablesEach * 2,
        tables: Array.from({ length: tablesEach }, (_, j) =>
          table(`TABLE_${j}`, `Alias number ${j}`, `${String(j).padStart(8, "0")}-0000-4000-8000-${String(i).padStart(12, "0")}`, `TABLE_${j}`),
        ),
        lastLoad: load({ status: "SUCCESS", startDate: iso(26 * H), endDate: iso(25 * H) }),
      }),
    ),
  );
}

export function statusRow(over: Partial<StatusRow> & { address: string }): StatusRow {
  const [pool = "", name = ""] = over.address.split("/");
  return {
    pool,
    model: name,
    poolId: pool === "logistics" ? LOGISTICS_ID : FINANCE_ID,
    modelId: "5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44",
    poolName: null,
    modelName: null,
    lastLoad: null,
    error: null,
    ...over,
  };
}

export const statusDoc = (): StatusDocument => ({
  formatVersion: 1,
  tool: { name: "reloadctl", version: "0.1.0" },
  createdAt: new Date(NOW).toISOString(),
  baseUrl: "https://acme.eu-1.celonis.cloud",
  manifest: { path: "reload.config.yaml", sha256: "81be5d0a9c7e" },
  models: [
    statusRow({
      address: "finance/o2c",
      lastLoad: load({ status: "SUCCESS", startDate: iso(30 * H + 2 * M), endDate: iso(29 * H) }),
    }),
    statusRow({
      address: "finance/p2p",
      lastLoad: load({ status: "WARNING", loadType: "PARTIAL", startDate: iso(2 * H + 72_000), endDate: iso(2 * H), message: "Some rows rejected" }),
    }),
    statusRow({ address: "finance/ar" }),
    statusRow({
      address: "logistics/returns",
      lastLoad: load({ status: "ERROR", loadType: "FROM_CACHE", startDate: iso(3 * H + 55_000), endDate: iso(3 * H), message: "Table RET: column X missing" }),
    }),
    statusRow({
      address: "logistics/pickups",
      lastLoad: load({ status: "RUNNING", startDate: iso(5 * M + 3_000) }),
    }),
    statusRow({ address: "logistics/gone", error: { status: 404, message: "Data model not found" } }),
  ],
});

/** The plan's order and expected wall time, as the planner derives them. */
export function scheduleOf(models: readonly PlannedModel[], bounds: Bounds): { order: string[]; expectedWallMs: number | null } {
  const ordered = startOrder(models, "longest-first");
  return { order: ordered.map((m) => m.address), expectedWallMs: expectedWallMs(ordered, bounds) };
}
