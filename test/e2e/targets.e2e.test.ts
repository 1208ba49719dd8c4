// One manifest by names against two tenants: `targets:` and --target, end to end against two
// simulators that hold the same names under different ids.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import type { Fixture } from "../../src/sim/fixture.js";
import { P1, id, runCli, tempDir, testFixture, writeFile } from "./harness.js";

/** The same tenant with other ids: what prod looks like next to dev. */
function otherIds(f: Fixture): Fixture {
  const swap = (x: string) => `9${x.slice(1)}`;
  return {
    ...f,
    pools: f.pools.map((p) => ({ ...p, id: swap(p.id), models: p.models.map((m) => ({ ...m, id: swap(m.id), lastLoad: m.lastLoad ? { ...m.lastLoad, id: swap(m.lastLoad.id ?? "") } : null, tables: m.tables.map((t) => ({ ...t, id: swap(t.id) })) })) })),
  };
}
const prodId = (x: string) => `9${x.slice(1)}`;

let dev: Simulator;
let prod: Simulator;
const KEY = "targets-e2e-key-0b7e";
beforeAll(async () => {
  [dev, prod] = await Promise.all([
    startSimulator({ port: 0, key: KEY, fixture: testFixture(4) }),
    startSimulator({ port: 0, key: KEY, fixture: otherIds(testFixture(4)), pageSize: 1 }),
  ]);
});
afterAll(async () => {
  await Promise.all([dev.close(), prod.close()]);
});

const manifestText = () => `version: 1
targets:
  dev:
    url: ${dev.url}
    default: true
  prod:
    url: ${prod.url}
    tokenEnv: PROD_TOKEN
defaults:
  timeout: 1m
pools:
  one:
    name: Pool One
    models:
      first:
        name: Model 1
      third:
        name: model 3
        reload:
          tables: [EKKO]
`;
const env = { CELONIS_API_TOKEN: KEY, PROD_TOKEN: KEY };
const planned = (stdout: string) => {
  const doc = JSON.parse(stdout);
  return { target: doc.target, baseUrl: doc.baseUrl, ids: doc.models.map((m: { poolId: string; modelId: string }) => [m.poolId, m.modelId]) };
};

describe("targets (e2e)", () => {
  it("plans one manifest by names against each tenant with that tenant's ids", async () => {
    const manifest = writeFile(tempDir(), "m.yaml", manifestText());
    const byDefault = await runCli(["plan", "-c", manifest, "--json"], { env });
    expect(byDefault.code, byDefault.stderr).toBe(0);
    expect(planned(byDefault.stdout)).toEqual({ target: "dev", baseUrl: dev.url, ids: [[P1, id(1)], [P1, id(3)]] });

    const onProd = await runCli(["plan", "-c", manifest, "--json", "--target", "prod"], { env });
    expect(onProd.code, onProd.stderr).toBe(0);
    expect(planned(onProd.stdout)).toEqual({ target: "prod", baseUrl: prod.url, ids: [[prodId(P1), prodId(id(1))], [prodId(P1), prodId(id(3))]] });

    const fromEnv = await runCli(["plan", "-c", manifest], { env: { ...env, RELOADCTL_TARGET: "prod" } });
    expect(fromEnv.stdout).toContain(`→ target prod ${prod.url}`);

    // CELONIS_URL still wins over the target's url.
    const overridden = await runCli(["plan", "-c", manifest, "--json"], { env: { ...env, CELONIS_URL: prod.url } });
    expect(planned(overridden.stdout)).toMatchObject({ target: "dev", baseUrl: prod.url, ids: [[prodId(P1), prodId(id(1))], [prodId(P1), prodId(id(3))]] });
  });

  it("says which targets there are, and which variable holds a target's key", async () => {
    const manifest = writeFile(tempDir(), "m.yaml", manifestText());
    const unknown = await runCli(["plan", "-c", manifest, "--target", "staging"], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--target staging: ');
    expect(unknown.stderr).toContain("its targets: dev, prod");
    const noKey = await runCli(["status", "-c", manifest, "--target", "prod"], { env: { CELONIS_API_TOKEN: KEY } });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain("PROD_TOKEN is not set");
    expect(noKey.stderr + unknown.stderr).not.toContain(KEY);
  });

  it("applies a saved plan on the target it was made for, and refuses it for another", async () => {
    const dir = tempDir();
    const manifest = writeFile(dir, "m.yaml", manifestText());
    const plan = await runCli(["plan", "-c", manifest, "--target", "prod", "--out", `${dir}/plan.json`], { env });
    expect(plan.code, plan.stderr).toBe(0);

    const refused = await runCli(["apply", `${dir}/plan.json`, "--target", "dev"], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("was made for target prod, not for dev (--target); nothing was applied");
    const refusedByEnv = await runCli(["apply", `${dir}/plan.json`], { env: { ...env, RELOADCTL_TARGET: "dev" } });
    expect(refusedByEnv.stderr).toContain("not for dev (RELOADCTL_TARGET)");
    expect(dev.stats().loads.length + prod.stats().loads.length).toBe(0);

    const applied = await runCli(["apply", `${dir}/plan.json`], { env });
    expect(applied.code, applied.stderr).toBe(0);
    expect(prod.stats().loads.map((l) => l.modelId).sort()).toEqual([prodId(id(1)), prodId(id(3))]);
    expect(dev.stats().loads).toEqual([]);
  });
});
