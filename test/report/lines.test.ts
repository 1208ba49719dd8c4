import { describe, expect, it } from "vitest";
import { lineText, span, wrapLine, wrapRowMessage } from "../../src/report/lines.js";

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

  it("wraps a row's message only when the row's other cells fit; else cuts the row like a table", () => {
    const cells = [span("a/b       ERROR     ")];
    const message = span("why it failed, in full", "red");
    // The continuation stays under the message's column, not under the name at the left edge.
    expect(texts(wrapRowMessage(cells, message, 34))).toEqual(["a/b       ERROR     why it failed,", "                    in full"]);
    // Too little room beside the cells: the message goes below, from the column given.
    expect(texts(wrapRowMessage(cells, message, 31, 8))).toEqual(["a/b       ERROR", "        why it failed, in full"]);
    expect(texts(wrapRowMessage(cells, message, 60))).toEqual(["a/b       ERROR     why it failed, in full"]);
    expect(wrapRowMessage(cells, message, 18)).toEqual([[...cells, message]]);
  });
});
