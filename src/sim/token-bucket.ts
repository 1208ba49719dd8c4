// The global rate limit: a token bucket holding at most one second's worth of requests.

export interface TakeResult {
  ok: boolean;
  limit: number;
  /** Whole tokens left after this request. */
  remaining: number;
  /** When refused: whole seconds until a token is there (at least 1). */
  resetSeconds: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;
  private readonly capacity: number;

  constructor(
    readonly perSecond: number,
    now: number,
  ) {
    if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new RangeError(`rateLimit.perSecond must be a positive number; got ${perSecond}`);
    this.capacity = Math.max(1, perSecond);
    this.tokens = this.capacity;
    this.last = now;
  }

  take(now: number): TakeResult {
    // An injected clock may stand still or step back; the bucket then simply does not refill.
    if (now > this.last) {
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.perSecond) / 1000);
      this.last = now;
    }
    const limit = Math.ceil(this.capacity);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true, limit, remaining: Math.floor(this.tokens), resetSeconds: 0 };
    }
    const resetSeconds = Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
    return { ok: false, limit, remaining: 0, resetSeconds };
  }
}
