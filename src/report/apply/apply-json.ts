// Apply as NDJSON: each event as one JSON line, exactly as the executor emitted it.
import type { ApplyEvent } from "../../apply/events.js";
import { VERSION } from "../../version.js";

/** `write` gets one line per event, without the trailing newline. The first (`start`) and last
 * (`summary`) lines also say the format and the tool, as every JSON output of reloadctl does. */
export function createApplyJsonReporter(write: (line: string) => void): (event: ApplyEvent) => void {
  return (event) => {
    const versioned = event.type === "start" || event.type === "summary";
    write(JSON.stringify(versioned ? { ...event, formatVersion: 1, tool: { name: "reloadctl", version: VERSION } } : event));
  };
}
