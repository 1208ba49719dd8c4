// The first frame on a terminal: `plan` under a pseudo-terminal (script(1)) against the same
// skewed workload as the schedule bench, its `--format text` twin, and bare `node -e 0`: wall
// time and the time to the first byte on the terminal, each the median of interleaved runs.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CLI } from "./cli.js";
import { median } from "./numbers.js";
import { skewedWorkload } from "./schedule-bench.js";
import { startSimWorker } from "./sim-host.js";

const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs a shell command on a pseudo-terminal; resolves with its exit code, first output and wall time. */
function onTerminal(command, env) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstMs = null;
    let output = "";
    const child = spawn("script", ["-qfec", command, "/dev/null"], { env, stdio: ["ignore", "pipe", "ignore"] });
    child.stdout.on("data", (chunk) => {
      firstMs ??= performance.now() - t0;
      output += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, firstMs, wallMs: performance.now() - t0, output }));
  });
}

export function hasScript() {
  return spawnSync("script", ["--version"], { stdio: "ignore" }).status === 0;
}

export async function benchTerminal({ runs = 9 } = {}) {
  const w = skewedWorkload();
  const dir = mkdtempSync(join(tmpdir(), "reloadctl-bench-tty-"));
  const manifest = join(dir, "reload.config.yaml");
  writeFileSync(manifest, w.manifests.shuffled);
  const sim = await startSimWorker({ fixture: w.fixture, latencyMs: 40 });
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, TERM: "xterm-256color", CELONIS_URL: sim.url, CELONIS_API_TOKEN: sim.key };
  const plan = `${quote(process.execPath)} ${quote(CLI)} plan -c ${quote(manifest)}`;
  const commands = {
    node: `${quote(process.execPath)} -e 0`,
    tty: plan,
    text: `${plan} --format text`,
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, { first: [], wall: [] }]));
  const failures = [];
  let sawProgress = false;
  try {
    for (let i = -1; i < runs; i++) {
      for (const [name, command] of Object.entries(commands)) {
        const r = await onTerminal(command, env);
        if (r.code !== 0) failures.push(`${name}: exit ${r.code}`);
        if (name === "tty" && r.output.includes("reading the models' last loads")) sawProgress = true;
        if (i < 0) continue; // the first round warms the file cache
        times[name].wall.push(r.wallMs);
        if (r.firstMs !== null) times[name].first.push(r.firstMs);
      }
    }
  } finally {
    await sim.close();
  }
  const nodeMs = median(times.node.wall);
  return {
    runs,
    models: w.models.length,
    nodeMs,
    ttyWallMs: median(times.tty.wall),
    textWallMs: median(times.text.wall),
    ttyFirstMs: median(times.tty.first),
    textFirstMs: median(times.text.first),
    wallRatio: median(times.tty.wall) / median(times.text.wall),
    firstOverNodeMs: median(times.tty.first) - nodeMs,
    sawProgress,
    failures: [...new Set(failures)],
  };
}
