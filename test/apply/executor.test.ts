import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { executePlan, exitCodeFor, type ExecuteOptions } from "../../src/apply/executor.js";
import { systemClock } from "../../src/apply/clock.js";
import type { ApplyEvent } from "../../src/apply/events.js";
import { FakeApi, type FakeModel } from "../helpers/fake-api.js";
import { planDoc, plannedModel } from "../helpers/plan-doc.js";
import type { PlannedModel } from "../../src/plan/types.js";

const T0 = Date.parse("2026-11-28T12:00:00.000Z");
const clock = { now: () => Date.now(), sleep: systemClock.sleep };

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

function fake(model: Partial<FakeModel> & { address: string }): FakeModel {
  const [pool, name] = model.address.split("/");
  return { poolId: `pool-${pool}`, modelId: `model-${name}`, durationMs: 5_000, ...model };
}

async function run(models: PlannedModel[], api: FakeApi, extra: Partial<ExecuteOptions> = {}) {
  const events: ApplyEvent[] = [];
  const done = executePlan({ doc: planDoc(models), api, clock, emit: (e) => events.push(e), random: () => 0.5, ...extra });
  await vi.runAllTimersAsync();
  const summary = await done;
  return { summary, events, byAddress: new Map(summary.models.map((m) => [m.address, m])) };
}

const previous = { id: "old", status: "SUCCESS", loadType: "COMPLETE", startDate: "2026-11-27T10:00:00.000Z", endDate: "2026-11-27T11:00:00.000Z", message: null };

