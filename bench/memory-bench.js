// Peak memory of `reloadctl plan` for 5,000 models: the CLI as a child process (its peak resident
// set read at its exit by a preloaded module), against the simulator in a worker thread of this one.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI, cleanEnv, runNodeAsync } from "./cli.js";
import { startSimWorker } from "./sim-host.js";
import { makeWorkload } from "./workload.js";

const PRELOAD = fileURLToPath(new URL("./peak-rss.js", import.meta.url));

async function peakOf(args, env, dir, name) {
  const file = join(dir, `${name}.peak.json`);
  const r = await runNodeAsync(["--import", PRELOAD, ...args], { ...env, BENCH_PEAK_FILE: file });
  if (r.code !== 0) throw new Error(`${name} exited ${r.code}: ${r.stderr.trim().split("\n").slice(0, 3).join(" | ")}`);
  const peak = JSON.parse(readFileSync(file, "utf8"));
  return (peak.vmHwmKb ?? peak.maxRssKb) * 1024;
}

export async function benchMemory({ models = 5_000, tables = 30, latencyMs = 0 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "reloadctl-bench-"));
  const w = makeWorkload({ models, tables });
  const manifest = join(dir, "reload.config.yaml");
  writeFileSync(manifest, w.yaml);
  const sim = await startSimWorker({ fixture: w.fixture, latencyMs });
  try {
    const env = cleanEnv({ CELONIS_URL: sim.url, CELONIS_API_TOKEN: sim.key });
    const baseline = await peakOf([CLI, "--version"], env, dir, "version");
    await sim.resetStats();
    const planPeak = await peakOf([CLI, "plan", "-c", manifest, "--format", "json"], env, dir, "plan");
    const s = await sim.stats();
    return { models, tables, partials: w.partials, requests: s.requests.length, planPeakBytes: planPeak, baselinePeakBytes: baseline };
  } finally {
    await sim.close();
  }
}
