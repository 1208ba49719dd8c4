import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/celonis/errors.js";
import { BASE, KEY, makeClient, MODEL_PATH, REF, rejectionOf, useMswServer } from "./support.js";

const server = useMswServer();

interface Seen {
  method: string;
  url: string;
  auth: string | null;
  accept: string | null;
  contentType: string | null;
  body: string;
}

function recordInto(seen: Seen[], answer: () => Response) {
  return async ({ request }: { request: Request }) => {
    seen.push({
      method: request.method,
      url: request.url,
      auth: request.headers.get("authorization"),
      accept: request.headers.get("accept"),
      contentType: request.headers.get("content-type"),
      body: await request.text(),
    });
    return answer();
  };
}

const TABLES = [
  { id: "t1", dataModelId: "model-1", dataSourceId: "ds-1", name: "EKKO", alias: "Orders", aliasOrName: "Orders", extra: 1 },
  { id: "t2", dataModelId: "model-1", dataSourceId: null, name: "EKPO", alias: null, aliasOrName: "EKPO" },
];

describe("endpoints", () => {
  it("lists pools with GET /integration/api/pools, a Bearer user key and Accept: application/json", async () => {
    const seen: Seen[] = [];
    server.use(http.get(`${BASE}/integration/api/pools`, recordInto(seen, () => HttpResponse.json([{ id: "p1", name: "Finance", x: true }]))));
    const { client } = makeClient();
    expect(await client.listPools()).toEqual([{ id: "p1", name: "Finance" }]);
    expect(seen).toEqual([
      { method: "GET", url: `${BASE}/integration/api/pools`, auth: `Bearer ${KEY}`, accept: "application/json", contentType: null, body: "" },
    ]);
  });

  it("sends an application key as AppKey", async () => {
    const seen: Seen[] = [];
    server.use(http.get(`${BASE}/integration/api/pools`, recordInto(seen, () => HttpResponse.json([]))));
    const { client } = makeClient({ keyType: "APP_KEY" });
    await client.listPools();
    expect(seen[0]?.auth).toBe(`AppKey ${KEY}`);
  });

  it("lists a pool's models, filling poolId when the service omits it", async () => {
    const seen: Seen[] = [];
    server.use(
      http.get(
        `${BASE}/integration/api/pools/:poolId/data-models`,
        recordInto(seen, () => HttpResponse.json([{ id: "m1", name: "O2C", poolId: "p 1" }, { id: "m2", name: "P2P" }])),
      ),
    );
    const { client } = makeClient();
    expect(await client.listModels("p 1")).toEqual([
      { id: "m1", name: "O2C", poolId: "p 1" },
      { id: "m2", name: "P2P", poolId: "p 1" },
    ]);
    expect(seen[0]?.url).toBe(`${BASE}/integration/api/pools/p%201/data-models`);
  });

  it("lists tables, keeping the documented fields only", async () => {
    const seen: Seen[] = [];
    server.use(http.get(`${MODEL_PATH}/tables`, recordInto(seen, () => HttpResponse.json(TABLES))));
    const { client } = makeClient();
    expect(await client.listTables(REF)).toEqual([
      { id: "t1", dataModelId: "model-1", dataSourceId: "ds-1", name: "EKKO", alias: "Orders", aliasOrName: "Orders" },
      { id: "t2", dataModelId: "model-1", dataSourceId: null, name: "EKPO", alias: null, aliasOrName: "EKPO" },
    ]);
    expect(seen[0]).toMatchObject({ method: "GET", url: `${MODEL_PATH}/tables` });
  });

  it("tolerates tables without alias or aliasOrName", async () => {
    server.use(http.get(`${MODEL_PATH}/tables`, () => HttpResponse.json([{ id: 7, name: "VBAK" }, { id: "t8", name: "VBAP", alias: "Items" }])));
    const { client } = makeClient();
    expect(await client.listTables(REF)).toEqual([
      { id: "7", dataModelId: "model-1", dataSourceId: null, name: "VBAK", alias: null, aliasOrName: "VBAK" },
      { id: "t8", dataModelId: "model-1", dataSourceId: null, name: "VBAP", alias: "Items", aliasOrName: "Items" },
    ]);
  });

  it.each([
    ["an object instead of a list", { content: [] }],
    ["an item without an id", [{ name: "EKKO" }]],
    ["an item that is not an object", ["t1"]],
  ])("refuses a tables body with %s, naming the request", async (_what, body) => {
    server.use(http.get(`${MODEL_PATH}/tables`, () => HttpResponse.json(body)));
    const { client } = makeClient();
    const err = await rejectionOf(client.listTables(REF));
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: "http", status: 200, method: "GET", retryable: false, path: "/integration/api/v1/data-pools/pool-1/data-models/model-1/tables" });
  });

  it("says the service sent something unreadable when a list is not JSON", async () => {
    server.use(http.get(`${BASE}/integration/api/pools`, () => new HttpResponse("<!DOCTYPE html><html>login</html>", { status: 200 })));
    const { client } = makeClient();
    const err = (await rejectionOf(client.listPools())) as ApiError;
    expect(err.message).toMatch(/unreadable/);
    expect(err.message).toMatch(/HTML/);
    expect(err.retryable).toBe(false);
  });

  it("reads last-load", async () => {
    const seen: Seen[] = [];
    server.use(
      http.get(
        `${MODEL_PATH}/last-load`,
        recordInto(seen, () =>
          HttpResponse.json({ dataLoadId: "L1", loadStatus: "SUCCESS", loadType: "COMPLETE", startDate: "2026-11-28T17:00:00Z", endDate: 1795885500000, message: null }),
        ),
      ),
    );
    const { client } = makeClient();
    expect(await client.lastLoad(REF)).toEqual({
      id: "L1",
      status: "SUCCESS",
      loadType: "COMPLETE",
      startDate: "2026-11-28T17:00:00.000Z",
      endDate: new Date(1795885500000).toISOString(),
      message: null,
    });
    expect(seen[0]).toMatchObject({ method: "GET", url: `${MODEL_PATH}/last-load` });
  });

  it("reads a never-loaded model (204) as null", async () => {
    server.use(http.get(`${MODEL_PATH}/last-load`, () => new HttpResponse(null, { status: 204 })));
    const { client } = makeClient();
    expect(await client.lastLoad(REF)).toBeNull();
  });

  it("names the last-load request when its body is unreadable", async () => {
    server.use(http.get(`${MODEL_PATH}/last-load`, () => new HttpResponse("{not json", { status: 200 })));
    const { client } = makeClient();
    const err = (await rejectionOf(client.lastLoad(REF))) as ApiError;
    expect(err).toMatchObject({ kind: "http", retryable: false, path: "/integration/api/v1/data-pools/pool-1/data-models/model-1/last-load" });
    expect(err.message).toMatch(/unreadable/);
  });

  it("triggers a complete reload with POST …/load and no body", async () => {
    const seen: Seen[] = [];
    server.use(http.post(`${MODEL_PATH}/load`, recordInto(seen, () => new HttpResponse(null, { status: 200 }))));
    const { client } = makeClient();
    await client.triggerLoad(REF, "full");
    expect(seen).toEqual([{ method: "POST", url: `${MODEL_PATH}/load`, auth: `Bearer ${KEY}`, accept: "application/json", contentType: null, body: "" }]);
  });

  it("triggers a reload from cache with POST …/load?fullReload=false", async () => {
    const seen: Seen[] = [];
    server.use(http.post(`${MODEL_PATH}/load`, recordInto(seen, () => HttpResponse.json({ whatever: true }))));
    const { client } = makeClient();
    await client.triggerLoad(REF, "cache");
    expect(seen.map((s) => s.url)).toEqual([`${MODEL_PATH}/load?fullReload=false`]);
  });

  it("sends a partial reload as a JSON array of table ids", async () => {
    const seen: Seen[] = [];
    server.use(http.post(`${MODEL_PATH}/load/partial-sync`, recordInto(seen, () => new HttpResponse(null, { status: 202 }))));
    const { client } = makeClient({ keyType: "APP_KEY" });
    await client.partialSync(REF, ["t1", "t2"]);
    expect(seen).toEqual([
      { method: "POST", url: `${MODEL_PATH}/load/partial-sync`, auth: `AppKey ${KEY}`, accept: "application/json", contentType: "application/json", body: '["t1","t2"]' },
    ]);
  });

  it("encodes ids as single path segments", async () => {
    const seen: Seen[] = [];
    server.use(http.get(`${BASE}/integration/api/v1/data-pools/:pool/data-models/:model/tables`, recordInto(seen, () => HttpResponse.json([]))));
    const { client } = makeClient();
    await client.listTables({ poolId: "a/b?c", modelId: "d#e f" });
    expect(seen[0]?.url).toBe(`${BASE}/integration/api/v1/data-pools/a%2Fb%3Fc/data-models/d%23e%20f/tables`);
  });

  it.each(["", ".", ".."])("refuses the id %j, which would address another path", async (id) => {
    const { client } = makeClient();
    await expect(client.listTables({ poolId: id, modelId: "m" })).rejects.toMatchObject({ name: "UserError" });
  });

  it("drops a trailing slash from the base URL", async () => {
    const seen: Seen[] = [];
    server.use(http.get(`${BASE}/integration/api/pools`, recordInto(seen, () => HttpResponse.json([]))));
    const { client } = makeClient({ baseUrl: `${BASE}/` });
    await client.listPools();
    expect(client.baseUrl).toBe(BASE);
    expect(seen[0]?.url).toBe(`${BASE}/integration/api/pools`);
  });

  it("counts the requests it sends", async () => {
    server.use(http.get(`${BASE}/integration/api/pools`, () => HttpResponse.json([])));
    const { client } = makeClient();
    await client.listPools();
    await client.listPools();
    expect(client.stats()).toEqual({ requests: 2, retries: 0, rateLimited: 0 });
  });
});
