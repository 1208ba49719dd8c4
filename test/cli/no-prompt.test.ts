// apply without --auto-approve where it will not prompt: the refusal says why, in terms the user
// can act on (a terminal with CI set is not "no terminal").
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";

function sink(isTTY: boolean) {
  let text = "";
  const stream = Object.assign(new Writable({ write: (chunk, _e, done) => ((text += String(chunk)), done()) }), { isTTY });
  return { stream, text: () => text };
}

async function refusal(env: NodeJS.ProcessEnv, tty: boolean): Promise<string> {
  const stderr = sink(false);
  const stdin = Object.assign(new PassThrough(), { isTTY: tty });
  const io: Io = { stdout: sink(tty).stream, stderr: stderr.stream, stdin, env, cwd: process.cwd(), interrupt: new AbortController().signal, hints: {} };
  expect(await run(["apply", "-c", "reload.config.yaml"], io)).toBe(1);
  return stderr.text().split("\n")[0] ?? "";
}

describe("apply's refusal to run unasked", () => {
  it("in a terminal with CI set, says that CI is set", async () => {
    expect(await refusal({ CI: "true" }, true)).toBe(
      'error: apply without a saved plan needs --auto-approve here: CI is set (CI="true"), and in CI apply never prompts',
    );
  });

  it("with no terminal, says there is none", async () => {
    expect(await refusal({}, false)).toBe("error: apply without a saved plan needs --auto-approve here: there is no terminal to ask for confirmation");
  });
});
