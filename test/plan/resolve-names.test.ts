import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build-plan.js";
import { resolveName, resolveNames } from "../../src/plan/resolve-names.js";
import { findStaleness } from "../../src/plan/stale.js";
import { ManifestError } from "../../src/shared/errors.js";
import { FakeApi, type FakeModel } from "../helpers/fake-api.js";
import { manifestModel, manifestOf } from "../helpers/manifest.js";

const NOW = Date.parse("2026-11-28T17:00:00.000Z");
const none = { select: [], exclude: [] };
const item = (id: string, name: string) => ({ id, name });

describe("resolveName", () => {
  const items = [item("1", "Order to Cash"), item("2", "order to cash"), item("3", "Purchase to Pay"), item("4", "Returns"), item("5", "Returns")];

  it("takes the exact name first, even when another matches case-insensitively", () => {
    expect(resolveName("Order to Cash", items)).toEqual({ ok: true, item: item("1", "Order to Cash") });
    expect(resolveName("order to cash", items)).toEqual({ ok: true, item: item("2", "order to cash") });
  });

  it("falls back to case-insensitive when that picks exactly one", () => {
    expect(resolveName("PURCHASE TO PAY", items)).toEqual({ ok: true, item: item("3", "Purchase to Pay") });
  });

  it("calls two exact matches ambiguous, and two case-insensitive ones too, naming each", () => {
    expect(resolveName("Returns", items)).toEqual({ ok: false, reason: "ambiguous", candidates: [item("4", "Returns"), item("5", "Returns")] });
    expect(resolveName("ORDER TO CASH", items)).toMatchObject({ ok: false, reason: "ambiguous", candidates: [{ id: "1" }, { id: "2" }] });
  });

  it("offers the closest names for none", () => {
    expect(resolveName("Purchse to Pay", items)).toEqual({ ok: false, reason: "unknown", closest: ["Purchase to Pay"] });
    expect(resolveName("x", [])).toEqual({ ok: false, reason: "unknown", closest: [] });
  });
});

const fake = (poolId: string, poolName: string, modelId: string, name: string, over: Partial<FakeModel> = {}): FakeModel => ({ poolId, poolName, modelId, name, ...over });
const TENANT = [
  fake("p-fin", "Finance", "m-o2c", "Order to Cash"),
  fake("p-fin", "Finance", "m-p2p", "Purchase to Pay"),
  fake("p-log", "Logistics", "m-ship", "Shipments"),
  fake("p-log", "Logistics", "m-ret1", "Returns"),
  fake("p-log", "Logistics", "m-ret2", "Returns"),
  fake("p-dup1", "Sandbox", "m-s1", "S1"),
  fake("p-dup2", "sandbox", "m-s2", "S2"),
];
const byName = (address: string, pool: string, model: string) => manifestModel(address, { kind: "full" }, { poolId: null, poolName: pool, modelId: null, modelName: model });

