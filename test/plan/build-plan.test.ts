import { describe, expect, it } from "vitest";
import { buildPlan } from "../../src/plan/build-plan.js";
import { findStaleness } from "../../src/plan/stale.js";
import { ManifestError, ModelError, UserError } from "../../src/shared/errors.js";
import type { DataModelTable } from "../../src/shared/types.js";
import { FakeApi, type FakeModel } from "../helpers/fake-api.js";
import { manifestModel, manifestOf } from "../helpers/manifest.js";

const NOW = Date.parse("2026-11-28T17:00:00.000Z");
const t = (id: string, name: string, alias: string | null = null): DataModelTable => ({ id, dataModelId: "dm", dataSourceId: null, name, alias, aliasOrName: alias ?? name });
const TABLES = [t("t1", "EKKO"), t("t2", "EKPO", "PO Items"), t("t3", "LFA1", "Vendor Master"), t("t4", "VBAK", "Orders"), t("t5", "orders")];
const fresh = { id: "l1", status: "SUCCESS", loadType: "COMPLETE", startDate: "2026-11-28T15:00:00.000Z", endDate: "2026-11-28T16:00:00.000Z", message: null };
const fake = (address: string, over: Partial<FakeModel> = {}): FakeModel => {
  const [pool, model] = address.split("/");
  return { poolId: `pool-${pool}`, modelId: `model-${model}`, tables: TABLES, ...over };
};

