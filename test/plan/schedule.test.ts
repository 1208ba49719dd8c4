import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  expectedRemainingMs,
  expectedWallMs,
  fillUnknown,
  simulateSchedule,
  startOrder,
  type ScheduledModel,
} from "../../src/plan/schedule.js";

const M = 60_000;
const model = (address: string, expectedDurationMs: number | null, over: Partial<ScheduledModel> = {}): ScheduledModel => ({
  address,
  pool: "p",
  action: "full",
  expectedDurationMs,
  ...over,
});
const addresses = (ms: readonly ScheduledModel[]) => ms.map((m) => m.address);

describe("startOrder", () => {
  const models = [model("a", 2 * M), model("b", 60 * M), model("c", null), model("d", 10 * M), model("e", 60 * M), model("f", null)];

  it("longest-first: unknown durations first (manifest order), then the longest expected, ties in manifest order", () => {
    expect(addresses(startOrder(models, "longest-first"))).toEqual(["c", "f", "b", "e", "d", "a"]);
  });

  it("manifest keeps the manifest's order", () => {
    expect(addresses(startOrder(models, "manifest"))).toEqual(["a", "b", "c", "d", "e", "f"]);
  });

  it("leaves skips out: they start nothing", () => {
    const withSkip = [model("a", 2 * M), model("s", 99 * M, { action: "skip" }), model("b", 5 * M)];
    expect(addresses(startOrder(withSkip, "longest-first"))).toEqual(["b", "a"]);
    expect(addresses(startOrder(withSkip, "manifest"))).toEqual(["a", "b"]);
  });

  it("is deterministic and a permutation of the started models, whatever the durations", () => {
    const arb = fc.array(fc.option(fc.nat({ max: 5 }), { nil: null }), { maxLength: 30 });
    fc.assert(
      fc.property(arb, (ds) => {
        const ms = ds.map((d, i) => model(`m${i}`, d));
        const once = addresses(startOrder(ms, "longest-first"));
        expect(addresses(startOrder(ms, "longest-first"))).toEqual(once);
        expect([...once].sort()).toEqual(addresses(ms).sort());
        const ranks = startOrder(ms, "longest-first").map((m) => m.expectedDurationMs ?? Infinity);
        ranks.forEach((r, i) => i > 0 && expect(r).toBeLessThanOrEqual(ranks[i - 1]!));
      }),
    );
  });
});

describe("fillUnknown", () => {
  it("takes an unknown duration as the median of the known ones", () => {
    expect(fillUnknown([10, null, 30, 20])).toEqual([10, 20, 30, 20]);
    expect(fillUnknown([10, null, 30, 20, 40])).toEqual([10, 25, 30, 20, 40]);
  });

  it("is null when nothing is known, and empty for nothing", () => {
    expect(fillUnknown([null, null])).toBeNull();
    expect(fillUnknown([])).toEqual([]);
  });
});

