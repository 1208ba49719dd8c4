import { describe, expect, it } from "vitest";
import { decideAction, type DecisionInput } from "../../src/plan/decide-action.js";
import type { LastLoad } from "../../src/celonis/api.js";

const NOW = Date.parse("2026-11-28T17:00:00.000Z");
const H = 3_600_000;
const model = (over: Partial<DecisionInput> = {}): DecisionInput => ({ reload: { kind: "full" }, maxAgeMs: 6 * H, onWarning: "fail", onRunning: "wait", ...over });
const load = (status: string, endedHoursAgo: number | null, over: Partial<LastLoad> = {}): LastLoad => ({
  id: "l1",
  status,
  loadType: "COMPLETE",
  startDate: new Date(NOW - (endedHoursAgo ?? 0) * H - H).toISOString(),
  endDate: endedHoursAgo === null ? null : new Date(NOW - endedHoursAgo * H).toISOString(),
  message: null,
  ...over,
});

describe("decideAction", () => {
  it("reloads a model never loaded, whatever maxAge says", () => {
    expect(decideAction(model(), null, NOW)).toEqual({ action: "full", reload: "full", reason: "complete reload: never loaded", skipReason: null });
  });

  it("skips a SUCCESS that ended within maxAge, and says how fresh", () => {
    const d = decideAction(model({ reload: { kind: "partial", tables: ["EKKO"] } }), load("SUCCESS", 2), NOW);
    expect(d).toEqual({ action: "skip", reload: "partial", reason: "fresh: last SUCCESS 2h ago, maxAge 6h", skipReason: "fresh" });
  });

  it("reloads a SUCCESS older than maxAge", () => {
    const d = decideAction(model({ reload: { kind: "cache" } }), load("SUCCESS", 7), NOW);
    expect(d.action).toBe("cache");
    expect(d.reason).toBe("reload from cache: last SUCCESS 7h ago, older than maxAge 6h");
  });

  it("never skips with maxAge 0s", () => {
    expect(decideAction(model({ maxAgeMs: 0 }), load("SUCCESS", 0.01), NOW).action).toBe("full");
  });

  it("counts a WARNING as fresh only with onWarning: succeed", () => {
    expect(decideAction(model(), load("WARNING", 1), NOW).action).toBe("full");
    expect(decideAction(model({ onWarning: "succeed" }), load("WARNING", 1), NOW).action).toBe("skip");
  });

  it.each(["ERROR", "CANCELED", "SOMETHING_NEW"])("never counts %s as fresh", (status) => {
    const d = decideAction(model(), load(status, 1), NOW);
    expect(d.action).toBe("full");
    expect(d.reason).toContain(`last ${status} 1h ago`);
  });

  it.each([
    ["skip", "skip", "running"],
    ["wait", "full", null],
    ["fail", "full", null],
  ] as const)("with a load running and onRunning %s, plans %s", (onRunning, action, skipReason) => {
    const d = decideAction(model({ onRunning }), load("RUNNING", null), NOW);
    expect(d.action).toBe(action);
    expect(d.skipReason).toBe(skipReason);
    expect(d.reason).toContain("RUNNING");
  });

  it("treats a load that ends in the future (clock skew) as not fresh", () => {
    expect(decideAction(model(), load("SUCCESS", -1), NOW).action).toBe("full");
  });
});