describe("buildPlan", () => {
  it("reads last-load for every model and tables only for partial reloads, and keeps manifest order", async () => {
    const api = new FakeApi([fake("a/full"), fake("a/part"), fake("b/cache", { last: fresh })], () => NOW);
    const manifest = manifestOf([
      manifestModel("a/full"),
      manifestModel("a/part", { kind: "partial", tables: ["PO Items", "ekko"] }),
      manifestModel("b/cache", { kind: "cache" }, { maxAgeMs: 6 * 3_600_000 }),
    ]);
    const doc = await buildPlan({ manifest, api, selection: { select: [], exclude: [] }, now: () => NOW });
    expect(api.calls.map((c) => `${c.method} ${c.model}`).sort()).toEqual(
      ["GET last-load model-full", "GET last-load model-part", "GET tables model-part", "GET last-load model-cache"].sort(),
    );
    expect(doc.models.map((m) => [m.address, m.action])).toEqual([["a/full", "full"], ["a/part", "partial"], ["b/cache", "skip"]]);
    expect(doc.models[1]!.tables).toEqual([
      { name: "EKPO", alias: "PO Items", id: "t2", word: "PO Items" },
      { name: "EKKO", alias: null, id: "t1", word: "ekko" },
    ]);
    expect(doc.models[1]!.tableCount).toBe(5);
    expect(doc.summary).toEqual({ full: 1, cache: 0, partial: 1, skip: 1 });
    expect(doc).toMatchObject({ formatVersion: 1, createdAt: "2026-11-28T17:00:00.000Z", expiresAt: "2026-11-29T17:00:00.000Z", baseUrl: api.baseUrl, poolParallelism: { a: 2, b: 2 } });
  });

  it("records each reload's expected duration from its last load, the longest-first order and the expected wall time", async () => {
    const took = (startDate: string, endDate: string, loadType = "COMPLETE") => ({ id: "l", status: "SUCCESS", loadType, startDate, endDate, message: null });
    const api = new FakeApi(
      [
        fake("a/short", { last: took("2026-11-27T01:00:00.000Z", "2026-11-27T01:10:00.000Z") }),
        fake("a/long", { last: took("2026-11-27T01:00:00.000Z", "2026-11-27T02:00:00.000Z") }),
        fake("a/cached", { last: took("2026-11-27T01:00:00.000Z", "2026-11-27T01:05:00.000Z", "FROM_CACHE") }),
        fake("b/new"),
        fake("b/fresh", { last: fresh }),
      ],
      () => NOW,
    );
    const manifest = manifestOf([
      manifestModel("a/short"),
      manifestModel("a/long"),
      manifestModel("a/cached"), // a complete reload after a load from cache: not comparable
      manifestModel("b/new"),
      manifestModel("b/fresh", { kind: "full" }, { maxAgeMs: 6 * 3_600_000 }),
    ]);
    const doc = await buildPlan({ manifest, api, selection: { select: [], exclude: [] }, now: () => NOW });
    expect(doc.models.map((m) => [m.address, m.expectedDurationMs])).toEqual([["a/short", 600_000], ["a/long", 3_600_000], ["a/cached", null], ["b/new", null], ["b/fresh", null]]);
    expect(doc.order).toEqual(["a/cached", "b/new", "a/long", "a/short"]);
    // parallelism 4 (the helper's default), pools of 2: a/cached and a/long hold pool a (unknown =
    // median 35 min); a/short waits for a/cached; b/new runs 35 min: a/long's hour is the end.
    expect(doc.expectedWallMs).toBe(3_600_000);
    expect((await buildPlan({ manifest, api, selection: { select: [], exclude: [] }, now: () => NOW, order: "manifest" })).order).toEqual(["a/short", "a/long", "a/cached", "b/new"]);
  });

  it("gathers every resolution problem of a run before failing, each located, in file order", async () => {
    const api = new FakeApi([fake("a/one"), fake("a/two")], () => NOW);
    const manifest = manifestOf([
      manifestModel("a/one", { kind: "partial", tables: ["EKKP", "ORDERS"] }),
      manifestModel("a/two"),
      manifestModel("a/gone"),
    ]);
    // manifest.source, as the helper writes it: `one` on line 6, its words on lines 10 and 11 at
    // column 15, `two` on line 12, `gone` on line 15 (all keys at column 7).
    const err = await buildPlan({ manifest, api, selection: { select: [], exclude: [] }, now: () => NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManifestError);
    const problems = (err as ManifestError).problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    expect(problems).toEqual([
      expect.stringMatching(/^10:15 a\/one: no table "EKKP"; closest by alias: .*; by name: "EKKO"/),
      expect.stringMatching(/^11:15 a\/one: table "ORDERS" is ambiguous: it matches "Orders" \(VBAK, id t4\), "orders" \(id t5\)/),
      expect.stringMatching(/^15:7 a\/gone: the service knows no data model model-gone in pool pool-a \(404\)/),
    ]);
  });

  it("blames the address, not the ids, when every model answers 404", async () => {
    const api = new FakeApi([], () => NOW);
    const manifest = manifestOf([manifestModel("a/one"), manifestModel("a/two"), manifestModel("b/three")]);
    const err = await buildPlan({ manifest, api, selection: { select: [], exclude: [] }, now: () => NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect(err).not.toBeInstanceOf(ManifestError);
    expect((err as UserError).message).toBe(`every model answered 404 (3 of 3): the service at ${api.baseUrl} knows none of them.`);
    expect((err as UserError).hint).toMatch(/^Check CELONIS_URL \(else connection\.url\) first/);
  });

  it("refuses two words that name one table (an alias and its name), at the second word", async () => {
    const api = new FakeApi([fake("a/one")], () => NOW);
    const manifest = manifestOf([manifestModel("a/one", { kind: "partial", tables: ["PO Items", "EKKO", "ekpo"] })]);
    const err = await buildPlan({ manifest, api, selection: { select: [], exclude: [] }, now: () => NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ManifestError);
    // The helper's text has the words on lines 10 to 12, at column 15.
    expect((err as ManifestError).problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '12:15 a/one: table "ekpo" is "PO Items" (EKPO, id t2), already listed as "PO Items"; list each table once',
    ]);
  });

  it("stops on an error that is not the manifest's (auth, network), naming the model", async () => {
    const api = new FakeApi([fake("a/one")], () => NOW);
    api.lastLoad = async () => {
      throw new Error("401 Unauthorized");
    };
    const err = await buildPlan({ manifest: manifestOf([manifestModel("a/one")]), api, selection: { select: [], exclude: [] }, now: () => NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelError);
    expect((err as ModelError).address).toBe("a/one");
  });
});

describe("findStaleness", () => {
  async function planned(models: FakeModel[]) {
    let now = NOW;
    const api = new FakeApi(models, () => now);
    const manifest = manifestOf([manifestModel("a/part", { kind: "partial", tables: ["PO Items", "EKKO"] }), manifestModel("a/full")]);
    const doc = await buildPlan({ manifest, api, selection: { select: [], exclude: [] }, now: () => now });
    type Over = { baseUrl?: string; manifestSha256?: string | null; at?: number; edit?: (d: typeof doc) => void; only?: string[] };
    const check = (over: Over = {}) => {
      const current = over.manifestSha256 === null ? null : { ...manifest, sha256: over.manifestSha256 ?? manifest.sha256 };
      const edited = structuredClone(doc);
      over.edit?.(edited);
      const models = over.only ? edited.models.filter((m) => over.only?.includes(m.address)) : undefined;
      return findStaleness({ doc: edited, ...(models ? { models } : {}), api, baseUrl: over.baseUrl ?? api.baseUrl, manifest: current, now: over.at ?? now });
    };
    return { api, doc, check, models, advance: (ms: number) => (now += ms) };
  }

  it("finds nothing when the tenant is as planned", async () => {
    const { check } = await planned([fake("a/part"), fake("a/full", { last: fresh })]);
    expect(await check()).toEqual([]);
  });

  it("says per model what changed: a load ran, a table id is gone, an alias now resolves elsewhere", async () => {
    const part = fake("a/part");
    const { api, check } = await planned([part, fake("a/full", { last: fresh })]);
    await api.triggerLoad({ poolId: "pool-a", modelId: "model-full" }, "full");
    part.tables = [t("t1-new", "EKKO"), t("t2", "EKPO"), t("t9", "EKPO_X", "PO Items")];
    expect(await check()).toEqual([
      "a/part: table \"PO Items\" now resolves to t9, not t2",
      "a/part: table \"EKKO\" (id t1) is gone",
      expect.stringMatching(/^a\/full: a load ran since the plan was made \(planned against SUCCESS l1 started .*; now RUNNING load-1 started/),
    ]);
  });

  it("refuses another base URL, a changed or unreadable manifest, and an expired plan", async () => {
    const { check } = await planned([fake("a/part"), fake("a/full")]);
    expect(await check({ baseUrl: "https://other.celonis.cloud" })).toEqual([
      "the plan is for https://fake.celonis.test, but the connection is https://other.celonis.cloud",
    ]);
    // Only the bytes' hash differs here, not the data: said as an edit of comments or layout.
    expect(await check({ manifestSha256: "b".repeat(64) })).toEqual([expect.stringMatching(/^the manifest reload\.config\.yaml changed since the plan was made, only in comments or layout/)]);
    expect(await check({ manifestSha256: null })).toEqual(["the manifest reload.config.yaml cannot be read"]);
    expect(await check({ at: NOW + 25 * 3_600_000 })).toEqual(["the plan expired at 2026-11-29T17:00:00.000Z"]);
  });

  it("refuses a plan changed by hand: another model id, another action, other settings", async () => {
    const { check } = await planned([fake("a/part"), fake("a/full", { last: fresh }), fake("a/other", { last: fresh })]);
    expect(await check({ edit: (d) => void (d.models[1]!.modelId = "model-other") })).toEqual([
      "a/full: planned for data model model-other in pool pool-a, but the manifest names model-full in pool pool-a",
    ]);
    expect(await check({ edit: (d) => void (d.models[1]!.action = "skip") })).toEqual([
      "a/full: planned to skip, but would now full: complete reload: last SUCCESS 1h ago",
    ]);
    expect(await check({ edit: (d) => void ((d.models[0]!.timeoutMs = 60_000), (d.models[0]!.reload = "full")) })).toEqual([
      "a/part: planned as a full reload, but the manifest declares partial",
      "a/part: `timeout` is 1h in the manifest, 1m in the plan",
    ]);
    expect(await check({ edit: (d) => void (d.models[0]!.timeoutMs = 1) })).toEqual(["a/part: `timeout` is 1h in the manifest, 1ms in the plan"]);
  });

  it("refuses a plan whose models or bounds were changed by hand, but not one narrowed by apply --select", async () => {
    const { check } = await planned([fake("a/part"), fake("a/full", { last: fresh })]);
    expect(await check({ edit: (d) => void d.models.pop() })).toEqual(["a/full: the plan's selection (all models) takes it, but the plan has no entry for it"]);
    expect(await check({ edit: (d) => void (d.selection.select = ["a/part"]) })).toEqual(["a/full: is in the plan, but outside its selection (--select a/part)"]);
    expect(await check({ edit: (d) => void (d.selection.select = ["b"]) })).toEqual([expect.stringMatching(/^the plan's selection no longer applies to the manifest: selector "b" matches no model/)]);
    expect(await check({ edit: (d) => void ((d.parallelism = 100), (d.poolParallelism["a"] = 50)) })).toEqual([
      "`parallelism` is 4 in the manifest, 100 in the plan",
      "`poolParallelism` of pool a is 2 in the manifest, 50 in the plan",
    ]);
    expect(await check({ only: ["a/full"] })).toEqual([]);
  });
});
