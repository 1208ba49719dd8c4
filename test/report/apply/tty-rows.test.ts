// A terminal that does not know its height (0 rows: `script`, a container's pty before its first
// resize) must not be cleared, scrollback and all, on every frame of the live apply view.
import { describe, expect, test } from "vitest";
import { runApplyTty, withKnownRows } from "../../../src/report/tty.js";
import { stripAnsi } from "../../../src/report/style.js";
import { at, finishRun, runningEvents } from "../apply-events.js";
import { testSource } from "./event-bus.js";
import { captured } from "../../helpers/streams.js";

const terminal = (rows: number) => {
  const t = captured({ columns: 100, rows, isTTY: true });
  return { stream: t.stream, raw: t.text };
};

const CLEAR_SCREEN = "\x1b[2J";
const CLEAR_SCROLLBACK = "\x1b[3J";

describe("the live apply view on a terminal of unknown height", () => {
  test("0 rows: the view is drawn, and the screen and scrollback are never cleared", async () => {
    const source = testSource();
    const t = terminal(0);
    const done = runApplyTty(source, { color: false, now: () => Date.parse(at(134)) }, t.stream);
    source.emit(...runningEvents, ...finishRun);
    await done;
    expect(stripAnsi(t.raw())).toContain("Apply: 2 succeeded, 1 warning, 1 failed, 1 skipped");
    expect(t.raw()).not.toContain(CLEAR_SCREEN);
    expect(t.raw()).not.toContain(CLEAR_SCROLLBACK);
  });

  test("withKnownRows: 0 rows read as unbounded; a known height, writes and listeners reach the stream itself", () => {
    const t = terminal(0);
    const seen = withKnownRows(t.stream);
    expect(seen.rows).toBe(Number.MAX_SAFE_INTEGER);
    expect(seen.columns).toBe(100);
    seen.write("x");
    expect(t.raw()).toBe("x");
    const onResize = () => {};
    seen.on("resize", onResize);
    expect(t.stream.listenerCount("resize")).toBe(1);
    seen.off("resize", onResize);
    expect(t.stream.listenerCount("resize")).toBe(0);
    t.stream.rows = 30; // the terminal learns its size on the first resize
    expect(seen.rows).toBe(30);
    const known = terminal(24);
    expect(withKnownRows(known.stream)).toBe(known.stream);
  });
});
