// Time, injected: the executor never reads the wall clock or sets a timer on its own.
import { realSleep } from "../shared/sleep.js";

export interface Clock {
  now(): number;
  /** Resolves after ms; rejects with the signal's reason if it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: realSleep,
};
