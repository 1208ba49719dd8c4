// watch, the built CLI, against the simulator over real sockets: models with a short maxAge kept
// fresh (none loaded early, none twice), a broken model backing off, /metrics that passes the
// format check, and SIGTERM that verifies the loads in flight and exits 0.
import type { ChildProcessWithoutNullStreams } from "node:child_process";
import { renameSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startSimulator, type Simulator } from "../../src/sim/server.js";
import { Exposition, HAS_PROMTOOL, promtoolProblems } from "../watch/exposition.js";
import { collect, id, runCli, spawnCli, tempDir, testFixture, testManifest, until, writeFile, type CliResult } from "./harness.js";

let sim: Simulator;
let dir: string;
const KEY = "e2e-watch-key-7c1d9e";
const LOAD_MS = 300; // the test fixture's load time

beforeEach(async () => {
  sim = await startSimulator({ port: 0, key: KEY, fixture: testFixture(3) });
  dir = tempDir();
});
afterEach(async () => {
  await sim.close();
});

const env = () => ({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: KEY });

interface Line {
  level: string;
  msg: string;
  [k: string]: unknown;
}

/** Starts watch; its log lines (JSON on stderr) are parsed as they come. */
function startWatch(manifest: string, extra: string[] = []) {
  const child: ChildProcessWithoutNullStreams = spawnCli(["watch", "-c", manifest, "--interval", "1s", "--listen", "127.0.0.1:0", ...extra], { env: env() });
  const lines: Line[] = [];
  let partial = "";
  child.stderr.on("data", (c: Buffer) => {
    const parts = (partial + c.toString()).split("\n");
    partial = parts.pop() ?? "";
    // Every log line is JSON; the edge's own last words on a second signal are not.
    for (const p of parts) lines.push(p.startsWith("{") ? (JSON.parse(p) as Line) : { level: "raw", msg: p });
  });
  const result = collect(child);
  const metricsUrl = () => lines.find((l) => l.msg === "watch started")?.metrics as string | undefined;
  return { child, lines, result, metricsUrl };
}

const loadsOf = (n: number) =>
  sim
    .stats()
    .loads.filter((l) => l.modelId === id(n))
    .map((l) => l.startedAt)
    .sort((a, b) => a - b);

