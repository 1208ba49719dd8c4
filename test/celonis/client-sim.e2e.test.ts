// The client through the production undici path against the simulator (src/sim) on a loopback port.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createCelonisClient, type CelonisClient } from "../../src/celonis/client.js";
import { createDispatcher } from "../../src/celonis/dispatcher.js";
import { ApiError, isAlreadyRunning } from "../../src/celonis/errors.js";
import type { KeyType } from "../../src/celonis/connection.js";
import { startSimulator, type Fixture, type Simulator } from "../../src/sim/server.js";
import { FakeClock } from "./fake-clock.js";
import { rejectionOf } from "./support.js";

const POOL = "pool-fin";
const O2C = { poolId: POOL, modelId: "m-o2c" };
const P2P = { poolId: POOL, modelId: "m-p2p" };
const AP = { poolId: POOL, modelId: "m-ap" };
const DROP = { poolId: POOL, modelId: "m-drop" };
const GATEWAY = { poolId: POOL, modelId: "m-gw" };

const FIXTURE: Fixture = {
  version: 1,
  defaults: { loadTime: "10m" },
  pools: [
    {
      id: POOL,
      name: "Finance",
      models: [
        {
          id: O2C.modelId,
          name: "Order to Cash",
          tables: [
            { id: "t-vbak", name: "VBAK", alias: "Sales Orders", dataSourceId: "ds-1" },
            { id: "t-vbap", name: "VBAP", alias: null, dataSourceId: null },
          ],
          lastLoad: { id: "load-old", status: "SUCCESS", loadType: "COMPLETE", startedAgo: "2h", took: "10m", message: null },
        },
        { id: P2P.modelId, name: "Purchase to Pay", tables: [{ id: "t-ekko", name: "EKKO" }], lastLoad: null },
        { id: AP.modelId, name: "Accounts Payable", tables: [{ id: "t-bsak", name: "BSAK" }] },
        { id: DROP.modelId, name: "Dropped", tables: [{ id: "t-x", name: "X" }] },
        { id: GATEWAY.modelId, name: "Behind a gateway", tables: [{ id: "t-y", name: "Y" }] },
      ],
    },
  ],
};

let sim: Simulator;
const clients: CelonisClient[] = [];

beforeAll(async () => {
  sim = await startSimulator({ fixture: FIXTURE, key: "sim-key-e2e-123" });
});
afterAll(() => sim.close());
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  for (const m of [O2C, P2P, AP, DROP, GATEWAY]) sim.setFault(m.modelId, null);
});

function simClient(opts: { key?: string; keyType?: KeyType } = {}): CelonisClient {
  // A fake clock makes the client's waits instant; the simulator keeps its own real clock.
  const clock = new FakeClock();
  const client = createCelonisClient({
    baseUrl: sim.url,
    key: opts.key ?? sim.key,
    keyType: opts.keyType ?? "USER_KEY",
    dispatcher: createDispatcher({}),
    sleep: clock.sleep,
    now: clock.now,
  });
  clients.push(client);
  return client;
}

