import { describe, expect, test } from "vitest";
import { applyStateFrom, initialApplyState, reduceApply } from "../../../src/report/apply/apply-model.js";
import { at, finishRun, outcomes, runningEvents } from "../apply-events.js";
import { applyHeader, applyTotal, liveCounts, timeLeftText } from "../../../src/report/apply/apply-lines.js";
import { lineText } from "../../../src/report/lines.js";
import { expectedWallMs } from "../../../src/plan/schedule.js";

describe("reduceApply", () => {
  test("start lists every model as queued, in order, with the bounds", () => {
    const state = reduceApply(initialApplyState, runningEvents[0]!);
    expect(state.parallelism).toBe(4);
    expect(state.poolParallelism).toEqual({ finance: 2, logistics: 2 });
    expect(state.rows.map((r) => [r.address, r.action, r.phase])).toEqual(outcomes.map((o) => [o.address, o.action, "queued"]));
  });

  test("walks a model through waiting, triggered, running and finished", () => {
    const steps = [
      runningEvents[0]!,
      { type: "waiting", at: at(5), address: "finance/o2c", loadId: "old-load", status: "RUNNING" },
      { type: "polled", at: at(20), address: "finance/o2c", loadId: "old-load", status: "RUNNING", elapsedMs: 15_000 },
      { type: "triggered", at: at(30), address: "finance/o2c", action: "full", adopted: false },
      { type: "load_seen", at: at(32), address: "finance/o2c", loadId: "new-load", status: "RUNNING" },
      { type: "retry", at: at(40), address: "finance/o2c", attempt: 1, delayMs: 1000, reason: "503" },
      { type: "polled", at: at(50), address: "finance/o2c", loadId: "new-load", status: "RUNNING", elapsedMs: 20_000 },
    ] as const;
    const phases: string[] = [];
    let state = initialApplyState;
    for (const e of steps) {
      state = reduceApply(state, e);
      phases.push(state.rows.find((r) => r.address === "finance/o2c")!.phase);
    }
    expect(phases).toEqual(["queued", "waiting", "waiting", "triggered", "running", "running", "running"]);
    const row = state.rows.find((r) => r.address === "finance/o2c")!;
    expect(row).toMatchObject({ startedAt: Date.parse(at(5)), loadId: "new-load", loadStatus: "RUNNING", elapsedMs: 20_000, retries: 1 });
  });

  test("a model whose trigger is being checked holds its slot: it is no longer queued", () => {
    const state = applyStateFrom([
      runningEvents[0]!,
      { type: "checking", at: at(3), address: "finance/o2c", windowMs: 60_000, reason: "connection closed" },
    ]);
    expect(state.rows.find((r) => r.address === "finance/o2c")).toMatchObject({ phase: "triggered", startedAt: Date.parse(at(3)) });
  });

  test("finished rows keep their outcome and the order they finished in", () => {
    const state = applyStateFrom([...runningEvents, ...finishRun]);
    expect(state.finished).toEqual(["finance/ar", "logistics/shipments", "finance/p2p", "logistics/returns", "finance/o2c"]);
    expect(state.rows.find((r) => r.address === "logistics/returns")).toMatchObject({
      phase: "finished",
      result: "failed",
      loadStatus: "ERROR",
      message: "Table RET: column X missing",
      durationMs: 55_000,
    });
    expect(state.summary?.type).toBe("summary");
  });

  test("the summary settles models that never got a finished event", () => {
    const state = applyStateFrom([
      runningEvents[0]!,
      { type: "interrupted", at: at(1) },
      {
        type: "summary",
        at: at(2),
        models: outcomes.map((o) => ({ ...o, result: "not_started" as const, loadStatus: null, loadId: null, message: "interrupted", durationMs: 0 })),
        succeeded: 0,
        failed: 0,
        skipped: 0,
        timedOut: 0,
        notStarted: 5,
        warnings: 0,
        durationMs: 2000,
        interrupted: true,
      },
    ]);
    expect(state.interrupted).toBe(true);
    expect(state.rows.every((r) => r.phase === "finished" && r.result === "not_started")).toBe(true);
    expect(state.finished).toHaveLength(5);
  });

  test("does not change the state it is given", () => {
    const before = reduceApply(initialApplyState, runningEvents[0]!);
    const snapshot = structuredClone(before);
    reduceApply(before, { type: "triggered", at: at(1), address: "finance/o2c", action: "full", adopted: false });
    expect(before).toEqual(snapshot);
  });
});

