// A view as data: lines of toned spans. The text renderers paint them with ANSI, the Ink views
// with <Text>, so both show the same lines. No Ink here.
import { createStyle, sliceWidth, textWidth, type Style, type Tone } from "./style.js";

export interface Span {
  text: string;
  tone?: Tone;
}

export type Line = Span[];

export const span = (text: string, tone?: Tone): Span => (tone ? { text, tone } : { text });

export function lineText(line: Line): string {
  return line.map((s) => s.text).join("");
}

/** The line cut to `width` terminal cells (ending in `…` when cut), without trailing spaces. */
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
        out.push({ ...s, text: `${sliceWidth(s.text, room - 1)}…` });
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

/**
 * The line wrapped at spaces to `width`, each continuation indented by `indent` spaces (a word
 * longer than a line is broken). For what must be read whole on a narrow terminal: a failure's
 * message, a note; tables cut their cells instead (fitLine).
 */
export function wrapLine(line: Line, width: number, indent: number): Line[] {
  const pad = Math.max(0, Math.min(indent, width - 10));
  const lines: Line[] = [[]];
  let used = 0;
  let from: Span | null = null; // the span the current line's last piece came from
  const newLine = () => {
    lines.push(pad > 0 ? [span(" ".repeat(pad))] : []);
    used = pad;
    from = null;
  };
  const put = (s: Span, text: string) => {
    const current = lines[lines.length - 1]!;
    const last = current[current.length - 1];
    // Pieces of one span stay one span: one colour run, not one per word.
    if (from === s && last) last.text += text;
    else current.push({ ...s, text });
    from = s;
  };
  for (const s of line) {
    for (const token of s.text.split(/(\s+)/u)) {
      if (token === "") continue;
      const blank = /^\s+$/u.test(token);
      let rest = token;
      let w = textWidth(rest);
      if (used + w > width && used > pad) {
        newLine();
        if (blank) continue; // a break takes the place of the spaces
      }
      while (used + w > width) {
        // A word longer than the line: break it.
        const head = sliceWidth(rest, Math.max(1, width - used)) || Array.from(rest)[0]!;
        put(s, head);
        rest = rest.slice(head.length);
        w = textWidth(rest);
        newLine();
      }
      if (rest !== "") {
        put(s, rest);
        used += w;
      }
    }
  }
  return lines.map((l) => fitLine(l, width));
}

/** Below this many cells beside a row, its message goes on the lines under the row. */
const MIN_MESSAGE_ROOM = 12;

/**
 * A table row, its `cells` then a `message`: the message wraps, continuing under its own column
 * when there is room beside the cells; else it goes on the lines below, from `belowAt` (a column
 * of the row past its name, so the name stays the one thing at the left edge). A row whose
 * cells alone do not fit is cut, as table rows are.
 */
export function wrapRowMessage(cells: Line, message: Span | null, width: number, belowAt = 6): Line[] {
  if (message === null) return [cells];
  const messageColumn = textWidth(lineText(cells));
  if (messageColumn >= width) return [[...cells, message]]; // the cells alone do not fit: cut, as a table row
  if (width - messageColumn >= MIN_MESSAGE_ROOM) return wrapLine([...cells, message], width, messageColumn);
  const indent = Math.max(0, Math.min(belowAt, width - MIN_MESSAGE_ROOM));
  return [fitLine(cells, width), ...wrapLine([span(" ".repeat(indent)), message], width, indent)];
}

export function paintLine(line: Line, style: Style): string {
  return line.map((s) => (s.tone ? style[s.tone](s.text) : s.text)).join("");
}

/** Lines fitted to `width` and joined with `\n` (no trailing newline). */
export function paintLines(lines: Line[], opts: { color: boolean; width: number }): string {
  const style = createStyle(opts.color);
  return lines.map((l) => paintLine(fitLine(l, opts.width), style)).join("\n");
}
