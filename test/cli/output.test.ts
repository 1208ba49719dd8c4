// Colour where a reader can see it: the terminal's word, NO_COLOR, FORCE_COLOR, TERM=dumb.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { useColor } from "../../src/cli/output.js";

function io(env: NodeJS.ProcessEnv, tty: boolean): Io {
  const out = Object.assign(new PassThrough(), { isTTY: tty });
  return { stdout: out, stderr: out, stdin: new PassThrough(), env, cwd: "/", interrupt: new AbortController().signal, hints: {} };
}

describe("useColor", () => {
  it("colours a terminal, not a pipe", () => {
    expect(useColor({}, io({}, true), "text")).toBe(true);
    expect(useColor({}, io({}, false), "text")).toBe(false);
  });

  it("honours NO_COLOR and --no-color", () => {
    expect(useColor({}, io({ NO_COLOR: "1" }, true), "text")).toBe(false);
    expect(useColor({ "no-color": true }, io({ FORCE_COLOR: "1" }, true), "text")).toBe(false);
  });

  it("honours FORCE_COLOR in a pipe or CI log (unless 0 or false)", () => {
    expect(useColor({}, io({ FORCE_COLOR: "1" }, false), "text")).toBe(true);
    expect(useColor({}, io({ FORCE_COLOR: "" }, false), "text")).toBe(true);
    expect(useColor({}, io({ FORCE_COLOR: "0" }, true), "text")).toBe(false);
    expect(useColor({}, io({ FORCE_COLOR: "false" }, true), "tty")).toBe(false);
  });

  it("honours TERM=dumb on a terminal", () => {
    expect(useColor({}, io({ TERM: "dumb" }, true), "text")).toBe(false);
    expect(useColor({}, io({ TERM: "dumb", FORCE_COLOR: "1" }, true), "text")).toBe(true);
  });

  it("never colours JSON or Markdown", () => {
    expect(useColor({}, io({ FORCE_COLOR: "1" }, true), "json")).toBe(false);
    expect(useColor({}, io({ FORCE_COLOR: "1" }, true), "markdown")).toBe(false);
  });
});