describe("resolveNames", () => {
  it("reads no listing for a manifest of ids", async () => {
    const api = new FakeApi(TENANT, () => NOW);
    const models = [manifestModel("fin/o2c", { kind: "full" }, { poolId: "p-fin", modelId: "m-o2c" })];
    const r = await resolveNames(manifestOf(models).pools, models, api);
    expect(r.problems).toEqual([]);
    expect(r.models).toMatchObject([{ address: "fin/o2c", poolId: "p-fin", modelId: "m-o2c", foundPoolName: null, foundModelName: null }]);
    expect(api.calls).toEqual([]);
  });

  it("lists pools once and each pool's models once, however many models name them", async () => {
    const api = new FakeApi(TENANT, () => NOW);
    const models = [
      byName("fin/o2c", "Finance", "order to cash"),
      byName("fin/p2p", "Finance", "Purchase to Pay"),
      manifestModel("log/ship", { kind: "full" }, { poolId: "p-log", modelId: null, modelName: "Shipments" }),
    ];
    const r = await resolveNames(manifestOf(models).pools, models, api);
    expect(r.problems).toEqual([]);
    expect(r.models.map((m) => [m.address, m.poolId, m.modelId, m.foundPoolName, m.foundModelName])).toEqual([
      ["fin/o2c", "p-fin", "m-o2c", "Finance", "Order to Cash"],
      ["fin/p2p", "p-fin", "m-p2p", "Finance", "Purchase to Pay"],
      ["log/ship", "p-log", "m-ship", null, "Shipments"],
    ]);
    expect(api.calls.map((c) => `${c.method} ${c.model}`).sort()).toEqual(["GET models p-fin", "GET models p-log", "GET pools "]);
  });

  it("plans by names with the resolved ids pinned, located problems for an ambiguous and a misspelt name", async () => {
    const api = new FakeApi(TENANT, () => NOW);
    const manifest = manifestOf([
      byName("fin/o2c", "Finance", "Order to Cash"),
      byName("log/ret", "Logistics", "Returns"),
      byName("log/ship", "Logistics", "Shipmens"),
      byName("sand/s1", "SANDBOX", "S1"),
      byName("nope/x", "Finanse", "X"),
    ]);
    const err = await buildPlan({ manifest, api, selection: none, now: () => NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManifestError);
    // manifest.source as the helper writes it: each pool's key, `name`, `models`, and each model's key, `name`, `reload`.
    expect((err as ManifestError).problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '13:15 model `log/ret`: 2 data models in pool "Logistics" match the name "Returns": "Returns" (id m-ret1), "Returns" (id m-ret2); write the `id` of the one you mean instead of `name`',
      '16:15 model `log/ship`: no data model in pool "Logistics" is named "Shipmens"; did you mean "Shipments"?',
      '19:11 pool `sand`: 2 data pools match the name "SANDBOX": "Sandbox" (id p-dup1), "sandbox" (id p-dup2); write the `id` of the one you mean instead of `name`',
      '25:11 pool `nope`: no data pool is named "Finanse"; did you mean "Finance"?',
    ]);

    const ok = manifestOf([byName("fin/o2c", "finance", "Order to Cash"), byName("log/ship", "Logistics", "Shipments")]);
    const doc = await buildPlan({ manifest: ok, api, selection: none, now: () => NOW });
    expect(doc.models.map((m) => [m.address, m.poolId, m.poolName, m.modelId, m.modelName])).toEqual([
      ["fin/o2c", "p-fin", "Finance", "m-o2c", "Order to Cash"],
      ["log/ship", "p-log", "Logistics", "m-ship", "Shipments"],
    ]);
  });

  it("refuses two addresses that resolve to one data model", async () => {
    const api = new FakeApi(TENANT, () => NOW);
    const manifest = manifestOf([
      manifestModel("fin/a", { kind: "full" }, { poolId: "p-fin", modelId: "m-o2c" }),
      manifestModel("fin/b", { kind: "full" }, { poolId: "p-fin", modelId: null, modelName: "ORDER TO CASH" }),
    ]);
    const err = await buildPlan({ manifest, api, selection: none, now: () => NOW }).catch((e: unknown) => e);
    expect((err as ManifestError).problems.map((p) => p.message)).toEqual(["model `fin/b` is data model m-o2c, as `fin/a` is: declare each model once"]);
  });

  it("resolves only the selected models' names", async () => {
    const api = new FakeApi(TENANT, () => NOW);
    const manifest = manifestOf([byName("fin/o2c", "Finance", "Order to Cash"), manifestModel("log/ship", { kind: "full" }, { poolId: "p-log", modelId: "m-ship" })]);
    await buildPlan({ manifest, api, selection: { select: ["log"], exclude: [] }, now: () => NOW });
    expect(api.calls.map((c) => c.method)).toEqual(["GET last-load"]);
  });
});