test("apply's header names the manifest and the service, as plan's does", () => {
  const state = reduceApply(initialApplyState, {
    type: "start",
    at: "2026-11-28T17:00:00.000Z",
    planId: "3f9a0c1b2d4e",
    manifest: "reload.config.yaml",
    baseUrl: "https://acme.eu-1.celonis.cloud",
    models: [{ address: "finance/o2c", action: "full", pool: "finance", expectedDurationMs: null }],
    order: ["finance/o2c"],
    parallelism: 4,
    poolParallelism: { finance: 2 },
  });
  expect(lineText(applyHeader(state))).toBe(
    "reloadctl apply · reload.config.yaml → https://acme.eu-1.celonis.cloud · plan 3f9a0c1b2d4e · 1 model · parallelism 4, 2 per pool",
  );
});

test("a model waiting for a load already running is counted as waiting, not running", () => {
  const state = [
    {
      type: "start",
      at: at(0),
      planId: "p",
      models: [{ address: "a/one", action: "full", pool: "a", expectedDurationMs: null }, { address: "a/two", action: "full", pool: "a", expectedDurationMs: null }],
      order: ["a/one", "a/two"],
      parallelism: 2,
      poolParallelism: { a: 2 },
    },
    { type: "waiting", at: at(1), address: "a/one", loadId: "old", status: "RUNNING" },
    { type: "triggered", at: at(1), address: "a/two", action: "full", loadId: null },
  ].reduce((s, e) => reduceApply(s, e as never), initialApplyState);
  const counts = liveCounts(state);
  expect(counts).toMatchObject({ running: 1, waiting: 1 });
  expect(applyTotal(counts, 1_000, false)).toBe("Apply: 0 succeeded, 1 running, 1 waiting · 1s");
});

test("the expected time at the start is the plan's: a skipped model is never counted as a load to run", () => {
  const models = [
    { address: "finance/o2c", action: "full" as const, pool: "finance", expectedDurationMs: 60_000 },
    { address: "finance/ar", action: "skip" as const, pool: "finance", expectedDurationMs: 600_000 },
    { address: "hr/core", action: "cache" as const, pool: "hr", expectedDurationMs: 30_000 },
  ];
  const bounds = { parallelism: 1, poolParallelism: { finance: 1, hr: 1 } };
  const state = reduceApply(initialApplyState, { type: "start", at: at(0), planId: "p", models, order: ["finance/o2c", "hr/core"], ...bounds });
  // What the plan says of the same two reloads, one at a time: 60 s + 30 s.
  expect(expectedWallMs([models[0]!, models[2]!], bounds)).toBe(90_000);
  expect(state.expectedWallMs).toBe(90_000);
  expect(state.expectedEndAt).toBe(Date.parse(at(90)));
});

test("the time left does not count down before the first load begins, and does once one has", () => {
  const models = [{ address: "finance/o2c", action: "full" as const, pool: "finance", expectedDurationMs: 60_000 }];
  const start = reduceApply(initialApplyState, { type: "start", at: at(0), planId: "p", models, order: ["finance/o2c"], parallelism: 1, poolParallelism: { finance: 1 } });
  // Three seconds of reading last loads (a slow service): still the whole minute.
  expect(timeLeftText(start, Date.parse(at(3)))).toBe("≈ 1m 00s left");
  const triggered = reduceApply(start, { type: "triggered", at: at(3), address: "finance/o2c", action: "full", adopted: false });
  expect(timeLeftText(triggered, Date.parse(at(3)))).toBe("≈ 1m 00s left");
  expect(timeLeftText(triggered, Date.parse(at(33)))).toBe("≈ 30s left");
});
