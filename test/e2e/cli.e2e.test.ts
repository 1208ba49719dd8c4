// The CLI as users meet it: help that is true, clean errors, validate, status, the demo.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { ROOT, id, runCli, tempDir, testFixture, testManifest, writeFile } from "./harness.js";

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("help and flags", () => {
  it("lists every command of the contract, and --version prints the version", async () => {
    const r = await runCli(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["validate", "plan", "apply", "status", "init", "sim", "demo"]) expect(r.stdout).toContain(`  ${c} `);
    const v = await runCli(["--version"]);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect((await runCli(["plan", "--version"])).stdout.trim()).toBe(v.stdout.trim());
  });

  it.each([
    ["validate", ["--config", "--format", "--json", "--no-color", "--summary-file", "--no-step-summary"]],
    ["plan", ["--config", "--out", "--json", "--detailed-exitcode", "--select", "--exclude", "--format", "--no-color", "--shard", "--state", "result:STATE", "--summary-file", "--no-step-summary", "--target"]],
    ["apply", ["--config", "--auto-approve", "--json", "--parallelism", "--select", "--exclude", "--fail-fast", "--format", "--shard", "--state", "--junit", "--results", "--summary-file", "--no-step-summary", "--target"]],
    ["status", ["--config", "--json", "--format", "--select", "--exclude", "--shard", "--state", "--summary-file", "--no-step-summary", "--target"]],
    ["init", ["--pool", "--by", "--out", "--force", "--target"]],
    ["sim", ["--port", "--key", "--fixture"]],
    ["demo", ["--format"]],
  ])("`%s --help` documents its flags", async (command, flags) => {
    for (const h of ["--help", "-h"]) {
      const r = await runCli([command, h]);
      expect(r.code).toBe(0);
      for (const f of flags) expect(r.stdout).toContain(f);
    }
  });

  it("turns an unknown command or flag into a clean error with a hint", async () => {
    const cmd = await runCli(["plna"]);
    expect(cmd.code).toBe(1);
    expect(cmd.stderr).toContain('unknown command "plna"');
    expect(cmd.stderr).toContain("reloadctl plan");
    const far = await runCli(["bogus"]);
    expect(far.stderr).toBe('error: unknown command "bogus"\n       see: reloadctl --help\n');
    const flag = await runCli(["plan", "--detailed-exitcodes"]);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain("unknown flag --detailed-exitcodes");
    expect(flag.stderr).toContain("did you mean --detailed-exitcode?");
    const value = await runCli(["apply", "--parallelism", "zero"]);
    expect(value.code).toBe(1);
    expect(value.stderr).toContain("--parallelism must be a whole number");
    const format = await runCli(["plan", "--format", "yaml"]);
    expect(format.code).toBe(1);
    for (const r of [cmd, flag, value, format]) noStack(r.stderr);
  });
});

