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

/** Colour only on a terminal, and never with NO_COLOR or --no-color. */
export function useColor(values: { "no-color"?: boolean | undefined }, io: Io, format: Format): boolean {
  if (values["no-color"]) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (format === "json" || format === "markdown") return false;
  return Boolean(io.stdout.isTTY);
}

/** A terminal's width; in a log or a pipe nothing is cut, so no message loses its cause. */
export function terminalWidth(io: Io): number {
  return io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 1000;
}
