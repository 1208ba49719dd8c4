// The control loop: at each tick, plan (the planner decides what is due), then start what is due
// through the executor (which triggers and verifies), within the bounds, across ticks. It keeps
// only its own state: the loads in flight, the backoffs, health. It never talks HTTP itself.
import { actionCounts } from "../shared/summary-order.js";
import type { CelonisApi } from "../celonis/api.js";
import type { Clock } from "../apply/clock.js";
import type { ApplyEvent, ModelOutcome } from "../apply/events.js";
import { executePlan } from "../apply/executor.js";
import type { PollPolicy } from "../apply/poll-policy.js";
import type { Manifest } from "../manifest/types.js";
import { buildPlan } from "../plan/build-plan.js";
import { endedWell } from "../plan/decide-action.js";
import type { Selection } from "../plan/select.js";
import type { PlanDocument, PlannedModel } from "../plan/types.js";
import { formatDurationSpec } from "../shared/duration.js";
import { nextBackoff, type Backoff } from "./backoff.js";
import { errorText, problemLines } from "./describe-error.js";
import type { Logger } from "./log.js";
import type { WatchMetrics } from "./metrics.js";
import { modelKey, pickDue, type Held } from "./pick-due.js";

export interface WatchLoopOptions {
  api: CelonisApi;
  clock: Clock;
  intervalMs: number;
  /** The longest wait a failing model's backoff grows to. */
  maxBackoffMs: number;
  /** After a stop, how long loads in flight are verified before watch gives up on them. */
  graceMs: number;
  /** The manifest for a tick: the newest valid one. */
  manifest: () => Promise<Manifest>;
  selection: Selection;
  log: Logger;
  metrics?: WatchMetrics;
  /** The first SIGTERM/SIGINT: no new loads; those in flight are verified, up to graceMs. */
  stop: AbortSignal;
  policy?: Partial<PollPolicy>;
  random?: () => number;
}

export interface TickReport {
  at: number;
  /** The plan was made (the API answered every read). */
  ok: boolean;
  /** Addresses whose load started at this tick. */
  started: string[];
  held: Held[];
}

export interface StopReport {
  /** Loads still unverified when the grace period ended (they run on at the service). */
  unverified: string[];
}

interface Flight {
  key: string;
  address: string;
  pool: string;
  done: Promise<void>;
}

export interface WatchLoop {
  tick(): Promise<TickReport>;
  /** Ticks every interval until stopped, then verifies the loads in flight (up to the grace period). */
  run(): Promise<StopReport>;
  health(): { alive: boolean; ready: boolean };
  inFlight(): string[];
  backoff(address: string): Backoff | undefined;
}

const summarize = (models: PlannedModel[]) => actionCounts(models.map((m) => m.action));

