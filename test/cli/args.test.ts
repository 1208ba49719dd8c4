import { describe, expect, it } from "vitest";
import { COMMON_OPTIONS, parse, positiveInt } from "../../src/cli/args.js";
import { UserError } from "../../src/shared/errors.js";

const OPTIONS = { ...COMMON_OPTIONS, parallelism: { type: "string" }, out: { type: "string", short: "o" } } as const;

function errorOf(args: string[]): { message: string; hint: string | null } {
  try {
    parse("plan", args, OPTIONS);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return { message: (err as UserError).message, hint: (err as UserError).hint ?? null };
  }
  throw new Error(`parsed: ${args.join(" ")}`);
}

describe("parse", () => {
  it("names a flag by its long form when its value is missing", () => {
    expect(errorOf(["-c"]).message).toBe("--config needs a value");
    expect(errorOf(["--out"]).message).toBe("--out needs a value");
  });

  it("says when the value reads as a flag, and how to pass it", () => {
    expect(errorOf(["--parallelism", "-3"])).toEqual({ message: '--parallelism needs a value; "-3" reads as a flag', hint: "if it is the value, write --parallelism=-3" });
    expect(errorOf(["-c", "--json"]).message).toBe('--config needs a value; "--json" reads as a flag');
    const written = parse("plan", ["--parallelism=-3"], OPTIONS).values.parallelism;
    expect(written).toBe("-3");
    expect(() => positiveInt("--parallelism", written)).toThrow('--parallelism must be a whole number of at least 1; got "-3"');
  });

  it("refuses a value for a switch, an unknown flag with the nearest known one, and a stray argument", () => {
    expect(errorOf(["--json=1"]).message).toBe("--json takes no value");
    expect(errorOf(["--selct", "a"])).toEqual({ message: "unknown flag --selct for `reloadctl plan`", hint: "did you mean --select? see: reloadctl plan --help" });
    // Far from every flag: no guess (it used to suggest --out).
    expect(errorOf(["--bogus"])).toEqual({ message: "unknown flag --bogus for `reloadctl plan`", hint: "see: reloadctl plan --help" });
    expect(errorOf(["extra"]).message).toBe('unexpected argument "extra" for `reloadctl plan`');
  });
});
