// The plan on a TTY: the plain-text view's lines, in colour.
import type { PlanDocument } from "../../plan/types.js";
import { InkLines } from "../InkLines.js";
import { DEFAULT_WIDTH, planLines } from "./plan-lines.js";

export interface PlanViewProps {
  doc: PlanDocument;
  now: number;
  savedTo?: string | null;
  planSha256?: string | null;
  width?: number;
  color?: boolean;
  foldSkipsOver?: number;
}

export function PlanView({ doc, now, savedTo, planSha256, width, color = true, foldSkipsOver }: PlanViewProps) {
  const w = width ?? DEFAULT_WIDTH;
  return <InkLines lines={planLines(doc, { now, width: w, savedTo, planSha256, foldSkipsOver })} width={w} color={color} />;
}
