import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Simulator } from "../../src/sim/types.js";
import {
  LOADED_LOAD_ID,
  M_FAILED,
  M_LOADED,
  M_NEVER,
  M_OTHER,
  M_RUNNING,
  POOL_A,
  POOL_B,
  START,
  T_EKKO,
  T_EKPO,
  T_LFA1,
  call,
  lastLoad,
  modelPath,
  startTestSim,
} from "./helpers.js";

let sim: Simulator;
beforeEach(async () => {
  ({ sim } = await startTestSim());
});
afterEach(() => sim.close());

describe("listings", () => {
  it("lists pools as {id, name}", async () => {
    const r = await call(sim, "GET", "/integration/api/pools");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(r.json()).toEqual([
      { id: POOL_A, name: "Finance" },
      { id: POOL_B, name: "Logistics" },
    ]);
  });

  it("lists a pool's data models as {id, name, poolId}", async () => {
    const r = await call(sim, "GET", `/integration/api/pools/${POOL_B}/data-models`);
    expect(r.status).toBe(200);
    expect(r.json()).toEqual([
      { id: M_RUNNING, name: "Shipments", poolId: POOL_B },
      { id: M_OTHER, name: "Inventory", poolId: POOL_B },
    ]);
  });
});

describe("listings with a page size", () => {
  it("answer page after page in an envelope, ?page from 0, and an empty page past the end", async () => {
    const paged = (await startTestSim({ pageSize: 1 })).sim;
    try {
      const first = await call(paged, "GET", "/integration/api/pools");
      expect(first.json()).toEqual({ content: [{ id: POOL_A, name: "Finance" }], page: 0, pageSize: 1, totalCount: 2, totalPages: 2 });
      const second = await call(paged, "GET", "/integration/api/pools?page=1&pageSize=1");
      expect(second.json()).toMatchObject({ content: [{ id: POOL_B, name: "Logistics" }], page: 1 });
      expect((await call(paged, "GET", "/integration/api/pools?page=2")).json()).toMatchObject({ content: [], page: 2, totalPages: 2 });
      const models = await call(paged, "GET", `/integration/api/pools/${POOL_B}/data-models?page=1`);
      expect(models.json()).toEqual({ content: [{ id: M_OTHER, name: "Inventory", poolId: POOL_B }], page: 1, pageSize: 1, totalCount: 2, totalPages: 2 });
      const bad = await call(paged, "GET", "/integration/api/pools?page=last");
      expect(bad.status).toBe(400);
    } finally {
      await paged.close();
    }
  });
});

describe("GET …/tables", () => {
  it("answers the documented shape, alias null where there is none", async () => {
    const r = await call(sim, "GET", modelPath(POOL_A, M_LOADED, "tables"));
    expect(r.status).toBe(200);
    expect(r.json()).toEqual([
      { id: T_EKKO, dataModelId: M_LOADED, dataSourceId: "d5000000-0000-4000-8000-000000000001", name: "EKKO", alias: null, aliasOrName: "EKKO" },
      { id: T_EKPO, dataModelId: M_LOADED, dataSourceId: "d5000000-0000-4000-8000-000000000001", name: "EKPO", alias: "PO Items", aliasOrName: "PO Items" },
      { id: T_LFA1, dataModelId: M_LOADED, dataSourceId: null, name: "LFA1", alias: "Vendor Master", aliasOrName: "Vendor Master" },
    ]);
  });
});

