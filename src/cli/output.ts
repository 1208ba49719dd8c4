// The renderer is chosen once, here at the edge.
import { UserError } from "../shared/errors.js";
import { isInteractive, type Io } from "./io.js";

export type Format = "tty" | "text" | "json" | "markdown";

const FORMATS = ["auto", "text", "json", "markdown"];

export function resolveFormat(values: { format?: string | undefined; json?: boolean | undefined }, io: Io): Format {
  const asked = values.format ?? (values.json ? "json" : "auto");
  if (!FORMATS.includes(asked)) throw new UserError(`--format must be one of ${FORMATS.join(", ")}; got "${asked}"`);
  if (values.json && asked !== "json") throw new UserError(`--json and --format ${asked} disagree`, "pass one of them");
  if (asked === "auto") return isInteractive(io) ? "tty" : "text";
  return asked as Format;
}

/**
 * Colour on a terminal that can show it. --no-color and NO_COLOR turn it off; FORCE_COLOR (not
 * 0 or false) turns it on even in a pipe or a CI log; TERM=dumb turns it off on a terminal.
 * JSON and Markdown never carry it. `stream`: the one the view draws on (default stdout).
 */
export function useColor(values: { "no-color"?: boolean | undefined }, io: Io, format: Format, stream: { isTTY?: boolean } = io.stdout): boolean {
  if (values["no-color"]) return false;
  if (format === "json" || format === "markdown") return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return colorForced(io.env);
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.TERM === "dumb") return false;
  return Boolean(stream.isTTY);
}

/** A terminal's width; in a log or a pipe nothing is cut, so no message loses its cause. */
export function terminalWidth(io: Io): number {
  return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 1000;
}

/** FORCE_COLOR set, and not to 0 or false: colour wherever the output goes. */
export function colorForced(env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  return force !== undefined && !["0", "false"].includes(force.toLowerCase());
}
