// One line on a terminal's stderr that says what a command waits for, taken away when it is done.
import type { Io } from "./io.js";

export interface ProgressLine {
  /** Writes the line anew, over what it said (nothing when it is not shown). */
  update(text: string): void;
  /** Erases the line (once; nothing when none was written). */
  done(): void;
}

/**
 * Room left at the end of the line: a line that fills the terminal wraps, and erasing the line the
 * cursor is on would leave its head behind; the terminal's own `^C` echo needs two cells too.
 */
const MARGIN = 3;

/** `text` cut to fit `columns` cells (the texts are ASCII, URLs normalised by URL, and a `…`: one cell a character). */
export function fitLine(text: string, columns: number | undefined): string {
  if (columns === undefined || columns <= 0) return text;
  const room = Math.max(1, columns - MARGIN);
  return text.length <= room ? text : `${text.slice(0, room - 1)}…`;
}

/**
 * Writes `text` (null: nothing yet) on stderr when asked and stderr is a terminal, cut to one row
 * of it; `done()` erases it for what comes next.
 */
export function progressLine(io: Io, text: string | null, asked: boolean): ProgressLine {
  let shown = asked && Boolean(io.stderr.isTTY);
  if (shown && text !== null) io.stderr.write(fitLine(text, io.stderr.columns));
  return {
    update(next) {
      if (shown) io.stderr.write(`\r\x1b[2K${fitLine(next, io.stderr.columns)}`);
    },
    done() {
      if (shown) io.stderr.write("\r\x1b[2K");
      shown = false;
    },
  };
}
