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

  it.each([
    ["cache", "reload from cache: never loaded"],
    ["partial", "partial reload: never loaded"],
  ] as const)("names a %s reload in its reason", (kind, reason) => {
    const reload = kind === "partial" ? { kind, tables: ["EKKO"] } : { kind };
    expect(decideAction(model({ reload }), null, NOW)).toEqual({ action: kind, reload: kind, reason, skipReason: null });
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

  it("counts a load that ended this very millisecond as fresh", () => {
    expect(decideAction(model(), load("SUCCESS", 0), NOW)).toMatchObject({ action: "skip", reason: "fresh: last SUCCESS 0s ago, maxAge 6h" });
  });

  it("reloads a load exactly maxAge old: fresh means younger than maxAge", () => {
    expect(decideAction(model(), load("SUCCESS", 6), NOW)).toMatchObject({ action: "full", reason: "complete reload: last SUCCESS 6h ago, older than maxAge 6h" });
  });

  it("skips a load one millisecond younger than maxAge", () => {
    expect(decideAction(model({ maxAgeMs: 6 * H + 1 }), load("SUCCESS", 6), NOW).action).toBe("skip");
  });

  it("never skips with maxAge 0s, and then does not speak of maxAge", () => {
    expect(decideAction(model({ maxAgeMs: 0 }), load("SUCCESS", 0.01), NOW)).toMatchObject({ action: "full", reason: "complete reload: last SUCCESS 36s ago" });
  });

  it("counts a WARNING as fresh only with onWarning: succeed", () => {
    expect(decideAction(model(), load("WARNING", 1), NOW).action).toBe("full");
    expect(decideAction(model({ onWarning: "succeed" }), load("WARNING", 1), NOW).action).toBe("skip");
  });

  it.each(["ERROR", "CANCELED", "SOMETHING_NEW"])("never counts %s as fresh", (status) => {
    const d = decideAction(model(), load(status, 1), NOW);
    expect(d.action).toBe("full");
    expect(d.reason).toBe(`complete reload: last ${status} 1h ago`);
  });

  it.each(["ERROR", "CANCELED"])("never counts %s as fresh with onWarning: succeed either", (status) => {
    expect(decideAction(model({ onWarning: "succeed" }), load(status, 1), NOW)).toMatchObject({ action: "full", reason: `complete reload: last ${status} 1h ago` });
  });

  it.each([
    ["skip", { action: "skip", reload: "full", reason: "running: a load is RUNNING since 1h (onRunning: skip)", skipReason: "running" }],
    ["wait", { action: "full", reload: "full", reason: "after the running load ends (RUNNING since 1h)", skipReason: null }],
    ["fail", { action: "full", reload: "full", reason: "a load is RUNNING since 1h: apply will fail it (onRunning: fail)", skipReason: null }],
  ] as const)("with a load running and onRunning %s, says so", (onRunning, decision) => {
    expect(decideAction(model({ onRunning }), load("RUNNING", null), NOW)).toEqual(decision);
  });

  it("leaves out since when for a running load without a start date", () => {
    expect(decideAction(model(), load("CANCELLING", null, { startDate: null }), NOW).reason).toBe("after the running load ends (CANCELLING)");
  });

  it("leaves out how long ago for a load without an end date", () => {
    expect(decideAction(model(), load("UNKNOWN", null), NOW).reason).toBe("complete reload: last UNKNOWN");
  });

  it("treats a load that ends in the future (clock skew) as not fresh", () => {
    expect(decideAction(model(), load("SUCCESS", -1), NOW).action).toBe("full");
  });
});
