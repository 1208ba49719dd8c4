// Lines of toned spans, and the ANSI that paints them: all a view needs that measures nothing.
// No string-width here (its tables cost ~30 ms of a cold start): a command that only paints a
// short line, such as validate's "is valid", does not load it.

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

export interface Span {
  text: string;
  tone?: Tone;
  /** Never cut (a command to copy): a line holding it is drawn whole, the terminal wraps it if it must. */
  whole?: true;
}

export type Line = Span[];

export const span = (text: string, tone?: Tone): Span => (tone ? { text, tone } : { text });

export function lineText(line: Line): string {
  return line.map((s) => s.text).join("");
}

export function paintLine(line: Line, style: Style): string {
  return line.map((s) => (s.tone ? style[s.tone](s.text) : s.text)).join("");
}
