import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/celonis/errors.js";
import { parseLastLoad, UNKNOWN_STATUS } from "../../src/celonis/last-load.js";

const START_MS = Date.parse("2026-11-28T17:00:00.000Z");

describe("parseLastLoad", () => {
  it("runs where a date read as local time differs from UTC (vitest.config.ts pins the zone)", () => {
    // Without this, the case "an ISO date without a zone, taken as UTC" proves nothing.
    expect(new Date("2026-11-28T17:00:00Z").getTimezoneOffset()).toBe(-330);
  });

  it.each([
    ["204", 204, "ignored"],
    ["an empty body", 200, ""],
    ["whitespace", 200, " \n"],
    ["null", 200, "null"],
    ["{}", 200, "{}"],
    ["[]", 200, "[]"],
  ])("reads %s as never loaded", (_what, status, body) => {
    expect(parseLastLoad(status, body)).toBeNull();
  });

  it.each([
    [
      "dataLoadId, ISO dates",
      { dataLoadId: "L1", dataModelId: "m", loadStatus: "SUCCESS", loadType: "COMPLETE", startDate: "2026-11-28T17:00:00Z", endDate: "2026-11-28T17:05:00.5+01:00", message: "ok" },
      { id: "L1", status: "SUCCESS", loadType: "COMPLETE", startDate: "2026-11-28T17:00:00.000Z", endDate: "2026-11-28T16:05:00.500Z", message: "ok" },
    ],
    [
      "id instead of dataLoadId",
      { id: "L2", loadStatus: "RUNNING", startDate: "2026-11-28T17:00:00.000Z", endDate: null },
      { id: "L2", status: "RUNNING", loadType: null, startDate: "2026-11-28T17:00:00.000Z", endDate: null, message: null },
    ],
    [
      "epoch milliseconds",
      { dataLoadId: 42, loadStatus: "ERROR", startDate: START_MS, endDate: START_MS + 61_000, message: "Table EKKO: column X missing" },
      { id: "42", status: "ERROR", loadType: null, startDate: "2026-11-28T17:00:00.000Z", endDate: "2026-11-28T17:01:01.000Z", message: "Table EKKO: column X missing" },
    ],
    [
      "epoch milliseconds as strings",
      { dataLoadId: "L3", loadStatus: "SUCCESS", startDate: String(START_MS) },
      { id: "L3", status: "SUCCESS", loadType: null, startDate: "2026-11-28T17:00:00.000Z", endDate: null, message: null },
    ],
    [
      "an ISO date without a zone, taken as UTC",
      { dataLoadId: "L4", loadStatus: "SUCCESS", startDate: "2026-11-28T17:00:00" },
      { id: "L4", status: "SUCCESS", loadType: null, startDate: "2026-11-28T17:00:00.000Z", endDate: null, message: null },
    ],
    [
      "an unknown status, kept as is",
      { dataLoadId: "L5", loadStatus: "QUEUED_SOMEWHERE", startDate: null },
      { id: "L5", status: "QUEUED_SOMEWHERE", loadType: null, startDate: null, endDate: null, message: null },
    ],
    [
      "no loadStatus at all",
      { dataLoadId: "L6", startDate: "2026-11-28T17:00:00.000Z" },
      { id: "L6", status: UNKNOWN_STATUS, loadType: null, startDate: "2026-11-28T17:00:00.000Z", endDate: null, message: null },
    ],
    [
      "extra fields",
      { dataLoadId: "L7", loadStatus: "WARNING", loadType: "PARTIAL", startDate: START_MS, foo: { bar: 1 }, tables: [] },
      { id: "L7", status: "WARNING", loadType: "PARTIAL", startDate: "2026-11-28T17:00:00.000Z", endDate: null, message: null },
    ],
    [
      "an unreadable date, dropped",
      { dataLoadId: "L8", loadStatus: "SUCCESS", startDate: "yesterday-ish" },
      { id: "L8", status: "SUCCESS", loadType: null, startDate: null, endDate: null, message: null },
    ],
    [
      "neither id",
      { loadStatus: "CANCELED" },
      { id: null, status: "CANCELED", loadType: null, startDate: null, endDate: null, message: null },
    ],
  ])("reads %s", (_what, body, expected) => {
    expect(parseLastLoad(200, JSON.stringify(body))).toEqual(expected);
  });

  it("reads a list of one load as that load", () => {
    expect(parseLastLoad(200, '[{"id":"L9","loadStatus":"SUCCESS"}]')).toMatchObject({ id: "L9", status: "SUCCESS" });
  });

  it.each([
    ["invalid JSON", "{oops"],
    ["an HTML page", "<html>maintenance</html>"],
    ["a number", "42"],
    ["several loads", '[{"id":"a"},{"id":"b"}]'],
  ])("refuses %s as unreadable, never retryable", (_what, body) => {
    let err: unknown;
    try {
      parseLastLoad(200, body);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ kind: "http", status: 200, retryable: false });
    expect((err as ApiError).message).toMatch(/sent/);
  });
});
