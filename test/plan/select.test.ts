import { describe, expect, it } from "vitest";
import { applySelection, recordSelection, type Selectable } from "../../src/plan/select.js";
import { UserError } from "../../src/shared/errors.js";

const models = [
  { address: "finance/o2c", tags: ["nightly"] },
  { address: "finance/p2p", tags: [] },
  { address: "logistics/shipments", tags: ["nightly", "eu"] },
  { address: "logistics/returns", tags: [] },
];
const pick = (select: string[], exclude: string[] = [], items: readonly Selectable[] = models) => applySelection(items, { select, exclude }).map((m) => m.address);

/** The UserError a selection throws, as message and hint. */
function refusal(select: string[], exclude: string[] = [], items: readonly Selectable[] = models) {
  try {
    pick(select, exclude, items);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { message: e.message, hint: e.hint };
  }
  throw new Error("expected the selection to be refused");
}

describe("applySelection", () => {
  it("keeps everything without selectors", () => expect(pick([])).toEqual(models.map((m) => m.address)));
  it("selects a pool", () => expect(pick(["finance"])).toEqual(["finance/o2c", "finance/p2p"]));
  it("selects a pool by its whole name, not a prefix", () => {
    expect(pick(["fin"], [], [...models, { address: "fin/x", tags: [] }])).toEqual(["fin/x"]);
  });
  it("selects by glob", () => expect(pick(["*/r*"])).toEqual(["logistics/returns"]));
  it("selects pools by glob", () => expect(pick(["fin*"])).toEqual(["finance/o2c", "finance/p2p"]));
  it("reads ? as one character", () => expect(pick(["finance/?2?"])).toEqual(["finance/o2c", "finance/p2p"]));
  it("never lets a glob's * cross a slash, in a tag as in an address", () => {
    const tagged = [{ address: "p/a", tags: ["team/eu"] }, { address: "p/b", tags: ["teams"] }];
    expect(pick(["tag:team*"], [], tagged)).toEqual(["p/b"]);
    expect(pick(["tag:team/*"], [], tagged)).toEqual(["p/a"]);
    expect(pick(["tag:team?eu"], [], [...tagged, { address: "p/c", tags: ["team-eu"] }])).toEqual(["p/c"]);
  });
  it("reads a dot as a dot, not as any character", () => {
    expect(pick(["a.c"], [], [{ address: "a.c/m", tags: [] }, { address: "abc/m", tags: [] }])).toEqual(["a.c/m"]);
  });
  it("selects by tag", () => expect(pick(["tag:nightly"])).toEqual(["finance/o2c", "logistics/shipments"]));
  it("selects a model by any one of its tags", () => expect(pick(["tag:eu"])).toEqual(["logistics/shipments"]));
  it("selects by tag glob, matching the whole tag", () => {
    expect(pick(["tag:night*"])).toEqual(["finance/o2c", "logistics/shipments"]);
    expect(refusal(["tag:night"]).message).toBe('selector "tag:night" matches no model');
  });
  it("ignores spaces around a selector", () => expect(pick(["  finance  "])).toEqual(["finance/o2c", "finance/p2p"]));
  it("unions selects and subtracts excludes", () => expect(pick(["finance/*", "tag:eu"], ["finance/p2p"])).toEqual(["finance/o2c", "logistics/shipments"]));
  it("excludes from everything when nothing is selected", () => expect(pick([], ["logistics"])).toEqual(["finance/o2c", "finance/p2p"]));
  it("keeps manifest order", () => expect(pick(["logistics/returns", "finance/o2c"])).toEqual(["finance/o2c", "logistics/returns"]));

  it("refuses a selector that matches nothing, naming what exists", () => {
    expect(refusal(["finanse"])).toEqual({
      message: 'selector "finanse" matches no model',
      hint: "models: finance/o2c, finance/p2p, logistics/shipments, logistics/returns",
    });
  });
  it("refuses a tag no model has, naming the tags that exist", () => {
    expect(refusal(["tag:nigthly"])).toEqual({ message: 'selector "tag:nigthly" matches no model', hint: "tags: eu, nightly" });
  });
  it("names the tags that exist for a tag selector with spaces around it", () => {
    expect(refusal([" tag:nigthly "]).hint).toBe("tags: eu, nightly");
  });
  it("says when no model has a tag at all", () => {
    expect(refusal(["tag:nightly"], [], [{ address: "p/m", tags: [] }]).hint).toBe("tags: (none)");
  });
  it("says how many shards a selection too small for its shard allows", () => {
    try {
      applySelection(models, { select: ["finance"], exclude: [], shard: { index: 3, count: 3 } });
      throw new Error("expected a refusal");
    } catch (e) {
      expect(e).toMatchObject({ message: "shard 3/3 has no model: the selection has only 2", hint: "use at most 2 shards" });
    }
  });
  it("refuses an exclude that matches nothing", () => {
    expect(refusal([], ["tag:weekly"]).message).toBe('selector "tag:weekly" matches no model');
  });
  it("names the first 20 models of a long list, and how many there are", () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ address: `p/m${i + 1}`, tags: [] }));
    const { hint } = refusal(["q"], [], many);
    expect(hint).toBe(`models: ${many.slice(0, 20).map((m) => m.address).join(", ")}, … (21 in all)`);
  });
  it("names all of a list of exactly 20", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => ({ address: `p/m${i + 1}`, tags: [] }));
    expect(refusal(["q"], [], twenty).hint).toBe(`models: ${twenty.map((m) => m.address).join(", ")}`);
  });

  it("refuses a selection that leaves no model", () => {
    expect(refusal(["finance"], ["tag:nightly", "finance/p2p"])).toEqual({ message: "the selection leaves no model", hint: "loosen --select or --exclude" });
  });
  it("refuses a manifest without models", () => {
    expect(refusal([], [], [])).toEqual({ message: "there is no model to work on", hint: "declare models under pools in the manifest" });
  });

  it.each([
    ["a/b/c", 'selector "a/b/c" is not POOL, POOL/MODEL or tag:NAME'],
    ["finance/", 'selector "finance/" is not POOL, POOL/MODEL or tag:NAME'],
    ["/o2c", 'selector "/o2c" is not POOL, POOL/MODEL or tag:NAME'],
    ["tag:", 'selector "tag:" names no tag'],
    ["  ", "empty selector"],
  ])("refuses the malformed selector %j", (selector, message) => {
    expect(refusal([selector]).message).toBe(message);
  });
  it("says how to write a tag, and what a selector is", () => {
    expect(refusal(["tag:"]).hint).toBe("write it as tag:NAME");
    expect(refusal([""]).hint).toBe("use POOL, POOL/MODEL (globs allowed), tag:NAME or result:STATE");
  });
});

