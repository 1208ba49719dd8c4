import { describe, expect, it } from "vitest";
import { checkPlanDocument } from "../../src/plan/check-plan-document.js";
import { planDoc, plannedModel } from "../helpers/plan-doc.js";

const valid = () => JSON.parse(JSON.stringify(planDoc([plannedModel({ address: "a/m" }), plannedModel({ address: "a/p", action: "partial", reload: "partial", tables: [{ name: "EKKO", alias: null, id: "t1", word: "EKKO" }] })])));

describe("checkPlanDocument", () => {
  it("accepts a plan as plan writes it", () => {
    expect(checkPlanDocument(valid())).toEqual([]);
  });
  it("names each field apply could not trust", () => {
    const doc = valid();
    delete doc.expiresAt;
    doc.models[0].action = "bogus";
    doc.models[1].tables = [];
    doc.models[1].timeoutMs = -1;
    expect(checkPlanDocument(doc)).toEqual([
      "plan.expiresAt is missing or malformed",
      "models[0].action is missing or malformed",
      "models[1].timeoutMs is missing or malformed",
      "models[1] is a partial reload with no tables",
    ]);
  });
  it("refuses a model listed twice, and a selection that is not lists of selectors", () => {
    const doc = valid();
    doc.models.push(structuredClone(doc.models[0]));
    doc.selection = { select: "a", exclude: [] };
    expect(checkPlanDocument(doc)).toEqual(["selection.select is missing or malformed", "models[2] repeats a/m: a plan holds each model once"]);
  });
  it("refuses what is not an object at all", () => {
    expect(checkPlanDocument([])).toEqual(["plan must be an object"]);
  });
});
