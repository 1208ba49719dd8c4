import { describe, expect, it } from "vitest";
import { formatAge, formatDurationSpec, formatElapsed, parseDuration } from "../../src/shared/duration.js";

const S = 1_000;
const M = 60_000;
const H = 3_600_000;
const D = 86_400_000;

describe("parseDuration", () => {
  it.each([
    ["90s", 90 * S],
    ["15m", 15 * M],
    ["2h", 2 * H],
    ["1d", D],
    ["0s", 0],
    ["1h30m", H + 30 * M],
    ["1d2h3m4s", D + 2 * H + 3 * M + 4 * S],
    [" 2h ", 2 * H],
  ])("reads %j as %d ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "   ", "30", "h", "1x", "30s1m", "1.5h", "-1h", "1 h"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeNull();
  });
});

describe("formatDurationSpec", () => {
  it.each([
    [0, "0s"],
    [-5 * S, "0s"],
    [S, "1s"],
    [90 * S, "1m30s"],
    [H, "1h"],
    [H + 30 * M, "1h30m"],
    [D, "1d"],
    [D + 2 * H + 3 * M + 4 * S, "1d2h3m4s"],
    [1, "1ms"],
    [1_500, "1s500ms"],
  ])("writes %d ms as %s", (ms, text) => {
    expect(formatDurationSpec(ms)).toBe(text);
  });

  it("is the inverse of parseDuration for whole seconds", () => {
    for (const text of ["90s", "1h30m", "1d2h3m4s", "6h"]) {
      const ms = parseDuration(text);
      expect(ms).not.toBeNull();
      expect(parseDuration(formatDurationSpec(ms!))).toBe(ms);
    }
  });
});

describe("formatElapsed", () => {
  it.each([
    [-5 * S, "0s"],
    [999, "0s"],
    [41 * S, "41s"],
    [59_999, "59s"],
    [M, "1m 00s"],
    [2 * M + 3 * S, "2m 03s"],
    [H - S, "59m 59s"],
    [H, "1h 00m"],
    [H + 2 * M, "1h 02m"],
    [100 * H + 5 * M, "100h 05m"],
  ])("writes %d ms as %s", (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

describe("formatAge", () => {
  it.each([
    [-5 * S, "0s"],
    [12 * S, "12s"],
    [59 * S, "59s"],
    [M, "1m"],
    [42 * M, "42m"],
    [H - 1, "59m"],
    [H, "1h"],
    [29 * H, "29h"],
    [48 * H - 1, "47h"],
    [48 * H, "2d"],
    [3 * D + 23 * H, "3d"],
  ])("writes %d ms as %s", (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});
