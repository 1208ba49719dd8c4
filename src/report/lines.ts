// A view as data: lines of toned spans. The text renderers paint them with ANSI, the Ink views
// with <Text>, so both show the same lines. No Ink here.
import { createStyle, textWidth, type Style, type Tone } from "./style.js";

export interface Span {
  text: string;
  tone?: Tone;
}

export type Line = Span[];

export const span = (text: string, tone?: Tone): Span => (tone ? { text, tone } : { text });

export function lineText(line: Line): string {
  return line.map((s) => s.text).join("");
}

/** The line cut to `width` characters (ending in `…` when cut), without trailing spaces. */
export function fitLine(line: Line, width: number): Line {
  const out: Line = [];
  let room = width;
  const total = line.reduce((n, s) => n + textWidth(s.text), 0);
  if (total <= width) {
    for (const s of line) out.push({ ...s });
  } else {
    for (const s of line) {
      if (room <= 0) break;
      const w = textWidth(s.text);
      if (w < room) {
        out.push({ ...s });
        room -= w;
      } else {
        // This span reaches the edge: keep room-1 of it plus the ellipsis.
        out.push({ ...s, text: `${Array.from(s.text).slice(0, room - 1).join("")}…` });
        room = 0;
      }
    }
  }
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.text.replace(/\s+$/u, "");
    if (trimmed !== "") {
      last.text = trimmed;
      break;
    }
    out.pop();
  }
  return out;
}

export function paintLine(line: Line, style: Style): string {
  return line.map((s) => (s.tone ? style[s.tone](s.text) : s.text)).join("");
}

/** Lines fitted to `width` and joined with `\n` (no trailing newline). */
export function paintLines(lines: Line[], opts: { color: boolean; width: number }): string {
  const style = createStyle(opts.color);
  return lines.map((l) => paintLine(fitLine(l, opts.width), style)).join("\n");
}
