// Is a saved plan still true? Each test changes one thing between the plan and now (the tenant,
// the manifest, the plan file, the clock) and names the reason findStaleness must give.
import { describe, expect, it } from "vitest";
import type { LastLoad } from "../../src/celonis/api.js";
import { findStaleness, type StaleCheckInput } from "../../src/plan/stale.js";
import type { Manifest } from "../../src/manifest/types.js";
import type { PlanDocument } from "../../src/plan/types.js";
import { ModelError } from "../../src/shared/errors.js";
import type { DataModelTable } from "../../src/shared/types.js";
import { FakeApi, type FakeModel } from "../helpers/fake-api.js";
import { manifestModel, manifestOf } from "../helpers/manifest.js";
import { planDoc, plannedModel } from "../helpers/plan-doc.js";

const NOW = Date.parse("2026-11-28T17:00:00.000Z");
const H = 3_600_000;
const table = (id: string, name: string, alias: string | null = null): DataModelTable => ({ id, dataModelId: "dm", dataSourceId: null, name, alias, aliasOrName: alias ?? name });
const TABLES = [table("t1", "EKKO"), table("t2", "EKPO", "PO Items"), table("t3", "LFA1")];
const LOADED: LastLoad = { id: "l1", status: "SUCCESS", loadType: "COMPLETE", startDate: "2026-11-28T15:00:00.000Z", endDate: "2026-11-28T16:00:00.000Z", message: null };
const RELOADED: LastLoad = { ...LOADED, id: "l2", startDate: "2026-11-28T16:30:00.000Z", endDate: "2026-11-28T16:40:00.000Z" };

/**
 * A plan that is true of its tenant and manifest: a/full (loaded an hour ago, no maxAge: a full
 * reload) and a/part (never loaded: a partial reload of PO Items and EKKO); the tenant has a third
 * model, other, that neither names. Tests change one part.
 */
function scenario() {
  const fakes: Record<string, FakeModel> = {
    "a/full": { poolId: "pool-a", modelId: "model-full", tables: TABLES, last: LOADED },
    "a/part": { poolId: "pool-a", modelId: "model-part", tables: TABLES, last: null },
    // in the tenant, not in the manifest
    "a/other": { poolId: "pool-a", modelId: "model-other", tables: TABLES, last: LOADED },
  };
  const api = new FakeApi(Object.values(fakes), () => NOW);
  const manifest: Manifest = manifestOf([manifestModel("a/full"), manifestModel("a/part", { kind: "partial", tables: ["PO Items", "EKKO"] })]);
  const doc: PlanDocument = planDoc(
    [
      plannedModel({ address: "a/full", lastLoad: LOADED, reason: "complete reload: last SUCCESS 1h ago" }),
      plannedModel({
        address: "a/part",
        action: "partial",
        reload: "partial",
        reason: "partial reload: never loaded",
        tables: [
          { name: "EKPO", alias: "PO Items", id: "t2", word: "PO Items" },
          { name: "EKKO", alias: null, id: "t1", word: "EKKO" },
        ],
        tableCount: 3,
      }),
    ],
    { manifest: { path: "reload.config.yaml", sha256: manifest.sha256 } },
  );
  const check = (over: Partial<StaleCheckInput> = {}) => findStaleness({ doc, api, baseUrl: api.baseUrl, manifest, now: NOW, ...over });
  return { fakes, api, manifest, doc, check, full: doc.models[0]!, part: doc.models[1]!, declared: (address: string) => manifest.models.find((m) => m.address === address)! };
}

