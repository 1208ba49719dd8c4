// Status as plain lines: a table of each declared model's last load.
import type { StatusDocument } from "../../status/types.js";
import { paintLines } from "../lines.js";
import { DEFAULT_WIDTH, statusLines } from "./status-lines.js";

export function renderStatusText(doc: StatusDocument, opts: { now: number; color: boolean; width?: number }): string {
  const width = opts.width ?? DEFAULT_WIDTH;
  return paintLines(statusLines(doc, { now: opts.now, width }), { color: opts.color, width });
}
