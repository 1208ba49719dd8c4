// What a terminal is left with: no stray escape sequence on stderr after the live view (the
// cursor is restored on the terminal, not written into a log), and Ctrl-C during plan's
// progress line ends on a clean line that says "interrupted".
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { CLI, ROOT, baseEnv, collect, tempDir, testFixture, testManifest, until, writeFile } from "./harness.js";

let sim: Simulator;
let dir: string;
const KEY = "e2e-terminal-key";

beforeAll(async () => {
  sim = await startSimulator({ port: 0, key: KEY, fixture: testFixture(2) });
  dir = tempDir();
});
afterAll(async () => {
  await sim.close();
});

describe("the terminal after a run (e2e)", () => {
  it("the live apply view leaves no cursor escape in a redirected stderr", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(2));
    const stderrFile = join(dir, "stderr.txt");
    // `script` gives the CLI a terminal on stdout; stderr goes to a file, as in `2>log`.
    const command = `${process.execPath} ${CLI} apply -c ${manifest} --auto-approve 2>${stderrFile}`;
    const { CI: _ci, ...env } = baseEnv({ TERM: "xterm", CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY });
    // Not spawnSync: the simulator answers from this process's event loop.
    const r = await collect(spawn("script", ["-qec", command, "/dev/null"], { cwd: ROOT, env, stdio: "pipe" }));
    expect(r.code, r.stdout).toBe(0);
    expect(stripVTControlCharacters(r.stdout)).toMatch(/✔ p1\/m1/); // the Ink view drew on the terminal
    expect(readFileSync(stderrFile, "utf8")).not.toContain("\x1b");
  });

  it("Ctrl-C while plan reads ends with \"interrupted\", exit 130", async () => {
    sim.setGlobal({ latencyMs: 30_000 });
    try {
      const manifest = writeFile(dir, "slow.yaml", testManifest(2));
      sim.resetStats();
      const child = spawn(process.execPath, [CLI, "plan", "-c", manifest], { cwd: ROOT, env: baseEnv({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY }), stdio: "pipe" });
      const done = collect(child);
      await until(() => sim.stats().maxInFlightRequests >= 1, "a read in flight");
      child.kill("SIGINT");
      const r = await done;
      expect(r.code).toBe(130);
      expect(r.stderr).toBe("interrupted\n");
      expect(r.stdout).toBe("");
    } finally {
      sim.setGlobal({ latencyMs: 0 });
    }
  });
});
