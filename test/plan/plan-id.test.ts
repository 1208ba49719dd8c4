import { describe, expect, it } from "vitest";
import { computePlanId } from "../../src/plan/plan-id.js";
import { planDoc, plannedModel } from "../helpers/plan-doc.js";

const partial = (id: string) =>
  plannedModel({ address: "a/p", action: "partial", reload: "partial", tables: [{ name: "EKKO", alias: null, id, word: "EKKO" }] });
const base = () => planDoc([plannedModel({ address: "a/m" }), partial("t1")]);

describe("computePlanId", () => {
  it("is 12 hex characters, the same for the same intent whatever the timestamps, reasons or last loads", () => {
    const a = base();
    const b = planDoc([plannedModel({ address: "a/m", reason: "other words", lastLoad: { id: "l", status: "SUCCESS", startDate: "2026-01-01T00:00:00Z", endDate: null, message: null, loadType: null } as never }), partial("t1")], {
      createdAt: "2030-01-01T00:00:00.000Z",
      expiresAt: "2030-01-02T00:00:00.000Z",
    });
    expect(computePlanId(a)).toMatch(/^[0-9a-f]{12}$/);
    expect(computePlanId(b)).toBe(computePlanId(a));
  });

  it("changes with each part of the intent: a model, an action, a table id, a bound", () => {
    const id = computePlanId(base());
    const variants = [
      planDoc([plannedModel({ address: "a/m" })]),
      planDoc([plannedModel({ address: "a/m", action: "cache", reload: "cache" }), partial("t1")]),
      planDoc([plannedModel({ address: "a/m" }), partial("t2")]),
      planDoc([plannedModel({ address: "a/m" }), partial("t1")], { parallelism: 8 }),
      planDoc([plannedModel({ address: "a/m" }), partial("t1")], { poolParallelism: { a: 1 } }),
      planDoc([plannedModel({ address: "a/m", modelId: "another" }), partial("t1")]),
    ];
    const ids = variants.map(computePlanId);
    expect(ids).not.toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("does not depend on the order the pools' bounds were written in", () => {
    const a = planDoc([plannedModel({ address: "a/m" }), plannedModel({ address: "b/m" })], { poolParallelism: { a: 1, b: 2 } });
    const b = planDoc([plannedModel({ address: "a/m" }), plannedModel({ address: "b/m" })], { poolParallelism: { b: 2, a: 1 } });
    expect(computePlanId(a)).toBe(computePlanId(b));
  });
});
