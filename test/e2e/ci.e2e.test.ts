// The CI loop end to end: GitHub annotations and the job summary, JUnit and the results record,
// re-running what failed with result:STATE --state, and --shard over a CI matrix.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { junitSchemaErrors } from "../helpers/junit-schema.js";
import { P2, collect, id, runCli, spawnCli, tempDir, testFixture, testManifest, until as untilTrue, writeFile } from "./harness.js";

let sim: Simulator;
let dir: string;
const KEY = "e2e-ci-secret-key-7c1d";

beforeEach(async () => {
  sim = await startSimulator({ port: 0, key: KEY, fixture: testFixture(6) });
  dir = tempDir();
});
afterEach(async () => {
  await sim.close();
});

const env = (extra: Record<string, string> = {}) => ({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY, ...extra });
const github = (summary: string) => ({ GITHUB_ACTIONS: "true", GITHUB_STEP_SUMMARY: summary, GITHUB_WORKSPACE: dir });
const triggered = () => sim.stats().requests.filter((r) => r.method === "POST").map((r) => r.path);
/** Checks `probe` then `condition` on every turn until it holds; no fixed sleeps. */
async function until(condition: () => boolean, what: string, limitMs: number, probe: () => Promise<void>): Promise<void> {
  const start = Date.now();
  for (await probe(); !condition(); await probe()) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
const read = (path: string) => (existsSync(path) ? readFileSync(path, "utf8") : "");

const BROKEN = `version: 1
defaults:
  timeout: soon
pools:
  p1:
    id: 11111111-1111-4111-8111-000000000001
    models:
      m1:
        id: ${id(1)}
        reload: sometimes
        maxage: 1h
`;

describe("GitHub Actions (e2e)", () => {
  it("annotates each manifest problem at its place and appends the summary, also on failure; nothing of it outside GitHub", async () => {
    writeFile(dir, "reload.config.yaml", BROKEN);
    const summary = join(dir, "summary.md");
    const r = await runCli(["validate"], { cwd: dir, env: github(summary) });
    expect(r.code).toBe(1);
    const annotations = r.stderr.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(3);
    expect(annotations).toEqual(expect.arrayContaining([
      expect.stringMatching(/^::error file=reload\.config\.yaml,line=3,col=\d+,endColumn=\d+,title=reloadctl::`timeout` must be a duration/),
      expect.stringMatching(/^::error file=reload\.config\.yaml,line=10,col=17,endColumn=25,title=reloadctl::`reload` must be/),
      expect.stringMatching(/^::error file=reload\.config\.yaml,line=11,col=9,endColumn=14,title=reloadctl::unknown key `maxage`/),
    ]));
    expect(read(summary)).toMatch(/^### reloadctl validate: 3 problems in `reload\.config\.yaml`/);

    // --no-step-summary, and outside GitHub Actions: neither annotations nor a summary.
    const quiet = await runCli(["validate", "--no-step-summary"], { cwd: dir, env: github(join(dir, "quiet.md")) });
    const elsewhere = await runCli(["validate"], { cwd: dir, env: { GITHUB_STEP_SUMMARY: join(dir, "elsewhere.md") } });
    expect(quiet.stderr).toContain("::error ");
    for (const x of [quiet, elsewhere]) expect(x.code).toBe(1);
    expect(elsewhere.stderr).not.toContain("::");
    expect(existsSync(join(dir, "quiet.md")) || existsSync(join(dir, "elsewhere.md"))).toBe(false);

    // A problem plan finds against the service (a table word that names no table) is located too.
    writeFile(dir, "reload.config.yaml", testManifest(2, { model: (n) => (n === 1 ? "        reload:\n          tables: [EKKO, EKKP]\n" : "") }));
    const plan = await runCli(["plan"], { cwd: dir, env: env(github(summary)) });
    expect(plan.code).toBe(1);
    expect(plan.stderr.split("\n").filter((l) => l.startsWith("::"))).toEqual([
      expect.stringMatching(/^::error file=reload\.config\.yaml,line=\d+,col=\d+,endColumn=\d+,title=reloadctl::p1\/m1: no table "EKKP"/),
    ]);
    expect(read(summary)).toMatch(/### reloadctl plan: 1 problem in `reload\.config\.yaml`/);
    writeFile(dir, "reload.config.yaml", BROKEN);

    // --summary-file works on any CI.
    const anyCi = await runCli(["validate", "--summary-file", "report.md"], { cwd: dir });
    expect(anyCi.code).toBe(1);
    expect(read(join(dir, "report.md"))).toContain("3 problems");
  });

  it("an apply with failures: annotations, a summary, valid JUnit and a results record; result:failed --state re-runs exactly those", async () => {
    sim.setFault(id(1), { outcome: "ERROR", message: "Table RET: column X missing" });
    sim.setFault(id(2), { loadDurationMs: 3_000 }); // past its 2 s timeout, then it ends
    sim.setFault(id(3), { outcome: "WARNING", message: "Some rows rejected" });
    const manifest = writeFile(dir, "reload.config.yaml", testManifest(6, { model: (n) => (n === 2 ? "        timeout: 2s\n" : n === 3 ? "        onWarning: succeed\n" : "") }));
    const summary = join(dir, "summary.md");
    const again = await runCli(["apply", "--auto-approve", "--junit", "junit.xml", "--results", "results.json"], { cwd: dir, env: env(github(summary)) });
    expect(again.code).toBe(1);
    const annotations = again.stderr.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(3);
    expect(annotations).toEqual(expect.arrayContaining([
      "::error title=reloadctl::p1/m1 failed (ERROR): Table RET: column X missing",
      expect.stringMatching(/^::error title=reloadctl::p2\/m2 timed out: /),
      "::warning title=reloadctl::p1/m3 ended in WARNING, counted as success (onWarning: succeed): Some rows rejected",
    ]));
    expect(read(summary)).toContain("### ❌ reloadctl apply: 3 succeeded, 1 warning, 1 failed, 1 timed out");

    const junit = read(join(dir, "junit.xml"));
    expect(await junitSchemaErrors(junit)).toEqual([]);
    expect(junit).toContain('<testcase name="m1" classname="p1"');
    expect(junit).toContain('<failure type="ERROR" message="ERROR: Table RET: column X missing">');

    const results = JSON.parse(read(join(dir, "results.json")));
    expect(results).toMatchObject({ formatVersion: 1, kind: "apply-results", planId: expect.stringMatching(/^[0-9a-f]{12}$/), baseUrl: sim.url, target: null, manifest: { path: "reload.config.yaml" } });
    expect(results.tool.name).toBe("reloadctl");
    const byAddress = new Map(results.models.map((m: { address: string; result: string }) => [m.address, m.result]));
    expect(Object.fromEntries(byAddress)).toEqual({ "p1/m1": "failed", "p1/m3": "succeeded", "p1/m5": "succeeded", "p2/m2": "timed_out", "p2/m4": "succeeded", "p2/m6": "succeeded" });
    // The summary names the plan and the manifest as the repository does, never the runner's path.
    expect(read(summary)).toContain(`<sub>reloadctl ${results.tool.version} · plan \`${results.planId}\` · manifest \`reload.config.yaml\` · \`${sim.url}\`</sub>`);
    expect(read(summary)).not.toContain(dir);
    for (const text of [again.stdout, again.stderr, junit, read(summary), read(join(dir, "results.json"))]) expect(text).not.toContain(KEY);

    // Re-run what failed: exactly the failed and timed-out models are triggered.
    sim.setFault(id(1), null);
    sim.setFault(id(2), null);
    // The timed-out load ends on the service before the re-run (else the re-run would wait for it).
    let m2Status = "RUNNING";
    await until(() => m2Status !== "RUNNING", "p2/m2's load to end", 20_000, async () => {
      const res = await fetch(`${sim.url}/integration/api/v1/data-pools/${P2}/data-models/${id(2)}/last-load`, { headers: { authorization: `Bearer ${KEY}` } });
      m2Status = ((await res.json()) as { status: string }).status;
    });
    sim.resetStats();
    const retry = await runCli(["apply", "--select", "result:failed", "--select", "result:timed_out", "--state", "results.json", "--auto-approve", "--json"], { cwd: dir, env: env() });
    expect(retry.code).toBe(0);
    expect(triggered().sort()).toEqual([expect.stringContaining(id(1)), expect.stringContaining(id(2))].sort());
    expect(triggered()).toHaveLength(2);

    // A record of another manifest (or another base URL) is refused, saying which.
    writeFileSync(manifest, testManifest(6, { defaults: "  maxAge: 1h\n" }));
    const other = await runCli(["plan", "--select", "result:failed", "--state", "results.json"], { cwd: dir, env: env() });
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/results\.json records a run of another manifest: reload\.config\.yaml @ sha256 [0-9a-f]{12}, not reload\.config\.yaml @ sha256 [0-9a-f]{12}/);
  }, 60_000);
});

describe("--shard K/N (e2e)", () => {
  it("for N = 1..4 the shards of a plan cover the selection exactly once, and apply of a saved plan takes its shard", async () => {
    writeFile(dir, "reload.config.yaml", testManifest(6));
    const runs = [1, 2, 3, 4].flatMap((n) => Array.from({ length: n }, (_, k) => ({ n, k: k + 1 })));
    const plans = await Promise.all(runs.map(({ n, k }) => runCli(["plan", "--json", "--shard", `${k}/${n}`], { cwd: dir, env: env() })));
    const all = ["p1/m1", "p1/m3", "p1/m5", "p2/m2", "p2/m4", "p2/m6"];
    for (const n of [1, 2, 3, 4]) {
      const parts = runs.map((r, i) => ({ ...r, plan: plans[i]! })).filter((r) => r.n === n);
      for (const p of parts) expect(p.plan.code).toBe(0);
      const taken = parts.flatMap((p) => JSON.parse(p.plan.stdout).models.map((m: { address: string }) => m.address));
      expect(taken.sort()).toEqual(all);
      const sizes = parts.map((p) => JSON.parse(p.plan.stdout).models.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(JSON.parse(plans[1]!.stdout).selection).toEqual({ select: [], exclude: [], shard: "1/2" });

    // One plan for the whole selection, applied by N jobs: each runs its shard of it.
    expect((await runCli(["plan", "--out", "plan.json"], { cwd: dir, env: env() })).code).toBe(0);
    sim.resetStats();
    const shard = await runCli(["apply", "plan.json", "--shard", "2/3", "--json"], { cwd: dir, env: env() });
    expect(shard.code).toBe(0);
    expect(triggered()).toHaveLength(2);
  }, 60_000);
});

describe("apply --junit/--results on Ctrl-C (e2e)", () => {
  it("writes both files, recording what never started, and exits 130", async () => {
    sim.setFault(id(1), { loadDurationMs: 1_500 });
    writeFile(dir, "reload.config.yaml", testManifest(4).replace("parallelism: 4\n  poolParallelism: 2", "parallelism: 1\n  poolParallelism: 1"));
    const child = spawnCli(["apply", "--auto-approve", "--json", "--select", "p1", "--junit", "junit.xml", "--results", "results.json"], { cwd: dir, env: env() });
    const done = collect(child);
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    await untilTrue(() => out.includes('"type":"triggered"'), "the first trigger");
    child.kill("SIGINT");
    const r = await done;
    expect(r.code).toBe(130);
    const results = JSON.parse(read(join(dir, "results.json")));
    expect(results.interrupted).toBe(true);
    expect(results.models.map((m: { address: string; result: string }) => [m.address, m.result])).toEqual([["p1/m1", "succeeded"], ["p1/m3", "not_started"]]);
    const junit = read(join(dir, "junit.xml"));
    expect(await junitSchemaErrors(junit)).toEqual([]);
    expect(junit).toContain('<skipped message="interrupted before it started">');
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  }, 30_000);
});
