import { describe, expect, it } from "vitest";
import { fitLine, lineText, span, wrapLine, wrapRowMessage } from "../../src/report/lines.js";

const texts = (lines: ReturnType<typeof wrapLine>) => lines.map(lineText);

describe("wrapLine", () => {
  it("keeps a line that fits as it is", () => {
    expect(texts(wrapLine([span("  ✖ a/b  "), span("it broke", "red")], 40, 4))).toEqual(["  ✖ a/b  it broke"]);
  });

  it("wraps at spaces, indenting each continuation, and keeps each word's tone", () => {
    const lines = wrapLine([span("  ✖ a/b  "), span("the load ended ERROR: column X missing", "red")], 24, 9);
    expect(texts(lines)).toEqual(["  ✖ a/b  the load ended", "         ERROR: column X", "         missing"]);
    // Each line holds the message as one red run, not a span per word.
    expect(lines[1]).toEqual([span("         "), span("ERROR: column X", "red")]);
  });

  it("breaks a word longer than a line, and never draws past the width", () => {
    const lines = texts(wrapLine([span(`id ${"x".repeat(30)} end`)], 12, 2));
    expect(lines.every((l) => l.length <= 12)).toBe(true);
    expect(lines.join("").replace(/\s+/g, "")).toBe(`id${"x".repeat(30)}end`);
  });

  it("wraps a row's message under its own column while 20 cells remain there; else on its own lines under the row", () => {
    const cells = [span("a/b       ERROR     ")];
    const message = span("why it failed, in full, with every word kept", "red");
    // 20 cells beside the row: the continuation stays under the message's column, not under the name.
    expect(texts(wrapRowMessage(cells, message, 40))).toEqual([
      "a/b       ERROR     why it failed, in",
      "                    full, with every",
      "                    word kept",
    ]);
    // 19: the message goes on its own lines, from the column given (the row's address), whole.
    expect(texts(wrapRowMessage(cells, message, 39, 2))).toEqual(["a/b       ERROR", "  why it failed, in full, with every", "  word kept"]);
    expect(texts(wrapRowMessage(cells, message, 80))).toEqual(["a/b       ERROR     why it failed, in full, with every word kept"]);
    // Cells wider than the terminal are cut as a table row; the message is still whole below.
    expect(texts(wrapRowMessage(cells, message, 12, 2))).toEqual(["a/b       E…", "why it", "failed, in", "full, with", "every word", "kept"]);
  });

  it("a row without a message ends at its last cell, its padding never cut into an ellipsis", () => {
    expect(texts(wrapRowMessage([span("a/b  "), span("55s       ")], null, 8))).toEqual(["a/b  55s"]);
  });

  it("a line holding a whole span (a command to copy) is never cut", () => {
    const command = { ...span("reloadctl apply /tmp/a-rather-long-directory-name/plan.json", "bold"), whole: true as const };
    expect(fitLine([span("  "), command], 30)).toEqual([span("  "), command]);
  });
});
