// `npm run bench`: every figure of the performance issue, measured in one run against the
// simulator, printed as one table and written to bench/results.md. Ratios are the result; no
// figure here gates CI. Progress goes to stderr, the table to stdout.
import { writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { benchApply } from "./apply-bench.js";
import { benchMemory } from "./memory-bench.js";
import { benchPlan } from "./plan-bench.js";
import { markdownTable, notes, rows, tally, textTable } from "./report.js";
import { benchStartup } from "./startup-bench.js";
import { benchSchedule } from "./schedule-bench.js";
import { benchTerminal, hasScript } from "./terminal-bench.js";

const RESULTS = new URL("./results.md", import.meta.url);
const progress = (text) => process.stderr.write(`bench: ${text}\n`);

async function step(name, run) {
  progress(`${name}…`);
  const t0 = performance.now();
  try {
    const value = await run();
    progress(`${name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return value;
  } catch (err) {
    progress(`${name} FAILED: ${err?.stack ?? err}`);
    return { error: String(err?.message ?? err) };
  }
}

const t0 = performance.now();
const loadAtStart = loadavg()[0].toFixed(1);
const startup = await step("start-up (--version, validate of 1,000 models, node -e 0; 25 runs each)", () => benchStartup());
const plan = await step("plan of 300 models × 30 tables at 40 ms/request, sequential baseline, and under 20 requests/s", () => benchPlan());
const apply = await step("apply of 50 models with loads of 2–20 s (real time, ~25 s)", () => benchApply());
const memory = await step("peak memory of plan for 5,000 models", () => benchMemory());
const schedule = await step("apply of 48 skewed loads, three orders (real time, ~1.5 min)", () => benchSchedule());
const terminal = hasScript()
  ? await step("plan on a pseudo-terminal vs --format text vs node -e 0 (9 runs each)", () => benchTerminal())
  : { error: "script(1) is not installed: no pseudo-terminal" };

const ok = (r) => (r && !("error" in r) ? r : null);
const measured = { plan: ok(plan), apply: ok(apply), startup: ok(startup), memory: ok(memory), schedule: ok(schedule), terminal: ok(terminal) };
const table = rows(measured);
const failedSteps = Object.entries({ plan, apply, startup, memory, schedule, terminal }).filter(([, r]) => r && "error" in r).map(([k, r]) => `${k}: ${r.error}`);
const { passed, judged } = tally(table);
const totalS = ((performance.now() - t0) / 1000).toFixed(0);
const cores = typeof availableParallelism === "function" ? availableParallelism() : cpus().length;
// Other processes on the machine slow every figure down: the load says how busy it was.
const machine = `${cores} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), load average ${loadAtStart} at the start, ${loadavg()[0].toFixed(1)} at the end`;
const when = new Date().toISOString().replace(/\.\d+Z$/, "Z");
const footer = [`${passed} of ${judged} goals hold.`, ...failedSteps.map((f) => `Not measured: ${f}`)];

process.stdout.write(`reloadctl bench, ${when}, node ${process.version}, ${machine}, ${totalS} s\n\n${textTable(table)}\n\n${footer.join("\n")}\n`);

writeFileSync(
  RESULTS,
  [
    "# reloadctl benchmark results",
    "",
    `Run by \`npm run bench\` on ${when}, Node ${process.version}, ${machine}; the whole run took ${totalS} s.`,
    "Against the embedded simulator (in a worker thread) with added latency. Ratios, not absolute times, are the result.",
    "",
    markdownTable(table),
    "",
    ...footer,
    "",
    "How each figure is measured:",
    "",
    ...notes(measured),
    "",
  ].join("\n"),
);
