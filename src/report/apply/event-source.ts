import type { ApplyEvent } from "../../apply/events.js";

/** Where a live view gets apply events from (an emitter the CLI wires to the executor). */
export interface ApplyEventSource {
  /** Calls `fn` with each event from now on; returns the unsubscribe function. */
  subscribe(fn: (event: ApplyEvent) => void): () => void;
}
