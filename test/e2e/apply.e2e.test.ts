// apply against the simulator with its faults: each model ends with the right result, the
// simulator saw exactly one load per model, the bounds held, and the key never appeared.
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { P2, collect, id, poolOf, runCli, spawnCli, tempDir, testFixture, testManifest, until, writeFile } from "./harness.js";

let sim: Simulator;
let dir: string;
const KEY = "e2e-secret-key-4f9a2c";
/** The simulator's clock runs with the real one; a test moves it on to end a long load when it chooses. */
let ahead = 0;
const HOUR = 3_600_000;

beforeEach(async () => {
  ahead = 0;
  sim = await startSimulator({ port: 0, key: KEY, fixture: testFixture(6), now: () => Date.now() + ahead });
  dir = tempDir();
});
afterEach(async () => {
  await sim.close();
});

const env = () => ({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY });
const triggers = () => sim.stats().requests.filter((r) => r.method === "POST");

function summaryOf(stdout: string) {
  const lines = stdout.trim().split("\n").map((l) => JSON.parse(l) as { type: string; [k: string]: unknown });
  const summary = lines.find((l) => l.type === "summary") as unknown as {
    models: { address: string; result: string; loadStatus: string | null; loadId: string | null; message: string | null }[];
    succeeded: number;
    failed: number;
    skipped: number;
  };
  return { lines, summary, byAddress: new Map(summary.models.map((m) => [m.address, m])) };
}

