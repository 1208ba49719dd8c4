// A minimal event source for the view tests (the CLI has its own).
import type { ApplyEvent } from "../../../src/apply/events.js";

export function testSource() {
  const listeners = new Set<(e: ApplyEvent) => void>();
  return {
    listeners,
    subscribe(fn: (e: ApplyEvent) => void) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
    emit(...events: ApplyEvent[]) {
      for (const e of events) for (const fn of [...listeners]) fn(e);
    },
  };
}