describe("findStaleness", () => {
  it("finds nothing in a plan that is still true", async () => {
    expect(await scenario().check()).toEqual([]);
  });

  describe("the plan as a whole", () => {
    it("has expired at the instant of its expiresAt", async () => {
      const { doc, check } = scenario();
      expect(await check({ now: Date.parse(doc.expiresAt) })).toEqual(["the plan expired at 2026-11-29T12:00:00.000Z"]);
    });

    it("has not expired a millisecond before", async () => {
      const { doc, check } = scenario();
      expect(await check({ now: Date.parse(doc.expiresAt) - 1 })).toEqual([]);
    });

    it("lives 24 h from its creation, whatever its expiresAt says", async () => {
      const { doc, check } = scenario();
      doc.expiresAt = "2026-12-31T00:00:00.000Z";
      const end = Date.parse(doc.createdAt) + 24 * H;
      expect(await check({ now: end - 1 })).toEqual([]);
      expect(await check({ now: end })).toEqual(["the plan expired at 2026-11-29T12:00:00.000Z"]);
    });

    it("says it was made more than 5 minutes ahead of this clock", async () => {
      const { doc, check } = scenario();
      doc.createdAt = new Date(NOW + 5 * 60_000 + 1).toISOString();
      expect(await check()).toEqual(["the plan says it was made at 2026-11-28T17:05:00.001Z, in the future"]);
    });

    it("was made up to 5 minutes ahead of this clock: another machine's clock, not stale", async () => {
      const { doc, check } = scenario();
      doc.createdAt = new Date(NOW + 5 * 60_000).toISOString();
      expect(await check()).toEqual([]);
    });

    it("is for another tenant: said, and none of its models is read there", async () => {
      const { api, check } = scenario();
      expect(await check({ baseUrl: "https://other.celonis.cloud" })).toEqual([
        "the plan is for https://fake.celonis.test, but the connection is https://other.celonis.cloud",
      ]);
      expect(api.calls).toEqual([]);
    });

    it("was made from a manifest that changed since", async () => {
      const { manifest, check } = scenario();
      expect(await check({ manifest: { ...manifest, sha256: "b".repeat(64) } })).toEqual(["the manifest reload.config.yaml changed since the plan was made"]);
    });

    it("was made from another manifest file than this run read: both named, with their hashes", async () => {
      const { manifest, check } = scenario();
      const manifestRead = { path: "/w/other.yaml", planned: "/w/reload.config.yaml" };
      expect(await check({ manifest: { ...manifest, sha256: "b".repeat(64) }, manifestRead })).toEqual([
        "this plan was made from reload.config.yaml (/w/reload.config.yaml, sha256 aaaaaaaa…); this run read /w/other.yaml (sha256 bbbbbbbb…), another file",
      ]);
    });

    it("was made from the manifest file this run read, changed since", async () => {
      const { manifest, check } = scenario();
      const manifestRead = { path: "/w/reload.config.yaml", planned: "/w/reload.config.yaml" };
      expect(await check({ manifest: { ...manifest, sha256: "b".repeat(64) }, manifestRead })).toEqual(["the manifest reload.config.yaml changed since the plan was made"]);
    });

    it("was made from a manifest whose settings changed since, not only its comments or layout", async () => {
      const { doc, manifest, check } = scenario();
      doc.manifest.contentSha256 = "c".repeat(64); // the content hash of another manifest's settings
      expect(await check({ manifest: { ...manifest, sha256: "b".repeat(64) } })).toEqual(["the manifest reload.config.yaml changed since the plan was made"]);
    });

    it("has a manifest that cannot be read: said, and the models are still checked against the service", async () => {
      const { fakes, check } = scenario();
      fakes["a/full"]!.last = RELOADED;
      expect(await check({ manifest: null })).toEqual([
        "the manifest reload.config.yaml cannot be read",
        "a/full: a load ran since the plan was made (planned against SUCCESS l1 started 2026-11-28T15:00:00.000Z; now SUCCESS l2 started 2026-11-28T16:30:00.000Z)",
      ]);
    });

    it("has another parallelism than the manifest", async () => {
      const { doc, check } = scenario();
      doc.parallelism = 100;
      expect(await check()).toEqual(["`parallelism` is 4 in the manifest, 100 in the plan"]);
    });

    it("has another poolParallelism than the manifest", async () => {
      const { doc, check } = scenario();
      doc.poolParallelism["a"] = 50;
      expect(await check()).toEqual(["`poolParallelism` of pool a is 2 in the manifest, 50 in the plan"]);
    });

    it("holds no poolParallelism for a pool it runs models in: stale (the bound would fall back)", async () => {
      const { doc, check } = scenario();
      delete doc.poolParallelism["a"];
      expect(await check()).toEqual(["`poolParallelism` of pool a is 2 in the manifest, missing from the plan"]);
    });

    it("holds no poolParallelism for one of the pools it runs models in: stale", async () => {
      const { fakes, doc, manifest } = scenario();
      const api = new FakeApi([...Object.values(fakes), { poolId: "pool-b", modelId: "model-x", tables: TABLES, last: LOADED }], () => NOW);
      manifest.models.push(manifestModel("b/x"));
      manifest.pools.push({ key: "b", id: "pool-b", name: null, poolParallelism: 2 });
      doc.models.push(plannedModel({ address: "b/x", lastLoad: LOADED, reason: "complete reload: last SUCCESS 1h ago" }));
      doc.poolParallelism["b"] = 2;
      const check = (d: PlanDocument) => findStaleness({ doc: d, api, baseUrl: api.baseUrl, manifest, now: NOW });
      expect(await check(doc)).toEqual([]);
      delete doc.poolParallelism["a"];
      expect(await check(doc)).toEqual(["`poolParallelism` of pool a is 2 in the manifest, missing from the plan"]);
    });

    it("holds no poolParallelism for a pool it runs no model in: nothing to bound", async () => {
      const { doc, manifest, check } = scenario();
      manifest.models.push(manifestModel("b/x"));
      manifest.pools.push({ key: "b", id: "pool-b", name: null, poolParallelism: 2 });
      doc.selection = { select: ["a"], exclude: [] };
      expect(await check()).toEqual([]);
    });

    it("names a pool the manifest does not declare in its poolParallelism: stale", async () => {
      const { doc, check } = scenario();
      doc.poolParallelism["zz"] = 9;
      expect(await check()).toEqual(["`poolParallelism` names pool zz in the plan, which the manifest does not declare"]);
    });

    it("lacks a model its selection takes", async () => {
      const { doc, check } = scenario();
      doc.models.pop();
      expect(await check()).toEqual(["a/part: the plan's selection (all models) takes it, but the plan has no entry for it"]);
    });

    it("holds a model outside its selection, naming the selection as flags", async () => {
      const { doc, check } = scenario();
      doc.selection = { select: ["a"], exclude: ["a/part"] };
      expect(await check()).toEqual(["a/part: is in the plan, but outside its selection (--select a --exclude a/part)"]);
    });

    it("holds a model outside its shard, naming the shard among the flags", async () => {
      const { doc, check } = scenario();
      doc.selection = { select: ["a"], exclude: ["a/part"], shard: "1/1" };
      expect(await check()).toEqual(["a/part: is in the plan, but outside its selection (--select a --exclude a/part --shard 1/1)"]);
    });

    it("has a selection that no longer applies to the manifest", async () => {
      const { doc, check } = scenario();
      doc.selection = { select: ["b"], exclude: [] };
      expect(await check()).toEqual(['the plan\'s selection no longer applies to the manifest: selector "b" matches no model']);
    });

    it("checks only the models apply was asked to run (apply PLAN --select)", async () => {
      const { api, fakes, full, check } = scenario();
      fakes["a/part"]!.last = LOADED;
      expect(await check({ models: [full] })).toEqual([]);
      expect(api.calls.map((c) => c.model)).toEqual(["model-full"]);
    });
  });

  describe("a load since the plan", () => {
    it("a model never loaded at plan time was loaded since", async () => {
      const { fakes, check } = scenario();
      fakes["a/part"]!.last = LOADED;
      expect(await check()).toEqual([
        "a/part: a load ran since the plan was made (planned against none; now SUCCESS l1 started 2026-11-28T15:00:00.000Z)",
      ]);
    });

    it("a model loaded at plan time shows no load now", async () => {
      const { fakes, check } = scenario();
      fakes["a/full"]!.last = null;
      expect(await check()).toEqual(["a/full: a load ran since the plan was made (planned against SUCCESS l1 started 2026-11-28T15:00:00.000Z; now none)"]);
    });

    it("another load id with the same start", async () => {
      const { fakes, check } = scenario();
      fakes["a/full"]!.last = { ...LOADED, id: "l9" };
      expect(await check()).toEqual(["a/full: a load ran since the plan was made (planned against SUCCESS l1 started 2026-11-28T15:00:00.000Z; now SUCCESS l9 started 2026-11-28T15:00:00.000Z)"]);
    });

    it("the same load id with a later start", async () => {
      const { fakes, check } = scenario();
      fakes["a/full"]!.last = { ...LOADED, startDate: "2026-11-28T16:30:00.000Z" };
      expect(await check()).toEqual(["a/full: a load ran since the plan was made (planned against SUCCESS l1 started 2026-11-28T15:00:00.000Z; now SUCCESS l1 started 2026-11-28T16:30:00.000Z)"]);
    });

    it("a load known by neither id nor start is described by its status alone", async () => {
      const { fakes, full, check } = scenario();
      full.lastLoad = { ...LOADED, id: null, startDate: null };
      fakes["a/full"]!.last = { ...LOADED, id: null, startDate: null, status: "ERROR" };
      expect(await check()).toEqual([]);
      fakes["a/full"]!.last = RELOADED;
      expect(await check()).toEqual(["a/full: a load ran since the plan was made (planned against SUCCESS; now SUCCESS l2 started 2026-11-28T16:30:00.000Z)"]);
    });

    it("is the only reason given when the decision would also change", async () => {
      const { fakes, full, declared, check } = scenario();
      declared("a/full").maxAgeMs = 6 * H;
      Object.assign(full, { maxAgeMs: 6 * H, action: "skip", skipReason: "fresh" });
      fakes["a/full"]!.last = { ...RELOADED, status: "RUNNING", endDate: null };
      expect(await check()).toEqual([
        "a/full: a load ran since the plan was made (planned against SUCCESS l1 started 2026-11-28T15:00:00.000Z; now RUNNING l2 started 2026-11-28T16:30:00.000Z)",
      ]);
    });
  });

  describe("a decision that would now differ", () => {
    it("a skip planned while fresh, now past maxAge", async () => {
      const { full, declared, check } = scenario();
      declared("a/full").maxAgeMs = 2 * H;
      Object.assign(full, { maxAgeMs: 2 * H, action: "skip", skipReason: "fresh" });
      expect(await check({ now: NOW + 2 * H })).toEqual(["a/full: planned to skip, but would now full: complete reload: last SUCCESS 3h ago, older than maxAge 2h"]);
    });
  });

  describe("the plan against the manifest", () => {
    it("a model not in the manifest", async () => {
      const { manifest, check } = scenario();
      manifest.models = manifest.models.filter((m) => m.address !== "a/full"); // the service still has it
      expect(await check()).toEqual(["a/full: is not in the manifest"]);
    });

    it("another pool key than the manifest's", async () => {
      const { full, check } = scenario();
      full.pool = "b";
      expect(await check()).toEqual(["a/full: planned in pool b as b/full, but the manifest declares it in pool a"]);
    });

    it("another model key than the manifest's", async () => {
      const { full, check } = scenario();
      full.model = "fool";
      expect(await check()).toEqual(["a/full: planned in pool a as a/fool, but the manifest declares it in pool a"]);
    });

    it("another pool id: said, and the service has no such model there", async () => {
      const { full, check } = scenario();
      full.poolId = "pool-x";
      expect(await check()).toEqual([
        "a/full: planned for data model model-full in pool pool-x, but the manifest names model-full in pool pool-a",
        "a/full: the service knows no data model model-full in pool pool-x (404)",
      ]);
    });

    it("another model id", async () => {
      const { full, check } = scenario();
      full.modelId = "model-other";
      expect(await check()).toEqual(["a/full: planned for data model model-other in pool pool-a, but the manifest names model-full in pool pool-a"]);
    });

    it("another kind of reload", async () => {
      const { full, check } = scenario();
      Object.assign(full, { action: "cache", reload: "cache" });
      expect(await check()).toEqual(["a/full: planned as a cache reload, but the manifest declares full"]);
    });

    it("another list of tables for a partial reload", async () => {
      const { declared, check } = scenario();
      declared("a/part").reload = { kind: "partial", tables: ["PO Items"] };
      expect(await check()).toEqual(["a/part: planned tables [PO Items, EKKO], but the manifest declares [PO Items]"]);
    });

    it("the same tables in another order", async () => {
      const { declared, check } = scenario();
      declared("a/part").reload = { kind: "partial", tables: ["EKKO", "PO Items"] };
      expect(await check()).toEqual(["a/part: planned tables [PO Items, EKKO], but the manifest declares [EKKO, PO Items]"]);
    });

    it("no table list to compare for a partial reload planned as a skip", async () => {
      const { fakes, part, declared, check } = scenario();
      declared("a/part").maxAgeMs = 6 * H;
      Object.assign(part, { action: "skip", skipReason: "fresh", tables: [], maxAgeMs: 6 * H, lastLoad: LOADED });
      fakes["a/part"]!.last = LOADED;
      expect(await check()).toEqual([]);
    });

    it("another timeout", async () => {
      const { full, check } = scenario();
      full.timeoutMs = 60_000;
      expect(await check()).toEqual(["a/full: `timeout` is 1h in the manifest, 1m in the plan"]);
    });

    it("another maxAge", async () => {
      const { declared, check } = scenario();
      declared("a/full").maxAgeMs = 30 * 60_000;
      expect(await check()).toEqual(["a/full: `maxAge` is 30m in the manifest, 0s in the plan"]);
    });

    it("another onWarning", async () => {
      const { full, check } = scenario();
      full.onWarning = "succeed";
      expect(await check()).toEqual(["a/full: `onWarning` is fail in the manifest, succeed in the plan"]);
    });

    it("another onRunning", async () => {
      const { full, check } = scenario();
      full.onRunning = "skip";
      expect(await check()).toEqual(["a/full: `onRunning` is wait in the manifest, skip in the plan"]);
    });
  });

  describe("the tables of a partial reload", () => {
    it("are read only for a partial reload", async () => {
      const { api, check } = scenario();
      await check();
      expect(api.calls.map((c) => `${c.method} ${c.model}`).sort()).toEqual(["GET last-load model-full", "GET last-load model-part", "GET tables model-part"]);
    });

    it("a table id that is gone", async () => {
      const { fakes, check } = scenario();
      fakes["a/part"]!.tables = [table("t1-new", "EKKO"), table("t2", "EKPO", "PO Items")];
      expect(await check()).toEqual(['a/part: table "EKKO" (id t1) is gone']);
    });

    it("a word that now resolves to another table", async () => {
      const { fakes, check } = scenario();
      fakes["a/part"]!.tables = [...TABLES.map((t) => (t.id === "t2" ? table("t2", "EKPO") : t)), table("t9", "EKPO_X", "PO Items")];
      expect(await check()).toEqual(['a/part: table "PO Items" now resolves to t9, not t2']);
    });

    it("a word that no longer resolves to one table", async () => {
      const { fakes, check } = scenario();
      fakes["a/part"]!.tables = [...TABLES, table("t9", "EKKO")];
      expect(await check()).toEqual(['a/part: table "EKKO" no longer resolves to one table']);
    });
  });

  describe("errors", () => {
    it("stops every read when the caller's signal is aborted (Ctrl-C during the check)", async () => {
      const { api, check } = scenario();
      // The fake honours the signal as the real client does.
      const honour = <A extends unknown[], R>(read: (...args: A) => Promise<R>) =>
        (...args: A): Promise<R> => {
          (args[1] as { signal?: AbortSignal } | undefined)?.signal?.throwIfAborted();
          return read(...args);
        };
      api.lastLoad = honour(api.lastLoad.bind(api));
      api.listTables = honour(api.listTables.bind(api));
      const stop = new AbortController();
      stop.abort(new Error("interrupted"));
      const err = await check({ signal: stop.signal }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ModelError);
      expect(err).toMatchObject({ message: "a/full: interrupted" });
    });

    it("names the model whose read failed for another reason than 404", async () => {
      const { api, check } = scenario();
      api.lastLoad = async () => {
        throw new Error("401 Unauthorized");
      };
      const err = await check().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ModelError);
      expect(err).toMatchObject({ address: "a/full", message: "a/full: 401 Unauthorized" });
    });
  });
});
