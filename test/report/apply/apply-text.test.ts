import { describe, expect, test } from "vitest";
import type { ApplyEvent, ModelOutcome } from "../../../src/apply/events.js";
import { createApplyTextReporter } from "../../../src/report/apply/apply-text.js";
import { createApplyJsonReporter } from "../../../src/report/apply/apply-json.js";
import { VERSION } from "../../../src/version.js";
import { stripAnsi } from "../../../src/report/style.js";
import { at, finishRun, runningEvents } from "../apply-events.js";

function run(events: ApplyEvent[], opts: { color?: boolean; heartbeatMs?: number } = {}): string {
  const lines: string[] = [];
  const report = createApplyTextReporter((line) => lines.push(line), { color: opts.color ?? false, heartbeatMs: opts.heartbeatMs });
  for (const e of events) report(e);
  return lines.join("\n");
}

const start = (addresses: string[], parallelism = 4): ApplyEvent => ({
  type: "start",
  at: at(0),
  planId: "3f9a0c1b2d4e",
  models: addresses.map((address) => ({ address, action: "full", pool: "finance", expectedDurationMs: null })),
  order: addresses,
  parallelism,
  poolParallelism: { finance: 2 },
});

describe("createApplyTextReporter", () => {
  test("prints timestamped lines, a heartbeat for long loads, then the summary", () => {
    const text = run([...runningEvents, ...finishRun]);
    expect(text).not.toContain("\x1b");
    expect(text).toMatchInlineSnapshot(`
      "reloadctl apply · plan 3f9a0c1b2d4e · 5 models · parallelism 4, 2 per pool · ≈ 2m 00s expected

      17:00:00 finance/ar           skipped: fresh: last SUCCESS 42m ago, maxAge 6h
      17:00:01 finance/o2c          triggered complete reload (load 5b7c2e11…)
      17:00:01 finance/p2p          triggered partial reload
      17:00:02 logistics/shipments  triggered reload from cache (its answer was lost or an error, but the load started)
      17:00:03 finance/p2p          load aa11bb22… seen, RUNNING
      17:00:03 logistics/shipments  load cc33dd44… seen, RUNNING
      17:00:43 logistics/shipments  WARNING in 41s: Some rows rejected (counted as success)
      17:00:43 logistics/returns    triggered complete reload
      17:01:01 finance/o2c          still running, 1m00s; apply ≈ 1m 00s left
      17:01:05 logistics/returns    retry 1 in 1s: 503 Service Unavailable
      17:01:10 finance/p2p          still running, 1m09s; apply ≈ 51s left
      17:01:13 finance/p2p          SUCCESS in 1m12s
      17:01:38 logistics/returns    ERROR in 55s: Table RET: column X missing
      17:02:01 finance/o2c          still running, 2m00s; apply ≈ 7s left
      17:02:14 finance/o2c          SUCCESS in 2m13s

        ✔ finance/p2p          partial     SUCCESS      1m 12s
        ⚠ logistics/shipments  from cache  WARNING      41s      Some rows rejected (counted as success)
        ✖ logistics/returns    complete    ERROR        55s      Table RET: column X missing
        ✔ finance/o2c          complete    SUCCESS      2m 13s
        · finance/ar           skip        skipped               fresh: last SUCCESS 42m ago, maxAge 6h

      Apply: 2 succeeded, 1 warning, 1 failed, 1 skipped · 2m 14s"
    `);
  });

  test("says at once when a trigger's outcome is unsure, and what it watches for", () => {
    const text = run([
      start(["finance/o2c"]),
      { type: "queued", at: at(0), address: "finance/o2c", action: "full" },
      { type: "checking", at: at(1), address: "finance/o2c", windowMs: 60_000, reason: "the trigger may have reached the service: POST …/load: connection closed" },
      { type: "triggered", at: at(9), address: "finance/o2c", action: "full", adopted: true },
    ]);
    expect(text.split("\n").slice(2)).toEqual([
      "17:00:01 finance/o2c  trigger unsure (the trigger may have reached the service: POST …/load: connection closed): watching last-load for up to 1m00s for its load",
    ]);
  });

  test("a heartbeat comes with the first poll once heartbeatMs has passed since the model's last line", () => {
    const polls = [20, 40, 60, 80, 100, 119, 121, 150].map(
      (s): ApplyEvent => ({ type: "polled", at: at(s + 1), address: "finance/o2c", loadId: "5b7c2e11-x", status: "RUNNING", elapsedMs: s * 1000 }),
    );
    const text = run([
      start(["finance/o2c"]),
      { type: "triggered", at: at(1), address: "finance/o2c", action: "full", adopted: false },
      { type: "load_seen", at: at(1), address: "finance/o2c", loadId: "5b7c2e11-x", status: "RUNNING" },
      ...polls,
    ]);
    expect(text.split("\n").slice(2)).toEqual([
      "17:00:01 finance/o2c  triggered complete reload (load 5b7c2e11…)",
      "17:01:01 finance/o2c  still running, 1m00s",
      "17:02:02 finance/o2c  still running, 2m01s",
    ]);
    expect(run([start(["finance/o2c"]), ...polls], { heartbeatMs: 30_000 }).split("\n").slice(2)).toEqual([
      "17:01:01 finance/o2c  still running, 1m00s",
      "17:01:41 finance/o2c  still running, 1m40s",
      "17:02:31 finance/o2c  still running, 2m30s",
    ]);
  });

  test("a WARNING counted as success, an ERROR with its message, a timeout, a refused start", () => {
    const outcomes: ModelOutcome[] = [
      { address: "finance/a", action: "full", result: "succeeded", loadStatus: "WARNING", loadId: "l1", message: "Some rows rejected", durationMs: 41_000 },
      { address: "finance/b", action: "full", result: "failed", loadStatus: "ERROR", loadId: "l2", message: "Table RET: column X missing", durationMs: 55_000 },
      { address: "finance/c", action: "full", result: "timed_out", loadStatus: "RUNNING", loadId: "l3", message: "no end within timeout 2h", durationMs: 7_200_000 },
      { address: "finance/d", action: "full", result: "failed", loadStatus: null, loadId: null, message: "a load is running (onRunning: fail)", durationMs: 300 },
    ];
    const finishedAt = [41, 55, 7200, 7201];
    const text = run([
      start(outcomes.map((o) => o.address)),
      ...outcomes.map((o, i): ApplyEvent => ({ type: "finished", at: at(finishedAt[i]!), ...o })),
      {
        type: "summary",
        at: at(7201),
        models: outcomes,
        succeeded: 1,
        failed: 2,
        skipped: 0,
        timedOut: 1,
        notStarted: 0,
        warnings: 1,
        durationMs: 7_201_000,
        interrupted: false,
      },
    ]);
    expect(text).toMatchInlineSnapshot(`
      "reloadctl apply · plan 3f9a0c1b2d4e · 4 models · parallelism 4, 2 per pool

      17:00:41 finance/a  WARNING in 41s: Some rows rejected (counted as success)
      17:00:55 finance/b  ERROR in 55s: Table RET: column X missing
      19:00:00 finance/c  timed out after 2h00m (load RUNNING): no end within timeout 2h
      19:00:01 finance/d  failed after 0s: a load is running (onRunning: fail)

        ⚠ finance/a  complete    WARNING      41s      Some rows rejected (counted as success)
        ✖ finance/b  complete    ERROR        55s      Table RET: column X missing
        ✖ finance/c  complete    timed out    2h 00m   no end within timeout 2h
        ✖ finance/d  complete    failed       0s       a load is running (onRunning: fail)

      Apply: 0 succeeded, 1 warning, 2 failed, 1 timed out · 2h 00m"
    `);
  });

  test("an interrupted run says so and counts what never started", () => {
    const text = run([
      start(["finance/o2c", "finance/p2p", "finance/ar"], 1),
      { type: "queued", at: at(0), address: "finance/o2c", action: "full" },
      { type: "queued", at: at(0), address: "finance/p2p", action: "full" },
      { type: "queued", at: at(0), address: "finance/ar", action: "full" },
      { type: "waiting", at: at(1), address: "finance/o2c", loadId: "0a0b0c0d-old", status: "RUNNING" },
      { type: "interrupted", at: at(30) },
      { type: "polled", at: at(61), address: "finance/o2c", loadId: "0a0b0c0d-old", status: "RUNNING", elapsedMs: 60_000 },
      { type: "finished", at: at(62), address: "finance/o2c", action: "full", result: "skipped", loadStatus: null, loadId: null, message: "interrupted while waiting for a running load", durationMs: 61_000 },
      {
        type: "summary",
        at: at(62),
        models: [
          { address: "finance/o2c", action: "full", result: "skipped", loadStatus: null, loadId: null, message: "interrupted while waiting for a running load", durationMs: 61_000 },
          { address: "finance/p2p", action: "full", result: "not_started", loadStatus: null, loadId: null, message: "interrupted", durationMs: 0 },
          { address: "finance/ar", action: "full", result: "not_started", loadStatus: null, loadId: null, message: "interrupted", durationMs: 0 },
        ],
        succeeded: 0,
        failed: 0,
        skipped: 1,
        timedOut: 0,
        notStarted: 2,
        warnings: 0,
        durationMs: 62_000,
        interrupted: true,
      },
    ]);
    expect(text).toMatchInlineSnapshot(`
      "reloadctl apply · plan 3f9a0c1b2d4e · 3 models · parallelism 1, 2 per pool

      17:00:01 finance/o2c  waiting for load 0a0b0c0d… (RUNNING) to end
      17:00:30 interrupted: no new loads start; loads in flight are still verified (Ctrl-C again stops now)
      17:01:01 finance/o2c  still waiting, 1m00s
      17:01:02 finance/o2c  skipped: interrupted while waiting for a running load

        · finance/o2c  complete    skipped      1m 01s   interrupted while waiting for a running load
        · finance/p2p  complete    not started           interrupted
        · finance/ar   complete    not started           interrupted

      Apply: 0 succeeded, 1 skipped, 2 not started · 1m 02s · interrupted"
    `);
  });

  test("colour only adds ANSI codes", () => {
    const events = [...runningEvents, ...finishRun];
    const colored = run(events, { color: true });
    expect(colored).toContain("\x1b[");
    expect(stripAnsi(colored)).toBe(run(events));
  });
});

test("createApplyJsonReporter writes each event as one JSON line", () => {
  const lines: string[] = [];
  const report = createApplyJsonReporter((line) => lines.push(line));
  const events = [...runningEvents, ...finishRun];
  for (const e of events) report(e);
  expect(lines).toHaveLength(events.length);
  expect(lines.every((l) => !l.includes("\n"))).toBe(true);
  // The first and last lines also carry the format and the tool, as every JSON output does.
  const versioned = { formatVersion: 1, tool: { name: "reloadctl", version: VERSION } };
  expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(events.map((e) => (e.type === "start" || e.type === "summary" ? { ...e, ...versioned } : e)));
  expect(JSON.parse(lines[0]!)).toMatchObject({ type: "start", ...versioned });
  expect(JSON.parse(lines.at(-1)!)).toMatchObject({ type: "summary", succeeded: 3, failed: 1, skipped: 1, ...versioned });
});
