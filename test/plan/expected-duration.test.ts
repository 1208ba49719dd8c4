import { describe, expect, it } from "vitest";
import { expectedDurationMs } from "../../src/plan/expected-duration.js";
import type { LastLoad } from "../../src/celonis/api.js";

const load = (over: Partial<LastLoad> = {}): LastLoad => ({
  id: "l1",
  status: "SUCCESS",
  loadType: "COMPLETE",
  startDate: "2026-11-28T10:00:00.000Z",
  endDate: "2026-11-28T10:42:30.000Z",
  message: null,
  ...over,
});
const MIN42_30 = (42 * 60 + 30) * 1000;

describe("expectedDurationMs", () => {
  it("is the last load's end minus its start when it is a complete load that ended well", () => {
    expect(expectedDurationMs("full", load())).toBe(MIN42_30);
    expect(expectedDurationMs("full", load({ status: "WARNING" }))).toBe(MIN42_30);
  });

  it("takes a load of the same kind for each action", () => {
    expect(expectedDurationMs("cache", load({ loadType: "FROM_CACHE" }))).toBe(MIN42_30);
    expect(expectedDurationMs("partial", load({ loadType: "PARTIAL" }))).toBe(MIN42_30);
  });

  it("is unknown when the last load is of another kind: a cache or partial load says little of a complete one", () => {
    expect(expectedDurationMs("full", load({ loadType: "FROM_CACHE" }))).toBeNull();
    expect(expectedDurationMs("full", load({ loadType: "PARTIAL" }))).toBeNull();
    expect(expectedDurationMs("partial", load({ loadType: "COMPLETE" }))).toBeNull();
    expect(expectedDurationMs("cache", load({ loadType: "COMPLETE" }))).toBeNull();
  });

  it("takes a load that names no kind as is", () => {
    expect(expectedDurationMs("cache", load({ loadType: null }))).toBe(MIN42_30);
  });

  it("is unknown when the last load did not run to its end, is still running, or was never made", () => {
    for (const status of ["ERROR", "CANCELED", "RUNNING", "SOMETHING_NEW"]) expect(expectedDurationMs("full", load({ status }))).toBeNull();
    expect(expectedDurationMs("full", load({ endDate: null }))).toBeNull();
    expect(expectedDurationMs("full", load({ startDate: null }))).toBeNull();
    expect(expectedDurationMs("full", null)).toBeNull();
  });

  it("is unknown when the dates make no sense (end before start)", () => {
    expect(expectedDurationMs("full", load({ endDate: "2026-11-28T09:00:00.000Z" }))).toBeNull();
  });

  it("takes a load that ended when it started as taking 0: only an end before the start makes no sense", () => {
    expect(expectedDurationMs("full", load({ endDate: "2026-11-28T10:00:00.000Z" }))).toBe(0);
  });

  it("is null for a skip: nothing runs", () => {
    expect(expectedDurationMs("skip", load())).toBeNull();
  });
});