describe("watch (e2e)", () => {
  it("keeps models with a short maxAge fresh, none early, none twice; backs a broken one off; serves checked metrics", async () => {
    sim.setFault(id(3), { outcome: "ERROR", message: "Table RET: column X missing" });
    const manifest = writeFile(dir, "reload.config.yaml", testManifest(3, { defaults: "  maxAge: 2s\n" }));
    const w = startWatch(manifest, ["--log-format", "json"]);
    let result: CliResult | null = null;
    try {
      await until(() => loadsOf(1).length >= 3 && loadsOf(2).length >= 3, "three loads of each fresh model", 45_000);
      const url = w.metricsUrl()!;
      const text = await (await fetch(url)).text();
      const e = new Exposition(text);
      for (const address of ["p1/m1", "p2/m2"]) {
        expect(e.value("reloadctl_model_loads_succeeded_total", { address }), address).toBeGreaterThanOrEqual(2);
        expect(e.value("reloadctl_model_max_age_seconds", { address })).toBe(2);
        expect(e.sample("reloadctl_model_within_max_age", { address })).toBeDefined();
      }
      expect(e.value("reloadctl_model_loads_failed_total", { address: "p1/m3" })).toBeGreaterThanOrEqual(1);
      expect(e.value("reloadctl_api_requests_total")).toBeGreaterThan(0);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain(sim.url);
      if (HAS_PROMTOOL) expect(promtoolProblems(text)).toBe("");
      const base = url.replace(/\/metrics$/, "");
      expect([(await fetch(`${base}/healthz`)).status, (await fetch(`${base}/readyz`)).status]).toEqual([200, 200]);
    } finally {
      w.child.kill("SIGTERM");
      result = await w.result;
    }
    expect(result.code).toBe(0);
    // None early, none twice: each load starts at least maxAge after the one before ended.
    for (const n of [1, 2]) {
      const starts = loadsOf(n);
      for (let i = 1; i < starts.length; i++) expect(starts[i]! - (starts[i - 1]! + LOAD_MS), `m${n} load ${i}`).toBeGreaterThanOrEqual(2_000);
    }
    // The broken model: tried again after 1 s, then 2 s, then 4 s …, never more often.
    const backoffs = w.lines.filter((l) => l.msg === "backing off" && l.address === "p1/m3").map((l) => l.retryIn);
    expect(backoffs.length).toBeGreaterThanOrEqual(2);
    expect(backoffs).toEqual(["1s", "2s", "4s", "8s", "16s", "32s"].slice(0, backoffs.length));
    expect(loadsOf(3).length).toBeLessThanOrEqual(backoffs.length + 1);
    const ends = w.lines.filter((l) => l.msg === "load ended");
    expect(ends.find((l) => l.address === "p1/m1")).toMatchObject({ result: "succeeded", loadStatus: "SUCCESS", loadId: expect.any(String), durationMs: expect.any(Number) });
    expect(ends.find((l) => l.address === "p1/m3")).toMatchObject({ result: "failed", loadStatus: "ERROR", message: "Table RET: column X missing" });
    expect(result.stderr + result.stdout).not.toContain(KEY);
  });

  it("on SIGTERM mid-load starts nothing new, verifies the loads in flight, and exits 0", async () => {
    for (const n of [1, 2, 3]) sim.setFault(id(n), { loadDurationMs: 2_500 });
    const manifest = writeFile(dir, "reload.config.yaml", testManifest(3, { defaults: "  maxAge: 1h\n" }).replace("poolParallelism: 2", "poolParallelism: 1"));
    const w = startWatch(manifest);
    await until(() => w.lines.filter((l) => l.msg === "load running").length === 2, "two loads running");
    w.child.kill("SIGTERM");
    const result = await w.result;
    expect(result.code).toBe(0);
    const msgs = w.lines.map((l) => `${l.msg}${l.address ? ` ${l.address}` : ""}`);
    const after = msgs.slice(msgs.indexOf("stop requested: no new loads (a second signal exits at once)"));
    expect(after.filter((m) => m.startsWith("load ended")).sort()).toEqual(["load ended p1/m1", "load ended p2/m2"]);
    expect(after).toContain("stopped: every load in flight was verified");
    expect(after.some((m) => m.startsWith("load starting"))).toBe(false);
    expect(w.lines.filter((l) => l.msg === "load ended").map((l) => l.result)).toEqual(["succeeded", "succeeded"]);
    // p1/m3 waited for p1's slot and was never started.
    expect([loadsOf(1).length, loadsOf(2).length, loadsOf(3).length]).toEqual([1, 1, 0]);
  });

  it("takes a valid manifest edit at the next tick, and refuses a broken one, keeping the last good", async () => {
    // The fixture's last loads ended 2h50m ago: fresh under maxAge 6h, stale under 1h.
    const text = (maxAge: string) => testManifest(2, { defaults: `  maxAge: ${maxAge}\n` });
    const manifest = writeFile(dir, "reload.config.yaml", text("6h"));
    const w = startWatch(manifest);
    const ticks = () => w.lines.filter((l) => l.msg === "tick").length;
    await until(() => ticks() >= 1, "the first tick");
    // Replaced whole, as editors and ConfigMaps do, so watch never reads half a file.
    const edit = (t: string) => renameSync(writeFile(dir, "edit.tmp", t), manifest);
    edit(text("soon"));
    await until(() => w.lines.some((l) => l.msg.startsWith("manifest change refused")), "the refusal");
    const seen = ticks();
    await until(() => ticks() >= seen + 1, "a tick on the last good manifest");
    expect(sim.stats().loads).toEqual([]);
    edit(text("1h"));
    await until(() => loadsOf(1).length + loadsOf(2).length === 2, "the loads the edit made due");
    w.child.kill("SIGTERM");
    expect((await w.result).code).toBe(0);
    const refused = w.lines.find((l) => l.msg.startsWith("manifest change refused"))!;
    expect(refused).toMatchObject({ level: "error", problems: [expect.stringMatching(/reload\.config\.yaml:\d+:\d+: .*duration/)] });
    const msgs = w.lines.map((l) => l.msg);
    expect(msgs.indexOf("manifest changed: in effect from this tick")).toBeLessThan(msgs.indexOf("load starting"));
  });

  it("keeps the tenant --target names fresh", async () => {
    const text = testManifest(2, { defaults: "  maxAge: 1h\n" }).replace("version: 1\n", `version: 1\ntargets:\n  other:\n    url: https://other.example\n  sim:\n    url: ${sim.url}\n`);
    const manifest = writeFile(dir, "reload.config.yaml", text);
    const child = spawnCli(["watch", "-c", manifest, "--target", "sim", "--interval", "1s", "--listen", "127.0.0.1:0", "--log-format", "json"], { env: { CELONIS_API_TOKEN: KEY } });
    const result = collect(child);
    await until(() => loadsOf(1).length + loadsOf(2).length === 2, "a load of each model");
    child.kill("SIGTERM");
    const r = await result;
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stderr.split("\n")[0]!)).toMatchObject({ msg: "watch started", target: "sim", baseUrl: sim.url });
  });

  it("exits 130 at once on a second signal", async () => {
    sim.setFault(id(1), { hang: true });
    const manifest = writeFile(dir, "reload.config.yaml", testManifest(2, { defaults: "  maxAge: 1h\n" }));
    const w = startWatch(manifest, ["--select", "p1/m1"]);
    await until(() => w.lines.some((l) => l.msg === "load running"), "the load running");
    w.child.kill("SIGTERM");
    await until(() => w.lines.some((l) => l.msg.startsWith("stopping")), "the stop");
    w.child.kill("SIGTERM");
    const result = await w.result;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain("interrupted again: exiting now");
    expect(loadsOf(2)).toEqual([]); // not selected
  });

  it("refuses a manifest without maxAge, a manifest on stdin, and bad flags, before any request", async () => {
    const manifest = writeFile(dir, "reload.config.yaml", testManifest(2));
    const r = await runCli(["watch", "-c", manifest], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("p1/m1 has no maxAge: watch would reload it at every tick");
    expect(r.stderr).toMatch(/reload\.config\.yaml:\d+:\d+: p2\/m2 has no maxAge/);
    expect((await runCli(["watch", "-c", "-"], { env: env(), input: "version: 1\n" })).stderr).toContain("cannot read it from stdin");
    expect((await runCli(["watch", "-c", manifest, "--interval", "soon"], { env: env() })).stderr).toContain('--interval must be a duration like 90s, 5m, 1h30m; got "soon"');
    expect((await runCli(["watch", "-c", manifest, "--listen", "9464"], { env: env() })).stderr).toContain('--listen must be HOST:PORT; got "9464"');
    expect(sim.stats().requests).toEqual([]);
  });
});
