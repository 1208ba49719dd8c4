import { describe, expect, it } from "vitest";
import { HELP } from "../../src/cli/help.js";
import { WATCH_DEFAULTS, WATCH_OPTIONS } from "../../src/cli/commands/watch.js";

describe("watch --help", () => {
  it("lists exactly the flags watch accepts, with their defaults", () => {
    const listed = new Set([...HELP.watch!.matchAll(/^\s+(?:-\w, )?--([\w-]+)/gm)].map((m) => m[1]));
    expect([...listed].sort()).toEqual(Object.keys(WATCH_OPTIONS).sort());
    for (const value of Object.values(WATCH_DEFAULTS)) expect(HELP.watch).toContain(`default ${value}`);
    expect(HELP.main).toMatch(/^\s+watch\s/m);
  });
});
