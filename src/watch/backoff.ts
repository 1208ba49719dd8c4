// Per-model backoff after failures: a broken model is not hammered, a success forgets it all.

export interface Backoff {
  /** Failed or timed-out loads in a row. */
  failures: number;
  /** No new load of the model starts before this time (ms). */
  notBefore: number;
}

/**
 * The wait after the k-th failure in a row, counted from the failed load's tick:
 * one interval after the first (the next tick, as without backoff), then 2, 4, 8 … intervals,
 * never more than `maxMs` (nor less than one interval).
 */
export function backoffDelay(failures: number, intervalMs: number, maxMs: number): number {
  const doubled = intervalMs * 2 ** Math.min(Math.max(0, failures - 1), 30);
  return Math.max(intervalMs, Math.min(doubled, maxMs));
}

/** The state after a load that began at `startedTickAt` ended: success resets, failure doubles. */
export function nextBackoff(previous: Backoff | undefined, failed: boolean, startedTickAt: number, intervalMs: number, maxMs: number): Backoff | undefined {
  if (!failed) return undefined;
  const failures = (previous?.failures ?? 0) + 1;
  return { failures, notBefore: startedTickAt + backoffDelay(failures, intervalMs, maxMs) };
}
