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