describe("simulateSchedule", () => {
  const one = (pool: string, durationMs: number) => ({ pool, durationMs });

  it("runs up to parallelism at once, each next job in the first slot that frees", () => {
    const r = simulateSchedule([one("p", 60), one("p", 30), one("p", 20), one("p", 10)], { parallelism: 2, poolParallelism: { p: 9 } });
    expect(r.startMs).toEqual([0, 0, 30, 50]);
    expect(r.wallMs).toBe(60);
  });

  it("holds a pool to its own bound while other pools use the free global slots", () => {
    const r = simulateSchedule([one("a", 10), one("a", 10), one("a", 10), one("b", 5)], { parallelism: 4, poolParallelism: { a: 1, b: 1 } });
    expect(r.startMs).toEqual([0, 10, 20, 0]);
    expect(r.wallMs).toBe(30);
  });

  it("gives a pool not named in the bounds 1 at once, as the executor does", () => {
    const r = simulateSchedule([one("x", 10), one("x", 10), one("x", 10)], { parallelism: 9, poolParallelism: {} });
    expect(r.startMs).toEqual([0, 10, 20]);
  });

  it("gives a freed slot to the first waiting job whose pool has room, as the executor's dispatch does", () => {
    // a2 is listed before b: when a1 ends, a2 goes first; b waits though its pool is free.
    const serial = simulateSchedule([one("a", 10), one("a", 10), one("b", 10)], { parallelism: 1, poolParallelism: { a: 1, b: 1 } });
    expect(serial.startMs).toEqual([0, 10, 20]);
    // A job whose pool is full lets the next one go.
    const skip = simulateSchedule([one("a", 10), one("a", 10), one("b", 5)], { parallelism: 2, poolParallelism: { a: 1, b: 1 } });
    expect(skip.startMs).toEqual([0, 10, 0]);
    expect(skip.wallMs).toBe(20);
  });

  it("gives a freed slot to the lowest waiting job of all pools, not to the pool that came first", () => {
    // When a1 ends, pool a (a2, 4th) and pool b (b1, 2nd) both have room: b1 goes.
    const r = simulateSchedule([one("a", 10), one("b", 10), one("b", 10), one("a", 10)], { parallelism: 1, poolParallelism: { a: 1, b: 1 } });
    expect(r.startMs).toEqual([0, 10, 20, 30]);
  });

  it("runs nothing for an empty queue", () => {
    expect(simulateSchedule([], { parallelism: 2, poolParallelism: {} })).toEqual({ wallMs: 0, startMs: [] });
  });

  it("starts queued jobs after loads already running end", () => {
    const r = simulateSchedule([one("p", 10)], { parallelism: 1, poolParallelism: { p: 1 } }, [{ pool: "p", remainingMs: 25 }]);
    expect(r.startMs).toEqual([25]);
    expect(r.wallMs).toBe(35);
  });

  it("is never below the lower bound max(longest, Σ/parallelism), nor above Graham's list-scheduling bound Σ/m + (1 − 1/m)·longest", () => {
    const arb = fc.record({
      jobs: fc.array(fc.record({ pool: fc.constantFrom("a", "b", "c"), durationMs: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 40 }),
      parallelism: fc.integer({ min: 1, max: 6 }),
    });
    fc.assert(
      fc.property(arb, ({ jobs, parallelism }) => {
        const bounds = { parallelism, poolParallelism: { a: 6, b: 6, c: 6 } }; // pools never bind here
        const sum = jobs.reduce((s, j) => s + j.durationMs, 0);
        const lower = Math.max(Math.max(...jobs.map((j) => j.durationMs)), sum / parallelism);
        const sorted = [...jobs].sort((x, y) => y.durationMs - x.durationMs);
        const lpt = simulateSchedule(sorted, bounds).wallMs;
        expect(lpt).toBeGreaterThanOrEqual(lower - 1e-9);
        expect(lpt).toBeLessThanOrEqual(sum / parallelism + sorted[0]!.durationMs * (1 - 1 / parallelism) + 1e-9);
      }),
    );
  });
});

describe("expectedWallMs", () => {
  const bounds = { parallelism: 2, poolParallelism: { p: 2 } };

  it("is the simulated makespan of the models in the given order", () => {
    const longestFirst = startOrder([model("a", 10 * M), model("b", 10 * M), model("c", 20 * M)], "longest-first");
    expect(expectedWallMs(longestFirst, bounds)).toBe(20 * M);
    expect(expectedWallMs([model("a", 10 * M), model("b", 10 * M), model("c", 20 * M)], bounds)).toBe(30 * M);
  });

  it("estimates an unknown load as the median known one", () => {
    expect(expectedWallMs([model("a", 10 * M), model("b", null), model("c", 30 * M)], { parallelism: 1, poolParallelism: { p: 1 } })).toBe(60 * M);
  });

  it("is null when no duration is known, 0 when nothing runs", () => {
    expect(expectedWallMs([model("a", null)], bounds)).toBeNull();
    expect(expectedWallMs([], bounds)).toBe(0);
  });
});

describe("expectedRemainingMs", () => {
  const bounds = { parallelism: 2, poolParallelism: { p: 2 } };
  const q = (expectedDurationMs: number | null) => ({ pool: "p", expectedDurationMs });

  it("at the start, is the plan's expected wall time", () => {
    const remaining = expectedRemainingMs({ queued: [q(30), q(20), q(10)], running: [], finished: [] }, bounds);
    expect(remaining).toBe(expectedWallMs([model("a", 30), model("b", 20), model("c", 10)], bounds));
  });

  it("counts what running loads have left", () => {
    const remaining = expectedRemainingMs({ queued: [q(10)], running: [{ pool: "p", expectedDurationMs: 30, elapsedMs: 25 }, { pool: "p", expectedDurationMs: 40, elapsedMs: 10 }], finished: [] }, bounds);
    expect(remaining).toBe(30); // the first ends in 5, then the queued 10 runs to 15; the second ends at 30
  });

  it("is corrected by the loads that ended, against a prior of one longest load as expected", () => {
    // Both took twice as long: (20 + 60 + 30) / (10 + 30 + 30), the prior being the longest, 30.
    const remaining = expectedRemainingMs({ queued: [q(10)], running: [], finished: [{ expectedDurationMs: 10, durationMs: 20 }, { expectedDurationMs: 30, durationMs: 60 }] }, bounds);
    expect(remaining).toBeCloseTo((10 * 110) / 70, 9);
    // The more loads ran slow, the more the rest is expected to: the factor moves towards 2.
    const many = Array.from({ length: 20 }, () => ({ expectedDurationMs: 30, durationMs: 60 }));
    expect(expectedRemainingMs({ queued: [q(10)], running: [], finished: many }, bounds)).toBeCloseTo((10 * (1200 + 30)) / (600 + 30), 9);
  });

  it("counts a running load past its expectation as evidence: it takes at least what it has run", () => {
    // b runs 3× its expectation; a, queued, is expected to take (30 + 10) / (10 + 10) = 2× its 10.
    const remaining = expectedRemainingMs({ queued: [q(10)], running: [{ pool: "p", expectedDurationMs: 10, elapsedMs: 30 }], finished: [] }, bounds);
    expect(remaining).toBe(20);
  });

  it("takes no evidence from a load that ended but was expected to take 0 ms: there is no ratio to it", () => {
    // the prior alone: factor 1
    expect(expectedRemainingMs({ queued: [q(10)], running: [], finished: [{ expectedDurationMs: 0, durationMs: 50 }] }, bounds)).toBe(10);
  });

  it("takes no evidence from a running load exactly at its expectation: it may end now", () => {
    // Only the finished load counts: (10 + 30) / (10 + 10) = 2. The running one is expected to end
    // at 2 × 10, in 10; the queued one takes 2 × 10: 20.
    const remaining = expectedRemainingMs({ queued: [q(10)], running: [{ pool: "p", expectedDurationMs: 10, elapsedMs: 10 }], finished: [{ expectedDurationMs: 10, durationMs: 30 }] }, bounds);
    expect(remaining).toBe(20);
  });

  it("keeps the factor at 1 when every expectation is 0 ms", () => {
    expect(expectedRemainingMs({ queued: [q(0)], running: [{ pool: "p", expectedDurationMs: 0, elapsedMs: 5 }], finished: [] }, bounds)).toBe(0);
  });

  it("scales the guess for an unknown load by the factor, as every expectation", () => {
    // the known median 10, factor (10 + 20) / (10 + 10) = 1.5
    expect(expectedRemainingMs({ queued: [q(null)], running: [], finished: [{ expectedDurationMs: 10, durationMs: 20 }] }, bounds)).toBe(15);
  });

  it("takes a running load past its expectation as ending now", () => {
    expect(expectedRemainingMs({ queued: [], running: [{ pool: "p", expectedDurationMs: 10, elapsedMs: 99 }], finished: [] }, bounds)).toBe(0);
  });

  it("guesses an unknown from the known ones, else from the loads that ended; null with neither", () => {
    expect(expectedRemainingMs({ queued: [q(null)], running: [], finished: [{ expectedDurationMs: 8, durationMs: 8 }] }, bounds)).toBe(8);
    expect(expectedRemainingMs({ queued: [q(null)], running: [], finished: [{ expectedDurationMs: null, durationMs: 7 }] }, bounds)).toBe(7);
    expect(expectedRemainingMs({ queued: [q(null)], running: [], finished: [] }, bounds)).toBeNull();
  });
});
