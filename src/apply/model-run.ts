// What the steps of one model's apply share: the model, the port, the clock and its deadline, and
// the two ways they read last-load (once, tolerating a few failures; and watching until a load
// they accept shows up). Every wait here ends at the model's deadline.
import type { CelonisApi, LastLoad } from "../celonis/api.js";
import { ApiError } from "../celonis/errors.js";
import type { PlannedModel } from "../plan/types.js";
import type { ModelRef } from "../shared/types.js";
import type { Clock } from "./clock.js";
import { Deadline, DeadlinePassed } from "./deadline.js";
import type { ApplyEvent, ModelResult } from "./events.js";
import { nextPollDelay, type PollPolicy } from "./poll-policy.js";

export interface ModelRun {
  m: PlannedModel;
  api: CelonisApi;
  clock: Clock;
  emit: (event: ApplyEvent) => void;
  policy: PollPolicy;
  random: () => number;
  deadline: Deadline;
  /** Aborted when no new load may start (the first Ctrl-C, or a failure under --fail-fast). */
  noMoreStarts: AbortSignal;
  /** Why no new load may start, in words ("interrupted" or the --fail-fast reason). */
  whyNoMoreStarts(): string;
  /** The clock's now as ISO text, for events. */
  at(): string;
}

/** Ends a model's work early with a result other than success. */
export class Outcome extends Error {
  constructor(
    readonly result: ModelResult,
    message: string,
    readonly load: LastLoad | null = null,
  ) {
    super(message);
  }
}

export const refOf = (m: PlannedModel): ModelRef => ({ poolId: m.poolId, modelId: m.modelId });

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** ", while waiting for …" for a timeout's message, when the deadline cut a request or a pause. */
export function waitedFor(err: DeadlinePassed): string {
  return err.waitingFor === null ? "" : `; it was waiting for ${err.waitingFor}`;
}

const isPermanent = (err: unknown): boolean => err instanceof ApiError && !err.retryable;

/** Failures of last-load in a row (after the client's own retries). */
export interface ReadFailures {
  n: number;
}

/**
 * One read of last-load, cut by the deadline. A transient failure (the client has already retried
 * it) returns undefined and says so in a `retry` event, until `maxReadFailures` in a row.
 */
export async function readLastLoad(run: ModelRun, failures: ReadFailures): Promise<LastLoad | null | undefined> {
  const { m, api, deadline } = run;
  try {
    const l = await deadline.cut("last-load to answer", (signal) =>
      api.lastLoad(refOf(m), { signal, onWait: (what) => (deadline.waitingFor = what) }),
    );
    failures.n = 0;
    return l;
  } catch (err) {
    if (err instanceof DeadlinePassed || isPermanent(err) || ++failures.n >= run.policy.maxReadFailures) throw err;
    run.emit({ type: "retry", at: run.at(), address: m.address, attempt: failures.n, delayMs: run.policy.minIntervalMs, reason: `reading last-load failed: ${errorText(err)}` });
    return undefined;
  }
}

/** Reads last-load until a read succeeds (a failed read is retried after the shortest poll interval). */
export async function readLastLoadSurely(run: ModelRun): Promise<LastLoad | null> {
  const failures: ReadFailures = { n: 0 };
  for (;;) {
    const l = await readLastLoad(run, failures);
    if (l !== undefined) return l;
    await run.deadline.sleep(run.policy.minIntervalMs, "a retry of last-load");
  }
}

export interface WatchOptions {
  /** Poll intervals grow with the time since this (epoch ms). */
  since: number;
  /** Stop watching (returning null) after this; default: only the deadline ends the watch. */
  until?: number;
  /** What the model waits for between polls, for a timeout's message (null: nothing more than its next poll). */
  between?: string | null;
  accept: (load: LastLoad | null) => boolean;
  onRead?: (load: LastLoad | null) => void;
}

/**
 * Polls last-load with the poll policy's backoff until `accept` holds (returns that load), or
 * `until` passes (returns null). The deadline ends it with DeadlinePassed.
 */
export async function watchLastLoad(run: ModelRun, w: WatchOptions): Promise<{ load: LastLoad | null } | null> {
  const failures: ReadFailures = { n: 0 };
  for (;;) {
    const l = await readLastLoad(run, failures);
    if (l !== undefined) {
      w.onRead?.(l);
      if (w.accept(l)) return { load: l };
    }
    const now = run.clock.now();
    const end = w.until ?? Number.POSITIVE_INFINITY;
    if (now >= end) return null;
    await run.deadline.sleep(Math.min(end - now, nextPollDelay(now - w.since, run.policy, run.random)), w.between ?? null);
  }
}
