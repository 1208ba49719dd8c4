// A hand-written apply run: five models, two per pool, one of each outcome.
import type { ApplyEvent, ModelOutcome } from "../../src/apply/events.js";

const T0 = Date.parse("2026-11-28T17:00:00.000Z");
export const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString();
export const T_START = T0;

export const outcomes: ModelOutcome[] = [
  { address: "finance/p2p", action: "partial", result: "succeeded", loadStatus: "SUCCESS", loadId: "aa11bb22-0000-4000-8000-000000000001", message: null, durationMs: 72_000 },
  { address: "logistics/shipments", action: "cache", result: "succeeded", loadStatus: "WARNING", loadId: "cc33dd44-0000-4000-8000-000000000002", message: "Some rows rejected", durationMs: 41_000 },
  { address: "logistics/returns", action: "full", result: "failed", loadStatus: "ERROR", loadId: "ee55ff66-0000-4000-8000-000000000003", message: "Table RET: column X missing", durationMs: 55_000 },
  { address: "finance/o2c", action: "full", result: "succeeded", loadStatus: "SUCCESS", loadId: "5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44", message: null, durationMs: 133_000 },
  { address: "finance/ar", action: "skip", result: "skipped", loadStatus: null, loadId: null, message: "fresh: last SUCCESS 42m ago, maxAge 6h", durationMs: 0 },
];
const [p2p, shipments, returns, o2c, ar] = outcomes as [ModelOutcome, ModelOutcome, ModelOutcome, ModelOutcome, ModelOutcome];

const EXPECTED: Record<string, number> = { "finance/p2p": 60_000, "logistics/shipments": 40_000, "finance/o2c": 120_000 };

/** Up to o2c still running at 2m03s; `finishRun` brings the rest. */
export const runningEvents: ApplyEvent[] = [
  {
    type: "start",
    at: at(0),
    planId: "3f9a0c1b2d4e",
    // Expected as a plan would have it: returns never loaded like this; ar is skipped.
    models: outcomes.map((o) => ({ address: o.address, action: o.action, pool: o.address.split("/")[0]!, expectedDurationMs: EXPECTED[o.address] ?? null })),
    order: ["logistics/returns", "finance/o2c", "finance/p2p", "logistics/shipments"],
    parallelism: 4,
    poolParallelism: { finance: 2, logistics: 2 },
  },
  ...outcomes.map((o): ApplyEvent => ({ type: "queued", at: at(0), address: o.address, action: o.action })),
  { type: "finished", at: at(0), ...ar },
  { type: "triggered", at: at(1), address: "finance/o2c", action: "full", adopted: false },
  { type: "load_seen", at: at(1), address: "finance/o2c", loadId: o2c.loadId, status: "RUNNING" },
  { type: "triggered", at: at(1), address: "finance/p2p", action: "partial", adopted: false },
  { type: "triggered", at: at(2), address: "logistics/shipments", action: "cache", adopted: true },
  { type: "load_seen", at: at(3), address: "finance/p2p", loadId: p2p.loadId, status: "RUNNING" },
  { type: "load_seen", at: at(3), address: "logistics/shipments", loadId: shipments.loadId, status: "RUNNING" },
  { type: "polled", at: at(21), address: "finance/o2c", loadId: o2c.loadId, status: "RUNNING", elapsedMs: 20_000 },
  { type: "finished", at: at(43), ...shipments },
  { type: "triggered", at: at(43), address: "logistics/returns", action: "full", adopted: false },
  { type: "polled", at: at(41), address: "finance/o2c", loadId: o2c.loadId, status: "RUNNING", elapsedMs: 40_000 },
  { type: "polled", at: at(61), address: "finance/o2c", loadId: o2c.loadId, status: "RUNNING", elapsedMs: 60_000 },
  { type: "retry", at: at(65), address: "logistics/returns", attempt: 1, delayMs: 1_500, reason: "503 Service Unavailable" },
  { type: "polled", at: at(70), address: "finance/p2p", loadId: p2p.loadId, status: "RUNNING", elapsedMs: 69_000 },
  { type: "finished", at: at(73), ...p2p },
  { type: "polled", at: at(81), address: "finance/o2c", loadId: o2c.loadId, status: "RUNNING", elapsedMs: 80_000 },
  { type: "finished", at: at(98), ...returns },
  { type: "polled", at: at(101), address: "finance/o2c", loadId: o2c.loadId, status: "RUNNING", elapsedMs: 100_000 },
  { type: "polled", at: at(121), address: "finance/o2c", loadId: o2c.loadId, status: "RUNNING", elapsedMs: 120_000 },
];

export const finishRun: ApplyEvent[] = [
  { type: "finished", at: at(134), ...o2c },
  {
    type: "summary",
    at: at(134),
    models: outcomes,
    succeeded: 3,
    failed: 1,
    skipped: 1,
    timedOut: 0,
    notStarted: 0,
    warnings: 1,
    durationMs: 134_000,
    interrupted: false,
  },
];
