// When to try again and how long to wait: exponential backoff with full jitter, unless the
// service said how long (`Retry-After`, `x-ratelimit-reset`).

export interface RetrySettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface HeaderReader {
  get(name: string): string | null;
}

/** Full jitter: uniform in [0, min(max, base · 2^(attempt-1))). `attempt` is the one that failed, from 1. */
export function backoffDelay(attempt: number, s: RetrySettings, random: () => number): number {
  const ceiling = Math.min(s.maxDelayMs, s.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

// x-ratelimit-reset is documented as seconds to wait; a value this large can only be an epoch time.
const EPOCH_SECONDS_FROM = 1e9;

/** How long the service asked us to wait, in ms (the larger of the two headers), or null if it did not say. */
export function serviceWaitMs(headers: HeaderReader, now: number): number | null {
  const waits = [retryAfterMs(headers.get("retry-after"), now), resetMs(headers.get("x-ratelimit-reset"), now)];
  const known = waits.filter((w): w is number => w !== null);
  return known.length === 0 ? null : Math.max(...known);
}

function retryAfterMs(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function resetMs(value: string | null, now: number): number | null {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return null;
  const n = Number(value);
  return n >= EPOCH_SECONDS_FROM ? Math.max(0, n * 1000 - now) : Math.ceil(n * 1000);
}

/** A successful answer that says the budget is spent: how long until it refills, or null. */
export function exhaustedBudgetWaitMs(headers: HeaderReader, now: number): number | null {
  const remaining = headers.get("x-ratelimit-remaining");
  // Number() reads a blank text as 0 (and ignores spaces around a number): a blank count says nothing
  if (remaining === null || remaining.trim() === "" || Number(remaining) !== 0) return null;
  return resetMs(headers.get("x-ratelimit-reset"), now);
}

/** Statuses after which a read is tried again. */
export const RETRYABLE_READ_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
/**
 * A write answered with this status may have been acted on: a 5xx of any code (a gateway's
 * 502/503/504/524, or the origin's own 500 after it started the load) does not prove the request
 * was refused before it acted. A 4xx (or 3xx) does.
 */
export function writeMayHaveActed(status: number): boolean {
  return status >= 500 && status <= 599;
}
