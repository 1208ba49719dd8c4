// status on a terminal says what it reads while the service answers, and takes the line away
// before the table is drawn; in a pipe it says nothing.
import { describe, expect, it } from "vitest";
import { statusCommand } from "../../src/cli/commands/status.js";
import { tempDir, testManifest, writeFile } from "../e2e/harness.js";
import { captured, capturedIo } from "../helpers/streams.js";
import { simulatorPerTest } from "../helpers/simulator.js";

const KEY = "status-progress-test-key";
const simulator = simulatorPerTest(KEY);

function run(isTTY: boolean) {
  const dir = tempDir();
  writeFile(dir, "reload.config.yaml", testManifest(2));
  const stdout = captured({ isTTY, columns: 120 });
  const stderr = captured({ isTTY, columns: 120 });
  const io = capturedIo({ CELONIS_URL: simulator().url, CELONIS_API_TOKEN: KEY }, { stdout, stderr }, dir);
  Object.assign(io.stdin, { isTTY }); // a terminal is stdin and stdout both
  return { stdout, stderr, done: statusCommand([], io) };
}

describe("status's progress line", () => {
  it("on a terminal: says what it reads, then erases itself before the table", async () => {
    const r = run(true);
    expect(await r.done).toBe(0);
    expect(r.stderr.text()).toBe(`reading the models' last loads from ${simulator().url}…\r\x1b[2K`);
    expect(r.stdout.text()).toContain("p1/m1");
  });

  it("in a pipe: nothing on stderr", async () => {
    const r = run(false);
    expect(await r.done).toBe(0);
    expect(r.stderr.text()).toBe("");
  });
});
