// The bench's one table: each figure with its goal and whether it holds, as text and as markdown.
import { count, mb, ms, pct, ratio } from "./numbers.js";

const verdict = (ok) => (ok === null ? "—" : ok ? "PASS" : "FAIL");

/** @returns {{ figure: string, measured: string, goal: string, ok: boolean | null }[]} */
export function rows({ plan, apply, startup, memory, schedule, terminal }) {
  const out = [];
  if (plan) {
    const speedup = plan.sequentialMs / plan.free.wallMs;
    const budgetMs = (plan.limited.requests / plan.limited.perSecond) * 1000;
    const limitedRatio = plan.limited.wallMs / budgetMs;
    const share429 = plan.limited.rateLimited / plan.limited.requests;
    out.push(
      {
        figure: `plan ${plan.models}×${plan.tables} @ ${plan.latencyMs} ms: wall, requests`,
        measured: `${ms(plan.free.wallMs)}, ${plan.free.requests} (${plan.models} last-load + ${plan.partials} tables)`,
        goal: `1 per need (${plan.needed})`,
        ok: plan.free.requests === plan.needed,
      },
      {
        figure: "  vs sequential client",
        measured: `${ratio(speedup)} faster (${ms(plan.sequentialMs)})`,
        goal: "≥ 8×",
        ok: speedup >= 8,
      },
      {
        figure: `  vs critical path ceil(${plan.free.requests}/${plan.concurrency})×${plan.latencyMs} ms`,
        measured: `${ratio(plan.free.wallMs / plan.criticalPathMs)} of ${ms(plan.criticalPathMs)}`,
        goal: "reference",
        ok: null,
      },
      {
        figure: `  at ${plan.limited.perSecond} req/s: wall vs requests/limit`,
        measured: `${ms(plan.limited.wallMs)} / ${ms(budgetMs)} = ${ratio(limitedRatio)}`,
        goal: "≤ 1.3×",
        ok: limitedRatio <= 1.3,
      },
      {
        figure: `  at ${plan.limited.perSecond} req/s: 429s`,
        measured: `${plan.limited.rateLimited} of ${plan.limited.requests} (${pct(share429)})`,
        goal: "≤ 5 %",
        ok: share429 <= 0.05,
      },
    );
  }
  if (apply) {
    const [d1, d2, d3] = apply.decades;
    const step1 = d2.polls - d1.polls;
    const step2 = d3.polls - d2.polls;
    const logLike = Math.abs(step2 - step1) <= 0.15 * Math.max(step1, step2);
    const allWithin = apply.within === apply.loads.length;
    out.push(
      {
        figure: `apply ${apply.models} loads of 2–20 s: lag past end, median`,
        measured: `${ms(apply.extraMedianMs)}`,
        goal: "≤ max(1 s, 10 % run)",
        ok: allWithin,
      },
      {
        figure: "  lag past end, max",
        measured: `${ms(apply.extraMaxMs)} (worst ${pct(apply.worstShare)} of its bound)`,
        goal: "≤ max(1 s, 10 % run)",
        ok: allWithin,
      },
      {
        figure: "  polls per load, 2 s / 20 s load",
        measured: `${apply.pollsShortest} / ${apply.pollsLongest} (median ${apply.pollsMedian})`,
        goal: "reference",
        ok: null,
      },
      {
        figure: `  polls by the policy, ${ms(d1.durationMs)} / ${ms(d2.durationMs)} / ${ms(d3.durationMs)}`,
        measured: `${d1.polls} / ${d2.polls} / ${d3.polls} (+${step1}, +${step2} per ×10)`,
        goal: "log: same step per ×10",
        ok: logLike,
      },
    );
  }
  if (startup) {
    const failed = startup.failures.length > 0;
    out.push(
      {
        figure: "start-up: --version vs node -e 0",
        measured: `${ms(startup.versionMs)} / ${ms(startup.nodeMs)} = ${ratio(startup.versionRatio)}`,
        goal: "< 2×",
        ok: !failed && startup.versionRatio < 2,
      },
      {
        figure: `start-up: validate ${count(startup.models)} models vs node -e 0`,
        measured: `${ms(startup.validateMs)} / ${ms(startup.nodeMs)} = ${ratio(startup.validateRatio)}`,
        goal: "< 4×",
        ok: !failed && startup.validateRatio < 4,
      },
    );
  }
  if (schedule) {
    const lf = schedule.longestFirst;
    out.push(
      {
        figure: `apply ${schedule.models} skewed loads (${ratio(schedule.spread)} spread), longest first: makespan vs lower bound`,
        measured: `${ms(lf.wallMs)} / ${ms(schedule.lowerBoundMs)} = ${ratio(lf.ratio)}`,
        goal: "≤ 1.10×",
        ok: lf.succeeded === schedule.models && lf.ratio <= 1.1,
      },
      {
        figure: "  manifest order (shuffled) vs lower bound",
        measured: `${ms(schedule.manifest.wallMs)} = ${ratio(schedule.manifest.ratio)} (longest first ${pct(1 - lf.wallMs / schedule.manifest.wallMs)} shorter)`,
        goal: "reference",
        ok: null,
      },
      {
        figure: "  adversarial order (shortest first) vs lower bound",
        measured: `${ms(schedule.adversarial.wallMs)} = ${ratio(schedule.adversarial.ratio)} (longest first ${pct(1 - lf.wallMs / schedule.adversarial.wallMs)} shorter)`,
        goal: "longest first gains",
        ok: lf.wallMs < schedule.adversarial.wallMs,
      },
      {
        figure: "  ETA error: the plan's expected wall time vs the run's",
        measured: `${ms(schedule.planEtaMs)} vs ${ms(lf.wallMs)}: ${pct(schedule.planEtaError)}`,
        goal: "≤ 15 %",
        ok: schedule.planEtaError <= 0.15,
      },
      {
        figure: "  ETA error: median of the plan's and the live view's time left",
        measured: `${pct(schedule.etaMedianError)} (${schedule.etaErrors.length} estimates, worst ${pct(Math.max(...schedule.etaErrors))})`,
        goal: "≤ 15 %",
        ok: schedule.etaMedianError <= 0.15,
      },
    );
  }
  if (terminal) {
    const failed = terminal.failures.length > 0 || !terminal.sawProgress;
    out.push(
      {
        figure: `terminal plan of ${terminal.models} models (pty) vs --format text: wall`,
        measured: `${ms(terminal.ttyWallMs)} / ${ms(terminal.textWallMs)} = ${ratio(terminal.wallRatio)}`,
        goal: "≤ 1.15×",
        ok: !failed && terminal.wallRatio <= 1.15,
      },
      {
        figure: "  first visible output vs node -e 0",
        measured: `${ms(terminal.ttyFirstMs)} / ${ms(terminal.nodeMs)}: +${ms(terminal.firstOverNodeMs)}`,
        goal: "≤ +150 ms",
        ok: !failed && terminal.firstOverNodeMs <= 150,
      },
    );
  }
  if (memory) {
    out.push({
      figure: `peak RSS: plan ${count(memory.models)}×${memory.tables}`,
      measured: `${mb(memory.planPeakBytes)} (--version: ${mb(memory.baselinePeakBytes)})`,
      goal: "reported",
      ok: null,
    });
  }
  return out;
}

