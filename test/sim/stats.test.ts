import { afterEach, describe, expect, it } from "vitest";
import { until } from "../e2e/harness.js";
import type { Simulator } from "../../src/sim/types.js";
import { DEFAULT_LOAD_MS, M_FAILED, M_LOADED, M_NEVER, M_OTHER, POOL_A, POOL_B, START, T_EKKO, call, lastLoad, partialSync, startTestSim, trigger } from "./helpers.js";

let sim: Simulator;
afterEach(() => sim.close());

describe("instrumentation", () => {
  it("logs every request with method, path, status, arrival and model", async () => {
    ({ sim } = await startTestSim());
    await call(sim, "GET", "/integration/api/pools");
    await trigger(sim, POOL_A, M_NEVER, "?fullReload=false");
    await call(sim, "GET", "/integration/api/pools", { key: "wrong" });
    const requests = sim.stats().requests;
    expect(requests.map(({ method, path, status, at, modelId }) => ({ method, path, status, at, modelId }))).toEqual([
      { method: "GET", path: "/integration/api/pools", status: 200, at: START, modelId: null },
      { method: "POST", path: `/integration/api/v1/data-pools/${POOL_A}/data-models/${M_NEVER}/load?fullReload=false`, status: 200, at: START, modelId: M_NEVER },
      { method: "GET", path: "/integration/api/pools", status: 401, at: START, modelId: null },
    ]);
    for (const r of requests) expect(r.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("calls onRequest as each request ends", async () => {
    const seen: (number | null)[] = [];
    ({ sim } = await startTestSim({ onRequest: (e) => seen.push(e.status) }));
    await lastLoad(sim, POOL_A, M_NEVER);
    await lastLoad(sim, POOL_A, M_LOADED);
    expect(seen).toEqual([204, 200]);
  });

  it("counts loads per model and the peak of concurrent loads, overall and per pool", async () => {
    const started = await startTestSim();
    sim = started.sim;
    await trigger(sim, POOL_A, M_LOADED);
    await trigger(sim, POOL_A, M_NEVER);
    await partialSync(sim, POOL_A, M_LOADED, [T_EKKO]); // 409: not a load
    await trigger(sim, POOL_B, M_OTHER);
    // The fixture's RUNNING load in pool B is running too.
    expect(sim.stats()).toMatchObject({ maxConcurrentLoads: 4, maxConcurrentLoadsByPool: { [POOL_A]: 2, [POOL_B]: 2 } });

    started.clock.advance(DEFAULT_LOAD_MS);
    await trigger(sim, POOL_A, M_FAILED);
    await trigger(sim, POOL_A, M_LOADED);
    const stats = sim.stats();
    expect(stats.loadsStarted).toEqual({ [M_LOADED]: 2, [M_NEVER]: 1, [M_OTHER]: 1, [M_FAILED]: 1 });
    expect(sim.loadsStarted(M_LOADED)).toBe(2);
    expect(sim.loadsStarted(M_NEVER)).toBe(1);
    expect(stats.maxConcurrentLoads).toBe(4);
    expect(stats.maxConcurrentLoadsByPool[POOL_A]).toBe(2);
    expect(stats.loads.map((l) => [l.modelId, l.loadType, l.startedAt])).toEqual([
      [M_LOADED, "COMPLETE", START],
      [M_NEVER, "COMPLETE", START],
      [M_OTHER, "COMPLETE", START],
      [M_FAILED, "COMPLETE", START + DEFAULT_LOAD_MS],
      [M_LOADED, "COMPLETE", START + DEFAULT_LOAD_MS],
    ]);
  });

  it("counts the peak of requests in flight, not those that ended", async () => {
    // Held an hour each, the five are in flight together however slowly they arrive; closing ends them.
    ({ sim } = await startTestSim({ faults: { [M_OTHER]: { latencyMs: 3_600_000 } } }));
    for (let i = 0; i < 3; i++) await call(sim, "GET", "/integration/api/pools");
    expect(sim.stats().maxInFlightRequests).toBe(1);
    const held = Array.from({ length: 5 }, () => lastLoad(sim, POOL_B, M_OTHER).catch(() => null));
    await until(() => sim.stats().maxInFlightRequests >= 5, "five requests in flight");
    expect(sim.stats().maxInFlightRequests).toBe(5);
    await sim.close();
    await Promise.all(held);
  });

  it("forgets everything on resetStats, and hands out copies", async () => {
    ({ sim } = await startTestSim({ rateLimit: { perSecond: 1 } }));
    await trigger(sim, POOL_A, M_NEVER);
    await call(sim, "GET", "/integration/api/pools");
    const before = sim.stats();
    expect(before).toMatchObject({ rateLimited: 1, maxConcurrentLoads: 2 });
    before.requests.length = 0;
    expect(sim.stats().requests).toHaveLength(2);

    sim.resetStats();
    expect(sim.stats()).toEqual({
      requests: [],
      loads: [],
      loadsStarted: {},
      maxConcurrentLoads: 0,
      maxConcurrentLoadsByPool: {},
      maxInFlightRequests: 0,
      rateLimited: 0,
      dropped: 0,
    });
    expect(sim.loadsStarted(M_NEVER)).toBe(0);
  });
});
