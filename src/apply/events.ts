// What the executor says while it runs. Renderers subscribe; the executor knows no terminal.
import type { Action } from "../plan/types.js";

export type ModelResult = "succeeded" | "failed" | "timed_out" | "skipped" | "not_started";

export interface ModelOutcome {
  address: string;
  action: Action;
  result: ModelResult;
  /** The verified load's status (SUCCESS, WARNING, ERROR, …), or null when none was seen. */
  loadStatus: string | null;
  loadId: string | null;
  /** Why it failed or was skipped, or the service's message on a WARNING; null when nothing to say. */
  message: string | null;
  /** From start of work on the model (after queueing) to its verified end; 0 for skips. */
  durationMs: number;
}

export type ApplyEvent =
  | {
      type: "start";
      at: string;
      /** The plan being applied (plan-id.ts), so logs and reports name the reviewed plan. */
      planId: string;
      /** The manifest the plan was made from, and the service it runs against: every header says them. */
      manifest?: string;
      baseUrl?: string;
      /** In plan order; the expected duration as the plan recorded it. */
      models: { address: string; action: Action; pool: string; expectedDurationMs: number | null }[];
      /** The addresses to start, in the order they are queued (`--order`). */
      order: string[];
      parallelism: number;
      poolParallelism: Record<string, number>;
    }
  /** Waiting for a slot within the bounds. */
  | { type: "queued"; at: string; address: string; action: Action }
  /** A load was already running when we looked: waiting for it to end (onRunning: wait). */
  | { type: "waiting"; at: string; address: string; loadId: string | null; status: string }
  /** The trigger was accepted (or a lost trigger was found to have started a load). */
  | { type: "triggered"; at: string; address: string; action: Action; adopted: boolean }
  /** Our new load was seen in last-load (its id, once known). */
  | { type: "load_seen"; at: string; address: string; loadId: string | null; status: string }
  | { type: "polled"; at: string; address: string; loadId: string | null; status: string; elapsedMs: number }
  /**
   * last-load shows a load other than the one seen before the trigger that cannot be ours: it
   * started before that one, or before our first trigger (less the clock-skew allowance). It is
   * not taken for ours; the watch goes on.
   */
  | { type: "not_ours"; at: string; address: string; loadId: string | null; status: string; reason: string }
  /**
   * A trigger failed in a way that may have started a load (its answer was lost, or a 5xx):
   * last-load is watched for up to `windowMs` before the trigger is sent again.
   */
  | { type: "checking"; at: string; address: string; windowMs: number; reason: string }
  /** A request failed and will be tried again. */
  | { type: "retry"; at: string; address: string; attempt: number; delayMs: number; reason: string }
  | ({ type: "finished"; at: string } & ModelOutcome)
  /** First Ctrl-C: no new loads start; loads in flight are still verified. */
  | { type: "interrupted"; at: string }
  | {
      type: "summary";
      at: string;
      models: ModelOutcome[];
      succeeded: number;
      failed: number;
      skipped: number;
      timedOut: number;
      notStarted: number;
      /** Succeeded with a WARNING load (onWarning: succeed). */
      warnings: number;
      durationMs: number;
      interrupted: boolean;
    };

export type ApplyEventType = ApplyEvent["type"];
