import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_ALLOWANCE_MS, isNewLoad, judgeLoad } from "../../src/apply/is-new-load.js";

const T = Date.parse("2026-11-28T12:00:00.000Z");
const iso = (ms: number) => new Date(ms).toISOString();
const before = { id: "old", startDate: iso(T - 3_600_000) };

describe("judgeLoad", () => {
  it("nothing, the previous load, and ours", () => {
    expect(judgeLoad(null, { before, sentAt: T })).toEqual({ kind: "none" });
    expect(judgeLoad({ ...before }, { before, sentAt: T })).toEqual({ kind: "previous" });
    expect(judgeLoad({ id: "new", startDate: iso(T + 1_000) }, { before, sentAt: T })).toEqual({ kind: "ours" });
    expect(judgeLoad({ id: "new", startDate: iso(T + 1_000) }, { before: null, sentAt: T })).toEqual({ kind: "ours" });
  });

  it("without ids, only a later start tells a new load", () => {
    const noId = { id: null, startDate: before.startDate };
    expect(judgeLoad({ id: null, startDate: iso(T + 1) }, { before: noId, sentAt: T }).kind).toBe("ours");
    expect(judgeLoad({ id: null, startDate: before.startDate }, { before: noId, sentAt: T }).kind).toBe("previous");
    expect(judgeLoad({ id: null, startDate: null }, { before: noId, sentAt: T }).kind).toBe("previous");
  });

  it("another id that started no later than the load seen before the trigger is not ours", () => {
    const v = judgeLoad({ id: "older", startDate: iso(T - 7_200_000) }, { before, sentAt: T });
    expect(v).toMatchObject({ kind: "not_ours", reason: expect.stringContaining("no later than the load seen before the trigger") });
    expect(judgeLoad({ id: "same-start", startDate: before.startDate }, { before, sentAt: T }).kind).toBe("not_ours");
  });

  it("a start before the first trigger counts as ours only within the clock-skew allowance", () => {
    const at = (ms: number) => judgeLoad({ id: "x", startDate: iso(ms) }, { before: null, sentAt: T }).kind;
    expect(at(T - CLOCK_SKEW_ALLOWANCE_MS)).toBe("ours");
    expect(at(T - CLOCK_SKEW_ALLOWANCE_MS - 1)).toBe("not_ours");
    expect(judgeLoad({ id: null, startDate: iso(T - 3_000_000) }, { before, sentAt: T })).toMatchObject({ kind: "not_ours", reason: expect.stringContaining("clock-skew allowance") });
    expect(judgeLoad({ id: "x", startDate: iso(T - 10_000) }, { before: null, sentAt: T, skewMs: 5_000 }).kind).toBe("not_ours");
  });

  it("before any trigger, or for a load with no start, only the previous load is checked", () => {
    expect(judgeLoad({ id: "x", startDate: iso(T - 86_400_000) }, { before: null, sentAt: null }).kind).toBe("ours");
    expect(judgeLoad({ id: "x", startDate: null }, { before, sentAt: T }).kind).toBe("ours");
  });

  it("isNewLoad is judgeLoad's ours", () => {
    expect(isNewLoad({ id: "new", startDate: iso(T) }, before, T)).toBe(true);
    expect(isNewLoad({ id: "new", startDate: iso(T - 3 * 3_600_000) }, before, T)).toBe(false);
    expect(isNewLoad(before, before)).toBe(false);
  });
});

describe("judgeLoad, one decision at a time", () => {
  const mark = { before, sentAt: T };

  it("another id alone decides, with the starts unknown", () => {
    expect(judgeLoad({ id: "new", startDate: null }, { before: { id: "old", startDate: null }, sentAt: T }).kind).toBe("ours");
  });

  it("a later start alone decides, with the ids unknown", () => {
    expect(judgeLoad({ id: null, startDate: iso(T) }, { before: { id: null, startDate: before.startDate }, sentAt: T }).kind).toBe("ours");
  });

  it("a load that lost its id is still the previous one when it started with it", () => {
    expect(judgeLoad({ id: null, startDate: before.startDate }, mark).kind).toBe("previous");
  });

  it("a load seen before that lost its id cannot make the same start ours", () => {
    expect(judgeLoad({ id: "old", startDate: before.startDate }, { before: { id: null, startDate: before.startDate }, sentAt: T }).kind).toBe("previous");
  });

  it("another id with the same start is not ours, even before any trigger", () => {
    expect(judgeLoad({ id: "twin", startDate: before.startDate }, { before, sentAt: null })).toEqual({
      kind: "not_ours",
      reason: "it started (2026-11-28T11:00:00.000Z) no later than the load seen before the trigger (2026-11-28T11:00:00.000Z)",
    });
  });

  it("the same id is the previous load, even with a later start", () => {
    expect(judgeLoad({ id: "old", startDate: iso(T) }, mark).kind).toBe("previous");
  });

  it("says why an older load is not ours, with both starts", () => {
    expect(judgeLoad({ id: "older", startDate: iso(T - 7_200_000) }, mark)).toEqual({
      kind: "not_ours",
      reason: "it started (2026-11-28T10:00:00.000Z) no later than the load seen before the trigger (2026-11-28T11:00:00.000Z)",
    });
  });

  it("says why a load that started before the trigger is not ours, with the allowance in seconds", () => {
    expect(judgeLoad({ id: "x", startDate: iso(T - 120_000) }, { before: null, sentAt: T })).toEqual({
      kind: "not_ours",
      reason: "it started (2026-11-28T11:58:00.000Z) before the trigger (2026-11-28T12:00:00.000Z), more than the 60 s clock-skew allowance",
    });
  });

  it("takes a load with an unreadable start as ours once its id differs", () => {
    expect(judgeLoad({ id: "x", startDate: "not a date" }, mark).kind).toBe("ours");
  });

  it("isNewLoad passes a skew allowance on", () => {
    expect(isNewLoad({ id: "x", startDate: iso(T - 10_000) }, null, T, 5_000)).toBe(false);
    expect(isNewLoad({ id: "x", startDate: iso(T - 10_000) }, null, T, 20_000)).toBe(true);
  });
});
