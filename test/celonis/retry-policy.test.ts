// How long to wait before trying again, in plain values: the backoff, and what the service's
// headers ask for (the client's tests show the waits happen; these pin how they are read).
import { describe, expect, it } from "vitest";
import { backoffDelay, exhaustedBudgetWaitMs, serviceWaitMs, writeMayHaveActed } from "../../src/celonis/retry-policy.js";

const NOW = Date.parse("2026-11-28T17:00:00.000Z");
const NOW_S = NOW / 1000;
const SETTINGS = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
/** Headers as given, unlike `Headers`, which strips the spaces around a value. */
const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });

describe("backoffDelay", () => {
  it.each([
    [1, 50],
    [2, 100],
    [3, 200],
    [4, 400],
    [5, 500],
    [9, 500],
  ])("after attempt %d waits half its ceiling at random 0.5: %d ms", (attempt, ms) => {
    expect(backoffDelay(attempt, SETTINGS, () => 0.5)).toBe(ms);
  });

  it("takes an attempt below 1 as the first", () => {
    expect(backoffDelay(0, SETTINGS, () => 0.5)).toBe(50);
  });

  it("draws from the whole range below the ceiling, in whole milliseconds", () => {
    expect(backoffDelay(1, SETTINGS, () => 0)).toBe(0);
    expect(backoffDelay(1, SETTINGS, () => 0.999)).toBe(99);
  });
});

describe("serviceWaitMs", () => {
  it("is null when the service says nothing", () => {
    expect(serviceWaitMs(headers({}), NOW)).toBeNull();
  });

  it.each([
    ["10", 10_000],
    ["1.5", 1_500],
    ["1.25", 1_250],
    [" 10 ", 10_000],
    ["0", 0],
  ])("reads Retry-After %j as seconds: %d ms", (value, ms) => {
    expect(serviceWaitMs(headers({ "retry-after": value }), NOW)).toBe(ms);
  });

  it("reads a Retry-After date as the time until it", () => {
    expect(serviceWaitMs(headers({ "retry-after": "Sat, 28 Nov 2026 17:00:30 GMT" }), NOW)).toBe(30_000);
  });

  it("waits nothing for a Retry-After date in the past", () => {
    expect(serviceWaitMs(headers({ "retry-after": "Sat, 28 Nov 2026 16:59:00 GMT" }), NOW)).toBe(0);
  });

  it.each(["", "  ", "soon", "x10", "10abc"])("ignores a Retry-After of %j", (value) => {
    expect(serviceWaitMs(headers({ "retry-after": value }), NOW)).toBeNull();
  });

  it.each([
    ["5", 5_000],
    ["2.5", 2_500],
    ["2.25", 2_250],
    [" 5 ", 5_000],
  ])("reads x-ratelimit-reset %j as seconds to wait: %d ms", (value, ms) => {
    expect(serviceWaitMs(headers({ "x-ratelimit-reset": value }), NOW)).toBe(ms);
  });

  it("reads an x-ratelimit-reset too large for seconds to wait as an epoch time in seconds", () => {
    expect(serviceWaitMs(headers({ "x-ratelimit-reset": String(NOW_S + 30) }), NOW)).toBe(30_000);
  });

  it("takes 1e9 as the first epoch time, and what is below as seconds to wait", () => {
    expect(serviceWaitMs(headers({ "x-ratelimit-reset": "1000000000" }), NOW)).toBe(0); // 2001: past
    expect(serviceWaitMs(headers({ "x-ratelimit-reset": "999999999" }), NOW)).toBe(999_999_999_000);
  });

  it.each(["", "soon", "-1", "1e3"])("ignores an x-ratelimit-reset of %j", (value) => {
    expect(serviceWaitMs(headers({ "x-ratelimit-reset": value }), NOW)).toBeNull();
  });

  it("takes the longer of the two waits, whichever header says it", () => {
    expect(serviceWaitMs(headers({ "retry-after": "10", "x-ratelimit-reset": "20" }), NOW)).toBe(20_000);
    expect(serviceWaitMs(headers({ "retry-after": "30", "x-ratelimit-reset": "5" }), NOW)).toBe(30_000);
  });

  it("takes the one wait that can be read when the other cannot", () => {
    expect(serviceWaitMs(headers({ "retry-after": "soon", "x-ratelimit-reset": "7" }), NOW)).toBe(7_000);
    expect(serviceWaitMs(headers({ "retry-after": "7", "x-ratelimit-reset": "soon" }), NOW)).toBe(7_000);
  });
});

describe("exhaustedBudgetWaitMs", () => {
  it("waits for the reset when no request is left", () => {
    expect(exhaustedBudgetWaitMs(headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": "5" }), NOW)).toBe(5_000);
  });

  it("reads the remaining count with spaces around it", () => {
    expect(exhaustedBudgetWaitMs(headers({ "x-ratelimit-remaining": " 0 ", "x-ratelimit-reset": "5" }), NOW)).toBe(5_000);
  });

  it("reads an epoch reset as the time until it", () => {
    expect(exhaustedBudgetWaitMs(headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW_S + 12) }), NOW)).toBe(12_000);
  });

  it.each([
    ["one request left", { "x-ratelimit-remaining": "1", "x-ratelimit-reset": "5" }],
    ["no remaining header", { "x-ratelimit-reset": "5" }],
    ["an empty remaining header", { "x-ratelimit-remaining": "", "x-ratelimit-reset": "5" }],
    ["a blank remaining header", { "x-ratelimit-remaining": "  ", "x-ratelimit-reset": "5" }],
    ["no reset to wait for", { "x-ratelimit-remaining": "0" }],
  ])("does not wait with %s", (_what, h) => {
    expect(exhaustedBudgetWaitMs(headers(h), NOW)).toBeNull();
  });
});

describe("writeMayHaveActed", () => {
  it.each([
    [400, false],
    [499, false],
    [500, true],
    [503, true],
    [599, true],
    [600, false],
  ])("a write answered %d may have acted: %s", (status, acted) => {
    expect(writeMayHaveActed(status)).toBe(acted);
  });
});
