import { afterEach, describe, expect, it, vi } from "vitest";
import { startSimulator } from "../../src/sim/server.js";
import type { Simulator } from "../../src/sim/types.js";
import {
  DEFAULT_LOAD_MS,
  LOADED_LOAD_ID,
  M_LOADED,
  M_NEVER,
  M_RUNNING,
  POOL_A,
  POOL_B,
  START,
  T_EKKO,
  T_LFA1,
  lastLoad,
  partialSync,
  startTestSim,
  testFixture,
  trigger,
} from "./helpers.js";

let sim: Simulator;
afterEach(() => sim.close());

describe("a complete reload", () => {
  it("answers 200 with an empty body and runs RUNNING → SUCCESS on the clock", async () => {
    const started = await startTestSim();
    sim = started.sim;
    const { clock } = started;
    clock.advance(1_000);

    const r = await trigger(sim, POOL_A, M_LOADED);
    expect(r.status).toBe(200);
    expect(r.text).toBe("");

    const running = (await lastLoad(sim, POOL_A, M_LOADED)).json();
    expect(running).toMatchObject({
      dataModelId: M_LOADED,
      startDate: new Date(START + 1_000).toISOString(),
      endDate: null,
      loadStatus: "RUNNING",
      message: null,
      loadType: "COMPLETE",
    });
    expect(running.dataLoadId).not.toBe(LOADED_LOAD_ID);
    expect(running.dataLoadId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    clock.advance(DEFAULT_LOAD_MS - 1);
    expect((await lastLoad(sim, POOL_A, M_LOADED)).json().loadStatus).toBe("RUNNING");
    clock.advance(1);
    expect((await lastLoad(sim, POOL_A, M_LOADED)).json()).toEqual({
      ...running,
      endDate: new Date(START + 1_000 + DEFAULT_LOAD_MS).toISOString(),
      loadStatus: "SUCCESS",
    });
  });

  it("gives every load a fresh id and the start time of its trigger", async () => {
    const started = await startTestSim({ loadDurationMs: 100 });
    sim = started.sim;
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      expect((await trigger(sim, POOL_A, M_NEVER)).status).toBe(200);
      const load = (await lastLoad(sim, POOL_A, M_NEVER)).json();
      expect(load.startDate).toBe(new Date(started.clock.now()).toISOString());
      ids.add(load.dataLoadId);
      started.clock.advance(100);
    }
    expect(ids.size).toBe(3);
    expect(sim.loadsStarted(M_NEVER)).toBe(3);
  });

  it("goes RUNNING → SUCCESS by the system clock (Date.now) after loadDurationMs, without a clock given", async () => {
    // Only Date is faked (timers and sockets stay real): the load's end is a time, not a race.
    vi.useFakeTimers({ toFake: ["Date"], now: START });
    try {
      sim = await startSimulator({ fixture: testFixture(), loadDurationMs: 30 });
      await trigger(sim, POOL_A, M_NEVER);
      vi.setSystemTime(START + 29);
      expect((await lastLoad(sim, POOL_A, M_NEVER)).json().loadStatus).toBe("RUNNING");
      vi.setSystemTime(START + 30);
      expect((await lastLoad(sim, POOL_A, M_NEVER)).json()).toMatchObject({ loadStatus: "SUCCESS", endDate: new Date(START + 30).toISOString() });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("reload from cache", () => {
  it("POST …/load?fullReload=false starts a FROM_CACHE load; fullReload=true a COMPLETE one", async () => {
    ({ sim } = await startTestSim({ loadDurationMs: 10 }));
    expect((await trigger(sim, POOL_A, M_NEVER, "?fullReload=false")).status).toBe(200);
    expect((await lastLoad(sim, POOL_A, M_NEVER)).json().loadType).toBe("FROM_CACHE");
    expect(sim.stats().loads.map((l) => l.loadType)).toEqual(["FROM_CACHE"]);
  });

  it("400s a fullReload that is not a boolean, without starting a load", async () => {
    ({ sim } = await startTestSim());
    const r = await trigger(sim, POOL_A, M_NEVER, "?fullReload=maybe");
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ status: 400, errorCode: "INVALID_PARAMETER" });
    expect(sim.loadsStarted(M_NEVER)).toBe(0);
  });
});

describe("partial reload", () => {
  it("starts a PARTIAL load of the given table ids", async () => {
    ({ sim } = await startTestSim());
    const r = await partialSync(sim, POOL_A, M_LOADED, [T_EKKO, T_LFA1]);
    expect(r.status).toBe(200);
    expect(r.text).toBe("");
    expect((await lastLoad(sim, POOL_A, M_LOADED)).json()).toMatchObject({ loadStatus: "RUNNING", loadType: "PARTIAL" });
    expect(sim.stats().loads).toMatchObject([{ modelId: M_LOADED, poolId: POOL_A, loadType: "PARTIAL", tableIds: [T_EKKO, T_LFA1] }]);
  });

  it("400s unknown table ids with an {errors:[{attribute, error, errorCode}]} body naming each", async () => {
    ({ sim } = await startTestSim());
    const r = await partialSync(sim, POOL_A, M_LOADED, [T_EKKO, "nope-1", "nope-2"]);
    expect(r.status).toBe(400);
    expect(r.json()).toEqual({
      errors: [
        { attribute: "tableIds[1]", error: `Table nope-1 does not exist in data model ${M_LOADED}.`, errorCode: "TABLE_NOT_FOUND" },
        { attribute: "tableIds[2]", error: `Table nope-2 does not exist in data model ${M_LOADED}.`, errorCode: "TABLE_NOT_FOUND" },
      ],
    });
    expect(sim.loadsStarted(M_LOADED)).toBe(0);
  });

  it("400s an id of another model's table", async () => {
    ({ sim } = await startTestSim());
    expect((await partialSync(sim, POOL_A, M_NEVER, [T_EKKO])).status).toBe(400);
  });

  it.each([
    ["not JSON", "EKKO,EKPO"],
    ["an object", { tables: [T_EKKO] }],
    ["numbers", [1, 2]],
    ["empty", ""],
  ])("400s a body that is %s", async (_, body) => {
    ({ sim } = await startTestSim());
    const r = await partialSync(sim, POOL_A, M_LOADED, body);
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ title: "Bad Request", status: 400, errorCode: "INVALID_REQUEST_BODY" });
    expect(sim.loadsStarted(M_LOADED)).toBe(0);
  });

  it("400s an empty list", async () => {
    ({ sim } = await startTestSim());
    const r = await partialSync(sim, POOL_A, M_LOADED, []);
    expect(r.status).toBe(400);
    expect(r.json().errors[0].errorCode).toBe("EMPTY_TABLE_LIST");
  });
});

describe("a trigger during a running load", () => {
  it("409s with a message that a load is already running, for every kind of trigger", async () => {
    const started = await startTestSim();
    sim = started.sim;
    await trigger(sim, POOL_A, M_LOADED);
    const runningId = (await lastLoad(sim, POOL_A, M_LOADED)).json().dataLoadId;
    for (const r of [
      await trigger(sim, POOL_A, M_LOADED),
      await trigger(sim, POOL_A, M_LOADED, "?fullReload=false"),
      await partialSync(sim, POOL_A, M_LOADED, [T_EKKO]),
    ]) {
      expect(r.status).toBe(409);
      expect(r.json()).toMatchObject({ status: 409, errorCode: "LOAD_ALREADY_RUNNING" });
      expect(r.json().detail).toMatch(/already running/);
      expect(r.json().detail).toContain(runningId);
    }
    expect(sim.loadsStarted(M_LOADED)).toBe(1);

    started.clock.advance(DEFAULT_LOAD_MS);
    expect((await trigger(sim, POOL_A, M_LOADED)).status).toBe(200);
  });

  it("409s while the fixture's running load runs, and accepts once it ended as the fixture says", async () => {
    const started = await startTestSim();
    sim = started.sim;
    expect((await trigger(sim, POOL_B, M_RUNNING)).status).toBe(409);
    started.clock.advance(60_000);
    expect((await lastLoad(sim, POOL_B, M_RUNNING)).json()).toMatchObject({
      loadStatus: "WARNING",
      message: "Some rows rejected",
      endDate: new Date(START + 60_000).toISOString(),
    });
    expect((await trigger(sim, POOL_B, M_RUNNING)).status).toBe(200);
  });
});
