import { afterEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../src/sim/types.js";
import {
  DEFAULT_LOAD_MS,
  LOADED_LOAD_ID,
  M_LOADED,
  M_NEVER,
  M_OTHER,
  POOL_A,
  POOL_B,
  T_EKKO,
  call,
  lastLoad,
  partialSync,
  startTestSim,
  trigger,
} from "./helpers.js";

let sim: Simulator;
afterEach(() => sim.close());

/** Triggers, lets the load run out on the clock, and returns how it ended. */
async function endedLoad(s: Simulator, advance: (ms: number) => void, poolId: string, modelId: string): Promise<any> {
  expect((await trigger(s, poolId, modelId)).status).toBe(200);
  advance(DEFAULT_LOAD_MS);
  return (await lastLoad(s, poolId, modelId)).json();
}

describe("load outcomes", () => {
  it.each([
    ["ERROR", /^Table (EKKO|EKPO|LFA1): column \w+ missing$/],
    ["WARNING", /rows of table (EKKO|EKPO|LFA1)/],
    ["CANCELED", /canceled/],
  ] as const)("ends %s with a realistic message", async (outcome, message) => {
    const { sim: s, clock } = await startTestSim({ faults: { [M_LOADED]: { outcome } } });
    sim = s;
    const load = await endedLoad(sim, clock.advance, POOL_A, M_LOADED);
    expect(load.loadStatus).toBe(outcome);
    expect(load.message).toMatch(message);
    expect(load.endDate).not.toBeNull();
  });

  it("uses the message given, and holds until cleared", async () => {
    const { sim: s, clock } = await startTestSim();
    sim = s;
    sim.setFault(M_LOADED, { outcome: "ERROR", message: "Table RET: column X missing" });
    expect(await endedLoad(sim, clock.advance, POOL_A, M_LOADED)).toMatchObject({ loadStatus: "ERROR", message: "Table RET: column X missing" });
    expect((await endedLoad(sim, clock.advance, POOL_A, M_LOADED)).loadStatus).toBe("ERROR");
    sim.setFault(M_LOADED, null);
    expect(await endedLoad(sim, clock.advance, POOL_A, M_LOADED)).toMatchObject({ loadStatus: "SUCCESS", message: null });
  });

  it("a hanging load never ends, and blocks new triggers with 409", async () => {
    const { sim: s, clock } = await startTestSim({ faults: { [M_NEVER]: { hang: true } } });
    sim = s;
    await trigger(sim, POOL_A, M_NEVER);
    clock.advance(365 * 86_400_000);
    expect((await lastLoad(sim, POOL_A, M_NEVER)).json()).toMatchObject({ loadStatus: "RUNNING", endDate: null });
    expect((await trigger(sim, POOL_A, M_NEVER)).status).toBe(409);
  });

  it("a fault's loadDurationMs wins over the options and the fixture", async () => {
    const { sim: s, clock } = await startTestSim({ loadDurationMs: 5_000, faults: { [M_NEVER]: { loadDurationMs: 50 } } });
    sim = s;
    await trigger(sim, POOL_A, M_NEVER);
    await trigger(sim, POOL_A, M_LOADED);
    clock.advance(50);
    expect((await lastLoad(sim, POOL_A, M_NEVER)).json().loadStatus).toBe("SUCCESS");
    expect((await lastLoad(sim, POOL_A, M_LOADED)).json().loadStatus).toBe("RUNNING");
  });
});

describe("429s", () => {
  it("answers the next N requests of the model with 429, Retry-After and x-ratelimit-reset", async () => {
    ({ sim } = await startTestSim({ faults: { [M_LOADED]: { status429Times: 2, retryAfterSeconds: 3 } } }));
    for (let i = 0; i < 2; i++) {
      const r = await lastLoad(sim, POOL_A, M_LOADED);
      expect(r.status).toBe(429);
      expect(r.headers.get("retry-after")).toBe("3");
      expect(r.headers.get("x-ratelimit-reset")).toBe("3");
      expect(r.json()).toMatchObject({ shortMessage: "Too Many Requests", reference: "SIM-429" });
    }
    expect((await lastLoad(sim, POOL_A, M_LOADED)).status).toBe(200);
    expect((await lastLoad(sim, POOL_A, M_NEVER)).status).toBe(204);
    expect(sim.stats().rateLimited).toBe(2);
  });

  it("a 429 on a trigger starts no load", async () => {
    ({ sim } = await startTestSim({ faults: { [M_NEVER]: { status429Times: 1 } } }));
    expect((await trigger(sim, POOL_A, M_NEVER)).status).toBe(429);
    expect(sim.loadsStarted(M_NEVER)).toBe(0);
  });
});

describe("5xx", () => {
  it("triggerStatus answers the next trigger only, once, without starting a load", async () => {
    ({ sim } = await startTestSim());
    sim.setFault(M_NEVER, { triggerStatus: 503 });
    expect((await lastLoad(sim, POOL_A, M_NEVER)).status).toBe(204);
    const r = await trigger(sim, POOL_A, M_NEVER);
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe("1");
    expect(r.json()).toMatchObject({ shortMessage: "Service Unavailable", reference: "SIM-503" });
    expect(sim.loadsStarted(M_NEVER)).toBe(0);
    expect((await lastLoad(sim, POOL_A, M_NEVER)).status).toBe(204);
    expect((await trigger(sim, POOL_A, M_NEVER)).status).toBe(200);
    expect(sim.loadsStarted(M_NEVER)).toBe(1);
  });

  it.each([
    [500, "application/json", /"errorCode":"INTERNAL_ERROR"/],
    [502, "text/html", /502 Bad Gateway/],
  ])("a %i trigger has its own body shape and starts no load", async (status, type, body) => {
    ({ sim } = await startTestSim({ faults: { [M_LOADED]: { triggerStatus: status } } }));
    const r = await partialSync(sim, POOL_A, M_LOADED, [T_EKKO]);
    expect(r.status).toBe(status);
    expect(r.headers.get("content-type")).toBe(type);
    expect(r.text).toMatch(body);
    expect(sim.loadsStarted(M_LOADED)).toBe(0);
  });

  it("errorTimes answers any request of the model with errorStatus, N times", async () => {
    ({ sim } = await startTestSim({ faults: { [M_LOADED]: { errorTimes: 2, errorStatus: 500 } } }));
    expect((await call(sim, "GET", `/integration/api/v1/data-pools/${POOL_A}/data-models/${M_LOADED}/tables`)).status).toBe(500);
    expect((await lastLoad(sim, POOL_A, M_LOADED)).status).toBe(500);
    expect((await lastLoad(sim, POOL_A, M_LOADED)).status).toBe(200);
  });

  it("errorRate5xx answers any request with 500, 502 or 503 at that rate", async () => {
    ({ sim } = await startTestSim({ global: { errorRate5xx: 1 } }));
    const statuses = new Set<number>();
    for (let i = 0; i < 12; i++) statuses.add((await call(sim, "GET", "/integration/api/pools")).status);
    expect([...statuses].sort()).toEqual([500, 502, 503]);
    expect((await trigger(sim, POOL_A, M_NEVER)).status).toBeGreaterThanOrEqual(500);
    expect(sim.loadsStarted(M_NEVER)).toBe(0);
    sim.setGlobal({ errorRate5xx: 0 });
    expect((await call(sim, "GET", "/integration/api/pools")).status).toBe(200);
  });

  it("triggerErrorRate5xx fails triggers only", async () => {
    ({ sim } = await startTestSim({ global: { triggerErrorRate5xx: 1 } }));
    expect((await lastLoad(sim, POOL_A, M_LOADED)).status).toBe(200);
    expect((await trigger(sim, POOL_A, M_LOADED)).status).toBeGreaterThanOrEqual(500);
    expect(sim.loadsStarted(M_LOADED)).toBe(0);
  });
});

describe("dropped connections", () => {
  it("dropAfterTrigger starts the load, then destroys the socket without a response, once", async () => {
    ({ sim } = await startTestSim({ faults: { [M_NEVER]: { dropAfterTrigger: true } } }));
    await expect(trigger(sim, POOL_A, M_NEVER)).rejects.toThrow();
    expect(sim.loadsStarted(M_NEVER)).toBe(1);
    expect((await lastLoad(sim, POOL_A, M_NEVER)).json().loadStatus).toBe("RUNNING");
    expect((await trigger(sim, POOL_A, M_NEVER)).status).toBe(409);
    const stats = sim.stats();
    expect(stats.dropped).toBe(1);
    expect(stats.requests.find((r) => r.method === "POST")?.status).toBeNull();
  });

  it("dropRate drops accepted triggers at that rate", async () => {
    const { sim: s, clock } = await startTestSim({ global: { dropRate: 1 } });
    sim = s;
    await expect(trigger(sim, POOL_A, M_LOADED)).rejects.toThrow();
    clock.advance(DEFAULT_LOAD_MS);
    await expect(partialSync(sim, POOL_A, M_LOADED, [T_EKKO])).rejects.toThrow();
    expect(sim.stats().loads.map((l) => l.loadType)).toEqual(["COMPLETE", "PARTIAL"]);
  });
});

describe("a load that shows up late", () => {
  it("last-load shows the previous load until appearDelayMs passed, while triggers already 409", async () => {
    const { sim: s, clock } = await startTestSim({ faults: { [M_LOADED]: { appearDelayMs: 2_000 } } });
    sim = s;
    await trigger(sim, POOL_A, M_LOADED);
    expect((await lastLoad(sim, POOL_A, M_LOADED)).json()).toMatchObject({ dataLoadId: LOADED_LOAD_ID, loadStatus: "SUCCESS" });
    expect((await trigger(sim, POOL_A, M_LOADED)).status).toBe(409);
    clock.advance(2_000);
    const load = (await lastLoad(sim, POOL_A, M_LOADED)).json();
    expect(load.dataLoadId).not.toBe(LOADED_LOAD_ID);
    expect(load.loadStatus).toBe("RUNNING");
  });

  it("a never-loaded model keeps answering 204 until its first load appears", async () => {
    const { sim: s, clock } = await startTestSim({ faults: { [M_NEVER]: { appearDelayMs: 500 } } });
    sim = s;
    await trigger(sim, POOL_A, M_NEVER);
    expect((await lastLoad(sim, POOL_A, M_NEVER)).status).toBe(204);
    clock.advance(500);
    expect((await lastLoad(sim, POOL_A, M_NEVER)).status).toBe(200);
  });
});

describe("latency", () => {
  it("holds each request for the added latency, global and per model", async () => {
    ({ sim } = await startTestSim({ latencyMs: 100, faults: { [M_OTHER]: { latencyMs: 100 } } }));
    await Promise.all([0, 1, 2].map(() => call(sim, "GET", "/integration/api/pools")));
    await lastLoad(sim, POOL_B, M_OTHER);
    // That held requests are in flight together is stats.test.ts's (a peak here would race the arrivals).
    const stats = sim.stats();
    const [pools, model] = [stats.requests.filter((r) => r.modelId === null), stats.requests.filter((r) => r.modelId === M_OTHER)];
    // setTimeout may fire a millisecond early; the bound is a floor, not a timing claim.
    for (const r of pools) expect(r.durationMs).toBeGreaterThanOrEqual(98);
    expect(model[0]?.durationMs).toBeGreaterThanOrEqual(198);
  });
});

describe("rates are seeded", () => {
  async function outcomes(seed: number): Promise<string[]> {
    const { sim: s, clock } = await startTestSim({ seed, global: { failRate: 0.5 } });
    try {
      const seen: string[] = [];
      for (let i = 0; i < 16; i++) seen.push((await endedLoad(s, clock.advance, POOL_A, M_NEVER)).loadStatus);
      return seen;
    } finally {
      await s.close();
    }
  }

  it("gives the same faults for the same seed, and others for another", async () => {
    ({ sim } = await startTestSim());
    const a = await outcomes(7);
    expect(await outcomes(7)).toEqual(a);
    expect(a).toContain("ERROR");
    expect(a).toContain("SUCCESS");
    expect(await outcomes(8)).not.toEqual(a);
  });
});

describe("steering", () => {
  it("refuses a fault for an unknown model and a rate outside 0..1", async () => {
    ({ sim } = await startTestSim());
    expect(() => sim.setFault("nope", { hang: true })).toThrow(/no data model nope/);
    expect(() => sim.setGlobal({ failRate: 2 })).toThrow(RangeError);
    expect(() => sim.setGlobal({ rateLimit: { perSecond: 0 } })).toThrow(RangeError);
  });
});
