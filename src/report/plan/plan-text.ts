// The plan as plain lines (CI logs, pipes): the TTY view's lines, optionally coloured, no spinners.
import type { PlanDocument } from "../../plan/types.js";
import { paintLines } from "../lines.js";
import { DEFAULT_WIDTH, planLines } from "./plan-lines.js";

export interface PlanTextOptions {
  now: number;
  color: boolean;
  width?: number;
  savedTo?: string | null;
  planSha256?: string | null;
  foldSkipsOver?: number;
}

/** The plan view, ending without a newline. */
export function renderPlanText(doc: PlanDocument, opts: PlanTextOptions): string {
  const width = opts.width ?? DEFAULT_WIDTH;
  return paintLines(planLines(doc, { ...opts, width }), { color: opts.color, width });
}
