import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { ROOT, runCli, tempDir, testFixture, testManifest, writeFile } from "./harness.js";

let sim: Simulator;
const KEY = "plan-e2e-key-77aa01";
beforeAll(async () => {
  sim = await startSimulator({ port: 0, key: KEY, fixture: testFixture(6) });
});
afterAll(async () => {
  await sim.close();
});
const env = () => ({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY });
const stripTimes = (doc: Record<string, unknown>) => ({ ...doc, createdAt: "T", expiresAt: "T" });

describe("plan (e2e)", () => {
  it("plans the demo manifest in every view, reading only", async () => {
    const demo = await startSimulator({ port: 0, key: KEY });
    try {
      const e = { CELONIS_URL: demo.url, CELONIS_API_TOKEN: KEY };
      const text = await runCli(["plan"], { env: e, cwd: ROOT });
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/^reloadctl plan · reload\.config\.yaml → http:\/\/127\.0\.0\.1:\d+/);
      expect(text.stdout).toMatch(/Plan: \d+ to reload/);
      expect(text.stdout).not.toContain("\x1b[");
      const md = await runCli(["plan", "--format", "markdown"], { env: e, cwd: ROOT });
      expect(md.stdout).toMatch(/^### reloadctl plan: /);
      const json = await runCli(["plan", "--json"], { env: e, cwd: ROOT });
      const doc = JSON.parse(json.stdout);
      expect(doc).toMatchObject({ formatVersion: 1, tool: { name: "reloadctl" }, manifest: { path: "reload.config.yaml" }, baseUrl: demo.url });
      const actions = new Set(doc.models.map((m: { action: string }) => m.action));
      expect(actions).toEqual(new Set(["full", "cache", "partial", "skip"]));
      expect(demo.stats().requests.every((r) => r.method === "GET")).toBe(true);
      for (const out of [text, md, json]) expect(out.stdout + out.stderr).not.toContain(KEY);
    } finally {
      await demo.close();
    }
  });

  it("plans every example manifest against the demo tenant", async () => {
    const demo = await startSimulator({ port: 0, key: KEY });
    try {
      const e = { CELONIS_URL: demo.url, CELONIS_API_TOKEN: KEY };
      const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml"));
      expect(examples.length).toBeGreaterThanOrEqual(2);
      for (const f of examples) {
        const text = await runCli(["plan", "-c", `examples/${f}`], { env: e, cwd: ROOT });
        expect(text.code, `${f}: ${text.stderr}`).toBe(0);
        expect(text.stdout).toContain(`reloadctl plan · examples/${f}`);
        const json = JSON.parse((await runCli(["plan", "-c", `examples/${f}`, "--json"], { env: e, cwd: ROOT })).stdout);
        expect(json.models.length).toBeGreaterThan(0);
        for (const m of json.models.filter((x: { action: string }) => x.action === "partial")) expect(m.tables.length).toBeGreaterThan(0);
        const md = await runCli(["plan", "-c", `examples/${f}`, "--format", "markdown"], { env: e, cwd: ROOT });
        expect(md.stdout).toContain(json.models[0].address);
      }
    } finally {
      await demo.close();
    }
  });

  it("gives byte-identical JSON for the same inputs, timestamps aside, and saves the same document", async () => {
    const dir = tempDir();
    const manifest = writeFile(dir, "m.yaml", testManifest(6, { model: (n) => (n === 2 ? "        reload:\n          tables: [vendor master, EKKO]\n" : "") }));
    const a = await runCli(["plan", "-c", manifest, "--json"], { env: env() });
    const b = await runCli(["plan", "-c", manifest, "--json", "--out", `${dir}/plan.json`], { env: env() });
    expect(a.code).toBe(0);
    expect(stripTimes(JSON.parse(a.stdout))).toEqual(stripTimes(JSON.parse(b.stdout)));
    expect(readFileSync(`${dir}/plan.json`, "utf8")).toBe(b.stdout);
    const doc = JSON.parse(a.stdout);
    expect(doc.planId).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.parse(b.stdout).planId).toBe(doc.planId);
    expect(doc.models.map((m: { address: string }) => m.address)).toEqual(["p1/m1", "p1/m3", "p1/m5", "p2/m2", "p2/m4", "p2/m6"]);
    expect(doc.models[3].tables).toEqual([
      { name: "LFA1", alias: "Vendor Master", id: "33333333-3333-4333-8333-000000000023", word: "vendor master" },
      { name: "EKKO", alias: null, id: "33333333-3333-4333-8333-000000000021", word: "EKKO" },
    ]);
    expect(a.stdout).not.toContain(KEY);
  });

  it("reports every resolution problem of a run at once, located, with candidates", async () => {
    const dir = tempDir();
    const manifest = writeFile(
      dir,
      "m.yaml",
      testManifest(4, {
        model: (n) =>
          n === 1 ? "        reload:\n          tables: [EKKP, EKPO]\n" : n === 3 ? "        reload:\n          tables: [Vendor Mastr]\n" : "",
      }).replace("22222222-2222-4222-8222-000000000004", "22222222-2222-4222-8222-000000000099"),
    );
    const r = await runCli(["plan", "-c", manifest], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/m\.yaml:\d+:\d+: p1\/m1: no table "EKKP"; closest .*"EKKO"/);
    expect(r.stderr).toMatch(/m\.yaml:\d+:\d+: p1\/m3: no table "Vendor Mastr"; closest by alias: "Vendor Master"/);
    expect(r.stderr).toMatch(/m\.yaml:\d+:\d+: p2\/m4: the service knows no data model/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    // A job summary (--format markdown on stdout) says it too, and the log still has the frames.
    const md = await runCli(["plan", "-c", manifest, "--format", "markdown"], { env: env() });
    expect(md.code).toBe(1);
    expect(md.stdout).toMatch(/^### reloadctl plan: 3 problems in `[^`]*m\.yaml`\n\n- `[^`]*m\.yaml:\d+:\d+` p1\/m1: no table "EKKP"/);
    expect(md.stderr).toMatch(/m\.yaml:\d+:\d+: p1\/m1: no table "EKKP"/);
    const refused = await runCli(["plan", "-c", manifest, "--format", "markdown"], { env: { ...env(), CELONIS_API_TOKEN: "wrong" } });
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/^### reloadctl plan: failed\n\n```\nerror: p1\/m1: the service refused the key \(401 Unauthorized\)/);
    expect(refused.stdout).not.toContain("wrong");
  });

  it("exits 2 with --detailed-exitcode when something would reload, 0 when nothing would", async () => {
    const dir = tempDir();
    const reload = writeFile(dir, "a.yaml", testManifest(2));
    expect((await runCli(["plan", "-c", reload, "--detailed-exitcode"], { env: env() })).code).toBe(2);
    const fresh = writeFile(dir, "b.yaml", testManifest(2, { defaults: "  maxAge: 1d\n" }));
    const r = await runCli(["plan", "-c", fresh, "--detailed-exitcode"], { env: env() });
    expect(r.stdout).toContain("Plan: nothing to reload");
    expect(r.code).toBe(0);
  });

  it("selects with --select/--exclude and refuses a selection that matches nothing", async () => {
    const dir = tempDir();
    const manifest = writeFile(dir, "m.yaml", testManifest(6));
    const r = await runCli(["plan", "-c", manifest, "--json", "--select", "p1/*", "--exclude", "p1/m3"], { env: env() });
    expect(JSON.parse(r.stdout).models.map((m: { address: string }) => m.address)).toEqual(["p1/m1", "p1/m5"]);
    const none = await runCli(["plan", "-c", manifest, "--select", "nope"], { env: env() });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('selector "nope" matches no model');
    expect(none.stderr).toContain("p1/m1");
  });

  it("says clearly when the key is wrong or missing, never printing it", async () => {
    const dir = tempDir();
    const manifest = writeFile(dir, "m.yaml", testManifest(2));
    const wrong = await runCli(["plan", "-c", manifest], { env: { CELONIS_URL: sim.url, CELONIS_API_TOKEN: "wrong-key-123456" } });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("401");
    expect(wrong.stderr).toContain("CELONIS_API_TOKEN");
    expect(wrong.stderr).not.toContain("wrong-key-123456");
    const missing = await runCli(["plan", "-c", manifest], { env: { CELONIS_URL: sim.url } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("CELONIS_API_TOKEN");
    const http = await runCli(["plan", "-c", manifest], { env: { CELONIS_URL: "http://celonis.example.com", CELONIS_API_TOKEN: KEY } });
    expect(http.code).toBe(1);
    expect(http.stderr).toContain("http://");
    const json = await runCli(["plan", "-c", manifest, "--json"], { env: { CELONIS_URL: sim.url, CELONIS_API_TOKEN: "wrong-key-123456" } });
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { kind: "api", status: 401 } });
  });
});
