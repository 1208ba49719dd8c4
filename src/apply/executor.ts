// apply: run a plan's reloads within the bounds, and verify that each model's *new* load ended well.
// It emits events and returns the summary; it knows nothing of terminals.
import pLimit, { type LimitFunction } from "p-limit";
import type { CelonisApi, LastLoad } from "../celonis/api.js";
import { ApiError, isAlreadyRunning } from "../celonis/errors.js";
import type { PlanDocument, PlannedModel } from "../plan/types.js";
import { isInProgress, isTerminal } from "../shared/types.js";
import { formatDurationSpec } from "../shared/duration.js";
import type { Clock } from "./clock.js";
import type { ApplyEvent, ModelOutcome, ModelResult } from "./events.js";
import { isNewLoad, type LoadMark } from "./is-new-load.js";
import { DEFAULT_POLL_POLICY, nextPollDelay, type PollPolicy } from "./poll-policy.js";

export interface ExecuteOptions {
  doc: PlanDocument;
  api: CelonisApi;
  clock: Clock;
  emit: (event: ApplyEvent) => void;
  parallelism?: number;
  /** Per pool key; a pool not named gets the plan's value, else 2. */
  poolParallelism?: Record<string, number>;
  failFast?: boolean;
  /** Aborted on the first Ctrl-C: no new load starts; loads in flight are still verified. */
  stop?: AbortSignal;
  policy?: Partial<PollPolicy>;
  random?: () => number;
}

export type SummaryEvent = Extract<ApplyEvent, { type: "summary" }>;

/** Ends a model's work early with a result other than success. */
class Outcome extends Error {
  constructor(
    readonly result: ModelResult,
    message: string,
    readonly load: LastLoad | null = null,
  ) {
    super(message);
  }
}

