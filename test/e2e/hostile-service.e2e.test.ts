// apply against a simulator playing a hostile or broken service (issue 14): a 5xx after the load
// started, an older load shown as the last one, a hung read, a fractional rate limit. Each model
// ends right, with exactly one load of its own, and within its timeout.
import { beforeEach, describe, expect, it } from "vitest";
import { startSimulator } from "../../src/sim/server.js";
import { id, runCli, tempDir, testFixture, testManifest, writeFile } from "./harness.js";
import { simulatorPerTest } from "../helpers/simulator.js";

const KEY = "e2e-hostile-key-7d1b0e";
const simulator = simulatorPerTest(KEY, 4);
let dir: string;

beforeEach(() => {
  dir = tempDir();
});

const env = () => ({ CELONIS_URL: simulator().url, CELONIS_API_TOKEN: KEY });
const posts = (modelId: string) => simulator().stats().requests.filter((r) => r.method === "POST" && r.modelId === modelId);

interface Line {
  type: string;
  address?: string;
  [k: string]: unknown;
}
function ndjson(stdout: string) {
  const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as Line);
  const summary = lines.find((l) => l.type === "summary") as unknown as { models: { address: string; result: string; message: string | null; durationMs: number }[] };
  return { lines, byAddress: new Map(summary.models.map((m) => [m.address, m])) };
}

/** The longest part of `key` found in `text` (0 when none). */
function longestLeak(text: string, key: string): number {
  for (let len = key.length; len > 0; len--) {
    for (let i = 0; i + len <= key.length; i++) if (text.includes(key.slice(i, i + len))) return len;
  }
  return 0;
}

describe("apply against a hostile service (e2e)", () => {
  it("a service echoing the key (past a cut, in reference, errorCode and Location) never gets it printed", async () => {
    const key = "kA9xQ2mZ7pL4wR8tV1nB6cY3hJ5dF0gS2kA9xQ2mZ7pL4wR8tV1nB6cY3hJ5dFz";
    const echoing = await startSimulator({ port: 0, key, fixture: testFixture(2) });
    try {
      const manifest = writeFile(dir, "m.yaml", testManifest(2));
      const envKey = { CELONIS_URL: echoing.url, CELONIS_API_TOKEN: key };
      const runs: string[] = [];
      for (const status of [400, 302]) {
        for (const format of ["text", "json", "markdown"]) {
          for (const command of [["plan"], ["status"], ["apply", "--auto-approve"]]) {
            echoing.setFault(id(1), { echoKeyTimes: 1_000, echoKeyStatus: status });
            const r = await runCli([...command, "-c", manifest, "--format", format], { env: envKey });
            expect(r.code, `${command[0]} ${format} ${status}`).not.toBe(0);
            runs.push(r.stdout + r.stderr);
            expect(longestLeak(r.stdout + r.stderr, key), `${command[0]} --format ${format}, echoed in a ${status}`).toBeLessThan(6);
          }
        }
      }
      // The echo did reach the output, masked.
      expect(runs.some((out) => out.includes("Received Authorization: Bearer ***"))).toBe(true);
      expect(runs.some((out) => out.includes("redirected to https://login.example.test/"))).toBe(true);
    } finally {
      await echoing.close();
    }
  }, 90_000);

  it("a trigger answered 500 or 524 after its load started: watched, adopted, one POST and one load each", async () => {
    simulator().setFault(id(1), { triggerStartedStatus: 500, appearDelayMs: 2_500 });
    simulator().setFault(id(2), { triggerStartedStatus: 524, appearDelayMs: 1_000 });
    const manifest = writeFile(dir, "m.yaml", testManifest(2));
    const r = await runCli(["apply", "-c", manifest, "--auto-approve", "--json"], { env: env() });
    const { byAddress, lines } = ndjson(r.stdout);
    expect(byAddress.get("p1/m1")?.result).toBe("succeeded");
    expect(byAddress.get("p2/m2")?.result).toBe("succeeded");
    for (const n of [1, 2]) {
      expect(simulator().loadsStarted(id(n)), `loads of m${n}`).toBe(1);
      expect(posts(id(n)), `POSTs of m${n}`).toHaveLength(1);
    }
    expect(lines.filter((l) => l.type === "triggered" && l.adopted === true)).toHaveLength(2);
    expect(r.code).toBe(0);
  }, 60_000);

  it("an older load shown after the trigger is not taken for ours: not_ours events, timed_out, exit 1", async () => {
    simulator().setFault(id(1), { olderLoadMs: 5 * 3_600_000 }); // before the load seen before the trigger (3 h ago)
    simulator().setFault(id(2), { olderLoadMs: 3_600_000 }); // an hour before the trigger
    const manifest = writeFile(dir, "m.yaml", testManifest(2).replace("timeout: 1m", "timeout: 3s"));
    const r = await runCli(["apply", "-c", manifest, "--auto-approve", "--json"], { env: env() });
    const { byAddress, lines } = ndjson(r.stdout);
    for (const address of ["p1/m1", "p2/m2"]) {
      expect(byAddress.get(address), address).toMatchObject({ result: "timed_out", message: expect.stringContaining("the new load never appeared") });
      expect(lines.filter((l) => l.type === "not_ours" && l.address === address), address).toHaveLength(1);
    }
    expect(lines.find((l) => l.type === "not_ours" && l.address === "p1/m1")?.reason).toMatch(/no later than the load seen before the trigger/);
    expect(lines.find((l) => l.type === "not_ours" && l.address === "p2/m2")?.reason).toMatch(/clock-skew allowance/);
    expect(simulator().loadsStarted(id(1)) + simulator().loadsStarted(id(2))).toBe(0);
    expect(r.code).toBe(1);
  });

  it("a hung last-load read ends at the model's timeout, saying what it waited for; a fractional rate limit adds no long waits", async () => {
    simulator().setFault(id(1), { slowReadsMs: 120_000 });
    simulator().setFault(id(2), { rateLimitHeader: "0.02" });
    const manifest = writeFile(dir, "m.yaml", testManifest(2).replace("timeout: 1m", "timeout: 3s"));
    const r = await runCli(["apply", "-c", manifest, "--auto-approve", "--json"], { env: env() });
    const { byAddress } = ndjson(r.stdout);
    const m1 = byAddress.get("p1/m1")!;
    expect(m1).toMatchObject({ result: "timed_out", message: expect.stringMatching(/within 3s .*it was waiting for an answer to GET \/integration\/api\/v1\/data-pools\/[^ ]+\/last-load$/) });
    expect(m1.durationMs).toBeLessThan(3_000 + 2_000); // the timeout, and no 30 s request wait past it
    expect(byAddress.get("p2/m2")?.result).toBe("succeeded");
    expect(r.code).toBe(1);
  }, 60_000);
});
