import { afterEach, describe, expect, it, vi } from "vitest";
import type { LastLoad } from "../../src/celonis/api.js";
import type { CelonisApi } from "../../src/celonis/api.js";
import { MIN, T0, clock, manifestFor, startWorld, stopWorld, triggerMinutes, type World } from "./support.js";

let world: World | null = null;
afterEach(async () => {
  await stopWorld(world);
  world = null;
});

const success = (endedAgoMs: number): LastLoad => ({
  id: "old",
  status: "SUCCESS",
  loadType: "COMPLETE",
  startDate: new Date(T0 - endedAgoMs - 10 * MIN).toISOString(),
  endDate: new Date(T0 - endedAgoMs).toISOString(),
  message: null,
});

describe("watch loop", () => {
  it("reloads a model crossing maxAge at the first tick after, and only then", async () => {
    // Last SUCCESS ended 5m30s before T0; maxAge 10m: stale from T0+4m30s, so due at the 5m tick.
    world = await startWorld([{ address: "p/m", maxAgeMs: 10 * MIN, fake: { last: success(5.5 * MIN), durationMs: 30_000 } }]);
    // The 30 s load ends at ~5m30s: fresh again until ~15m30s, so the next load is at the 16m tick.
    expect(await triggerMinutes(world, "p/m", 30)).toEqual([5, 16, 27]);
    expect(world.lines.filter((l) => l.msg === "load ended").map((l) => l.result)).toEqual(["succeeded", "succeeded", "succeeded"]);
  });

  it("backs a failing model off: retried after 1, 2, 4, 8 intervals (capped), and a success resets it", async () => {
    world = await startWorld([{ address: "p/bad", fake: { outcome: "ERROR", message: "Table RET: column X missing" } }], { maxBackoffMs: 8 * MIN });
    expect(await triggerMinutes(world, "p/bad", 31)).toEqual([0, 1, 3, 7, 15, 23, 31]);
    expect(world.lines.filter((l) => l.msg === "backing off").map((l) => l.retryIn)).toEqual(["1m", "2m", "4m", "8m", "8m", "8m"]);
    expect(world.loop.backoff("p/bad")).toMatchObject({ failures: 6 });
    // Fixed: the next try succeeds, and the backoff is forgotten.
    world.fakes.get("p/bad")!.outcome = "SUCCESS";
    expect(await triggerMinutes(world, "p/bad", 39)).toEqual([39]);
    await world.at(40 * MIN);
    expect(world.loop.backoff("p/bad")).toBeUndefined();
    expect(world.lines.filter((l) => l.msg === "load ended").at(-1)).toMatchObject({ address: "p/bad", result: "succeeded" });
  });

  it("never starts a second load of a model whose load runs, and a slow load holds back no other model", async () => {
    world = await startWorld([
      { address: "p/slow", fake: { durationMs: 20 * MIN } },
      { address: "q/quick", maxAgeMs: 2 * MIN, fake: { durationMs: 10_000 } },
    ]);
    const quick = triggerMinutes(world, "q/quick", 12);
    expect(await quick).toEqual([0, 3, 6, 9, 12]);
    // Past the slow load's end (20m): one load of it, started once, never a second waiting behind it.
    await world.at(22 * MIN);
    expect(world.triggers("p/slow")).toBe(1);
    expect(world.lines.filter((l) => l.msg === "load starting" && l.address === "p/slow")).toHaveLength(1);
    expect(world.api.maxRunning).toBe(2);
  });

  it("leaves alone a model whose load ended while the tick read the service (it was read as running)", async () => {
    // The planner's reads answer 20 s late (they carry the stop signal; the executor's carry its
    // deadline's signal and an onWait).
    const slowPlanReads = (fake: CelonisApi): CelonisApi => ({
      ...fake,
      baseUrl: fake.baseUrl,
      listPools: (o) => fake.listPools(o),
      listModels: (p, o) => fake.listModels(p, o),
      listTables: (r, o) => fake.listTables(r, o),
      triggerLoad: (r, k, o) => fake.triggerLoad(r, k, o),
      partialSync: (r, t, o) => fake.partialSync(r, t, o),
      lastLoad: async (r, o) => {
        const l = await fake.lastLoad(r, o);
        if (o?.signal && !o.onWait) await clock.sleep(20_000);
        return l;
      },
    });
    // Tick 0 starts the load at 20 s; it ends at 65 s. Tick 1 reads it RUNNING at 60 s, gets the
    // answer at 80 s, after the load was verified: that stale reading must not start another.
    world = await startWorld([{ address: "p/m", fake: { durationMs: 45_000 } }], { api: slowPlanReads });
    await world.at(90_000);
    expect(world.lines.filter((l) => l.msg === "load ended")).toHaveLength(1);
    expect(world.triggers("p/m")).toBe(1);
    expect(world.lines.filter((l) => l.msg === "tick").at(-1)).toMatchObject({ started: 0 });
  });

  it("holds parallelism across ticks: a model waiting for a slot starts at the first tick after one frees", async () => {
    world = await startWorld(
      [
        { address: "p/a", fake: { durationMs: 150_000 } },
        { address: "p/b", fake: { durationMs: 150_000 } },
      ],
      { parallelism: 1 },
    );
    await world.at(2 * MIN);
    expect([world.triggers("p/a"), world.triggers("p/b")]).toEqual([1, 0]);
    expect(world.lines.filter((l) => l.msg === "tick").at(-1)).toMatchObject({ waitingForSlot: ["p/b"] });
    // p/a ends at ~2m30s; p/b starts at the 3m tick.
    expect(await triggerMinutes(world, "p/b", 4)).toEqual([3]);
    expect(world.api.maxRunning).toBe(1);
  });

  it("gives a short slot to the model plan would start first (longest expected first)", async () => {
    const took = (ms: number): LastLoad => ({ ...success(2 * 60 * MIN), startDate: new Date(T0 - 2 * 60 * MIN - ms).toISOString() });
    world = await startWorld(
      [
        { address: "p/short", fake: { last: took(5 * MIN) } },
        { address: "p/long", fake: { last: took(50 * MIN) } },
      ],
      { parallelism: 1 },
    );
    expect([world.triggers("p/short"), world.triggers("p/long")]).toEqual([0, 1]);
  });

  it("takes a new manifest at the next tick", async () => {
    const models = [{ address: "p/m", maxAgeMs: 60 * MIN, fake: { last: success(30 * MIN) } }];
    world = await startWorld(models);
    await world.at(5 * MIN + 30_000);
    expect(world.triggers("p/m")).toBe(0);
    world.setManifest(manifestFor([{ ...models[0]!, maxAgeMs: 10 * MIN }]));
    expect(await triggerMinutes(world, "p/m", 6)).toEqual([6]);
  });

  it("on stop starts no new load, verifies the loads in flight, and returns", async () => {
    world = await startWorld([
      { address: "p/running", fake: { durationMs: 5 * MIN } },
      { address: "p/later", maxAgeMs: 60 * MIN, fake: { last: success(59 * MIN) } },
    ]);
    await world.at(30_000);
    world.stop.abort();
    await world.at(10 * MIN);
    const w = world;
    world = null;
    expect(await w.running).toEqual({ unverified: [] });
    expect(w.triggers("p/later")).toBe(0); // due from the 1m tick, which never came
    expect(w.lines.find((l) => l.msg === "load ended")).toMatchObject({ address: "p/running", result: "succeeded", loadStatus: "SUCCESS" });
    const msgs = w.lines.map((l) => l.msg);
    expect(msgs.slice(msgs.indexOf("stopping: no new loads; verifying those in flight"))).toEqual([
      "stopping: no new loads; verifying those in flight",
      "load ended",
      "stopped: every load in flight was verified",
    ]);
    expect(w.loop.health().ready).toBe(false);
  });

  it("gives up on a load still in flight when the grace period ends, and says so", async () => {
    world = await startWorld([{ address: "p/hangs", fake: { durationMs: Infinity } }], { graceMs: 2 * MIN });
    await world.at(MIN / 2);
    world.stop.abort();
    await world.at(3 * MIN);
    const w = world;
    world = null;
    expect(await w.running).toEqual({ unverified: ["p/hangs"] });
    expect(w.lines.at(-1)).toMatchObject({ level: "error", address: "p/hangs", msg: expect.stringContaining("not verified: the grace period ended") });
    expect(w.lines.some((l) => l.msg === "load ended")).toBe(false);
  });

  it("logs a tick whose plan fails, is not ready, and tries again at the next tick", async () => {
    world = await startWorld([{ address: "p/m" }]);
    expect(world.loop.health()).toEqual({ alive: true, ready: true });
    // The manifest now names a model the service does not know: the plan fails with a located 404.
    world.setManifest(manifestFor([{ address: "p/m" }, { address: "p/gone" }]));
    await world.at(MIN);
    expect(world.loop.health()).toEqual({ alive: true, ready: false });
    expect(world.lines.at(-1)).toMatchObject({ level: "error", msg: expect.stringContaining("tick failed"), problems: [expect.stringMatching(/^reload\.config\.yaml:\d+:\d+: p\/gone: the service knows no data model/)] });
    world.setManifest(manifestFor([{ address: "p/m" }]));
    await world.at(2 * MIN);
    expect(world.loop.health().ready).toBe(true);
  });
});