describe("apply (e2e)", () => {
  it("with every fault turned on, each model ends right, with exactly one load each", async () => {
    // m1: new load appears late in last-load and ends ERROR: must not read the old SUCCESS as its own.
    sim.setFault(id(1), { appearDelayMs: 1_500, outcome: "ERROR", message: "Table RET: column X missing" });
    sim.setFault(id(2), { outcome: "WARNING", message: "Some rows rejected" }); // onWarning: succeed below
    sim.setFault(id(3), { dropAfterTrigger: true }); // the trigger's answer is lost after the load starts
    sim.setFault(id(4), { triggerStatus: 503 }); // answered 503, no load started: re-sent after last-load says so
    sim.setFault(id(5), { status429Times: 2, retryAfterSeconds: 1 });
    sim.setFault(id(6), { outcome: "WARNING" }); // onWarning: fail (the default)
    const manifest = writeFile(dir, "reload.config.yaml", testManifest(6, { model: (n) => (n === 2 ? "        onWarning: succeed\n" : "") }));
    const r = await runCli(["apply", "-c", manifest, "--auto-approve", "--json"], { env: env() });
    const { byAddress, summary } = summaryOf(r.stdout);
    expect(byAddress.get("p1/m1")).toMatchObject({ result: "failed", loadStatus: "ERROR", message: "Table RET: column X missing" });
    expect(byAddress.get("p2/m2")).toMatchObject({ result: "succeeded", loadStatus: "WARNING" });
    expect(byAddress.get("p1/m3")).toMatchObject({ result: "succeeded", loadStatus: "SUCCESS" });
    expect(byAddress.get("p2/m4")).toMatchObject({ result: "succeeded", loadStatus: "SUCCESS" });
    expect(byAddress.get("p1/m5")).toMatchObject({ result: "succeeded", loadStatus: "SUCCESS" });
    expect(byAddress.get("p2/m6")).toMatchObject({ result: "failed", loadStatus: "WARNING" });
    expect(summary).toMatchObject({ succeeded: 4, failed: 2 });
    for (let n = 1; n <= 6; n++) expect(sim.loadsStarted(id(n)), `loads of m${n}`).toBe(1);
    expect(sim.stats().rateLimited).toBeGreaterThanOrEqual(2);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).not.toContain(KEY);
  }, 90_000); // m4's 503 is watched 15 s in real time before the re-send: ~20 s on a quiet machine

  it("keeps verifying when the reader of its output goes away (| head -1), and exits by the loads' results", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(4));
    const child = spawnCli(["apply", "-c", manifest, "--auto-approve", "--json"], { env: env() });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.stdin.end();
    // Like `head -1`: read the first line, then close the pipe.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(0);
    // Every load it triggered was followed to its end: none is left running on the service.
    for (let n = 1; n <= 4; n++) expect(sim.loadsStarted(id(n)), `loads of m${n}`).toBe(1);
    const status = await runCli(["status", "-c", manifest, "--json"], { env: env() });
    expect(status.stdout).not.toContain('"RUNNING"');
  });

  it("holds parallelism and poolParallelism, as the simulator sees them", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(6).replace("parallelism: 4", "parallelism: 3").replace("poolParallelism: 2", "poolParallelism: 2"));
    const r = await runCli(["apply", "-c", manifest, "--auto-approve", "--json"], { env: env() });
    expect(r.code).toBe(0);
    const stats = sim.stats();
    expect(stats.maxConcurrentLoads).toBeLessThanOrEqual(3);
    expect(Math.max(...Object.values(stats.maxConcurrentLoadsByPool))).toBeLessThanOrEqual(2);
    expect(stats.maxConcurrentLoads).toBeGreaterThanOrEqual(2); // and it did run concurrently
    const r1 = await runCli(["apply", "-c", manifest, "--auto-approve", "--json", "--parallelism", "1"], { env: env() });
    expect(r1.code).toBe(0);
  });

  it("times out a load that never ends", async () => {
    sim.setFault(id(1), { hang: true });
    const manifest = writeFile(dir, "m.yaml", testManifest(2, { model: (n) => (n === 1 ? "        timeout: 2s\n" : "") }));
    const r = await runCli(["apply", "-c", manifest, "--auto-approve", "--json"], { env: env() });
    const { byAddress } = summaryOf(r.stdout);
    expect(byAddress.get("p1/m1")).toMatchObject({ result: "timed_out", loadStatus: "RUNNING" });
    expect(byAddress.get("p2/m2")?.result).toBe("succeeded");
    expect(r.code).toBe(1);
  });

  it("refuses to apply without --auto-approve outside a terminal, before any request", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(2));
    const r = await runCli(["apply", "-c", manifest], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("--auto-approve");
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack
    expect(sim.stats().requests).toHaveLength(0);
  });

  it("applies a saved plan, and refuses it as a whole when it went stale", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(4, { model: (n) => (n === 1 ? "        reload:\n          tables: [EKKO, PO Items]\n" : "") }));
    const planPath = `${dir}/plan.json`;
    const plan = await runCli(["plan", "-c", manifest, "--out", planPath], { env: env() });
    expect(plan.code).toBe(0);
    expect(triggers()).toHaveLength(0);

    // Someone loads m2 after the plan was made: the plan no longer describes the tenant.
    await fetch(`${sim.url}/integration/api/v1/data-pools/${P2}/data-models/${id(2)}/load`, { method: "POST", headers: { authorization: `Bearer ${KEY}` } });
    sim.resetStats();
    const stale = await runCli(["apply", planPath, "-c", manifest], { env: env() });
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("stale");
    expect(stale.stderr).toContain("p2/m2: a load ran since the plan was made");
    expect(triggers()).toHaveLength(0);

    const fresh = await runCli(["plan", "-c", manifest, "--out", planPath], { env: env() });
    expect(fresh.code).toBe(0);
    const ok = await runCli(["apply", planPath, "-c", manifest, "--json", "--select", "p1"], { env: env() });
    expect(ok.code).toBe(0);
    const { byAddress, lines } = summaryOf(ok.stdout);
    expect([...byAddress.keys()]).toEqual(["p1/m1", "p1/m3"]); // narrowed by --select
    // The run names the reviewed plan by its id, even narrowed.
    const planId = (JSON.parse(readFileSync(planPath, "utf8")) as { planId: string }).planId;
    expect(planId).toMatch(/^[0-9a-f]{12}$/);
    expect(lines.find((l) => l.type === "start")).toMatchObject({ planId });
    expect(triggers().map((t) => t.path)).toEqual(expect.arrayContaining([expect.stringContaining("partial-sync")]));
  });

  it("waits for a load already running (onRunning: wait), then starts its own; skips with onRunning: skip", async () => {
    // Loads of an hour, running when apply starts however slowly it starts; m1's ends when apply says it waits.
    sim.setFault(id(1), { loadDurationMs: HOUR });
    sim.setFault(id(2), { loadDurationMs: HOUR });
    for (const n of [1, 2]) {
      const r = await fetch(`${sim.url}/integration/api/v1/data-pools/${poolOf(n)}/data-models/${id(n)}/load`, { method: "POST", headers: { authorization: `Bearer ${KEY}` } });
      expect(r.status).toBe(200);
    }
    sim.setFault(id(1), null);
    const manifest = writeFile(dir, "m.yaml", testManifest(2, { model: (n) => (n === 1 ? "        onRunning: wait\n" : "        onRunning: skip\n") }));
    const child = spawnCli(["apply", "-c", manifest, "--auto-approve", "--json"], { env: env() });
    const done = collect(child);
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    await until(() => stdout.includes('"type":"waiting"'), "apply waiting for m1's running load");
    ahead += HOUR;
    const r = await done;
    const { byAddress, lines } = summaryOf(r.stdout);
    expect(lines).toContainEqual(expect.objectContaining({ type: "waiting", address: "p1/m1" }));
    expect(byAddress.get("p1/m1")?.result).toBe("succeeded");
    expect(sim.loadsStarted(id(1))).toBe(2); // the one running before, then ours
    expect(byAddress.get("p2/m2")?.result).toBe("skipped");
    expect(sim.loadsStarted(id(2))).toBe(1); // only the one that was running
    expect(r.code).toBe(0);
  });

  it("refuses a saved plan whose manifest changed", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(2));
    const planPath = `${dir}/plan.json`;
    expect((await runCli(["plan", "-c", manifest, "--out", planPath], { env: env() })).code).toBe(0);
    writeFile(dir, "m.yaml", `${testManifest(2)}\n# edited\n`);
    const r = await runCli(["apply", planPath, "-c", manifest], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("changed since the plan was made");
    expect(triggers()).toHaveLength(0);
  });

  it("on Ctrl-C starts no new load, verifies the one in flight, prints the summary and exits 130", async () => {
    // Loads of an hour: the first is still running when the signal comes, however late; it ends once handled.
    for (let n = 1; n <= 4; n++) sim.setFault(id(n), { loadDurationMs: HOUR });
    const manifest = writeFile(dir, "m.yaml", testManifest(4));
    const child = spawnCli(["apply", "-c", manifest, "--auto-approve", "--json", "--parallelism", "1"], { env: env() });
    const done = collect(child);
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    await until(() => triggers().length === 1, "the first trigger");
    child.kill("SIGINT");
    await until(() => stdout.includes('"type":"interrupted"'), "the Ctrl-C handled");
    ahead += HOUR;
    const r = await done;
    expect(r.code).toBe(130);
    const { summary } = summaryOf(r.stdout);
    const results = summary.models.map((m) => m.result);
    expect(results.filter((x) => x === "succeeded")).toHaveLength(1);
    expect(results.filter((x) => x === "not_started")).toHaveLength(3);
    expect(triggers()).toHaveLength(1);
  });

  it("on a second Ctrl-C exits at once, without waiting for the load in flight", async () => {
    sim.setFault(id(1), { hang: true });
    const manifest = writeFile(dir, "m.yaml", testManifest(2));
    const child = spawnCli(["apply", "-c", manifest, "--auto-approve", "--json", "--select", "p1"], { env: env() });
    const done = collect(child);
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    await until(() => triggers().length === 1, "the trigger");
    child.kill("SIGINT");
    // Two signals sent before the child runs merge into one: send the second only once the
    // child has said it handled the first.
    await until(() => stdout.includes('"type":"interrupted"'), "the first Ctrl-C handled");
    child.kill("SIGINT");
    const r = await done;
    expect(r.code).toBe(130);
    expect(r.stdout).not.toContain('"type":"summary"');
    expect(r.stderr).toContain("interrupted again: exiting now. Loads already triggered keep running on the service, unverified");
  });

  it("settles a trigger answered 500 by last-load, then re-sends it: one load", async () => {
    sim.setFault(id(1), { triggerStatus: 500 });
    const manifest = writeFile(dir, "m.yaml", testManifest(2));
    const r = await runCli(["apply", "-c", manifest, "--auto-approve", "--json", "--select", "p1"], { env: env() });
    expect(summaryOf(r.stdout).byAddress.get("p1/m1")?.result).toBe("succeeded");
    expect(sim.loadsStarted(id(1))).toBe(1);
    expect(triggers().filter((t) => t.status === 500)).toHaveLength(1);
  }, 90_000); // a 500 may have started a load: watched 15 s in real time before the re-send

  it("refuses a damaged plan file cleanly, and Ctrl-C during the reads exits 130 without a stack", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(2));
    const damaged = writeFile(dir, "plan.json", JSON.stringify({ formatVersion: 1, tool: { name: "reloadctl" }, models: [{ action: "bogus" }] }));
    const r = await runCli(["apply", damaged, "-c", manifest], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("is not a usable plan");
    expect(r.stderr).toContain("plan.createdAt is missing or malformed");
    expect(r.stderr).not.toMatch(/\n\s+at /);

    sim.setGlobal({ latencyMs: 5_000 });
    const child = spawnCli(["apply", "-c", manifest, "--auto-approve"], { env: env() });
    const done = collect(child);
    await until(() => sim.stats().maxInFlightRequests >= 1, "a read in flight");
    child.kill("SIGINT");
    const i = await done;
    expect(i.code).toBe(130);
    expect(i.stderr).toContain("interrupted");
    expect(i.stderr).not.toContain("bug");
    expect(triggers()).toHaveLength(0);
  });

  it("names the manifest's tokenEnv when the key is refused", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(2).replace("version: 1\n", "version: 1\nconnection:\n  tokenEnv: MY_RELOAD_KEY\n"));
    const r = await runCli(["plan", "-c", manifest], { env: { CELONIS_URL: sim.url, MY_RELOAD_KEY: "not-the-key-xyz" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("check MY_RELOAD_KEY");
    expect(r.stderr).not.toContain("not-the-key-xyz");
  });

  it("refuses a plan edited by hand to reload another model, and finds the manifest beside the plan from any directory", async () => {
    writeFile(dir, "m.yaml", testManifest(2));
    expect((await runCli(["plan", "-c", "m.yaml", "--out", "plan.json"], { env: env(), cwd: dir })).code).toBe(0);
    const doc = JSON.parse(readFileSync(`${dir}/plan.json`, "utf8"));
    doc.models[0].modelId = id(2);
    writeFile(dir, "edited.json", JSON.stringify(doc));
    const r = await runCli(["apply", `${dir}/edited.json`], { env: env(), cwd: "/" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`p1/m1: planned for data model ${id(2)}`);
    expect(triggers()).toHaveLength(0);
    const ok = await runCli(["apply", `${dir}/plan.json`, "--json"], { env: env(), cwd: "/" });
    expect(ok.code).toBe(0);
    expect(triggers()).toHaveLength(2);
  });
});

