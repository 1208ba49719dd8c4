// apply: run a plan's reloads within the bounds, and verify that each model's *new* load ended well.
// It emits events and returns the summary; it knows nothing of terminals. Each model's work is two
// steps under one deadline (trigger-step.ts, verify-step.ts, deadline.ts); here are the bounds.
import type { CelonisApi } from "../celonis/api.js";
import { DEFAULT_POOL_PARALLELISM, startOrder, type StartOrder } from "../plan/schedule.js";
import { dispatch } from "./dispatch.js";
import type { PlanDocument, PlannedModel } from "../plan/types.js";
import type { Clock } from "./clock.js";
import { Deadline } from "./deadline.js";
import type { ApplyEvent, ModelOutcome, ModelResult } from "./events.js";
import { errorText, Outcome, type ModelRun } from "./model-run.js";
import { DEFAULT_POLL_POLICY, type PollPolicy } from "./poll-policy.js";
import { triggerStep } from "./trigger-step.js";
import { verifyStep } from "./verify-step.js";

export interface ExecuteOptions {
  doc: PlanDocument;
  api: CelonisApi;
  clock: Clock;
  emit: (event: ApplyEvent) => void;
  parallelism?: number;
  /** Per pool key (the CLI passes the manifest's); a pool not named gets the plan's value, else 1. */
  poolParallelism?: Record<string, number>;
  failFast?: boolean;
  /** Aborted on the first Ctrl-C: no new load starts; loads in flight are still verified. */
  stop?: AbortSignal;
  policy?: Partial<PollPolicy>;
  random?: () => number;
  /** The order loads are queued in under the bounds (schedule.ts); default longest-first. */
  order?: StartOrder | undefined;
}

export type SummaryEvent = Extract<ApplyEvent, { type: "summary" }>;

export async function executePlan(opts: ExecuteOptions): Promise<SummaryEvent> {
  const { doc, api, clock, emit } = opts;
  const policy: PollPolicy = { ...DEFAULT_POLL_POLICY, ...opts.policy };
  const random = opts.random ?? Math.random;
  const at = () => new Date(clock.now()).toISOString();
  const started = clock.now();

  const parallelism = opts.parallelism ?? doc.parallelism;
  const poolBounds: Record<string, number> = { ...doc.poolParallelism, ...opts.poolParallelism };

  // No new load starts once this is set: first Ctrl-C, or a failure under --fail-fast.
  const noMoreStarts = new AbortController();
  let interrupted = false;
  const whyNoMoreStarts = () => (interrupted ? "interrupted" : "an earlier model failed (--fail-fast)");
  const onStop = () => {
    interrupted = true;
    emit({ type: "interrupted", at: at() });
    noMoreStarts.abort();
  };
  if (opts.stop?.aborted) onStop();
  else opts.stop?.addEventListener("abort", onStop, { once: true });

  const queue = startOrder(doc.models, opts.order ?? "longest-first");
  emit({
    type: "start",
    at: at(),
    planId: doc.planId,
    manifest: doc.manifest.path,
    baseUrl: doc.baseUrl,
    models: doc.models.map((m) => ({ address: m.address, action: m.action, pool: m.pool, expectedDurationMs: m.expectedDurationMs })),
    order: queue.map((m) => m.address),
    parallelism,
    poolParallelism: poolBounds,
  });

  const outcomes = new Map<string, ModelOutcome>();
  const finish = (o: ModelOutcome) => {
    outcomes.set(o.address, o);
    emit({ type: "finished", at: at(), ...o });
    if (opts.failFast && (o.result === "failed" || o.result === "timed_out") && !noMoreStarts.signal.aborted) {
      noMoreStarts.abort();
    }
  };

  const runModel = async (m: PlannedModel): Promise<void> => {
    if (noMoreStarts.signal.aborted) {
      finish({ address: m.address, action: m.action, result: "not_started", loadStatus: null, loadId: null, message: interrupted ? "interrupted before it started" : whyNoMoreStarts(), durationMs: 0 });
      return;
    }
    const t0 = clock.now();
    const deadline = new Deadline(clock, t0 + m.timeoutMs);
    const run: ModelRun = { m, api, clock, emit, policy, random, deadline, noMoreStarts: noMoreStarts.signal, whyNoMoreStarts, at };
    try {
      const load = await verifyStep(run, await triggerStep(run));
      const warned = load.status === "WARNING";
      finish({ address: m.address, action: m.action, result: "succeeded", loadStatus: load.status, loadId: load.id, message: warned ? (load.message ?? "ended with a warning (onWarning: succeed)") : null, durationMs: clock.now() - t0 });
    } catch (err) {
      const o = err instanceof Outcome ? err : null;
      finish({
        address: m.address,
        action: m.action,
        result: o?.result ?? "failed",
        loadStatus: o?.load?.status ?? null,
        loadId: o?.load?.id ?? null,
        message: errorText(err),
        durationMs: clock.now() - t0,
      });
    } finally {
      deadline.dispose();
    }
  };

  for (const m of doc.models) {
    if (m.action !== "skip") continue;
    finish({ address: m.address, action: m.action, result: "skipped", loadStatus: m.lastLoad?.status ?? null, loadId: m.lastLoad?.id ?? null, message: m.reason, durationMs: 0 });
  }
  // Started in start order as the bounds allow: the first waiting model that fits takes a freed slot.
  for (const m of queue) emit({ type: "queued", at: at(), address: m.address, action: m.action });
  await dispatch(
    queue.map((m) => ({ model: m, pool: m.pool, key: `${m.poolId}/${m.modelId}` })),
    // A pool named nowhere has no bound to trust (the CLI passes the manifest's): one load at a time.
    { global: parallelism, perPool: (pool) => poolBounds[pool] ?? DEFAULT_POOL_PARALLELISM },
    (job) => runModel(job.model),
  );
  opts.stop?.removeEventListener("abort", onStop);

  const models = doc.models.map((m) => outcomes.get(m.address)!);
  const count = (r: ModelResult) => models.filter((o) => o.result === r).length;
  const summary: SummaryEvent = {
    type: "summary",
    at: at(),
    models,
    // The counts in the one order of every summary (shared/summary-order.ts).
    succeeded: count("succeeded"),
    warnings: models.filter((o) => o.result === "succeeded" && o.loadStatus === "WARNING").length,
    failed: count("failed"),
    timedOut: count("timed_out"),
    skipped: count("skipped"),
    notStarted: count("not_started"),
    durationMs: clock.now() - started,
    interrupted,
  };
  emit(summary);
  return summary;
}

/** 0 all good; 130 interrupted; 1 anything failed, timed out or was not started. */
export function exitCodeFor(summary: SummaryEvent): number {
  if (summary.interrupted) return 130;
  return summary.failed + summary.timedOut + summary.notStarted > 0 ? 1 : 0;
}
