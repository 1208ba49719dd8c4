// How often to ask last-load. The wait grows with the load's age (a fraction of the time since
// the trigger), so a load is reported within max(minInterval, fraction × run time) of its end and
// the number of polls grows with the log of its duration.

export interface PollPolicy {
  /** Shortest wait between polls. */
  minIntervalMs: number;
  /** Longest wait between polls. */
  maxIntervalMs: number;
  /** Wait as a fraction of the time elapsed since the trigger. */
  fraction: number;
  /** How long to watch last-load for the load of a trigger whose answer was lost (connection closed or timed out after sending). */
  lostAnswerWatchMs: number;
  /** The same for a trigger the service answered with a 5xx, which may yet have started a load. */
  failedAnswerWatchMs: number;
  /** Triggers sent at most for one model (the first and re-sends after last-load showed none started). */
  maxTriggerAttempts: number;
  /** Wait before re-sending a trigger that failed and started nothing. */
  retryDelayMs: number;
  /** Reads in a row that may fail (after the client's own retries) before the model fails. */
  maxReadFailures: number;
}

export const DEFAULT_POLL_POLICY: PollPolicy = {
  minIntervalMs: 1_000,
  maxIntervalMs: 5 * 60_000,
  fraction: 0.1,
  // A minute: a load that shows up later than that after a lost answer would be sent twice; a
  // trigger that truly never arrived costs this much before it is sent again. A 5xx is an answer
  // that says the trigger failed: a shorter watch covers a gateway's error after the service took it.
  lostAnswerWatchMs: 60_000,
  failedAnswerWatchMs: 15_000,
  maxTriggerAttempts: 3,
  retryDelayMs: 2_000,
  maxReadFailures: 5,
};

/**
 * Share of the bound left for the poll's own round trip and a late timer: the end is reported when
 * the answer arrives, not when the poll is sent, and a busy machine wakes timers late. At 0.1 the
 * bench's worst load came in at 92 % of its bound; 0.2 buys margin for ~10 % more polls.
 */
export const ROUND_TRIP_SHARE = 0.2;
/** Share of the bound jitter may take off, so many loads started together do not poll in step. */
export const JITTER_SHARE = 0.15;

/**
 * The wait before the next poll: at most (1 − ROUND_TRIP_SHARE) of the bound
 * max(minInterval, fraction × elapsed) capped at maxInterval; jitter only shortens it.
 */
export function nextPollDelay(elapsedMs: number, policy: PollPolicy, random: () => number): number {
  const bound = Math.min(policy.maxIntervalMs, Math.max(policy.minIntervalMs, policy.fraction * elapsedMs));
  return Math.round(bound * (1 - ROUND_TRIP_SHARE - JITTER_SHARE * random()));
}
