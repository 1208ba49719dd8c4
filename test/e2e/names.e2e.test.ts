// Pools and models by name, end to end: the built CLI against the simulator's listings.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { P1, P2, id, runCli, tempDir, testFixture, testManifest, writeFile } from "./harness.js";

let sim: Simulator;
const KEY = "names-e2e-key-5c1d";
beforeAll(async () => {
  sim = await startSimulator({ port: 0, key: KEY, fixture: testFixture(6), pageSize: 2 });
});
afterAll(() => sim.close());
beforeEach(() => {
  for (let n = 1; n <= 6; n++) sim.rename(id(n), `Model ${n}`);
  sim.resetStats();
});
const env = () => ({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY });

const BY_NAMES = `version: 1
defaults:
  timeout: 1m
pools:
  p1:
    name: pool one
    models:
      m1:
        name: Model 1
      m3:
        name: model 3
        reload:
          tables: [EKKO]
  p2:
    id: ${P2}
    models:
      m2:
        name: Model 2
      m4:
        id: ${id(4)}
`;

describe("pools and models by name (e2e)", () => {
  it("plans with the ids the names resolve to, reading each listing once (every page of it)", async () => {
    const manifest = writeFile(tempDir(), "m.yaml", BY_NAMES);
    const json = await runCli(["plan", "-c", manifest, "--json"], { env: env() });
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(doc.models.map((m: Record<string, unknown>) => [m.address, m.poolId, m.poolName, m.modelId, m.modelName])).toEqual([
      ["p1/m1", P1, "Pool One", id(1), "Model 1"],
      ["p1/m3", P1, "Pool One", id(3), "Model 3"],
      ["p2/m2", P2, null, id(2), "Model 2"],
      ["p2/m4", P2, null, id(4), null],
    ]);
    // Two pools on one page of two; each pool's three models on two pages of two.
    const listings = sim.stats().requests.map((r) => r.path).filter((p) => !p.startsWith("/integration/api/v1/")).sort();
    expect(listings).toEqual([
      "/integration/api/pools",
      `/integration/api/pools/${P1}/data-models`,
      `/integration/api/pools/${P1}/data-models?page=1&pageSize=2`,
      `/integration/api/pools/${P2}/data-models`,
      `/integration/api/pools/${P2}/data-models?page=1&pageSize=2`,
    ]);

    const status = await runCli(["status", "-c", manifest, "--json"], { env: env() });
    expect(JSON.parse(status.stdout).models.map((m: Record<string, unknown>) => [m.address, m.modelId, m.modelName])).toEqual([
      ["p1/m1", id(1), "Model 1"],
      ["p1/m3", id(3), "Model 3"],
      ["p2/m2", id(2), "Model 2"],
      ["p2/m4", id(4), null],
    ]);

    const text = await runCli(["plan", "-c", manifest], { env: env() });
    expect(text.stdout).toContain(`p1  "Pool One" → ${P1.slice(0, 8)}…`);
    expect(text.stdout).toContain(`"Model 3" → ${id(3).slice(0, 8)}…`);
    expect(text.stdout).toContain(`p2  ${P2.slice(0, 8)}…`);
  });

  it("reads no listing for a manifest of ids", async () => {
    const manifest = writeFile(tempDir(), "m.yaml", testManifest(2));
    expect((await runCli(["plan", "-c", manifest], { env: env() })).code).toBe(0);
    expect(sim.stats().requests.filter((r) => !r.path.startsWith("/integration/api/v1/"))).toEqual([]);
  });

  it("refuses an ambiguous and a misspelt name, each located, with the candidates", async () => {
    sim.rename(id(5), "MODEL 3");
    const manifest = writeFile(tempDir(), "m.yaml", BY_NAMES.replace("name: Model 1", "name: Modle 1"));
    const r = await runCli(["plan", "-c", manifest], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('m.yaml:9:15: model `p1/m1`: no data model in pool "Pool One" is named "Modle 1"; did you mean "Model 1"?');
    expect(r.stderr).toContain(
      `m.yaml:11:15: model \`p1/m3\`: 2 data models in pool "Pool One" match the name "model 3": "Model 3" (id ${id(3)}), "MODEL 3" (id ${id(5)}); write the \`id\` of the one you mean instead of \`name\``,
    );
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("refuses a saved plan as stale when a name now resolves to another model", async () => {
    const dir = tempDir();
    const manifest = writeFile(dir, "m.yaml", BY_NAMES);
    expect((await runCli(["plan", "-c", manifest, "--out", `${dir}/plan.json`], { env: env() })).code).toBe(0);
    // Someone renamed the models in the service's UI: "Model 1" is now another model.
    sim.rename(id(1), "Model 1 (old)");
    sim.rename(id(5), "Model 1");
    const r = await runCli(["apply", `${dir}/plan.json`], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is stale; nothing was applied");
    expect(r.stderr).toContain(`p1/m1: model name "Model 1" now resolves to data model ${id(5)}; the plan has ${id(1)}`);
    expect(sim.stats().loads).toEqual([]);
  });
});
