// Hostile files (issue 14): a plan file is data from anywhere, and --out may point at anything.
// A plan naming a system file or a FIFO as its manifest is refused without reading it; no code
// frame shows the key; a plan edited to change pools, bounds or its expiry is stale; --out
// replaces only regular files, follows symlinks, writes devices and FIFOs directly, and never
// overwrites the manifest.
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, createReadStream, lstatSync, openSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { baseEnv, CLI, runCli, tempDir, testManifest, writeFile } from "./harness.js";
import { simulatorPerTest } from "../helpers/simulator.js";

const KEY = "e2e-files-key-91c3f7aa";
const simulator = simulatorPerTest(KEY, 4);
let dir: string;

beforeEach(() => {
  dir = tempDir();
});

const env = () => ({ CELONIS_URL: simulator().url, CELONIS_API_TOKEN: KEY });
const posts = () => simulator().stats().requests.filter((r) => r.method === "POST");

/** A saved plan of a 4-model manifest (pool p1 bounded to 1), as JSON to edit. */
async function savedPlan(): Promise<{ manifest: string; plan: string; doc: any }> {
  const manifest = writeFile(dir, "m.yaml", testManifest(4).replace("poolParallelism: 2", "poolParallelism: 1"));
  const plan = join(dir, "plan.json");
  const r = await runCli(["plan", "-c", manifest, "--out", plan, "--json"], { env: env() });
  expect(r.code, r.stderr).toBe(0);
  return { manifest, plan, doc: JSON.parse(readFileSync(plan, "utf8")) };
}

async function applyEdited(plan: string, doc: unknown) {
  writeFileSync(plan, JSON.stringify(doc));
  return runCli(["apply", plan], { env: env(), cwd: dir });
}

describe("hostile plan files and --out targets (e2e)", () => {
  it("a plan naming /proc/self/environ or a FIFO as its manifest is refused without reading it, and the key never shows", async () => {
    const { plan, doc } = await savedPlan();
    const r = await applyEdited(plan, { ...doc, manifest: { ...doc.manifest, path: "/proc/self/environ" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/names its manifest as "\/proc\/self\/environ", which is a system file/);
    expect(r.stdout + r.stderr).not.toContain(KEY);
    expect(r.stderr).not.toContain("PATH=");

    execFileSync("mkfifo", [join(dir, "fifo")]);
    const f = await applyEdited(plan, { ...doc, manifest: { ...doc.manifest, path: "fifo" } });
    expect(f.code).toBe(1);
    expect(f.stderr).toMatch(/which is a FIFO, not a manifest file/);
    expect(posts()).toHaveLength(0);
  });

  it("a code frame never shows the key, whatever the file", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(2).replace("      m1:\n", `      m1:\n        note: ${KEY}\n`));
    for (const format of ["text", "json", "markdown"]) {
      const r = await runCli(["validate", "-c", manifest, "--format", format], { env: env() });
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr, format).not.toContain(KEY);
      if (format !== "json") expect(r.stdout + r.stderr, format).toContain("note: ***"); // the frame, masked
    }
  });

  it("a plan edited to move models to another pool, drop a pool's bound or live longer is stale, saying so", async () => {
    const { plan, doc } = await savedPlan();
    const moved = await applyEdited(plan, { ...doc, models: doc.models.map((m: any) => ({ ...m, pool: "p2" })), poolParallelism: { p2: 4 } });
    expect(moved.code).toBe(1);
    expect(moved.stderr).toMatch(/p1\/m1: planned in pool p2 as p2\/m1, but the manifest declares it in pool p1/);
    expect(moved.stderr).toMatch(/`poolParallelism` of pool p2 is 1 in the manifest, 4 in the plan/);

    const { p1: _dropped, ...rest } = doc.poolParallelism;
    const dropped = await applyEdited(plan, { ...doc, poolParallelism: rest });
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toMatch(/`poolParallelism` of pool p1 is 1 in the manifest, missing from the plan/);

    const old = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const extended = await applyEdited(plan, { ...doc, createdAt: old, expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString() });
    expect(extended.code).toBe(1);
    expect(extended.stderr).toMatch(/the plan expired at /);

    const future = await applyEdited(plan, { ...doc, createdAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.stderr).toMatch(/in the future/);

    const text = await applyEdited(plan, { ...doc, formatVersion: "1" });
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/has formatVersion "1", not a number: this reloadctl reads plan format 1/);
    expect(posts()).toHaveLength(0);
  });

  it("--out follows a symlink, writes a FIFO and a device directly, refuses the manifest, and a failed write exits 1", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(2));
    const target = join(dir, "real-plan.json");
    writeFileSync(target, "old");
    symlinkSync(target, join(dir, "link.json"));
    const viaLink = await runCli(["plan", "-c", manifest, "--out", join(dir, "link.json")], { env: env() });
    expect(viaLink.code).toBe(0);
    expect(lstatSync(join(dir, "link.json")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.json"))).toBe(target);
    expect(JSON.parse(readFileSync(target, "utf8")).formatVersion).toBe(1);

    const fifo = join(dir, "plan.fifo");
    execFileSync("mkfifo", [fifo]);
    let read = "";
    const reader = new Promise<void>((resolve) => createReadStream(fifo).on("data", (c) => (read += c.toString())).on("end", () => resolve()));
    const viaFifo = await runCli(["plan", "-c", manifest, "--out", fifo], { env: env() });
    await reader;
    expect(viaFifo.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(read).formatVersion).toBe(1);

    const full = await runCli(["plan", "-c", manifest, "--out", "/dev/full"], { env: env() });
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/cannot write the plan to \/dev\/full: no space left on the device/);
    expect(lstatSync("/dev/full").isCharacterDevice()).toBe(true);

    const before = readFileSync(manifest, "utf8");
    const over = await runCli(["plan", "-c", manifest, "--out", manifest], { env: env() });
    expect(over.code).toBe(1);
    expect(over.stderr).toMatch(/is the manifest itself/);
    expect(readFileSync(manifest, "utf8")).toBe(before);
  });

  it("output that cannot be written exits 1; an endless or empty manifest path and a symlink loop get words", async () => {
    const manifest = writeFile(dir, "m.yaml", testManifest(2));
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnSync(process.execPath, [CLI, "validate", "-c", manifest, "--json"], { stdio: ["ignore", full, "pipe"], env: baseEnv() });
      expect(r.status).toBe(1);
      expect(r.stderr.toString()).toContain("cannot write the output: no space left on the device");
    } finally {
      closeSync(full);
    }
    const zero = await runCli(["validate", "-c", "/dev/zero"]);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toMatch(/^error: \/dev\/zero is larger than 16 MB: not a manifest reloadctl reads/);
    const empty = await runCli(["validate", "-c", ""]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/^error: the manifest path is empty/);
    symlinkSync(join(dir, "loop.yaml"), join(dir, "loop.yaml"));
    const loop = await runCli(["validate", "-c", join(dir, "loop.yaml")]);
    expect(loop.code).toBe(1);
    expect(loop.stderr).toMatch(/a symlink loop/);
  });
});
