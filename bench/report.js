// The bench's one table: each figure with its goal and whether it holds, as text and as markdown.
import { mb, ms, pct, ratio } from "./numbers.js";

const verdict = (ok) => (ok === null ? "—" : ok ? "PASS" : "FAIL");

/** @returns {{ figure: string, measured: string, goal: string, ok: boolean | null }[]} */
export function rows({ plan, apply, startup, memory }) {
  const out = [];
  if (plan) {
    const speedup = plan.sequentialMs / plan.free.wallMs;
    const budgetMs = (plan.limited.requests / plan.limited.perSecond) * 1000;
    const limitedRatio = plan.limited.wallMs / budgetMs;
    const share429 = plan.limited.rateLimited / plan.limited.requests;
    const title = `plan ${plan.models} models × ${plan.tables} tables, ${plan.latencyMs} ms/request`;
    out.push(
      {
        figure: `${title}: wall time, requests`,
        measured: `${ms(plan.free.wallMs)}, ${plan.free.requests} requests (${plan.models} last-load + ${plan.partials} tables; ${plan.models - plan.partials} full/cache read no tables)`,
        goal: `one request per need (${plan.needed})`,
        ok: plan.free.requests === plan.needed,
      },
      {
        figure: "  vs sequential client (same requests, one keep-alive connection)",
        measured: `${ratio(speedup)} faster (sequential ${ms(plan.sequentialMs)}, measured in full)`,
        goal: "≥ 8× faster",
        ok: speedup >= 8,
      },
      {
        figure: `  vs critical path ceil(${plan.free.requests}/${plan.concurrency}) × ${plan.latencyMs} ms = ${ms(plan.criticalPathMs)}`,
        measured: `${ratio(plan.free.wallMs / plan.criticalPathMs)} the bound (peak ${plan.free.maxInFlight} in flight)`,
        goal: "reference (no goal)",
        ok: null,
      },
      {
        figure: `  under a rate limit of ${plan.limited.perSecond}/s: wall time vs requests/limit`,
        measured: `${ms(plan.limited.wallMs)} vs ${ms(budgetMs)} = ${ratio(limitedRatio)}`,
        goal: "≤ 1.3×",
        ok: limitedRatio <= 1.3,
      },
      {
        figure: "  under the rate limit: 429s seen",
        measured: `${plan.limited.rateLimited} of ${plan.limited.requests} requests (${pct(share429)}), ${plan.limited.retries} retries`,
        goal: "few: ≤ 5 % of requests",
        ok: share429 <= 0.05,
      },
    );
  }
  if (apply) {
    const [d1, d2, d3] = apply.decades;
    const step1 = d2.polls - d1.polls;
    const step2 = d3.polls - d2.polls;
    const logLike = Math.abs(step2 - step1) <= 0.15 * Math.max(step1, step2);
    out.push(
      {
        figure: `apply ${apply.models} models, loads of 2–20 s, ${apply.latencyMs} ms/request: extra time past each load's end, median`,
        measured: `${ms(apply.extraMedianMs)} (${apply.succeeded}/${apply.models} succeeded, apply took ${ms(apply.wallMs)})`,
        goal: "each ≤ max(1 s, 10 % of the load's run time)",
        ok: apply.within === apply.loads.length,
      },
      {
        figure: "  extra time past the end, max",
        measured: `${ms(apply.extraMaxMs)}; worst load at ${pct(apply.worstShare)} of its allowance; ${apply.within}/${apply.loads.length} within`,
        goal: "each ≤ max(1 s, 10 % of the load's run time)",
        ok: apply.within === apply.loads.length,
      },
      {
        figure: "  polls per load",
        measured:
          `2 s load: ${apply.pollsShortest}, 20 s load: ${apply.pollsLongest}, median ${apply.pollsMedian}; ` +
          `the policy for ${ms(d1.durationMs)} / ${ms(d2.durationMs)} / ${ms(d3.durationMs)}: ${d1.polls} / ${d2.polls} / ${d3.polls} (+${step1}, +${step2} per ×10)`,
        goal: "grow with the log of the duration",
        ok: logLike,
      },
    );
  }
  if (startup) {
    out.push(
      {
        figure: `start-up: reloadctl --version vs node -e 0 (median of ${startup.runs})`,
        measured: `${ms(startup.versionMs)} vs ${ms(startup.nodeMs)} = ${ratio(startup.versionRatio)}`,
        goal: "< 2×",
        ok: startup.failures.length === 0 && startup.versionRatio < 2,
      },
      {
        figure: `start-up: reloadctl validate, ${startup.models}-model manifest, vs node -e 0`,
        measured: `${ms(startup.validateMs)} vs ${ms(startup.nodeMs)} = ${ratio(startup.validateRatio)}${startup.failures.length ? ` (failed: ${startup.failures.join("; ")})` : ""}`,
        goal: "< 4×",
        ok: startup.failures.length === 0 && startup.validateRatio < 4,
      },
    );
  }
  if (memory) {
    out.push({
      figure: `peak memory: reloadctl plan, ${memory.models} models × ${memory.tables} tables (${memory.requests} requests)`,
      measured: `${mb(memory.planPeakBytes)} peak RSS (reloadctl --version: ${mb(memory.baselinePeakBytes)})`,
      goal: "reported (no goal set)",
      ok: null,
    });
  }
  return out;
}

export function textTable(table) {
  const widths = ["figure", "measured", "goal"].map((k) => Math.max(k.length, ...table.map((r) => r[k].length)));
  const line = (cells) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join("  ");
  return [line(["figure", "measured", "goal", "result"]), line(widths.map((w) => "-".repeat(w)).concat("------")), ...table.map((r) => line([r.figure, r.measured, r.goal, verdict(r.ok)]))].join("\n");
}

export function markdownTable(table) {
  const esc = (s) => s.replace(/\|/g, "\\|").trim();
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
