// One line on a terminal's stderr that says what a command waits for, taken away when it is done.
import type { Io } from "./io.js";

export interface ProgressLine {
  /** Erases the line (once; nothing when none was written). */
  done(): void;
}

/** Writes `text` on stderr when asked and stderr is a terminal; `done()` erases it for what comes next. */
export function progressLine(io: Io, text: string, asked: boolean): ProgressLine {
  let shown = asked && Boolean(io.stderr.isTTY);
  if (shown) io.stderr.write(text);
  return {
    done() {
      if (shown) io.stderr.write("\r\x1b[2K");
      shown = false;
    },
  };
}