describe("executePlan", () => {
  it("triggers the right endpoint for each action and verifies each new load", async () => {
    const api = new FakeApi(
      [fake({ address: "a/full" }), fake({ address: "a/cache" }), fake({ address: "b/part" })],
      () => Date.now(),
    );
    const { summary, byAddress } = await run(
      [
        plannedModel({ address: "a/full", action: "full" }),
        plannedModel({ address: "a/cache", action: "cache", reload: "cache" }),
        plannedModel({ address: "b/part", action: "partial", reload: "partial", tables: [{ name: "EKKO", alias: null, id: "t1", word: "EKKO" }] }),
      ],
      api,
    );
    expect(api.calls.filter((c) => c.method.startsWith("POST")).map((c) => [c.method, c.model, c.body])).toEqual([
      ["POST load", "model-full", undefined],
      ["POST load?fullReload=false", "model-cache", undefined],
      ["POST partial-sync", "model-part", ["t1"]],
    ]);
    expect(summary.succeeded).toBe(3);
    expect(byAddress.get("b/part")).toMatchObject({ result: "succeeded", loadStatus: "SUCCESS", loadId: expect.stringMatching(/^load-/) });
    expect(exitCodeFor(summary)).toBe(0);
  });

  it("never reads the previous load's SUCCESS as its own, even when the new load appears late", async () => {
    const api = new FakeApi([fake({ address: "a/m", last: previous, appearDelayMs: 7_000, outcome: "ERROR", message: "Table RET: column X missing" })], () => Date.now());
    const { byAddress } = await run([plannedModel({ address: "a/m", lastLoad: previous })], api);
    expect(byAddress.get("a/m")).toMatchObject({ result: "failed", loadStatus: "ERROR", message: "Table RET: column X missing" });
  });

  it("counts a WARNING as success only with onWarning: succeed", async () => {
    const api = new FakeApi([fake({ address: "a/w1", outcome: "WARNING", message: "rows rejected" }), fake({ address: "a/w2", outcome: "WARNING", message: "rows rejected" })], () => Date.now());
    const { summary, byAddress } = await run([plannedModel({ address: "a/w1", onWarning: "succeed" }), plannedModel({ address: "a/w2", onWarning: "fail" })], api);
    expect(byAddress.get("a/w1")).toMatchObject({ result: "succeeded", loadStatus: "WARNING", message: "rows rejected" });
    expect(byAddress.get("a/w2")).toMatchObject({ result: "failed", loadStatus: "WARNING" });
    expect(summary.warnings).toBe(1);
    expect(exitCodeFor(summary)).toBe(1);
  });

  it("fails CANCELED and unknown statuses, never counting them as success", async () => {
    const api = new FakeApi([fake({ address: "a/c", outcome: "CANCELED" }), fake({ address: "a/u", outcome: "PAUSED" })], () => Date.now());
    const { byAddress } = await run([plannedModel({ address: "a/c" }), plannedModel({ address: "a/u" })], api);
    expect(byAddress.get("a/c")?.result).toBe("failed");
    expect(byAddress.get("a/u")).toMatchObject({ result: "failed", loadStatus: "PAUSED", message: expect.stringContaining("unknown status") });
  });

  it("times out a load that never ends", async () => {
    const api = new FakeApi([fake({ address: "a/h", durationMs: Infinity })], () => Date.now());
    const { byAddress } = await run([plannedModel({ address: "a/h", timeoutMs: 10 * 60_000 })], api);
    const o = byAddress.get("a/h")!;
    expect(o).toMatchObject({ result: "timed_out", loadStatus: "RUNNING" });
    expect(o.durationMs).toBeGreaterThanOrEqual(10 * 60_000);
    expect(o.durationMs).toBeLessThan(11 * 60_000);
  });

  it("adopts the load of a trigger whose answer was lost, without sending it again", async () => {
    const api = new FakeApi([fake({ address: "a/m", last: previous, triggerFaults: ["lost"], appearDelayMs: 3_000 })], () => Date.now());
    const { byAddress, events } = await run([plannedModel({ address: "a/m" })], api);
    expect(api.triggers("model-m")).toBe(1);
    expect(api.loadsStarted("model-m")).toBe(1);
    expect(byAddress.get("a/m")?.result).toBe("succeeded");
    expect(events).toContainEqual(expect.objectContaining({ type: "triggered", adopted: true }));
  });

  it("watches last-load up to a minute after a lost answer: a load that shows up 40 s late is adopted, the trigger sent once", async () => {
    const api = new FakeApi([fake({ address: "a/m", last: previous, triggerFaults: ["lost"], appearDelayMs: 40_000 })], () => Date.now());
    const { byAddress, events } = await run([plannedModel({ address: "a/m" })], api);
    expect(api.triggers("model-m")).toBe(1);
    expect(byAddress.get("a/m")?.result).toBe("succeeded");
    expect(events).toContainEqual(expect.objectContaining({ type: "checking", address: "a/m", windowMs: 60_000 }));
    expect(events).toContainEqual(expect.objectContaining({ type: "triggered", adopted: true }));
  });

  it("counts the timeout from the first trigger, through the watch and the re-send", async () => {
    const api = new FakeApi([fake({ address: "a/m", triggerFaults: ["5xx-nothing"], durationMs: 70_000 })], () => Date.now());
    const { byAddress } = await run([plannedModel({ address: "a/m", timeoutMs: 80_000 })], api);
    // Sent at 0 s (503, nothing started), watched until 15 s, sent again at 17 s; the load would end
    // at 87 s, past the 80 s that started with the first trigger.
    expect(api.triggers("model-m")).toBe(2);
    expect(byAddress.get("a/m")).toMatchObject({ result: "timed_out", durationMs: 80_000 });
  });

  it("stops watching at the timeout and does not send again when no load of a failed trigger appears", async () => {
    const api = new FakeApi([fake({ address: "a/m", triggerFaults: ["5xx-nothing", "5xx-nothing", "5xx-nothing"] })], () => Date.now());
    const { byAddress, events } = await run([plannedModel({ address: "a/m", timeoutMs: 30_000 })], api);
    // Sent at 0 s, watched 15 s, sent again at 17 s, watched the 13 s left.
    expect(api.triggers("model-m")).toBe(2);
    expect(events.filter((e) => e.type === "checking").map((e) => (e as { windowMs: number }).windowMs)).toEqual([15_000, 13_000]);
    expect(byAddress.get("a/m")).toMatchObject({ result: "timed_out", durationMs: 30_000 });
    expect(byAddress.get("a/m")?.message).toMatch(/^no load appeared within 30s of the first trigger, and it was not sent again: /);
  });

  it("re-sends a trigger only after last-load shows the failed one started nothing", async () => {
    const api = new FakeApi([fake({ address: "a/m", triggerFaults: ["5xx-nothing"] })], () => Date.now());
    const { byAddress } = await run([plannedModel({ address: "a/m" })], api, { policy: { failedAnswerWatchMs: 2_000 } });
    expect(api.triggers("model-m")).toBe(2);
    expect(api.loadsStarted("model-m")).toBe(1);
    expect(byAddress.get("a/m")?.result).toBe("succeeded");
  });

  it("re-sends a trigger answered 500 once last-load shows nothing started", async () => {
    const api = new FakeApi([fake({ address: "a/m", triggerFaults: ["500-nothing"] })], () => Date.now());
    const { byAddress } = await run([plannedModel({ address: "a/m" })], api);
    expect(api.triggers("model-m")).toBe(2);
    expect(api.loadsStarted("model-m")).toBe(1);
    expect(byAddress.get("a/m")?.result).toBe("succeeded");
  });

  it("adopts the running load when a re-sent trigger is refused after a lost one (the load showed up late)", async () => {
    const api = new FakeApi([fake({ address: "a/m", last: previous, triggerFaults: ["lost"], appearDelayMs: 20_000, durationMs: 60_000 })], () => Date.now());
    const { byAddress } = await run([plannedModel({ address: "a/m" })], api, { policy: { lostAnswerWatchMs: 5_000 } });
    expect(api.loadsStarted("model-m")).toBe(1);
    expect(api.triggers("model-m")).toBe(2); // the lost one, and one refused with 409
    expect(byAddress.get("a/m")?.result).toBe("succeeded");
  });

  it("on a 409 for a load last-load does not show yet, follows onRunning instead of hammering", async () => {
    const models = ["wait", "skip"].map((mode) => fake({ address: `a/${mode}`, last: previous, appearDelayMs: 10_000, durationMs: 30_000 }));
    const api = new FakeApi(models, () => Date.now());
    for (const m of models) await api.triggerLoad({ poolId: m.poolId, modelId: m.modelId }, "full"); // someone else's loads
    const { byAddress } = await run([plannedModel({ address: "a/wait", onRunning: "wait" }), plannedModel({ address: "a/skip", onRunning: "skip" })], api, { parallelism: 2, poolParallelism: { a: 2 } });
    expect(byAddress.get("a/skip")?.result).toBe("skipped");
    expect(api.loadsStarted("model-skip")).toBe(1);
    expect(byAddress.get("a/wait")).toMatchObject({ result: "succeeded", loadId: "load-3" });
    expect(api.loadsStarted("model-wait")).toBe(2);
    // 1 external, then about one refused trigger a second until the load shows (10 s), then ours: not a tight loop.
    expect(api.triggers("model-wait")).toBeLessThan(20);
  });

  it("follows onRunning when a load is already running", async () => {
    const running = { ...previous, id: "other", status: "RUNNING", endDate: null, startDate: new Date(T0 - 60_000).toISOString() };
    const models = ["wait", "skip", "fail"].map((mode) => fake({ address: `a/${mode}`, last: running }));
    const api = new FakeApi(models, () => Date.now());
    // The running load ends after 30 s: the fake's own last-load turns SUCCESS then.
    setTimeout(() => {
      for (const m of models) m.last = { ...running, status: "SUCCESS", endDate: new Date(T0 + 30_000).toISOString() };
    }, 30_000);
    const { byAddress, events } = await run(
      [plannedModel({ address: "a/wait", onRunning: "wait" }), plannedModel({ address: "a/skip", onRunning: "skip" }), plannedModel({ address: "a/fail", onRunning: "fail" })],
      api,
      { parallelism: 3, poolParallelism: { a: 3 } },
    );
    expect(byAddress.get("a/wait")?.result).toBe("succeeded");
    expect(events).toContainEqual(expect.objectContaining({ type: "waiting", address: "a/wait", loadId: "other" }));
    expect(api.triggers("model-wait")).toBe(1);
    expect(byAddress.get("a/skip")?.result).toBe("skipped");
    expect(byAddress.get("a/fail")?.result).toBe("failed");
    expect(api.triggers("model-skip") + api.triggers("model-fail")).toBe(0);
  });

  it("holds parallelism across pools and poolParallelism within one", async () => {
    const addresses = ["a/1", "a/2", "a/3", "a/4", "b/5", "b/6", "b/7", "c/8"];
    const api = new FakeApi(addresses.map((address) => fake({ address })), () => Date.now());
    const { summary } = await run(addresses.map((address) => plannedModel({ address })), api, { parallelism: 3, poolParallelism: { a: 2, b: 1, c: 1 } });
    expect(summary.succeeded).toBe(8);
    expect(api.maxRunning).toBe(3);
    expect(api.maxRunningPerPool.get("pool-a")).toBe(2);
    expect(api.maxRunningPerPool.get("pool-b")).toBe(1);
  });

  describe("start order", () => {
    const M = 60_000;
    // Loads of the durations the plan expects; one never loaded like this (unknown), one skipped.
    const planned = () => [
      plannedModel({ address: "a/short", expectedDurationMs: 1 * M }),
      plannedModel({ address: "a/long", expectedDurationMs: 10 * M }),
      plannedModel({ address: "b/fresh", action: "skip", skipReason: "fresh", reason: "fresh", expectedDurationMs: null }),
      plannedModel({ address: "b/unknown", expectedDurationMs: null }),
      plannedModel({ address: "b/mid", expectedDurationMs: 5 * M }),
    ];
    const api = () => new FakeApi(["a/short", "a/long", "b/fresh", "b/unknown", "b/mid"].map((address) => fake({ address })), () => Date.now());
    const triggered = (events: ApplyEvent[]) => events.flatMap((e) => (e.type === "triggered" ? [e.address] : []));

    it("starts the longest expected load first, unknown durations before all, and says the order in the start event", async () => {
      const { events } = await run(planned(), api(), { parallelism: 1 });
      const start = events.find((e) => e.type === "start");
      expect(start).toMatchObject({
        order: ["b/unknown", "a/long", "b/mid", "a/short"],
        models: expect.arrayContaining([{ address: "a/long", action: "full", pool: "a", expectedDurationMs: 10 * M }]),
      });
      expect(triggered(events)).toEqual(["b/unknown", "a/long", "b/mid", "a/short"]);
      expect(events.filter((e) => e.type === "queued").map((e) => (e as { address: string }).address)).toEqual(["b/unknown", "a/long", "b/mid", "a/short"]);
    });

    it("keeps the manifest's order with order: manifest", async () => {
      const { events, summary } = await run(planned(), api(), { parallelism: 1, order: "manifest" });
      expect(events.find((e) => e.type === "start")).toMatchObject({ order: ["a/short", "a/long", "b/unknown", "b/mid"] });
      expect(triggered(events)).toEqual(["a/short", "a/long", "b/unknown", "b/mid"]);
      // The summary lists models in plan order whatever the start order.
      expect(summary.models.map((m) => m.address)).toEqual(["a/short", "a/long", "b/fresh", "b/unknown", "b/mid"]);
    });
  });

  it("skips planned skips without a request", async () => {
    const api = new FakeApi([fake({ address: "a/s" })], () => Date.now());
    const { byAddress } = await run([plannedModel({ address: "a/s", action: "skip", skipReason: "fresh", reason: "fresh: last SUCCESS 1h ago, maxAge 6h" })], api);
    expect(api.calls).toEqual([]);
    expect(byAddress.get("a/s")).toMatchObject({ result: "skipped", message: "fresh: last SUCCESS 1h ago, maxAge 6h" });
  });

  it("on interrupt starts no new load, verifies those in flight, and exits 130", async () => {
    const addresses = ["a/1", "a/2", "a/3"];
    const api = new FakeApi(addresses.map((address) => fake({ address, durationMs: 20_000 })), () => Date.now());
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 5_000);
    const { summary, byAddress } = await run(addresses.map((address) => plannedModel({ address })), api, { parallelism: 1, stop: stop.signal });
    expect(byAddress.get("a/1")?.result).toBe("succeeded");
    expect(byAddress.get("a/2")?.result).toBe("not_started");
    expect(byAddress.get("a/3")?.result).toBe("not_started");
    expect(api.loadsStarted("model-2") + api.loadsStarted("model-3")).toBe(0);
    expect(summary.interrupted).toBe(true);
    expect(exitCodeFor(summary)).toBe(130);
  });

  it("with failFast starts nothing after the first failure", async () => {
    const api = new FakeApi([fake({ address: "a/1", outcome: "ERROR" }), fake({ address: "a/2" })], () => Date.now());
    const { byAddress, summary } = await run([plannedModel({ address: "a/1" }), plannedModel({ address: "a/2" })], api, { parallelism: 1, failFast: true });
    expect(byAddress.get("a/2")?.result).toBe("not_started");
    expect(exitCodeFor(summary)).toBe(1);
  });

  it("reports a finished load within max(1 s, 10 % of its run time), with polls growing with the log of its duration", async () => {
    const polls: number[] = [];
    const lag: number[] = [];
    for (const durationMs of [3_000, 60_000, 3_600_000]) {
      const api = new FakeApi([fake({ address: "a/m", durationMs })], () => Date.now());
      const { byAddress, events } = await run([plannedModel({ address: "a/m", timeoutMs: 2 * 3_600_000 })], api);
      const triggered = Date.parse(events.find((e) => e.type === "triggered")!.at);
      const finished = Date.parse(events.find((e) => e.type === "finished")!.at);
      lag.push(finished - (triggered + durationMs));
      expect(lag.at(-1)).toBeLessThanOrEqual(Math.max(1_000, 0.1 * durationMs));
      polls.push(api.calls.filter((c) => c.method === "GET last-load").length);
      expect(byAddress.get("a/m")?.result).toBe("succeeded");
    }
    // 1,200× longer load, far fewer than 1,200× the polls.
    expect(polls[2]! / polls[0]!).toBeLessThan(40);
  });

  describe("a trigger answered with any 5xx is unsure: last-load settles it, and exactly one load runs", () => {
    it.each(["500-started", "524-started"] as const)("%s, its load showing 2.5 s later: adopted, one trigger, one load", async (fault) => {
      const api = new FakeApi([fake({ address: "a/m", last: previous, triggerFaults: [fault], appearDelayMs: 2_500, durationMs: 30_000 })], () => Date.now());
      const { byAddress, events } = await run([plannedModel({ address: "a/m" })], api);
      expect(api.triggers("model-m")).toBe(1);
      expect(api.loadsStarted("model-m")).toBe(1);
      expect(byAddress.get("a/m")).toMatchObject({ result: "succeeded", loadId: "load-1" });
      expect(events).toContainEqual(expect.objectContaining({ type: "checking", address: "a/m", windowMs: 15_000 }));
      expect(events).toContainEqual(expect.objectContaining({ type: "triggered", adopted: true }));
    });

    it("a 500 whose load shows after the watch: the re-send's 409 is our own load, adopted (one load, exit 0)", async () => {
      const api = new FakeApi([fake({ address: "a/m", last: previous, triggerFaults: ["500-started"], appearDelayMs: 25_000, durationMs: 60_000 })], () => Date.now());
      const { byAddress, summary } = await run([plannedModel({ address: "a/m" })], api);
      expect(api.loadsStarted("model-m")).toBe(1);
      expect(api.triggers("model-m")).toBe(2);
      expect(byAddress.get("a/m")).toMatchObject({ result: "succeeded", loadId: "load-1" });
      expect(exitCodeFor(summary)).toBe(0);
    });
  });

  describe("an older load is never taken for the new one", () => {
    const yesterday = { ...previous, id: "prev", startDate: "2026-11-28T10:00:00.000Z", endDate: "2026-11-28T10:30:00.000Z" };

    it("another id that started before the pre-trigger load: not ours, said so, and the model times out", async () => {
      const older = { ...previous, id: "older", startDate: "2026-11-28T09:00:00.000Z", endDate: "2026-11-28T09:30:00.000Z" };
      const api = new FakeApi([fake({ address: "a/m", last: yesterday, phantom: older })], () => Date.now());
      const { byAddress, events, summary } = await run([plannedModel({ address: "a/m", timeoutMs: 60_000 })], api);
      expect(byAddress.get("a/m")).toMatchObject({ result: "timed_out", loadId: null, message: expect.stringContaining("the new load never appeared") });
      const notOurs = events.filter((e) => e.type === "not_ours");
      expect(notOurs).toEqual([expect.objectContaining({ address: "a/m", loadId: "older", reason: expect.stringContaining("no later than the load seen before the trigger") })]);
      expect(events.some((e) => e.type === "load_seen")).toBe(false);
      expect(exitCodeFor(summary)).toBe(1);
    });

    it("a load without id that started an hour before the trigger: not ours (past the clock-skew allowance)", async () => {
      const hourAgo = { ...previous, id: null, startDate: new Date(T0 - 3_600_000).toISOString(), endDate: new Date(T0 - 3_000_000).toISOString() };
      const api = new FakeApi([fake({ address: "a/m", last: previous, phantom: hourAgo })], () => Date.now());
      const { byAddress, events } = await run([plannedModel({ address: "a/m", timeoutMs: 60_000 })], api);
      expect(byAddress.get("a/m")?.result).toBe("timed_out");
      expect(events).toContainEqual(expect.objectContaining({ type: "not_ours", loadId: null, reason: expect.stringContaining("clock-skew allowance") }));
    });

    it("a load whose start is a little before the trigger (the service's clock behind ours) is ours", async () => {
      const skewed = { ...previous, id: "skewed", startDate: new Date(T0 - 20_000).toISOString(), endDate: new Date(T0 - 10_000).toISOString() };
      const api = new FakeApi([fake({ address: "a/m", last: previous, phantom: skewed })], () => Date.now());
      const { byAddress, events } = await run([plannedModel({ address: "a/m" })], api);
      expect(byAddress.get("a/m")).toMatchObject({ result: "succeeded", loadId: "skewed" });
      expect(events.some((e) => e.type === "not_ours")).toBe(false);
    });
  });

  describe("the model's timeout bounds every wait", () => {
    it("a last-load read that never answers ends at the timeout, timed_out, saying what it waited for", async () => {
      const api = new FakeApi([fake({ address: "a/m", durationMs: 60_000, readsHangFrom: T0 + 1 })], () => Date.now());
      const { byAddress } = await run([plannedModel({ address: "a/m", timeoutMs: 10_000 })], api);
      const o = byAddress.get("a/m")!;
      expect(o).toMatchObject({ result: "timed_out", durationMs: 10_000 });
      expect(o.message).toBe("no verified end within 10s (last seen RUNNING); it was waiting for an answer to GET …/last-load");
    });

    it("a read hung before the trigger ends at the timeout too, and nothing is triggered", async () => {
      const api = new FakeApi([fake({ address: "a/m", readsHangFrom: T0 })], () => Date.now());
      const { byAddress } = await run([plannedModel({ address: "a/m", timeoutMs: 10_000 })], api);
      expect(byAddress.get("a/m")).toMatchObject({ result: "timed_out", durationMs: 10_000, message: "not triggered within 10s; it was waiting for an answer to GET …/last-load" });
      expect(api.triggers("model-m")).toBe(0);
    });

    it("a wait the client asks for (a rate-limit pause) is cut by the timeout: timed_out, never a late success", async () => {
      const api = new FakeApi([fake({ address: "a/m", durationMs: 2_000 })], () => Date.now());
      const real = api.lastLoad.bind(api);
      let reads = 0;
      api.lastLoad = async (ref, opts) => {
        if (++reads === 2) {
          // The client's pause: 50 s before the request is sent, unless the signal ends it.
          opts?.onWait?.("the service's rate limit to let requests through again");
          await systemClock.sleep(50_000, opts?.signal);
        }
        return real(ref, opts);
      };
      const { byAddress } = await run([plannedModel({ address: "a/m", timeoutMs: 10_000 })], api);
      expect(byAddress.get("a/m")).toMatchObject({ result: "timed_out", durationMs: 10_000 });
      expect(byAddress.get("a/m")?.message).toMatch(/it was waiting for the service's rate limit to let requests through again$/);
    });
  });
});
