// --help must stay true: every flag a command's help lists is one its parser accepts, and back.
import { describe, expect, it } from "vitest";
import { HELP } from "../../src/cli/help.js";
import { PLAN_OPTIONS } from "../../src/cli/commands/plan.js";
import { APPLY_OPTIONS } from "../../src/cli/commands/apply.js";
import { STATUS_OPTIONS } from "../../src/cli/commands/status.js";
import { VALIDATE_OPTIONS } from "../../src/cli/commands/validate.js";

const flagsIn = (text: string) => new Set([...text.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]!));

const COMMANDS = [
  ["validate", VALIDATE_OPTIONS],
  ["plan", PLAN_OPTIONS],
  ["apply", APPLY_OPTIONS],
  ["status", STATUS_OPTIONS],
] as const;

describe("help lists exactly the flags each command accepts", () => {
  it.each(COMMANDS)("%s", (command, options) => {
    const listed = flagsIn(HELP[command]!);
    const accepted = new Set(Object.keys(options));
    // Flags of other commands named in the text: apply's --results (under --state), plan's --out.
    const mentionedElsewhere = new Set(command === "apply" ? ["out"] : ["results"]);
    expect([...listed].filter((f) => !accepted.has(f) && !mentionedElsewhere.has(f))).toEqual([]);
    expect([...accepted].filter((f) => !listed.has(f))).toEqual([]);
  });
});

describe("each command's usage line names every flag it accepts", () => {
  it.each(COMMANDS)("%s", (command, options) => {
    const usage = HELP[command]!.split("\n\n")[0]!;
    const named = flagsIn(usage);
    expect(Object.keys(options).filter((f) => f !== "help" && f !== "config" && !named.has(f))).toEqual([]);
  });
});
