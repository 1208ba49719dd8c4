// apply PLAN says what is wrong in the user's terms: another manifest than the plan's (and where
// it looked), an edit of comments only, a selection that would widen the plan.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { runCli, tempDir, testFixture, testManifest, writeFile } from "./harness.js";

let sim: Simulator;
let dir: string;
let planPath: string;
const KEY = "e2e-saved-plan-key";
const env = () => ({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY });
const MANIFEST = testManifest(2);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, key: KEY, fixture: testFixture(2) });
  dir = tempDir();
  writeFile(dir, "m.yaml", MANIFEST);
  planPath = join(dir, "plan.json");
  const plan = await runCli(["plan", "-c", "m.yaml", "--out", planPath, "--select", "p1"], { env: env(), cwd: dir });
  expect(plan.code, plan.stderr).toBe(0);
});
afterAll(async () => {
  await sim.close();
});

describe("apply PLAN (e2e)", () => {
  it("with another manifest: says which file the plan was made from and which this run read", async () => {
    const other = writeFile(dir, "other.yaml", testManifest(2, { defaults: "  maxAge: 1h\n" }));
    const r = await runCli(["apply", planPath, "-c", other], { env: env(), cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`this plan was made from m.yaml (${join(dir, "m.yaml")}`);
    expect(r.stderr).toContain(`this run read ${other}`);
    expect(r.stderr).toContain("another file");
  });

  it("when the plan's manifest is gone: names the paths it tried", async () => {
    const elsewhere = tempDir();
    const lonely = tempDir();
    const copy = writeFile(lonely, "plan.json", readFileSync(planPath, "utf8"));
    const missing = await runCli(["apply", copy], { env: env(), cwd: elsewhere });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`this plan was made from m.yaml, which is not found: tried ${join(elsewhere, "m.yaml")}, then ${join(lonely, "m.yaml")}`);
  });

  it("after an edit of comments only: says that is what changed", async () => {
    writeFile(dir, "m.yaml", `# nightly reloads\n${MANIFEST.replace("pools:", "pools:   # two pools")}\n`);
    try {
      const r = await runCli(["apply", planPath], { env: env(), cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("changed since the plan was made, only in comments or layout (its settings are the same)");
    } finally {
      writeFile(dir, "m.yaml", MANIFEST);
    }
  });

  it("with a selector outside the plan: says a saved plan can only be narrowed", async () => {
    const r = await runCli(["apply", planPath, "--select", "p2"], { env: env(), cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`selector "p2" matches no model of the saved plan ${planPath}: a saved plan can only be narrowed, never widened`);
    expect(r.stderr).toContain("the plan holds: p1/m1");
  });
});
