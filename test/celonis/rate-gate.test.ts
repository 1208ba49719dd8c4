import { describe, expect, it } from "vitest";
import { budgetReport, NO_REPORT, RateGate } from "../../src/celonis/rate-gate.js";

function gateAt(start = 0): { gate: RateGate; clock: { t: number } } {
  const clock = { t: start };
  return { gate: new RateGate(() => clock.t), clock };
}

const bookMany = (gate: RateGate, n: number): number[] => Array.from({ length: n }, () => gate.book());

describe("budgetReport", () => {
  it("reads the limit and the remaining budget", () => {
    expect(budgetReport(new Headers({ "x-ratelimit-limit": "20", "x-ratelimit-remaining": "7" }))).toEqual({ limit: 20, remaining: 7 });
  });

  it("takes a missing, non-numeric or zero limit as not said", () => {
    expect(budgetReport(new Headers())).toEqual(NO_REPORT);
    expect(budgetReport(new Headers({ "x-ratelimit-limit": "lots", "x-ratelimit-remaining": "-1" }))).toEqual(NO_REPORT);
    expect(budgetReport(new Headers({ "x-ratelimit-limit": "0", "x-ratelimit-remaining": "0" }))).toEqual({ limit: null, remaining: 0 });
  });

  it("ignores a count that is not a whole number: a limit of 0.02 must not space requests 50 s apart", () => {
    expect(budgetReport(new Headers({ "x-ratelimit-limit": "0.02", "x-ratelimit-remaining": "0.5" }))).toEqual(NO_REPORT);
    const { gate } = gateAt(1_000);
    gate.answered(budgetReport(new Headers({ "x-ratelimit-limit": "0.02", "x-ratelimit-remaining": "0" })));
    gate.answered(NO_REPORT);
    // Without a whole limit nothing is paced, whatever the budget left.
    expect(Math.max(...bookMany(gate, 5))).toBeLessThan(1_000);
  });
});

describe("pacing by the reported budget", () => {
  it("lets every request go at once while the service has not told its limit", () => {
    const { gate } = gateAt();
    expect(bookMany(gate, 50)).toEqual(Array(50).fill(0));
  });

  it("spends the reported budget down to a reserve, then spaces starts at the limit", () => {
    const { gate } = gateAt(1_000);
    gate.book();
    gate.answered({ limit: 20, remaining: 10 });
    // limit 20/s: a reserve of 2 is kept, and paced starts are 50 ms apart.
    expect(bookMany(gate, 12)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 50, 100, 150, 200]);
  });

  it("counts the requests still in flight against the budget an answer reports", () => {
    const { gate } = gateAt();
    bookMany(gate, 5);
    gate.answered({ limit: 10, remaining: 6 });
    // 6 left, 4 of them already taken by the requests in flight, and a reserve of 1.
    expect(bookMany(gate, 3)).toEqual([0, 100, 200]);
  });

  it("goes unpaced again once an answer reports the budget refilled", () => {
    const { gate, clock } = gateAt();
    gate.book();
    gate.answered({ limit: 10, remaining: 0 });
    expect(gate.book()).toBe(100);
    clock.t = 100;
    gate.answered({ limit: 10, remaining: 9 });
    expect(bookMany(gate, 3)).toEqual([0, 0, 0]);
  });

  it("paces from the last start, not from the moment of booking", () => {
    const { gate, clock } = gateAt();
    gate.book();
    gate.answered({ limit: 4, remaining: 0 });
    expect(gate.book()).toBe(250);
    clock.t = 600;
    gate.answered(NO_REPORT);
    expect(gate.book()).toBe(0);
    expect(gate.book()).toBe(250);
  });

  it("a request that ended without an answer leaves the flight but does not change the budget", () => {
    const { gate } = gateAt();
    bookMany(gate, 3);
    gate.answered({ limit: 10, remaining: 5 });
    gate.answered(NO_REPORT);
    gate.answered({ limit: 10, remaining: 5 });
    // nothing in flight now: 5 left, a reserve of 1.
    expect(bookMany(gate, 5)).toEqual([0, 0, 0, 0, 100]);
  });
});
