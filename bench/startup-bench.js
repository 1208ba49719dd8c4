// Start-up: `reloadctl --version` and `validate` of a 1,000-model manifest against bare `node -e 0`,
// each the median of several runs, interleaved so that drift on the machine hits all three alike.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { CLI, runNode } from "./cli.js";
import { median } from "./numbers.js";
import { makeWorkload } from "./workload.js";

export function benchStartup({ runs = 25, models = 1_000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "reloadctl-bench-"));
  const manifest = join(dir, "reload.config.yaml");
  writeFileSync(manifest, makeWorkload({ models, tables: 6 }).yaml);
  const commands = {
    node: ["-e", "0"],
    version: [CLI, "--version"],
    validate: [CLI, "validate", "-c", manifest],
  };
  const times = { node: [], version: [], validate: [] };
  const failures = [];
  for (let i = -1; i < runs; i++) {
    for (const [name, args] of Object.entries(commands)) {
      const t0 = performance.now();
      const r = runNode(args);
      const took = performance.now() - t0;
      if (r.code !== 0) failures.push(`${name}: exit ${r.code}: ${r.stderr.trim().split("\n")[0] ?? ""}`);
      if (i >= 0) times[name].push(took); // the first round only warms the file cache
    }
  }
  const node = median(times.node);
  return {
    runs,
    models,
    nodeMs: node,
    versionMs: median(times.version),
    validateMs: median(times.validate),
    versionRatio: median(times.version) / node,
    validateRatio: median(times.validate) / node,
    failures: [...new Set(failures)],
  };
}
