// Every summary's counts stand in the one order of shared/summary-order.ts: plan (text, terminal,
// Markdown, JSON), apply (live view, text, Markdown, the JSON summary event), status (text,
// terminal, Markdown). Each input below lists its things in another order, so a view that counts
// in the order it meets them fails.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { cleanup, render } from "ink-testing-library";
import { ACTION_ORDER, COUNT_ORDER } from "../../src/shared/summary-order.js";
import { buildPlan } from "../../src/plan/build-plan.js";
import { executePlan } from "../../src/apply/executor.js";
import { systemClock } from "../../src/apply/clock.js";
import type { ApplyEvent, ModelOutcome } from "../../src/apply/events.js";
import { renderPlanText } from "../../src/report/plan/plan-text.js";
import { renderPlanMarkdown } from "../../src/report/plan/plan-markdown.js";
import { createApplyTextReporter } from "../../src/report/apply/apply-text.js";
import { renderApplyMarkdown } from "../../src/report/apply/apply-markdown.js";
import { ApplyView } from "../../src/report/apply/ApplyView.js";
import { renderStatusText } from "../../src/report/status/status-text.js";
import { renderStatusMarkdown } from "../../src/report/status/status-markdown.js";
import { stripAnsi } from "../../src/report/style.js";
import { FakeApi } from "../helpers/fake-api.js";
import { manifestModel, manifestOf } from "../helpers/manifest.js";
import { planDoc as runnableDoc, plannedModel } from "../helpers/plan-doc.js";
import { NOW, load, model, planDoc, statusDoc, statusRow } from "./fixtures.js";
import { testSource } from "./apply/event-bus.js";

/** The words of `canonical` that occur in `text`, in the order they occur there. */
function wordsAsShown(text: string, canonical: readonly string[]): string[] {
  return canonical
    .map((word) => ({ word, at: text.search(new RegExp(`\\d+ ${word}\\b`, "u")) }))
    .filter(({ at }) => at >= 0)
    .sort((a, b) => a.at - b.at)
    .map(({ word }) => word);
}

const ACTION_WORDS: Record<(typeof ACTION_ORDER)[number], string> = { full: "complete", cache: "from cache", partial: "partial", skip: "skipped" };
const PLAN_WORDS = ACTION_ORDER.map((a) => ACTION_WORDS[a]);
const RUN_WORDS: Record<(typeof COUNT_ORDER)[number], string> = {
  succeeded: "succeeded",
  warnings: "warnings?",
  failed: "failed",
  timedOut: "timed out",
  skipped: "skipped",
  notStarted: "not started",
  notRead: "not read",
  running: "running",
  waiting: "waiting",
  queued: "queued",
};
const RUN_ORDER = COUNT_ORDER.map((k) => RUN_WORDS[k]);

describe("plan's counts: complete, from cache, partial, then skipped", () => {
  // Models met as partial, cache, skip, full.
  const doc = planDoc([
    model({ address: "finance/p2p", action: "partial", reload: "partial" }),
    model({ address: "finance/ar", action: "cache", reload: "cache" }),
    model({ address: "logistics/returns", action: "skip" }),
    model({ address: "logistics/shipments", action: "full" }),
  ]);

  test("the text and terminal view's total, and the Markdown heading", () => {
    const text = renderPlanText(doc, { now: NOW, color: false, width: 120, savedTo: null, planSha256: null });
    const total = text.split("\n").find((l) => l.startsWith("Plan: "))!;
    expect(total).toBe("Plan: 3 to reload (1 complete, 1 from cache, 1 partial), 1 skipped.");
    expect(wordsAsShown(total, PLAN_WORDS)).toEqual(PLAN_WORDS);
    const heading = renderPlanMarkdown(doc, { now: NOW }).split("\n")[0]!;
    expect(wordsAsShown(heading, PLAN_WORDS)).toEqual(PLAN_WORDS);
  });

  test("the plan document's (JSON) summary is keyed in that order", async () => {
    const api = new FakeApi(
      ["a/part", "a/cache", "a/full"].map((address) => ({ poolId: `pool-${address.split("/")[0]}`, modelId: `model-${address.split("/")[1]}`, tables: [] })),
      () => NOW,
    );
    const manifest = manifestOf([manifestModel("a/part", { kind: "partial", tables: [] }), manifestModel("a/cache", { kind: "cache" }), manifestModel("a/full")]);
    const built = await buildPlan({ manifest, api, selection: { select: [], exclude: [] }, now: () => NOW });
    expect(Object.keys(built.summary)).toEqual([...ACTION_ORDER]);
    expect(JSON.stringify(built.summary)).toMatch(/^\{"full":\d+,"cache":\d+,"partial":\d+,"skip":\d+\}$/u);
  });
});