describe("GET …/last-load", () => {
  it("answers the fixture's last load with ISO dates relative to the start", async () => {
    const r = await lastLoad(sim, POOL_A, M_LOADED);
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({
      dataLoadId: LOADED_LOAD_ID,
      dataModelId: M_LOADED,
      startDate: new Date(START - 2 * 3_600_000).toISOString(),
      endDate: new Date(START - 2 * 3_600_000 + 10 * 60_000).toISOString(),
      loadStatus: "SUCCESS",
      message: null,
      loadType: "COMPLETE",
    });
  });

  it("carries a failed load's message", async () => {
    const body = (await lastLoad(sim, POOL_A, M_FAILED)).json();
    expect(body).toMatchObject({ loadStatus: "ERROR", message: "Table RET: column X missing" });
    expect(body.dataLoadId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 204 with no body for a model never loaded", async () => {
    const r = await lastLoad(sim, POOL_A, M_NEVER);
    expect(r.status).toBe(204);
    expect(r.text).toBe("");
  });

  it("shows a fixture load that is still running with endDate null", async () => {
    expect((await lastLoad(sim, POOL_B, M_RUNNING)).json()).toMatchObject({
      loadStatus: "RUNNING",
      endDate: null,
      message: null,
      loadType: "FROM_CACHE",
    });
  });
});

describe("auth", () => {
  const pools = "/integration/api/pools";

  it("accepts the key as Bearer and as AppKey, scheme in any case", async () => {
    expect((await call(sim, "GET", pools, { scheme: "Bearer" })).status).toBe(200);
    expect((await call(sim, "GET", pools, { scheme: "AppKey" })).status).toBe(200);
    expect((await call(sim, "GET", pools, { scheme: "bearer" })).status).toBe(200);
  });

  it.each([
    ["no header", { key: null }],
    ["a wrong key", { key: "wrong-key" }],
    ["a prefix of the key", { key: "test-key" }],
    ["an unknown scheme", { scheme: "Basic" }],
  ])("answers 401 with the {message, shortMessage, reference} body for %s", async (_, opts) => {
    const r = await call(sim, "GET", pools, opts);
    expect(r.status).toBe(401);
    expect(r.json()).toEqual({ message: "Invalid credentials", shortMessage: "Unauthorized", reference: "SIM-401" });
  });

  it("checks the key before anything else, even on unknown paths and triggers", async () => {
    expect((await call(sim, "GET", "/nope", { key: "x" })).status).toBe(401);
    expect((await call(sim, "POST", modelPath(POOL_A, M_NEVER, "load"), { key: null })).status).toBe(401);
    expect(sim.loadsStarted(M_NEVER)).toBe(0);
  });
});

describe("not found and wrong method", () => {
  it("404s an unknown pool with a {title, status, detail, errorCode} body", async () => {
    const r = await call(sim, "GET", "/integration/api/pools/nope/data-models");
    expect(r.status).toBe(404);
    expect(r.json()).toEqual({ title: "Not Found", status: 404, detail: "Data pool nope not found", errorCode: "DATA_POOL_NOT_FOUND" });
    expect((await call(sim, "GET", modelPath("nope", M_LOADED, "tables"))).status).toBe(404);
  });

  it("404s an unknown model, and a model asked for under another pool", async () => {
    const unknown = await call(sim, "GET", modelPath(POOL_A, "nope", "last-load"));
    expect(unknown.status).toBe(404);
    expect(unknown.json()).toMatchObject({ errorCode: "DATA_MODEL_NOT_FOUND" });
    expect((await call(sim, "GET", modelPath(POOL_B, M_LOADED, "tables"))).status).toBe(404);
    expect((await call(sim, "POST", modelPath(POOL_B, M_LOADED, "load"))).status).toBe(404);
    expect(sim.loadsStarted(M_LOADED)).toBe(0);
  });

  it("404s an unknown path", async () => {
    expect((await call(sim, "GET", "/integration/api/v1/data-pools")).status).toBe(404);
    expect((await call(sim, "GET", `${modelPath(POOL_A, M_LOADED, "tables")}/`)).status).toBe(404);
  });

  it("405s a wrong method, naming the right one", async () => {
    const r = await call(sim, "GET", modelPath(POOL_A, M_LOADED, "load"));
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("POST");
    expect((await call(sim, "POST", modelPath(POOL_A, M_LOADED, "last-load"))).status).toBe(405);
  });
});
