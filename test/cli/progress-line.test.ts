// A progress line fits one row of the terminal: one that wraps leaves its head behind when the
// line the cursor is on is erased, and the terminal's `^C` echo must not wrap either.
import { describe, expect, it } from "vitest";
import { fitLine, progressLine } from "../../src/cli/progress-line.js";
import { captured, capturedIo } from "../helpers/streams.js";

const LINE = "checking the plan: reading the models' last loads from https://acme.eu-1.celonis.cloud…";

describe("fitLine", () => {
  it("keeps a line that fits with room for the cursor and a ^C echo", () => {
    expect(fitLine("reading…", 12)).toBe("reading…");
    expect(fitLine("reading…", 11)).toBe("reading…");
  });

  it("cuts a longer line to the width less three cells, ending in …", () => {
    expect(fitLine(LINE, 60)).toHaveLength(57);
    expect(fitLine(LINE, 60)).toBe(`${LINE.slice(0, 56)}…`);
    expect(fitLine(LINE, 80)).toHaveLength(77);
    expect(fitLine(LINE, 120)).toBe(LINE);
  });

  it("leaves the line whole when the width is not known", () => {
    expect(fitLine(LINE, undefined)).toBe(LINE);
    expect(fitLine(LINE, 0)).toBe(LINE);
  });
});

describe("progressLine", () => {
  it("on a terminal of 60 columns: one row, updated in place, then erased", () => {
    const stderr = captured({ isTTY: true, columns: 60 });
    const line = progressLine(capturedIo({}, { stderr }), LINE, true);
    line.update(`${LINE} (2 of 3)`);
    line.done();
    line.done();
    const frames = stderr.text().split("\r\x1b[2K");
    expect(frames).toEqual([fitLine(LINE, 60), fitLine(`${LINE} (2 of 3)`, 60), ""]);
    for (const frame of frames) expect(frame.length).toBeLessThan(60);
  });

  it("writes nothing on a pipe", () => {
    const stderr = captured({ isTTY: false, columns: 60 });
    const line = progressLine(capturedIo({}, { stderr }), LINE, true);
    line.update("more");
    line.done();
    expect(stderr.text()).toBe("");
  });
});
