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

  it.each([
    ["a dataLoadId of 0", { dataLoadId: 0, id: "x" }, "0"],
    ["an empty dataLoadId, then id", { dataLoadId: "", id: "L2" }, "L2"],
    ["a numeric id", { id: 7 }, "7"],
    ["an id that is neither text nor number", { dataLoadId: true, id: { v: 1 } }, null],
  ])("takes the load id from %s", (_what, ids, id) => {
    expect(parseLastLoad(200, JSON.stringify({ loadStatus: "SUCCESS", ...ids }))?.id).toBe(id);
  });

  it.each([
    ["status when there is no loadStatus", { status: "ERROR" }, "ERROR"],
    ["status when loadStatus is blank", { loadStatus: "  ", status: "ERROR" }, "ERROR"],
    ["UNKNOWN when both are blank", { loadStatus: "", status: " " }, "UNKNOWN"],
    ["UNKNOWN when the status is not text", { loadStatus: 3 }, "UNKNOWN"],
  ])("reads the status from %s", (_what, fields, status) => {
    expect(parseLastLoad(200, JSON.stringify({ id: "L1", ...fields }))?.status).toBe(status);
  });

  it("drops a blank loadType and message", () => {
    expect(parseLastLoad(200, JSON.stringify({ id: "L1", loadStatus: "SUCCESS", loadType: "", message: "  " }))).toMatchObject({ loadType: null, message: null });
  });

  it.each([
    ["epoch seconds", 1_795_885_200, "2026-11-28T17:00:00.000Z"],
    ["epoch seconds as a string, with spaces", " 1795885200 ", "2026-11-28T17:00:00.000Z"],
    ["epoch seconds with a fraction, as a string", "1795885200.25", "2026-11-28T17:00:00.250Z"],
    ["the largest number read as seconds", 99_999_999_999, "5138-11-16T09:46:39.000Z"],
    ["the smallest number read as milliseconds", 100_000_000_000, "1973-03-03T09:46:40.000Z"],
    ["negative epoch seconds", -5, "1969-12-31T23:59:55.000Z"],
    ["an ISO date without seconds or zone", "2026-11-28T17:00", "2026-11-28T17:00:00.000Z"],
    ["an ISO date with fractions and no zone", "2026-11-28T17:00:00.25", "2026-11-28T17:00:00.250Z"],
    ["an ISO date with a zone", "2026-11-28T17:00:00+05:30", "2026-11-28T11:30:00.000Z"],
    ["an ISO date in UTC", "2026-11-28T17:00:00Z", "2026-11-28T17:00:00.000Z"],
    ["a date alone (UTC by the standard)", "2026-11-28", "2026-11-28T00:00:00.000Z"],
  ])("reads a start date given as %s", (_what, startDate, iso) => {
    expect(parseLastLoad(200, JSON.stringify({ id: "L1", loadStatus: "SUCCESS", startDate }))?.startDate).toBe(iso);
  });

  it.each([
    ["blank", "  "],
    ["beyond what a date can hold", 1e20],
    ["a boolean", true],
    ["an object", { at: 1 }],
  ])("drops a start date that is %s", (_what, startDate) => {
    expect(parseLastLoad(200, JSON.stringify({ id: "L1", loadStatus: "SUCCESS", startDate }))?.startDate).toBeNull();
  });

  it("reads a list of one load as that load", () => {
    expect(parseLastLoad(200, '[{"id":"L9","loadStatus":"SUCCESS"}]')).toMatchObject({ id: "L9", status: "SUCCESS" });
  });

  it.each([
    ["invalid JSON", "{oops"],
    ["an HTML page", "<html>maintenance</html>"],
    ["a number", "42"],
    ["several loads", '[{"id":"a"},{"id":"b"}]'],
    ["a string", '"done"'],
    ["a list of one string", '["done"]'],
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

  it("names the request in what it refuses", () => {
    expect(() => parseLastLoad(200, "42")).toThrow("GET …/last-load: the service sent something unreadable: not a load object");
  });
});
