// One gate per client: when the service says "slow down", every request of the client waits until
// the time it named, instead of each request finding out on its own. And before it has to say so:
// once the service has told its limit, requests spend the budget it reports as left, then start
// evenly spaced at that limit, so the budget is never burnt in a burst.

/** What an answer said of the rate budget (`x-ratelimit-limit`, `x-ratelimit-remaining`). */
export interface BudgetReport {
  /** Requests per second the service allows, or null if it did not say. */
  limit: number | null;
  /** Requests left right after this one, or null if it did not say. */
  remaining: number | null;
}

export const NO_REPORT: BudgetReport = { limit: null, remaining: null };

/**
 * Reads the budget headers: counts of requests, so whole numbers (anything else is ignored, never
 * guessed at: a limit of 0.02 would space requests 50 s apart). `x-ratelimit-limit` is read as
 * requests per second: the window is not published, and the platform's published example limit is
 * per second (20/s).
 */
export function budgetReport(headers: { get(name: string): string | null }): BudgetReport {
  const count = (name: string): number | null => {
    const v = headers.get(name)?.trim();
    return v && /^\d{1,9}$/.test(v) ? Number(v) : null;
  };
  const limit = count("x-ratelimit-limit");
  return { limit: limit !== null && limit > 0 ? limit : null, remaining: count("x-ratelimit-remaining") };
}

export class RateGate {
  #openAt = 0;
  #perSecond: number | null = null;
  /** Requests that may still start unpaced: the last reported remaining, less what is in flight or started since. */
  #budget = Number.POSITIVE_INFINITY;
  #inFlight = 0;
  #lastStartAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number) {}

  /** Keep the gate shut for at least `ms` from now (a later reopening already set is kept). */
  shutFor(ms: number): void {
    this.#openAt = Math.max(this.#openAt, this.now() + Math.max(0, ms));
  }

  /** ms left until the gate opens; 0 when open. */
  remainingMs(): number {
    return Math.max(0, this.#openAt - this.now());
  }

  /** When the gate opens (epoch ms of `now`); changes only when the gate is shut further. */
  get openAt(): number {
    return this.#openAt;
  }

  /**
   * Resolves once the gate has been waited out, and returns the opening it waited for. It waits
   * again only if the gate was shut further meanwhile, so a sleep that returns early (an injected
   * one whose clock does not move) cannot make it spin.
   */
  async pass(sleep: (ms: number, signal?: AbortSignal) => Promise<void>, signal?: AbortSignal): Promise<number> {
    let waitedFor: number | null = null;
    while (this.remainingMs() > 0 && this.#openAt !== waitedFor) {
      waitedFor = this.#openAt;
      await sleep(this.remainingMs(), signal);
    }
    return this.#openAt;
  }

  /**
   * Books a request's start: how many ms it must wait before it is sent (0: now). Every booking
   * must be followed by exactly one `answered`, whether or not the request was sent.
   */
  book(): number {
    const now = this.now();
    this.#inFlight++;
    this.#budget--;
    const rate = this.#perSecond;
    // A reserve of the reported budget is kept unspent, for requests the report could not count yet.
    const paced = rate !== null && this.#budget < Math.max(1, Math.ceil(rate / 10));
    const at = paced ? Math.max(now, this.#lastStartAt + 1000 / rate) : now;
    this.#lastStartAt = Math.max(this.#lastStartAt, at);
    return at - now;
  }

  /** A booked request is over: answered (with what the answer said of the budget), failed or given up. */
  answered(report: BudgetReport): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    if (report.limit !== null) this.#perSecond = report.limit;
    if (report.remaining !== null) this.#budget = report.remaining - this.#inFlight;
  }
}
