// End-to-end: the built CLI as a child process, against the simulator on a loopback port, over
// real sockets through the production undici path.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Fixture } from "../../src/sim/fixture.js";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CLI = join(ROOT, "bin", "reloadctl.js");

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  input?: string;
}

/** A clean environment: nothing of the developer's shell leaks in (no key, no proxy, no colour). */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, CI: "true" };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

export function spawnCli(args: string[], opts: CliOptions = {}): ChildProcessWithoutNullStreams {
  // Checked here, not on import: unit tests borrow the tenant below without a build.
  if (!existsSync(join(ROOT, "dist", "cli", "main.js"))) {
    throw new Error("the CLI is not built: run `npm run build` (npm test does it first)");
  }
  return tolerateClosedStdin(spawn(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, env: baseEnv(opts.env), stdio: "pipe" }));
}

/**
 * A command that ends before it reads its stdin (most do) closes the pipe: on a loaded machine our
 * write can come after that, and its EPIPE is not the test's failure (an unhandled one fails the run).
 */
function tolerateClosedStdin<C extends ChildProcessWithoutNullStreams>(child: C): C {
  if (child.stdin.listenerCount("error") === 0) {
    child.stdin.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "EPIPE") throw err;
    });
  }
  return child;
}

export function collect(child: ChildProcessWithoutNullStreams, input?: string): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  tolerateClosedStdin(child).stdin.end(input ?? "");
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return collect(spawnCli(args, opts), opts.input);
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "reloadctl-e2e-"));
}

export function writeFile(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Resolves when `condition` holds, checking every 10 ms; no fixed sleeps. The limit only names what never came (below the 60 s test timeout). */
export async function until(condition: () => boolean, what: string, limitMs = 45_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// A small tenant for fault scenarios: ids readable in failures.
export const P1 = "11111111-1111-4111-8111-000000000001";
export const P2 = "11111111-1111-4111-8111-000000000002";
export const id = (n: number) => `22222222-2222-4222-8222-${String(n).padStart(12, "0")}`;
export const tid = (n: number) => `33333333-3333-4333-8333-${String(n).padStart(12, "0")}`;

const tables = (m: number) => [
  { id: tid(m * 10 + 1), name: "EKKO", alias: null },
  { id: tid(m * 10 + 2), name: "EKPO", alias: "PO Items" },
  { id: tid(m * 10 + 3), name: "LFA1", alias: "Vendor Master" },
];

/** Pool of model n: odd numbers in P1 (key p1), even in P2 (key p2), whatever the count. */
export const poolOf = (n: number) => (n % 2 === 1 ? P1 : P2);

export function testFixture(models = 6): Fixture {
  const mk = (n: number) => ({
    id: id(n),
    name: `Model ${n}`,
    tables: tables(n),
    lastLoad: { id: `44444444-4444-4444-8444-${String(n).padStart(12, "0")}`, status: "SUCCESS" as const, startedAgo: "3h", took: "10m" },
    behavior: { loadTime: 300 },
  });
  const all = Array.from({ length: models }, (_, i) => i + 1);
  return {
    version: 1,
    pools: [
      { id: P1, name: "Pool One", models: all.filter((n) => poolOf(n) === P1).map(mk) },
      { id: P2, name: "Pool Two", models: all.filter((n) => poolOf(n) === P2).map(mk) },
    ],
  } as Fixture;
}

/** A manifest over testFixture: models m1..mN, odd ones in pool p1, even ones in p2. */
export function testManifest(models = 6, extra: { defaults?: string; model?: (n: number) => string } = {}): string {
  const block = (n: number) => `      m${n}:\n        id: ${id(n)}\n${extra.model?.(n) ?? ""}`;
  const all = Array.from({ length: models }, (_, i) => i + 1);
  const pool = (p: string) => all.filter((n) => poolOf(n) === p).map(block).join("");
  return `version: 1
defaults:
  parallelism: 4
  poolParallelism: 2
  timeout: 1m
${extra.defaults ?? ""}pools:
  p1:
    id: ${P1}
    models:
${pool(P1)}  p2:
    id: ${P2}
    models:
${pool(P2)}`;
}
