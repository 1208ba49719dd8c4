import { describe, expect, it } from "vitest";
import { applySelection } from "../../src/plan/select.js";
import { UserError } from "../../src/shared/errors.js";

const models = [
  { address: "finance/o2c", tags: ["nightly"] },
  { address: "finance/p2p", tags: [] },
  { address: "logistics/shipments", tags: ["nightly", "eu"] },
  { address: "logistics/returns", tags: [] },
];
const pick = (select: string[], exclude: string[] = []) => applySelection(models, { select, exclude }).map((m) => m.address);

describe("applySelection", () => {
  it("keeps everything without selectors", () => expect(pick([])).toHaveLength(4));
  it("selects a pool", () => expect(pick(["finance"])).toEqual(["finance/o2c", "finance/p2p"]));
  it("selects by glob", () => expect(pick(["*/r*"])).toEqual(["logistics/returns"]));
  it("selects by tag", () => expect(pick(["tag:nightly"])).toEqual(["finance/o2c", "logistics/shipments"]));
  it("unions selects and subtracts excludes", () => expect(pick(["finance/*", "tag:eu"], ["finance/p2p"])).toEqual(["finance/o2c", "logistics/shipments"]));
  it("keeps manifest order", () => expect(pick(["logistics/returns", "finance/o2c"])).toEqual(["finance/o2c", "logistics/returns"]));
  it("refuses a selector that matches nothing, naming what exists", () => {
    expect(() => pick(["finanse"])).toThrow(UserError);
    try {
      pick(["finanse"]);
    } catch (e) {
      expect((e as UserError).message).toBe('selector "finanse" matches no model');
      expect((e as UserError).hint).toContain("finance/o2c");
    }
  });
  it("refuses malformed selectors", () => {
    expect(() => pick(["a/b/c"])).toThrow(/not POOL, POOL\/MODEL or tag:NAME/);
    expect(() => pick(["tag:"])).toThrow(/names no tag/);
  });
});
