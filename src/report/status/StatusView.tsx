// Status on a TTY: the plain-text table, in colour.
import type { StatusDocument } from "../../status/types.js";
import { InkLines } from "../InkLines.js";
import { DEFAULT_WIDTH, statusLines } from "./status-lines.js";

export interface StatusViewProps {
  doc: StatusDocument;
  now: number;
  width?: number;
  color?: boolean;
}

export function StatusView({ doc, now, width, color = true }: StatusViewProps) {
  const w = width ?? DEFAULT_WIDTH;
  return <InkLines lines={statusLines(doc, { now, width: w })} width={w} color={color} />;
}