describe("validate (e2e)", () => {
  it("accepts the bundled manifests from any working directory", async () => {
    const elsewhere = tempDir();
    const r = await runCli(["validate", "-c", `${ROOT}/reload.config.yaml`], { cwd: elsewhere });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid/);
    const json = await runCli(["validate", "-c", `${ROOT}/reload.config.yaml`, "--json"], { cwd: elsewhere });
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true });
  });

  it("reports every problem located, from a file or from stdin, never a stack", async () => {
    const bad = `version: 1
defaults:
  maxAge: six hours
pools:
  finance:
    id: 0f1d6c9e-3f6b-4b43-9d55-0c5a1c2b7e10
    models:
      o2c:
        id: 5b7c2e11-8a4d-4a7e-9d0c-2f6e3a9b1c44
        reload: sometimes
        maxage: 1h
`;
    const dir = tempDir();
    writeFile(dir, "reload.config.yaml", bad);
    const r = await runCli(["validate"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("reload.config.yaml:3:11:");
    expect(r.stderr).toContain("reload.config.yaml:10:17:");
    expect(r.stderr).toContain("reload.config.yaml:11:9:");
    expect(r.stderr).toContain("3 problems");
    noStack(r.stderr);
    const md = await runCli(["validate", "--format", "markdown"], { cwd: dir });
    expect(md.code).toBe(1);
    expect(md.stdout).toContain("### reloadctl validate: 3 problems in `reload.config.yaml`");
    expect(md.stdout).toContain("- `reload.config.yaml:10:17` `reload` must be");
    expect(md.stderr).toContain("reload.config.yaml:10:17:"); // the job's log says it too
    const stdin = await runCli(["validate", "-c", "-", "--json"], { input: bad, cwd: dir });
    expect(stdin.code).toBe(1);
    const out = JSON.parse(stdin.stdout);
    expect(out.problems.map((p: { line: number; column: number }) => `${p.line}:${p.column}`)).toEqual(["3:11", "10:17", "11:9"]);
  });

  it("refuses a key in the manifest without echoing it", async () => {
    const dir = tempDir();
    writeFile(dir, "reload.config.yaml", `version: 1\nconnection:\n  apiKey: sk-live-very-secret\npools: {}\n`);
    const r = await runCli(["validate"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("CELONIS_API_TOKEN");
    expect(r.stderr).not.toContain("sk-live-very-secret");
  });

  it("refuses a key pasted into tokenEnv without echoing it, here or later", async () => {
    const dir = tempDir();
    const key = "ODk2NjE0OGQtZjVhMi00ZmJlLTg0MmMtMzExNTVjZTRjYTAwOkJSbUFTZ1pCYWV4bXFXQ1JBL1pEeWg4bFFWR1hOU3ZUN2ZjVTVRd1J5RnBm";
    writeFile(dir, "reload.config.yaml", `version: 1\nconnection:\n  tokenEnv: ${key}\npools:\n  a:\n    id: x\n    models:\n      m:\n        id: y\n`);
    for (const args of [["validate"], ["validate", "--json"], ["plan"], ["plan", "--json"]]) {
      const r = await runCli(args, { cwd: dir, env: { CELONIS_URL: "https://x.celonis.cloud" } });
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).toContain("tokenEnv");
      expect(r.stdout + r.stderr).not.toContain(key.slice(0, 12));
    }
  });

  it("calls a manifest without pools a problem, located", async () => {
    const dir = tempDir();
    writeFile(dir, "reload.config.yaml", "version: 1\n");
    const r = await runCli(["validate"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("reload.config.yaml:1:1: the manifest declares no pools");
  });

  it("says plainly when the manifest is missing", async () => {
    const r = await runCli(["validate"], { cwd: tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("reload.config.yaml");
    noStack(r.stderr);
  });
});

describe("status (e2e)", () => {
  let sim: Simulator;
  const KEY = "status-key-5521";
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, key: KEY, fixture: testFixture(4) });
  });
  afterAll(async () => {
    await sim.close();
  });

  it("shows each model's last load in all four formats; a model that cannot be read is reported without hiding others", async () => {
    const dir = tempDir();
    const manifest = writeFile(dir, "m.yaml", testManifest(4).replace(id(4), id(98)));
    const env = { CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY };
    const text = await runCli(["status", "-c", manifest], { env });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("p1/m1");
    expect(text.stdout).toContain("SUCCESS");
    expect(text.stdout).toContain("p2/m4");
    const json = await runCli(["status", "-c", manifest, "--json"], { env });
    const doc = JSON.parse(json.stdout);
    expect(doc.models).toHaveLength(4);
    expect(doc.models[0].lastLoad.status).toBe("SUCCESS");
    expect(doc.models[3].error.status).toBe(404);
    expect(doc).toMatchObject({ formatVersion: 1, tool: { name: "reloadctl", version: expect.any(String) } });
    const md = await runCli(["status", "-c", manifest, "--format", "markdown"], { env });
    expect(md.stdout).toContain("| p1/m1 |");
    expect(sim.stats().requests.every((r) => r.method === "GET")).toBe(true);
  });
});

describe("demo (e2e)", () => {
  it("runs plan then apply against the embedded simulator and exits 0, from any directory", async () => {
    const r = await runCli(["demo"], { cwd: tempDir() });
    expect(r.stderr).not.toContain("error");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Plan:");
    expect(r.stdout).toMatch(/Apply: \d+ succeeded/);
    expect(r.stdout + r.stderr).toMatch(/WARNING/);
  }, 60_000);
});