describe("client against the simulator", () => {
  it("lists pools, models and tables", async () => {
    const client = simClient();
    expect(await client.listPools()).toEqual([{ id: POOL, name: "Finance" }]);
    expect((await client.listModels(POOL)).map((m) => m.name)).toEqual(["Order to Cash", "Purchase to Pay", "Accounts Payable", "Dropped", "Behind a gateway"]);
    expect(await client.listTables(O2C)).toEqual([
      { id: "t-vbak", dataModelId: O2C.modelId, dataSourceId: "ds-1", name: "VBAK", alias: "Sales Orders", aliasOrName: "Sales Orders" },
      { id: "t-vbap", dataModelId: O2C.modelId, dataSourceId: null, name: "VBAP", alias: null, aliasOrName: "VBAP" },
    ]);
  });

  it("follows the simulator's paged listings to the end, a request per page", async () => {
    const paged = await startSimulator({ fixture: FIXTURE, key: "sim-key-e2e-123", pageSize: 2 });
    try {
      const client = createCelonisClient({ baseUrl: paged.url, key: paged.key, keyType: "USER_KEY", dispatcher: createDispatcher({}) });
      clients.push(client);
      expect((await client.listModels(POOL)).map((m) => m.id)).toEqual([O2C, P2P, AP, DROP, GATEWAY].map((m) => m.modelId));
      expect(paged.stats().requests.map((r) => r.path)).toEqual([
        `/integration/api/pools/${POOL}/data-models`,
        `/integration/api/pools/${POOL}/data-models?page=1&pageSize=2`,
        `/integration/api/pools/${POOL}/data-models?page=2&pageSize=2`,
      ]);
    } finally {
      await paged.close();
    }
  });

  it("reads last-load, and null for a model never loaded", async () => {
    const client = simClient({ keyType: "APP_KEY" });
    const last = await client.lastLoad(O2C);
    expect(last).toMatchObject({ id: "load-old", status: "SUCCESS", loadType: "COMPLETE", message: null });
    expect(Date.parse(last?.endDate ?? "") - Date.parse(last?.startDate ?? "")).toBe(10 * 60_000);
    expect(await client.lastLoad(P2P)).toBeNull();
  });

  it("triggers a complete load, then gets 409 (already running) for a second trigger", async () => {
    const client = simClient();
    await client.triggerLoad(O2C, "full");
    const running = await client.lastLoad(O2C);
    expect(running).toMatchObject({ status: "RUNNING", loadType: "COMPLETE", endDate: null });
    expect(running?.id).not.toBe("load-old");

    const err = (await rejectionOf(client.triggerLoad(O2C, "cache"))) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(409);
    expect(isAlreadyRunning(err)).toBe(true);
    expect(err.errorCode).toBe("LOAD_ALREADY_RUNNING");
    expect(sim.loadsStarted(O2C.modelId)).toBe(1);
  });

  it("triggers a load from cache and a partial load with table ids", async () => {
    const client = simClient();
    await client.triggerLoad(P2P, "cache");
    await client.partialSync(AP, ["t-bsak"]);
    const loads = sim.stats().loads.filter((l) => l.modelId !== O2C.modelId);
    expect(loads.map((l) => [l.modelId, l.loadType, l.tableIds])).toEqual([
      [P2P.modelId, "FROM_CACHE", null],
      [AP.modelId, "PARTIAL", ["t-bsak"]],
    ]);
  });

  it("shows the simulator's field errors for an unknown table id", async () => {
    const client = simClient();
    const err = (await rejectionOf(client.partialSync(AP, ["nope"]))) as ApiError;
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/^400 Bad Request: tableIds\[0\]: Table nope does not exist/);
  });

  it("gets 401 with a wrong key, without the key anywhere in the error", async () => {
    const client = simClient({ key: "definitely-wrong-key" });
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expect(err.message).toBe("401 Unauthorized: Invalid credentials (reference SIM-401)");
    expect(err).toMatchObject({ status: 401, retryable: false, reference: "SIM-401" });
    expect(`${JSON.stringify(err)} ${err.stack ?? ""}`).not.toContain("definitely-wrong-key");
  });

  it("waits out the simulator's 429s and 503s on reads", async () => {
    const client = simClient();
    sim.setFault(O2C.modelId, { status429Times: 2, retryAfterSeconds: 3 });
    expect(await client.listTables(O2C)).toHaveLength(2);
    sim.setFault(O2C.modelId, { errorTimes: 2, errorStatus: 503 });
    expect(await client.listTables(O2C)).toHaveLength(2);
    expect(client.stats()).toMatchObject({ retries: 4, rateLimited: 2 });
  });

  it("a trigger whose connection drops is reported as maybe sent, and last-load shows it started", async () => {
    const client = simClient();
    sim.setFault(DROP.modelId, { dropAfterTrigger: true });
    const err = (await rejectionOf(client.triggerLoad(DROP, "full"))) as ApiError;
    expect(err).toMatchObject({ kind: "network", mayHaveReachedServer: true, retryable: false });
    expect(sim.loadsStarted(DROP.modelId)).toBe(1);
    expect(await client.lastLoad(DROP)).toMatchObject({ status: "RUNNING", loadType: "COMPLETE" });
  });

  it("a gateway's 502 to a trigger is not re-sent and may have reached the service", async () => {
    const client = simClient();
    sim.setFault(GATEWAY.modelId, { triggerStatus: 502 });
    const err = (await rejectionOf(client.triggerLoad(GATEWAY, "full"))) as ApiError;
    expect(err).toMatchObject({ status: 502, mayHaveReachedServer: true, retryable: false, serviceMessage: null });
    expect(err.message).toBe("502 Bad Gateway");
    expect(client.stats().requests).toBe(1);
  });
});