describe("result:STATE selectors (--state)", () => {
  const results = { file: "results.json", byAddress: new Map([["finance/o2c", "failed"], ["finance/p2p", "succeeded"], ["logistics/shipments", "timed_out"]] as const) };
  const take = (select: string[], exclude: string[] = []) => applySelection(models, { select, exclude, results }).map((m) => m.address);

  it("selects the models whose result in the record is that state; unions like any selector", () => {
    expect(take(["result:failed"])).toEqual(["finance/o2c"]);
    expect(take(["result:failed", "result:timed_out"])).toEqual(["finance/o2c", "logistics/shipments"]);
    expect(take(["finance"], ["result:succeeded"])).toEqual(["finance/o2c"]);
  });
  it("a state that no model had is no error by itself; a selection left empty says so", () => {
    expect(take(["result:failed", "result:not_started"])).toEqual(["finance/o2c"]);
    expect(() => take(["result:skipped"])).toThrow("the selection leaves no model: no model in results.json has result:skipped");
  });
  it("refuses an unknown state, and a result selector without --state", () => {
    expect(() => take(["result:failing"])).toThrow('selector "result:failing" names no result');
    expect(() => applySelection(models, { select: ["result:failed"], exclude: [] })).toThrow('selector "result:failed" needs --state FILE');
  });
  /** The UserError the selection throws, as message and hint. */
  function refused(select: string[], exclude: string[] = [], withResults = true) {
    try {
      applySelection(models, { select, exclude, ...(withResults ? { results } : {}) });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      return { message: e.message, hint: e.hint };
    }
    throw new Error("expected the selection to be refused");
  }

  it("reads a result selector with spaces around it as one, which may match nothing", () => {
    expect(take(["  result:not_started ", "logistics/returns"])).toEqual(["logistics/returns"]);
  });
  it("names the states a result selector may take", () => {
    expect(refused(["result:failing"]).hint).toBe("write it as result:STATE, with STATE one of failed, timed_out, not_started, succeeded, skipped");
  });
  it("says where a results record comes from", () => {
    expect(refused(["result:failed"], [], false).hint).toBe("pass the results record of an earlier run: reloadctl apply --results FILE writes one");
  });
  it("names only the result selectors when those leave nothing", () => {
    expect(refused(["result:failed", "finance/p2p"], ["finance"])).toEqual({ message: "the selection leaves no model: no model in results.json has result:failed", hint: "nothing to run again" });
    expect(refused(["result:skipped", "result:not_started"]).message).toBe("the selection leaves no model: no model in results.json has result:skipped or result:not_started");
  });
  it("says loosen when selectors other than results leave nothing, a results record or not", () => {
    expect(refused(["finance"], ["finance"])).toEqual({ message: "the selection leaves no model", hint: "loosen --select or --exclude" });
  });
  it("is recorded in a plan as the addresses it took, and the shard as K/N", () => {
    expect(recordSelection(models, { select: ["result:failed", "tag:eu"], exclude: ["result:succeeded"], results, shard: { index: 1, count: 2 } })).toEqual({
      select: ["finance/o2c", "tag:eu"],
      exclude: ["finance/p2p"],
      shard: "1/2",
    });
  });
});

describe("a caller's own words for a selector that matches nothing (a saved plan)", () => {
  const widened = (selector: string) => new UserError(`"${selector}" would widen the plan`);

  it("a POOL, MODEL or tag selector outside the items is said in the caller's words", () => {
    expect(() => applySelection(models, { select: ["hr"], exclude: [] }, widened)).toThrow('"hr" would widen the plan');
    expect(() => applySelection(models, { select: [], exclude: ["tag:nope"] }, widened)).toThrow('"tag:nope" would widen the plan');
  });

  it("a result: selector that takes none is not a widening: the selection is judged as a whole", () => {
    const results = { file: "results.json", byAddress: new Map([["finance/o2c", "succeeded" as const]]) };
    expect(() => applySelection(models, { select: ["result:failed"], exclude: [], results }, widened)).toThrow(
      "the selection leaves no model: no model in results.json has result:failed",
    );
  });
});
