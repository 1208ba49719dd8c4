// Plain-text styling for the non-TTY views. No Ink, no React here: CI start-up stays cheap.

export type Tone = "green" | "yellow" | "red" | "cyan" | "dim" | "bold";

export type Style = Record<Tone, (text: string) => string>;

const SGR: Record<Tone, readonly [number, number]> = {
  green: [32, 39],
  yellow: [33, 39],
  red: [31, 39],
  cyan: [36, 39],
  dim: [2, 22],
  bold: [1, 22],
};

const identity = (text: string): string => text;

/** ANSI styling when `color` is true; every function is the identity when it is false. */
export function createStyle(color: boolean): Style {
  const tone = (name: Tone) => {
    if (!color) return identity;
    const [open, close] = SGR[name];
    return (text: string) => (text === "" ? text : `\x1b[${open}m${text}\x1b[${close}m`);
  };
  return {
    green: tone("green"),
    yellow: tone("yellow"),
    red: tone("red"),
    cyan: tone("cyan"),
    dim: tone("dim"),
    bold: tone("bold"),
  };
}

/** `0f1d6c9e…`: enough of an id or hash to recognise it. */
export function shortId(id: string, length = 8): string {
  const chars = Array.from(id);
  return chars.length <= length ? id : `${chars.slice(0, length).join("")}…`;
}

/** Display length in code points (the views are built from code points, not UTF-16 units). */
export function textWidth(text: string): number {
  return Array.from(text).length;
}

/** Cut `text` to at most `width` characters, ending in `…` when cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return "";
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  return `${chars.slice(0, width - 1).join("")}…`;
}

/** Pad with spaces on the right to `width` characters. */
export function padEnd(text: string, width: number): string {
  const missing = width - textWidth(text);
  return missing > 0 ? text + " ".repeat(missing) : text;
}

// ECMA-48 CSI and OSC sequences (the same shape ansi-regex matches).
const ANSI_RE =
  // eslint-disable-next-line no-control-regex
  /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?(?:\u0007|\u001B\\))|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-nq-uy=><~]))/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI_RE, "");
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
