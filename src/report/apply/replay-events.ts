// An event source that remembers: subscribers that come late (a view mounting after the executor
// started) first get every event so far, in order, then the live ones.
import type { ApplyEvent } from "../../apply/events.js";
import type { ApplyEventSource } from "./event-source.js";

export interface ReplayingSource {
  source: ApplyEventSource;
  /** Stop listening to the upstream source. */
  close(): void;
}

export function replayingSource(upstream: ApplyEventSource): ReplayingSource {
  const seen: ApplyEvent[] = [];
  const listeners = new Set<(event: ApplyEvent) => void>();
  const unsubscribe = upstream.subscribe((event) => {
    seen.push(event);
    for (const fn of listeners) fn(event);
  });
  return {
    source: {
      subscribe(fn) {
        for (const event of seen) fn(event);
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
    },
    close: unsubscribe,
  };
}