describe("a saved plan by names", () => {
  it("is stale when a name now resolves to another id, saying which", async () => {
    const manifest = manifestOf([byName("fin/o2c", "Finance", "Order to Cash")]);
    const before = new FakeApi(TENANT, () => NOW);
    const doc = await buildPlan({ manifest, api: before, selection: none, now: () => NOW });
    expect(await findStaleness({ doc, api: before, baseUrl: before.baseUrl, manifest, now: NOW })).toEqual([]);

    // The model was recreated: same name, new id (and the old one is gone).
    const after = new FakeApi([fake("p-fin", "Finance", "m-o2c-new", "Order to Cash")], () => NOW);
    const reasons = await findStaleness({ doc, api: after, baseUrl: after.baseUrl, manifest, now: NOW });
    expect(reasons).toContain('fin/o2c: model name "Order to Cash" now resolves to data model m-o2c-new; the plan has m-o2c');

    // Renamed away: the name finds nothing now.
    const renamed = new FakeApi([fake("p-fin", "Finance", "m-o2c", "Order to Cash (old)")], () => NOW);
    const gone = await findStaleness({ doc, api: renamed, baseUrl: renamed.baseUrl, manifest, now: NOW });
    expect(gone).toEqual([
      'model `fin/o2c`: no data model in pool "Finance" is named "Order to Cash"; did you mean "Order to Cash (old)"? (a name the plan resolved)',
    ]);
  });
  it("is stale when a pool name now resolves to another pool id, saying which", async () => {
    const manifest = manifestOf([byName("fin/o2c", "Finance", "Order to Cash")]);
    const doc = await buildPlan({ manifest, api: new FakeApi(TENANT, () => NOW), selection: none, now: () => NOW });
    // The pool was recreated under the same name (the model kept its id).
    const after = new FakeApi([fake("p-fin-new", "Finance", "m-o2c", "Order to Cash")], () => NOW);
    const reasons = await findStaleness({ doc, api: after, baseUrl: after.baseUrl, manifest, now: NOW });
    expect(reasons).toContain('fin/o2c: pool name "Finance" now resolves to pool p-fin-new; the plan has p-fin');
  });

  it("looks up only the names of the models apply was asked to run (apply PLAN --select)", async () => {
    const manifest = manifestOf([byName("fin/o2c", "Finance", "Order to Cash"), manifestModel("log/ship", { kind: "full" }, { poolId: "p-log", modelId: "m-ship" })]);
    const doc = await buildPlan({ manifest, api: new FakeApi(TENANT, () => NOW), selection: none, now: () => NOW });
    // "Order to Cash" is renamed away: a problem only for a run that applies fin/o2c.
    const after = new FakeApi(TENANT.map((m) => (m.modelId === "m-o2c" ? { ...m, name: "O2C (old)" } : m)), () => NOW);
    const ship = doc.models.filter((m) => m.address === "log/ship");
    expect(await findStaleness({ doc, models: ship, api: after, baseUrl: after.baseUrl, manifest, now: NOW })).toEqual([]);
    expect(after.calls.map((c) => c.method)).toEqual(["GET last-load"]);
  });

  it("stops the name lookups when the caller's signal is aborted", async () => {
    const manifest = manifestOf([byName("fin/o2c", "Finance", "Order to Cash")]);
    const doc = await buildPlan({ manifest, api: new FakeApi(TENANT, () => NOW), selection: none, now: () => NOW });
    const api = new FakeApi(TENANT, () => NOW);
    const listPools = api.listPools.bind(api);
    // The fake honours the signal as the real client does.
    api.listPools = async (opts?: { signal?: AbortSignal }) => {
      opts?.signal?.throwIfAborted();
      return listPools();
    };
    const stop = new AbortController();
    stop.abort(new Error("interrupted"));
    await expect(findStaleness({ doc, api, baseUrl: api.baseUrl, manifest, now: NOW, signal: stop.signal })).rejects.toThrow("interrupted");
    expect(api.calls).toEqual([]);
  });
});
