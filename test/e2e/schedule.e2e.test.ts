// Longest-first against the simulator: the plan records expected durations, the start order and
// the expected wall time; apply starts loads in that order (or the manifest's, when asked).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { id, runCli, tempDir, testFixture, testManifest, writeFile } from "./harness.js";

let sim: Simulator;
let dir: string;
const KEY = "e2e-secret-key-5b1d3e";
const env = () => ({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY });

// m1..m4: odd ones in pool p1, even ones in p2. Last loads took 2m, 40m, 10m; m4's last load was
// from cache, which says nothing of a complete reload: unknown.
const TOOK: Record<number, string> = { 1: "2m", 2: "40m", 3: "10m", 4: "5m" };

beforeEach(async () => {
  const fixture = testFixture(4);
  for (const pool of fixture.pools) {
    for (const m of pool.models) {
      const n = Number(m.id.slice(-2));
      m.lastLoad = { ...m.lastLoad!, took: TOOK[n]!, ...(n === 4 ? { loadType: "FROM_CACHE" as const } : {}) };
      m.behavior = { loadTime: 100 };
    }
  }
  sim = await startSimulator({ port: 0, key: KEY, fixture });
  dir = tempDir();
});
afterEach(async () => {
  await sim.close();
});

/** One load at a time, so the order the simulator sees triggers is the start order. */
const serialManifest = () => testManifest(4).replace("parallelism: 4", "parallelism: 1").replace("poolParallelism: 2", "poolParallelism: 1");

const startOf = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string; order?: string[] })
    .find((e) => e.type === "start")!;
const triggeredModels = () => sim.stats().requests.filter((r) => r.method === "POST").map((r) => /data-models\/([^/]+)\/load/.exec(r.path)![1]);

describe("scheduling (e2e)", () => {
  it("plan records expected durations, the longest-first order and the expected wall time; apply starts loads in that order", async () => {
    const manifest = writeFile(dir, "m.yaml", serialManifest());
    const plan = await runCli(["plan", "-c", manifest, "--json"], { env: env() });
    expect(plan.code).toBe(0);
    const doc = JSON.parse(plan.stdout) as { models: { address: string; expectedDurationMs: number | null }[]; order: string[]; expectedWallMs: number };
    expect(doc.models.map((m) => [m.address, m.expectedDurationMs])).toEqual([["p1/m1", 120_000], ["p1/m3", 600_000], ["p2/m2", 2_400_000], ["p2/m4", null]]);
    expect(doc.order).toEqual(["p2/m4", "p2/m2", "p1/m3", "p1/m1"]);
    expect(doc.expectedWallMs).toBe((2 + 40 + 10 + 10) * 60_000); // one at a time; m4 counted as the median, 10m

    const text = await runCli(["plan", "-c", manifest, "--format", "text"], { env: env() });
    expect(text.stdout).toContain("Expected ≈ 1h 02m at parallelism 1, 1 load of unknown duration counted as the median; starts first: p2/m4, p2/m2, p1/m3, then 1 more.");

    const apply = await runCli(["apply", "-c", manifest, "--auto-approve", "--json"], { env: env() });
    expect(apply.code).toBe(0);
    expect(startOf(apply.stdout).order).toEqual(doc.order);
    expect(triggeredModels()).toEqual([id(4), id(2), id(3), id(1)]);
  });

  it("apply --order manifest keeps the manifest's order; an unknown order is refused", async () => {
    const manifest = writeFile(dir, "m.yaml", serialManifest());
    const apply = await runCli(["apply", "-c", manifest, "--auto-approve", "--json", "--order", "manifest"], { env: env() });
    expect(apply.code).toBe(0);
    expect(startOf(apply.stdout).order).toEqual(["p1/m1", "p1/m3", "p2/m2", "p2/m4"]);
    expect(triggeredModels()).toEqual([id(1), id(3), id(2), id(4)]);

    const bad = await runCli(["apply", "-c", manifest, "--auto-approve", "--order", "shortest"], { env: env() });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--order must be one of longest-first, manifest; got "shortest"');
    expect(bad.stderr).not.toContain("    at ");
  });
});
