import { describe, expect, it } from "vitest";
import { backoffDelay, nextBackoff } from "../../src/watch/backoff.js";
import { pickDue, type DueInput } from "../../src/watch/pick-due.js";
import { plannedModel } from "../helpers/plan-doc.js";

const MIN = 60_000;
const base = (over: Partial<DueInput>): DueInput => ({ models: [], busy: new Set(), running: [], backoff: new Map(), now: 0, parallelism: 4, poolParallelism: {}, ...over });

describe("pickDue", () => {
  it("starts what plan would reload, never a skip, never a model whose load runs or ran during the plan", () => {
    const models = [plannedModel({ address: "a/x" }), plannedModel({ address: "a/fresh", action: "skip" }), plannedModel({ address: "a/busy" })];
    const d = pickDue(base({ models, busy: new Set(["pool-a/model-busy"]), running: [{ key: "pool-a/model-busy", pool: "a" }], poolParallelism: { a: 2 } }));
    expect(d.start.map((m) => m.address)).toEqual(["a/x"]);
    expect(d.held).toEqual([{ address: "a/busy", why: "running" }]);
  });

  it("holds a model in backoff until its time, then starts it", () => {
    const models = [plannedModel({ address: "a/x" })];
    const backoff = new Map([["pool-a/model-x", { failures: 2, notBefore: 3 * MIN }]]);
    expect(pickDue(base({ models, backoff, now: 3 * MIN - 1 })).held).toEqual([{ address: "a/x", why: "backoff", until: 3 * MIN }]);
    expect(pickDue(base({ models, backoff, now: 3 * MIN })).start).toHaveLength(1);
  });

  it("counts the loads already running against parallelism and each pool's bound", () => {
    const models = ["a/1", "a/2", "b/1", "b/2", "c/1"].map((address) => plannedModel({ address }));
    const running = [{ key: "k1", pool: "a" }, { key: "k2", pool: "c" }];
    const d = pickDue(base({ models, running, parallelism: 4, poolParallelism: { a: 1, b: 2, c: 1 } }));
    expect(d.start.map((m) => m.address)).toEqual(["b/1", "b/2"]);
    expect(d.held.map((h) => `${h.address}:${h.why}`)).toEqual(["a/1:no_slot", "a/2:no_slot", "c/1:no_slot"]);
  });

  it("gives a pool with no bound one load at once, as apply does", () => {
    const models = ["a/1", "a/2"].map((address) => plannedModel({ address }));
    const d = pickDue(base({ models, parallelism: 4, poolParallelism: {} }));
    expect(d.start.map((m) => m.address)).toEqual(["a/1"]);
    expect(d.held).toEqual([{ address: "a/2", why: "no_slot" }]);
  });
});

describe("backoff", () => {
  it("doubles from one interval, capped, never under one interval; a success resets it", () => {
    expect([1, 2, 3, 4, 5, 6].map((k) => backoffDelay(k, MIN, 10 * MIN))).toEqual([1, 2, 4, 8, 10, 10].map((n) => n * MIN));
    expect(backoffDelay(1, 5 * MIN, MIN)).toBe(5 * MIN);
    expect(backoffDelay(80, MIN, 60 * MIN)).toBe(60 * MIN);
    const first = nextBackoff(undefined, true, 0, MIN, 60 * MIN);
    expect(first).toEqual({ failures: 1, notBefore: MIN });
    expect(nextBackoff(first, true, MIN, MIN, 60 * MIN)).toEqual({ failures: 2, notBefore: 3 * MIN });
    expect(nextBackoff(first, false, MIN, MIN, 60 * MIN)).toBeUndefined();
  });
});