function errorText(err: unknown): string {
  if (err instanceof Outcome) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

function isPermanent(err: unknown): boolean {
  return err instanceof ApiError && !err.retryable;
}

export async function executePlan(opts: ExecuteOptions): Promise<SummaryEvent> {
  const { doc, api, clock, emit } = opts;
  const policy: PollPolicy = { ...DEFAULT_POLL_POLICY, ...opts.policy };
  const random = opts.random ?? Math.random;
  const at = () => new Date(clock.now()).toISOString();
  const started = clock.now();

  const parallelism = opts.parallelism ?? doc.parallelism;
  const poolBounds: Record<string, number> = { ...doc.poolParallelism, ...opts.poolParallelism };
  const global = pLimit(Math.max(1, parallelism));
  const poolLimits = new Map<string, LimitFunction>();
  const modelLimits = new Map<string, LimitFunction>();
  const limitFor = (map: Map<string, LimitFunction>, key: string, n: number) => {
    let l = map.get(key);
    if (!l) map.set(key, (l = pLimit(Math.max(1, n))));
    return l;
  };

  // No new load starts once this is set: first Ctrl-C, or a failure under --fail-fast.
  const noMoreStarts = new AbortController();
  let interrupted = false;
  const onStop = () => {
    interrupted = true;
    emit({ type: "interrupted", at: at() });
    noMoreStarts.abort();
  };
  if (opts.stop?.aborted) onStop();
  else opts.stop?.addEventListener("abort", onStop, { once: true });

  emit({
    type: "start",
    at: at(),
    planId: doc.planId,
    models: doc.models.map((m) => ({ address: m.address, action: m.action })),
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
      finish({ address: m.address, action: m.action, result: "not_started", loadStatus: null, loadId: null, message: interrupted ? "interrupted before it started" : "an earlier model failed (--fail-fast)", durationMs: 0 });
      return;
    }
    const t0 = clock.now();
    try {
      const load = await reloadAndVerify(m);
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
    }
  };

  const ref = (m: PlannedModel) => ({ poolId: m.poolId, modelId: m.modelId });

  /** last-load, tolerating transient failures (the client has already retried each one). */
  const readLast = async (m: PlannedModel, failures: { n: number }): Promise<LastLoad | null | undefined> => {
    try {
      const l = await api.lastLoad(ref(m));
      failures.n = 0;
      return l;
    } catch (err) {
      if (isPermanent(err) || ++failures.n >= policy.maxReadFailures) throw err;
      emit({ type: "retry", at: at(), address: m.address, attempt: failures.n, delayMs: policy.minIntervalMs, reason: `reading last-load failed: ${errorText(err)}` });
      return undefined;
    }
  };

  /** Polls until `accept(load)` holds for a load, or the deadline passes (then returns the last load seen). */
  const pollUntil = async (
    m: PlannedModel,
    since: number,
    deadline: number,
    accept: (l: LastLoad | null) => boolean,
    onRead: (l: LastLoad | null) => void,
  ): Promise<{ load: LastLoad | null; done: boolean }> => {
    const failures = { n: 0 };
    let seen: LastLoad | null = null;
    for (;;) {
      const l = await readLast(m, failures);
      if (l !== undefined) {
        seen = l;
        onRead(l);
        if (accept(l)) return { load: l, done: true };
      }
      const now = clock.now();
      if (now >= deadline) return { load: seen, done: false };
      await clock.sleep(Math.min(deadline - now, nextPollDelay(now - since, policy, random)));
    }
  };

  /** Waits for a load already running before ours (onRunning: wait). */
  const waitForRunning = async (m: PlannedModel, running: LastLoad): Promise<LastLoad | null> => {
    emit({ type: "waiting", at: at(), address: m.address, loadId: running.id, status: running.status });
    const since = clock.now();
    const r = await pollUntil(m, since, since + m.timeoutMs, (l) => noMoreStarts.signal.aborted || l === null || !isInProgress(l.status), () => {});
    if (noMoreStarts.signal.aborted) throw new Outcome("not_started", interrupted ? "interrupted while waiting for a running load" : "an earlier model failed (--fail-fast)");
    if (!r.done) throw new Outcome("timed_out", `a load already running (${running.id ?? "no id"}) did not end within ${formatDurationSpec(m.timeoutMs)}; ours was not started`, r.load);
    return r.load;
  };

  const sendTrigger = (m: PlannedModel): Promise<void> => {
    switch (m.action) {
      case "full":
        return api.triggerLoad(ref(m), "full");
      case "cache":
        return api.triggerLoad(ref(m), "cache");
      case "partial":
        return api.partialSync(ref(m), m.tables.map((t) => t.id));
      case "skip":
        throw new Error("a skipped model is never triggered");
    }
  };

  /** Looks for a load newer than `before` for up to `windowMs`: did a trigger we lost start one? */
  const findStartedLoad = async (m: PlannedModel, before: LoadMark, windowMs: number): Promise<LastLoad | null> => {
    const since = clock.now();
    const r = await pollUntil(m, since, since + windowMs, (l) => isNewLoad(l, before), () => {});
    return r.done ? r.load : null;
  };

  /**
   * Reads the state, deals with a running load, triggers. Returns the load seen before our
   * trigger, and when the first trigger was sent: the model's timeout runs from then, through any
   * re-sends, to the verified end.
   */
  const trigger = async (m: PlannedModel): Promise<{ before: LoadMark; sentAt: number }> => {
    let before: LastLoad | null = null;
    let sent = 0;
    let firstSentAt: number | null = null;
    // A trigger of ours may have started a load that last-load does not show yet.
    let maybeStarted = false;
    let busySince: number | null = null;
    const adopt = () => {
      emit({ type: "triggered", at: at(), address: m.address, action: m.action, adopted: true });
      return { before, sentAt: firstSentAt ?? clock.now() };
    };
    for (;;) {
      const failures = { n: 0 };
      let current: LastLoad | null | undefined;
      while ((current = await readLast(m, failures)) === undefined) await clock.sleep(policy.minIntervalMs);
      if (maybeStarted && isNewLoad(current, before)) return adopt(); // a trigger we were told failed did start it
      if (current !== null && isInProgress(current.status)) {
        if (m.onRunning === "skip") throw new Outcome("skipped", `a load is already running (${current.status}); skipped (onRunning: skip)`, current);
        if (m.onRunning === "fail") throw new Outcome("failed", `a load is already running (${current.status}); not started (onRunning: fail)`, current);
        current = await waitForRunning(m, current);
      }
      if (!maybeStarted) before = current;
      if (noMoreStarts.signal.aborted) throw new Outcome("not_started", interrupted ? "interrupted before its load started" : "an earlier model failed (--fail-fast)");
      try {
        sent++;
        firstSentAt ??= clock.now();
        await sendTrigger(m);
        emit({ type: "triggered", at: at(), address: m.address, action: m.action, adopted: false });
        return { before, sentAt: firstSentAt };
      } catch (err) {
        if (isAlreadyRunning(err)) {
          sent--; // refused: it started nothing
          if (maybeStarted) return adopt(); // the running load is most likely the one our lost trigger started
          // Someone else's load runs, though last-load may not show it yet.
          if (m.onRunning === "skip") throw new Outcome("skipped", "a load is already running (the service refused the trigger); skipped (onRunning: skip)");
          if (m.onRunning === "fail") throw new Outcome("failed", "a load is already running (the service refused the trigger); not started (onRunning: fail)");
          if (sent === 0) firstSentAt = null; // nothing of ours runs yet: the timeout starts with our load
          busySince ??= clock.now();
          const waited = clock.now() - busySince;
          if (waited >= m.timeoutMs) throw new Outcome("timed_out", `a load already running did not end within ${formatDurationSpec(m.timeoutMs)}; ours was not started`);
          const delayMs = nextPollDelay(waited, policy, random);
          emit({ type: "retry", at: at(), address: m.address, attempt: 1, delayMs, reason: "a load is already running: waiting for it to end" });
          await clock.sleep(delayMs);
          continue;
        }
        const reached = err instanceof ApiError && err.mayHaveReachedServer;
        const transient = err instanceof ApiError && (err.retryable || err.kind !== "http" || (err.status ?? 0) >= 500);
        if (!transient && !reached) throw err;
        // The outcome is unknown or transient: last-load decides whether it started, never a blind re-send.
        const deadline = (firstSentAt ?? clock.now()) + m.timeoutMs;
        let windowMs = 0;
        if (reached) {
          maybeStarted = true;
          const watchMs = err instanceof ApiError && err.kind === "http" ? policy.failedAnswerWatchMs : policy.lostAnswerWatchMs;
          windowMs = Math.max(0, Math.min(watchMs, deadline - clock.now()));
          emit({ type: "checking", at: at(), address: m.address, windowMs, reason: `the trigger may have reached the service: ${errorText(err)}` });
        }
        const started = await findStartedLoad(m, before, windowMs);
        if (started) return adopt();
        if (clock.now() >= deadline) {
          throw new Outcome("timed_out", `no load appeared within ${formatDurationSpec(m.timeoutMs)} of the first trigger, and it was not sent again: ${errorText(err)}`);
        }
        if (sent >= policy.maxTriggerAttempts) throw new Outcome("failed", `the trigger failed ${sent} times and last-load showed no load of it: ${errorText(err)}`);
        const delayMs = policy.retryDelayMs * 2 ** (sent - 1);
        const why = reached ? `no load appeared in last-load within ${formatDurationSpec(windowMs)}, so the trigger is sent again` : "it started nothing";
        emit({ type: "retry", at: at(), address: m.address, attempt: sent, delayMs, reason: `trigger failed (${errorText(err)}); ${why}` });
        await clock.sleep(delayMs);
      }
    }
  };

  const reloadAndVerify = async (m: PlannedModel): Promise<LastLoad> => {
    const { before, sentAt } = await trigger(m);
    const triggeredAt = clock.now();
    let seenId: string | null | undefined;
    const r = await pollUntil(
      m,
      triggeredAt,
      sentAt + m.timeoutMs,
      (l) => isNewLoad(l, before) && !isInProgress(l!.status),
      (l) => {
        const mine = isNewLoad(l, before) ? l : null;
        if (mine && seenId === undefined) {
          seenId = mine.id;
          emit({ type: "load_seen", at: at(), address: m.address, loadId: mine.id, status: mine.status });
        }
        emit({ type: "polled", at: at(), address: m.address, loadId: mine?.id ?? null, status: mine?.status ?? "PENDING", elapsedMs: clock.now() - triggeredAt });
      },
    );
    const mine = r.load && isNewLoad(r.load, before) ? r.load : null;
    if (!r.done) {
      const state = mine ? `last seen ${mine.status}` : "the new load never appeared in last-load";
      throw new Outcome("timed_out", `no verified end within ${formatDurationSpec(m.timeoutMs)} (${state})`, mine);
    }
    const load = mine!;
    if (load.status === "SUCCESS") return load;
    if (load.status === "WARNING") {
      if (m.onWarning === "succeed") return load;
      throw new Outcome("failed", `${load.message ?? "the load ended with a warning"} (WARNING fails: onWarning is fail)`, load);
    }
    if (isTerminal(load.status)) throw new Outcome("failed", load.message ?? `the load ended ${load.status}`, load);
    throw new Outcome("failed", `the load reports an unknown status "${load.status}"${load.message ? `: ${load.message}` : ""}; not counted as success`, load);
  };

  const work: Promise<void>[] = [];
  for (const m of doc.models) {
    if (m.action === "skip") {
      finish({ address: m.address, action: m.action, result: "skipped", loadStatus: m.lastLoad?.status ?? null, loadId: m.lastLoad?.id ?? null, message: m.reason, durationMs: 0 });
      continue;
    }
    emit({ type: "queued", at: at(), address: m.address, action: m.action });
    const pool = limitFor(poolLimits, m.pool, poolBounds[m.pool] ?? 2);
    const one = limitFor(modelLimits, `${m.poolId}/${m.modelId}`, 1);
    work.push(one(() => pool(() => global(() => runModel(m)))));
  }
  await Promise.all(work);
  opts.stop?.removeEventListener("abort", onStop);

  const models = doc.models.map((m) => outcomes.get(m.address)!);
  const count = (r: ModelResult) => models.filter((o) => o.result === r).length;
  const summary: SummaryEvent = {
    type: "summary",
    at: at(),
    models,
    succeeded: count("succeeded"),
    failed: count("failed"),
    skipped: count("skipped"),
    timedOut: count("timed_out"),
    notStarted: count("not_started"),
    warnings: models.filter((o) => o.result === "succeeded" && o.loadStatus === "WARNING").length,
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