export function createWatchLoop(opts: WatchLoopOptions): WatchLoop {
  const { api, clock, log, metrics, stop } = opts;
  const flights = new Map<string, Flight>();
  const backoffs = new Map<string, Backoff>();
  const addressOf = new Map<string, string>();
  let ready = false;
  let stopping = false;
  let lastBeat = clock.now();
  // After the grace period the executor's waits end at once: watch stops verifying.
  const abandon = new AbortController();
  const execClock: Clock = {
    now: clock.now,
    sleep: (ms, signal) => clock.sleep(ms, signal ? AbortSignal.any([signal, abandon.signal]) : abandon.signal),
  };

  const onEvent = (e: ApplyEvent) => {
    switch (e.type) {
      case "triggered":
        return log.info(e.adopted ? "load found: a trigger whose answer was lost started it" : "load triggered", { address: e.address, action: e.action });
      case "load_seen":
        return log.info("load running", { address: e.address, loadId: e.loadId, status: e.status });
      case "waiting":
        return log.info("waiting for a load already running to end (onRunning: wait)", { address: e.address, loadId: e.loadId, status: e.status });
      case "retry":
        return log.warn("retrying", { address: e.address, attempt: e.attempt, delayMs: e.delayMs, reason: e.reason });
      case "not_ours":
        return log.warn("a load that is not ours shows in last-load; still watching for ours", { address: e.address, loadId: e.loadId, status: e.status, reason: e.reason });
      case "checking":
        return log.warn("checking whether a trigger started a load", { address: e.address, windowMs: e.windowMs, reason: e.reason });
      default:
        return; // start, queued, polled, interrupted, summary: the loop says its own
    }
  };

  const finished = (m: PlannedModel, o: ModelOutcome, tickAt: number) => {
    if (abandon.signal.aborted) return; // given up on: said at the stop
    const key = modelKey(m);
    metrics?.loadEnded(m.address, m.pool, o.result, o.durationMs);
    const fields = { address: m.address, loadId: o.loadId, result: o.result, loadStatus: o.loadStatus, durationMs: o.durationMs, message: o.message };
    if (o.result === "succeeded") {
      backoffs.delete(key);
      metrics?.sawSuccess(m.address, clock.now(), o.loadId);
      log.info("load ended", fields);
    } else if (o.result === "failed" || o.result === "timed_out") {
      const b = nextBackoff(backoffs.get(key), true, tickAt, opts.intervalMs, opts.maxBackoffMs)!;
      backoffs.set(key, b);
      log.warn("load ended", fields);
      log.warn("backing off", { address: m.address, failures: b.failures, retryIn: formatDurationSpec(b.notBefore - tickAt), nextAttemptAt: new Date(b.notBefore).toISOString() });
    } else {
      log.info("load not run", fields);
    }
  };

  const launch = (m: PlannedModel, doc: PlanDocument, tickAt: number) => {
    const key = modelKey(m);
    const one: PlanDocument = { ...doc, models: [m], order: [m.address], summary: summarize([m]) };
    metrics?.loadStarted(m.address, m.pool);
    log.info("load starting", { address: m.address, action: m.action, reason: m.reason });
    const done = executePlan({
      doc: one,
      api,
      clock: execClock,
      emit: onEvent,
      stop,
      ...(opts.policy ? { policy: opts.policy } : {}),
      ...(opts.random ? { random: opts.random } : {}),
    })
      .then((summary) => finished(m, summary.models[0]!, tickAt))
      .catch((err: unknown) => {
        if (abandon.signal.aborted) return;
        metrics?.loadEnded(m.address, m.pool, "not_started", 0); // no longer in flight; no result to count
        log.error("load work ended unexpectedly (a bug in reloadctl: please report it)", { address: m.address, error: errorText(err) });
      })
      .finally(() => flights.delete(key));
    flights.set(key, { key, address: m.address, pool: m.pool, done });
  };

  const tick = async (): Promise<TickReport> => {
    const at = clock.now();
    lastBeat = at;
    const report: TickReport = { at, ok: false, started: [], held: [] };
    // A load that ends while the plan is read was read as running: this tick leaves it alone.
    const busy = new Set(flights.keys());
    const manifest = await opts.manifest();
    let doc: PlanDocument;
    try {
      doc = await buildPlan({ manifest, api, selection: opts.selection, now: clock.now, signal: stop });
    } catch (err) {
      if (stop.aborted) return report;
      ready = false;
      metrics?.tickEnded(clock.now() - at, false);
      log.error("tick failed: the plan could not be made; trying again at the next tick", { problems: problemLines(err) });
      lastBeat = clock.now();
      return report;
    }
    ready = true;
    report.ok = true;
    for (const k of flights.keys()) busy.add(k);
    if (metrics) {
      metrics.setModels(doc.models.map((m) => ({ address: m.address, pool: m.pool, maxAgeMs: m.maxAgeMs })));
      for (const m of doc.models) {
        const l = m.lastLoad;
        if (l?.endDate && endedWell(l.status, m.onWarning)) metrics.sawSuccess(m.address, Date.parse(l.endDate), l.id);
      }
    }
    for (const m of doc.models) addressOf.set(modelKey(m), m.address);
    if (!stop.aborted) {
      // When slots are short, the plan's start order (longest expected first) says who goes first.
      const rank = new Map(doc.order.map((address, i) => [address, i]));
      const ordered = [...doc.models].sort((a, b) => (rank.get(a.address) ?? Infinity) - (rank.get(b.address) ?? Infinity));
      const due = pickDue({
        models: ordered,
        busy,
        running: [...flights.values()],
        backoff: backoffs,
        now: at,
        parallelism: doc.parallelism,
        poolParallelism: doc.poolParallelism,
      });
      for (const m of due.start) launch(m, doc, at);
      report.started = due.start.map((m) => m.address);
      report.held = due.held;
    }
    metrics?.tickEnded(clock.now() - at, true);
    const backingOff = report.held.filter((h) => h.why === "backoff").map((h) => h.address);
    const waiting = report.held.filter((h) => h.why === "no_slot").map((h) => h.address);
    log.info("tick", {
      models: doc.models.length,
      due: report.started.length + report.held.filter((h) => h.why !== "running").length,
      started: report.started.length,
      inFlight: flights.size,
      ...(backingOff.length ? { backingOff } : {}),
      ...(waiting.length ? { waitingForSlot: waiting } : {}),
      durationMs: clock.now() - at,
    });
    lastBeat = clock.now();
    return report;
  };

  const drain = async (): Promise<StopReport> => {
    stopping = true;
    const pending = [...flights.values()];
    if (pending.length === 0) {
      log.info("stopped: no load was in flight");
      return { unverified: [] };
    }
    log.info("stopping: no new loads; verifying those in flight", { loads: pending.map((f) => f.address), grace: formatDurationSpec(opts.graceMs) });
    const graceOver = new AbortController();
    const timedOut = await Promise.race([
      Promise.all(pending.map((f) => f.done)).then(() => false),
      clock.sleep(opts.graceMs, graceOver.signal).then(
        () => true,
        () => false,
      ),
    ]);
    graceOver.abort();
    if (!timedOut) {
      log.info("stopped: every load in flight was verified");
      return { unverified: [] };
    }
    const unverified = [...flights.values()].map((f) => f.address);
    abandon.abort();
    for (const address of unverified) {
      log.error("not verified: the grace period ended; the load runs on at the service (see `reloadctl status`)", { address, grace: formatDurationSpec(opts.graceMs) });
    }
    return { unverified };
  };

  return {
    tick,
    async run() {
      let next = clock.now();
      while (!stop.aborted) {
        await tick();
        const now = clock.now();
        while (next <= now) next += opts.intervalMs;
        try {
          await clock.sleep(next - now, stop);
        } catch {
          break;
        }
      }
      return drain();
    },
    health() {
      const alive = stopping || clock.now() - lastBeat <= 3 * opts.intervalMs + 60_000;
      return { alive, ready: ready && !stopping };
    },
    inFlight: () => [...flights.values()].map((f) => f.address),
    backoff: (address) => {
      for (const [key, a] of addressOf) if (a === address) return backoffs.get(key);
      return undefined;
    },
  };
}
