// A view as data: lines of toned spans. The text renderers paint them with ANSI, the Ink views
// with <Text>, so both show the same lines. No Ink here.
import { createStyle, lineText, paintLine, span, type Line, type Span } from "./paint.js";
import { sliceWidth, textWidth } from "./style.js";

export { lineText, paintLine, span, type Line, type Span } from "./paint.js";

/** The line cut to `width` terminal cells (ending in `…` when cut), without trailing spaces. */
export function fitLine(line: Line, width: number): Line {
  const out: Line = [];
  let room = width;
  const total = line.reduce((n, s) => n + textWidth(s.text), 0);
  if (total <= width || line.some((s) => s.whole)) {
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
 * longer than a line is broken, unless `keepWords`: then it stands whole on a line of its own, an
 * id, a URL or a path left for the terminal to wrap). For what must be read whole on a narrow
 * terminal: a failure's message, a note; tables cut their cells instead (fitLine).
 */
export function wrapLine(line: Line, width: number, indent: number, opts: { keepWords?: boolean } = {}): Line[] {
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
      while (used + w > width && !opts.keepWords) {
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
  return lines.map((l) => (opts.keepWords ? trimEnd(l) : fitLine(l, width)));
}

/**
 * Below this many cells beside a row, its message goes on its own lines under the row. The one
 * rule of apply, status and plan (and validate's problems).
 */
export const MIN_MESSAGE_ROOM = 20;

/** The line without its trailing blanks (the padding after a row's last cell). */
function trimEnd(line: Line): Line {
  const out = line.map((s) => ({ ...s }));
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    last.text = last.text.replace(/\s+$/u, "");
    if (last.text !== "") break;
    out.pop();
  }
  return out;
}

/**
 * A table row, its `cells` then a `message` (one span or several): the message wraps at words,
 * continuing under its own column when at least MIN_MESSAGE_ROOM cells remain beside the cells;
 * else it goes on its own lines under the row, indented to `belowAt` (the row's address column,
 * so the address stays the one thing at its place). Cells that alone do not fit are cut, as
 * table rows are; the message is never cut.
 */
export function wrapRowMessage(cells: Line, message: Span | Span[] | null, width: number, belowAt = 2): Line[] {
  const parts = message === null ? [] : (Array.isArray(message) ? message : [message]).filter((s) => s.text !== "");
  if (parts.length === 0) return [fitLine(trimEnd(cells), width)];
  const messageColumn = textWidth(lineText(cells));
  if (width - messageColumn >= MIN_MESSAGE_ROOM) return wrapLine([...cells, ...parts], width, messageColumn);
  const indent = Math.max(0, Math.min(belowAt, width - MIN_MESSAGE_ROOM));
  return [fitLine(trimEnd(cells), width), ...wrapLine([span(" ".repeat(indent)), ...parts], width, indent)];
}

/** Lines fitted to `width` and joined with `\n` (no trailing newline). */
export function paintLines(lines: Line[], opts: { color: boolean; width: number }): string {
  const style = createStyle(opts.color);
  return lines.map((l) => paintLine(fitLine(l, opts.width), style)).join("\n");
}
