// A model's deadline: every wait of its work ends at it — a request, the client's retry and
// rate-limit pauses (through the signal), the executor's own sleeps between polls. It runs from the
// start of work on the model, and starts again at the first trigger the service may have acted on
// (the manifest's `timeout` runs from trigger to verified end).
import { abortError } from "../shared/sleep.js";
import type { Clock } from "./clock.js";

/** The deadline passed; `waitingFor` says what the model was waiting for then (null: its next poll). */
export class DeadlinePassed extends Error {
  override readonly name = "DeadlinePassed";
  constructor(readonly waitingFor: string | null) {
    super(waitingFor === null ? "the deadline passed" : `the deadline passed while waiting for ${waitingFor}`);
  }
}

export class Deadline {
  #at: number;
  readonly #passed = new AbortController();
  #timer: AbortController | null = null;
  /** What the model waits for now (set by each wait, and by the client as a request moves on). */
  waitingFor: string | null = null;

  constructor(
    private readonly clock: Clock,
    at: number,
  ) {
    this.#at = at;
    this.#arm();
  }

  get at(): number {
    return this.#at;
  }

  /** Aborts (with DeadlinePassed) when the deadline passes: hand it to every request. */
  get signal(): AbortSignal {
    return this.#passed.signal;
  }

  remainingMs(): number {
    return Math.max(0, this.#at - this.clock.now());
  }

  passed(): boolean {
    return this.#passed.signal.aborted || this.clock.now() >= this.#at;
  }

  /** Moves the deadline (once it has passed, it stays passed). */
  moveTo(at: number): void {
    if (this.#passed.signal.aborted) return;
    this.#at = at;
    this.#arm();
  }

  /** Sleeps `ms`, or until the deadline and then throws DeadlinePassed. */
  async sleep(ms: number, waitingFor: string | null): Promise<void> {
    this.waitingFor = waitingFor;
    const remaining = this.remainingMs();
    if (ms < remaining) return this.clock.sleep(ms);
    if (remaining > 0) await this.clock.sleep(remaining);
    throw new DeadlinePassed(waitingFor);
  }

  /** Runs a call with the deadline's signal, and ends it at the deadline with DeadlinePassed. */
  async cut<T>(waitingFor: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.waitingFor = waitingFor;
    if (this.passed()) throw new DeadlinePassed(waitingFor);
    const signal = this.#passed.signal;
    try {
      return await new Promise<T>((resolve, reject) => {
        const onAbort = (): void => reject(abortError(signal));
        signal.addEventListener("abort", onAbort, { once: true });
        call(signal).then(
          (v) => (signal.removeEventListener("abort", onAbort), resolve(v)),
          (e: unknown) => (signal.removeEventListener("abort", onAbort), reject(e)),
        );
      });
    } catch (err) {
      if (signal.aborted) throw new DeadlinePassed(this.waitingFor);
      throw err;
    }
  }

  /** Stops its timer (the model's work is over). */
  dispose(): void {
    this.#timer?.abort();
    this.#timer = null;
  }

  #arm(): void {
    this.#timer?.abort();
    const timer = (this.#timer = new AbortController());
    this.clock.sleep(this.remainingMs(), timer.signal).then(
      () => {
        if (this.#timer === timer) this.#passed.abort(new DeadlinePassed(this.waitingFor));
      },
      () => {},
    );
  }
}
