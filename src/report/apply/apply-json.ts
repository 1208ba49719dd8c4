// Apply as NDJSON: each event as one JSON line, exactly as the executor emitted it.
import type { ApplyEvent } from "../../apply/events.js";

/** `write` gets one line per event, without the trailing newline. */
export function createApplyJsonReporter(write: (line: string) => void): (event: ApplyEvent) => void {
  return (event) => write(JSON.stringify(event));
}
