// A clock the test drives: `now()` and `sleep()` for the client, so backoff and rate-limit waits
// are instant and their lengths observable. Auto mode jumps time forward on every sleep; manual
// mode parks sleepers until the test advances time.

interface Sleeper {
  until: number;
  resolve: () => void;
}

export class FakeClock {
  private t: number;
  private readonly sleepers: Sleeper[] = [];
  /** Every sleep asked for, in ms, in order. */
  readonly slept: number[] = [];

  constructor(
    start = 0,
    private readonly auto = true,
  ) {
    this.t = start;
  }

  now = (): number => this.t;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.slept.push(ms);
    if (this.auto) {
      this.t += ms;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const sleeper: Sleeper = { until: this.t + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener("abort", () => {
        this.sleepers.splice(this.sleepers.indexOf(sleeper), 1);
        reject(signal.reason);
      });
    });
  };

  get pendingSleeps(): number {
    return this.sleepers.length;
  }

  /** Moves time forward, waking every sleeper that is due (earliest first) on the way. */
  advance(ms: number): void {
    const target = this.t + ms;
    this.sleepers.sort((a, b) => a.until - b.until);
    while (this.sleepers[0] && this.sleepers[0].until <= target) {
      const next = this.sleepers.shift()!;
      this.t = Math.max(this.t, next.until);
      next.resolve();
    }
    this.t = target;
  }
}
