// `reloadctl init` end to end: the built CLI reads the simulator's tenant and writes a manifest
// that validate and plan take as written.
import { existsSync, lstatSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { P1, P2, id, runCli, tempDir, testFixture } from "./harness.js";

let sim: Simulator;
const KEY = "init-e2e-key-41f0";
beforeAll(async () => {
  sim = await startSimulator({ port: 0, key: KEY, fixture: testFixture(6), pageSize: 2 });
});
afterAll(() => sim.close());
const env = () => ({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY });

describe("init (e2e)", () => {
  it("writes a manifest of the tenant in a fresh directory that validates and plans as written, and never overwrites one unasked", async () => {
    const dir = tempDir();
    const first = await runCli(["init"], { env: env(), cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain("Wrote reload.config.yaml: 2 pools, 6 data models");
    const text = readFileSync(join(dir, "reload.config.yaml"), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./node_modules/reloadctl/schemas/reload.config.schema.json");
    expect(text).toContain(`  pool-one:\n    name: Pool One                      # id ${P1}\n`);
    expect(text).toContain(`      model-1:\n        name: Model 1                   # id ${id(1)}\n        reload: full                    # 3 tables\n`);
    expect(text).toContain(`  url: ${sim.url}`);
    expect(text).not.toContain(KEY);

    const validate = await runCli(["validate"], { env: env(), cwd: dir });
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    const plan = await runCli(["plan", "--json"], { env: env(), cwd: dir });
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout).models.map((m: { address: string; modelId: string }) => [m.address, m.modelId])).toEqual([
      ["pool-one/model-1", id(1)],
      ["pool-one/model-3", id(3)],
      ["pool-one/model-5", id(5)],
      ["pool-two/model-2", id(2)],
      ["pool-two/model-4", id(4)],
      ["pool-two/model-6", id(6)],
    ]);

    sim.resetStats();
    const again = await runCli(["init"], { env: env(), cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("reload.config.yaml already exists; init does not overwrite it");
    expect(again.stderr).toContain("--force");
    expect(sim.stats().requests).toEqual([]);
    expect(readFileSync(join(dir, "reload.config.yaml"), "utf8")).toBe(text);
    expect((await runCli(["init", "--force", "--by", "id"], { env: env(), cwd: dir })).code).toBe(0);
    expect(readFileSync(join(dir, "reload.config.yaml"), "utf8")).toContain(`    id: ${P1} # "Pool One"`);
  });

  it("with --force, writes through a symlinked manifest to its target and keeps the link", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "real.yaml"), "# old\n");
    symlinkSync("real.yaml", join(dir, "reload.config.yaml"));
    const r = await runCli(["init", "--force"], { env: env(), cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, "reload.config.yaml")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "real.yaml"), "utf8")).toContain("pool-one:");
  });

  it("writes one pool to stdout, a name that is not unique by id, as a target, and that validates from stdin", async () => {
    sim.rename(id(4), "Model 2");
    try {
      const dir = tempDir();
      const r = await runCli(["init", "--pool", "pool two", "--out", "-", "--target", "dev"], { env: env(), cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(join(dir, "reload.config.yaml"))).toBe(false);
      expect(r.stdout).toContain(`targets:\n  dev:`);
      expect(r.stdout).toContain(`    name: Pool Two                      # id ${P2}`);
      expect(r.stdout).toContain(`      model-2:\n        id: ${id(2)} # "Model 2": by id, another data model in this pool has this name`);
      expect(r.stdout).not.toContain(P1);
      const validate = await runCli(["validate", "-c", "-"], { env: env(), cwd: dir, input: r.stdout });
      expect(validate.code, validate.stdout + validate.stderr).toBe(0);
      const plan = await runCli(["plan", "-c", "-", "--json"], { env: { CELONIS_API_TOKEN: KEY }, cwd: dir, input: r.stdout });
      expect(JSON.parse(plan.stdout)).toMatchObject({ target: "dev", baseUrl: sim.url });
    } finally {
      sim.rename(id(4), "Model 4");
    }
  });

  it("says what is wrong without a URL, or with a pool that does not exist", async () => {
    const dir = tempDir();
    const noUrl = await runCli(["init"], { env: { CELONIS_API_TOKEN: KEY }, cwd: dir });
    expect(noUrl.code).toBe(1);
    expect(noUrl.stderr).toContain("init reads the tenant at CELONIS_URL, which is not set");
    const noPool = await runCli(["init", "--pool", "Pool Tow"], { env: env(), cwd: dir });
    expect(noPool.code).toBe(1);
    expect(noPool.stderr).toContain('--pool "Pool Tow": no data pool has this id or name');
    expect(noPool.stderr).toContain('did you mean "Pool Two"?');
    expect(existsSync(join(dir, "reload.config.yaml"))).toBe(false);
  });
});