/** What the table's terse rows leave out: how each figure was measured. */
export function notes({ plan, apply, startup, memory, schedule, terminal }) {
  const out = [];
  if (plan) {
    out.push(
      `- plan: ${plan.models} models in pools of 50, ${plan.tables} tables each; ${plan.partials} partial reloads (their tables are read), the rest full or from cache (last-load only: ${JSON.stringify(plan.free.summary)}). The client as the CLI builds it: undici keep-alive pool, at most ${plan.concurrency} requests in flight (peak seen by the simulator: ${plan.free.maxInFlight}).`,
      `- sequential client: the very same ${plan.free.requests} requests (method and path from the simulator's log of the plan), sent one after another over one keep-alive undici connection; measured in full, not extrapolated.`,
      `- rate limit: the simulator's token bucket of ${plan.limited.perSecond}/s (one second's worth, full at the start); requests/limit = ${plan.limited.requests}/${plan.limited.perSecond}. The client paces itself from \`x-ratelimit-limit\`/\`-remaining\`: it spends the budget reported left, then spaces starts at the limit; ${plan.limited.retries} retries.`,
    );
  }
  if (apply) {
    out.push(
      `- apply: the executor in-process with the real client against the simulator in real time (${ms(apply.wallMs)}, ${apply.succeeded}/${apply.models} succeeded, ${apply.lastLoadRequests} last-load reads). Lag = the executor's \`finished\` event minus (the simulator's trigger time + the load's run time); the bound is max(1 s, 10 % of the run time); ${apply.within}/${apply.loads.length} loads within it.`,
      `- polls: \`polled\` events per load. Loads of 2–20 s poll mostly at the floor (0.65–0.8 of 1 s); beyond ~10 s the wait is 0.65–0.8 of a tenth of the load's age, so each tenfold of duration adds the same number of polls (the policy's own arithmetic with ${apply.latencyMs} ms round trips; past 50 min the 5 min cap makes it linear). Least squares polls = a + b·ln(ms) over the 50 loads: b = ${apply.fit.b.toFixed(1)}, r² = ${apply.fit.r2.toFixed(2)}.`,
    );
  }
  if (startup) {
    out.push(`- start-up: wall time of the child process, median of ${startup.runs} interleaved runs after one warm-up round, clean environment (CI=true, stdout not a TTY). The manifest: ${startup.models} models, 40 % partial with 3 table words each.${startup.failures.length ? ` Failures: ${startup.failures.join("; ")}` : ""}`);
  }
  if (schedule) {
    out.push(
      `- scheduling: ${schedule.models} models in ${schedule.pools} pools, parallelism ${schedule.parallelism}, poolParallelism ${schedule.poolParallelism}; each model's last load took ${schedule.minMinutes}–${schedule.maxMinutes} min (log-spread), its new load in the simulator that ±${pct(schedule.noise)} (seeded), at ${schedule.msPerMinute} ms of real time per minute, the poll policy scaled alike (floor 20 ms). Makespan = the executor's wall time from start to summary, verification included; the lower bound = max(longest load, Σ/parallelism, per pool Σ/poolParallelism) = ${ms(schedule.lowerBoundMs)} from the simulator's actual load times. The same tenant applied three times: longest first (the default), the shuffled manifest's order and a manifest listing the shortest first, each with --order manifest.`,
      `- ETA: the plan's expectedWallMs against the run's wall time, then the live view's remaining time (the apply-model reducer fed the run's events) at every load's end while more than a tenth of the run was left, against the time actually left; errors ${schedule.etaErrors.map((e) => pct(e)).join(", ")}.`,
    );
  }
  if (terminal) {
    out.push(`- terminal: \`reloadctl plan\` on a pseudo-terminal (script(1)) and \`plan --format text\` on the same, against the scheduling bench's tenant (${terminal.models} models, 40 ms per request), and \`node -e 0\` likewise; wall time and time to the first byte on the terminal (the progress line), median of ${terminal.runs} interleaved runs after a warm-up round.${terminal.sawProgress ? "" : " The progress line was not seen."}${terminal.failures.length ? ` Failures: ${terminal.failures.join("; ")}` : ""}`);
  }
  if (memory) {
    out.push(`- memory: \`reloadctl plan --format json\` as a child process; VmHWM read at its exit by a preloaded module (bench/peak-rss.js); simulator in a worker of the parent, no latency; ${memory.requests} requests.`);
  }
  return out;
}

export function textTable(table) {
  const widths = ["figure", "measured", "goal"].map((k) => Math.max(k.length, ...table.map((r) => r[k].length)));
  const line = (cells) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join("  ");
  return [line(["figure", "measured", "goal", "result"]), line(widths.map((w) => "-".repeat(w)).concat("------")), ...table.map((r) => line([r.figure, r.measured, r.goal, verdict(r.ok)]))].join("\n");
}

export function markdownTable(table) {
  const esc = (s) => s.replace(/\|/g, "\\|").replace(/^ +/, "↳ ");
  return [
    "| figure | measured | goal | result |",
    "|---|---|---|---|",
    ...table.map((r) => `| ${esc(r.figure)} | ${esc(r.measured)} | ${esc(r.goal)} | ${verdict(r.ok)} |`),
  ].join("\n");
}

export function tally(table) {
  const judged = table.filter((r) => r.ok !== null);
  return { passed: judged.filter((r) => r.ok).length, judged: judged.length };
}
