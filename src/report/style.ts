// Plain-text styling for the non-TTY views. No Ink, no React here: CI start-up stays cheap.
import { stripVTControlCharacters } from "node:util";
import stringWidth from "string-width";

export { createStyle, type Style, type Tone } from "./paint.js";

/** `0f1d6c9e…`: enough of an id or hash to recognise it. */
export function shortId(id: string, length = 8): string {
  const chars = Array.from(id);
  return chars.length <= length ? id : `${chars.slice(0, length).join("")}…`;
}

/** Width in terminal cells: a CJK character or an emoji takes two, a combining mark none. */
export function textWidth(text: string): number {
  return stringWidth(text);
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The longest head of `text` that takes at most `cells` terminal cells, never splitting a character. */
export function sliceWidth(text: string, cells: number): string {
  let used = 0;
  let out = "";
  for (const { segment } of graphemes.segment(text)) {
    const w = stringWidth(segment);
    if (used + w > cells) break;
    out += segment;
    used += w;
  }
  return out;
}

/** Cut `text` to at most `width` cells, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  if (stringWidth(text) <= width) return text;
  return `${sliceWidth(text, width - 1)}…`;
}

/** Pad with spaces on the right to `width` cells. */
export function padEnd(text: string, width: number): string {
  const missing = width - textWidth(text);
  return missing > 0 ? text + " ".repeat(missing) : text;
}

/** The text without terminal escape sequences (Node's own stripper: CSI, OSC and the rest). */
export function stripAnsi(text: string): string {
  return stripVTControlCharacters(text);
}

// eslint-disable-next-line no-control-regex
const CONTROL_RE = /\s*[\u0000-\u001F\u007F-\u009F][\s\u0000-\u001F\u007F-\u009F]*/g;

/**
 * Text from outside (service messages, names) made safe for one line of a view: escape sequences
 * removed, and each run of control characters (newlines included) with the blanks around it
 * turned into a single space.
 */
export function oneLine(text: string): string {
  return stripAnsi(text).replace(CONTROL_RE, " ").trim();
}