describe("apply's counts: succeeded, warnings, failed, timed out, skipped, not started, then what still runs", () => {
  const at = "2026-11-28T17:02:00.000Z";
  const outcome = (address: string, result: ModelOutcome["result"], loadStatus: string | null): ModelOutcome => ({ address, action: "full", result, loadStatus, loadId: null, message: null, durationMs: 1_000 });
  // Met as: not started, skipped, timed out, failed, warning, succeeded.
  const models = [
    outcome("a/none", "not_started", null),
    outcome("a/skip", "skipped", null),
    outcome("a/slow", "timed_out", "RUNNING"),
    outcome("a/bad", "failed", "ERROR"),
    outcome("a/warn", "succeeded", "WARNING"),
    outcome("a/good", "succeeded", "SUCCESS"),
  ];
  const start: ApplyEvent = { type: "start", at, planId: "p", models: models.map((m) => ({ address: m.address, action: m.action, pool: "a", expectedDurationMs: null })), order: models.map((m) => m.address), parallelism: 4, poolParallelism: { a: 2 } };
  const summary: Extract<ApplyEvent, { type: "summary" }> = { type: "summary", at, models, succeeded: 2, warnings: 1, failed: 1, timedOut: 1, skipped: 1, notStarted: 1, durationMs: 120_000, interrupted: false };
  const expected = ["succeeded", "warnings?", "failed", "timed out", "skipped", "not started"];

  afterEach(() => cleanup());

  test("the text view's total and the Markdown heading", () => {
    const lines: string[] = [];
    const report = createApplyTextReporter((l) => lines.push(l), { color: false });
    for (const e of [start, ...models.map((m): ApplyEvent => ({ type: "finished", at, ...m })), summary]) report(e);
    const total = lines.find((l) => l.startsWith("Apply: "))!;
    expect(total).toBe("Apply: 1 succeeded, 1 warning, 1 failed, 1 timed out, 1 skipped, 1 not started · 2m 00s");
    expect(wordsAsShown(total, RUN_ORDER)).toEqual(expected);
    const heading = renderApplyMarkdown(summary, { footer: { version: "0.1.0", planId: "p", manifestPath: "m.yaml", baseUrl: "https://x", target: null } }).split("\n")[0]!;
    expect(wordsAsShown(heading, RUN_ORDER)).toEqual(expected);
  });

  test("the live view's running total, and its last", async () => {
    const source = testSource();
    const view = render(<ApplyView events={source} now={() => Date.parse(at)} color={false} tickMs={0} />);
    await vi.waitFor(() => expect(source.listeners.size).toBe(1));
    // One of each, with a load still running, one waiting for another's load and one queued.
    const live = [...models, outcome("a/run", "succeeded", null), outcome("a/wait", "succeeded", null), outcome("a/queue", "succeeded", null)];
    source.emit(
      { ...start, models: live.map((m) => ({ address: m.address, action: m.action, pool: "a", expectedDurationMs: null })), order: live.map((m) => m.address) },
      ...models.map((m): ApplyEvent => ({ type: "finished", at, ...m })),
      { type: "triggered", at, address: "a/run", action: "full", adopted: false },
      { type: "waiting", at, address: "a/wait", loadId: null, status: "RUNNING" },
    );
    await vi.waitFor(() => expect(view.lastFrame()).toContain("queued"));
    const frame = stripAnsi(view.lastFrame()!);
    const total = frame.slice(frame.indexOf("Apply: ")).replace(/\n +/gu, " "); // wrapped at 100 columns
    expect(wordsAsShown(total, RUN_ORDER)).toEqual([...expected, "running", "waiting", "queued"]);
    source.emit({ type: "finished", at, ...outcome("a/run", "succeeded", "SUCCESS") }, { type: "finished", at, ...outcome("a/wait", "succeeded", "SUCCESS") }, { type: "finished", at, ...outcome("a/queue", "succeeded", "SUCCESS") });
  });
});

describe("apply's JSON summary event", () => {
  beforeEach(() => vi.useFakeTimers({ now: NOW }));
  afterEach(() => vi.useRealTimers());

  test("carries its counts in that order", async () => {
    const api = new FakeApi([{ poolId: "pool-a", modelId: "model-m", durationMs: 1_000 }], () => Date.now());
    const done = executePlan({ doc: runnableDoc([plannedModel({ address: "a/m" })]), api, clock: { now: () => Date.now(), sleep: systemClock.sleep }, emit: () => {}, random: () => 0.5 });
    await vi.runAllTimersAsync();
    const summary = await done;
    const counts = Object.keys(summary).filter((k) => (COUNT_ORDER as readonly string[]).includes(k));
    expect(counts).toEqual(COUNT_ORDER.filter((k) => counts.includes(k)));
    expect(counts).toEqual(["succeeded", "warnings", "failed", "timedOut", "skipped", "notStarted"]);
  });
});

describe("status's counts: SUCCESS, WARNING, other ends, never loaded, not read, then loads in progress", () => {
  test("the text and terminal view's total, and the Markdown heading", () => {
    const base = statusDoc();
    const byAddress = new Map(base.models.map((m) => [m.address, m]));
    // Met as: running, not read, ERROR, never loaded, WARNING, SUCCESS, another ERROR.
    const doc = {
      ...base,
      models: [
        byAddress.get("logistics/pickups")!,
        byAddress.get("logistics/gone")!,
        byAddress.get("logistics/returns")!,
        byAddress.get("finance/ar")!,
        byAddress.get("finance/p2p")!,
        byAddress.get("finance/o2c")!,
        statusRow({ address: "finance/x", lastLoad: load({ status: "CANCELED" }) }),
      ],
    };
    const total = renderStatusText(doc, { now: NOW, color: false, width: 200 }).split("\n").find((l) => l.startsWith("Status: "))!;
    expect(total).toBe("Status: 7 models · 1 SUCCESS, 1 WARNING, 1 ERROR, 1 CANCELED, 1 never loaded, 1 not read, 1 RUNNING.");
    const heading = renderStatusMarkdown(doc, { now: NOW, version: "0.1.0" }).split("\n")[0]!;
    expect(heading).toContain("1 SUCCESS, 1 WARNING, 1 ERROR, 1 CANCELED, 1 never loaded, 1 not read, 1 RUNNING");
  });
});
