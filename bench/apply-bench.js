// Apply of 50 models whose loads take 2–20 s, in real time, with the executor and the real client
// against the simulator: how long after each load's end it is reported, and how many polls it took.
import { performance } from "node:perf_hooks";
import { systemClock } from "../dist/apply/clock.js";
import { executePlan } from "../dist/apply/executor.js";
import { DEFAULT_POLL_POLICY, nextPollDelay } from "../dist/apply/poll-policy.js";
import { createCelonisClient } from "../dist/celonis/client.js";
import { parseManifest } from "../dist/manifest/index.js";
import { buildPlan } from "../dist/plan/build-plan.js";
import { fitLine, median } from "./numbers.js";
import { startSimWorker } from "./sim-host.js";
import { makeWorkload } from "./workload.js";

const MIN_LOAD_MS = 2_000;
const MAX_LOAD_MS = 20_000;

/** The bound the issue sets on reporting a finished load. */
export const allowanceMs = (runMs) => Math.max(1_000, 0.1 * runMs);

/** Polls the policy makes for a load of `durationMs` when each poll takes `roundTripMs` (policy arithmetic, no I/O). */
export function policyPolls(durationMs, roundTripMs, policy = DEFAULT_POLL_POLICY) {
  let t = roundTripMs; // the first poll follows the trigger's answer at once
  let polls = 1;
  while (t < durationMs) {
    t += nextPollDelay(t, policy, () => 0.5) + roundTripMs;
    polls++;
  }
  return polls;
}

export async function benchApply({ models = 50, latencyMs = 40 } = {}) {
  const loadTime = (i) => Math.round(MIN_LOAD_MS + ((MAX_LOAD_MS - MIN_LOAD_MS) * i) / Math.max(1, models - 1));
  const w = makeWorkload({ models, tables: 6, loadTimeMs: loadTime });
  const manifest = parseManifest(w.yaml, "bench-apply.yaml");
  const sim = await startSimWorker({ fixture: w.fixture, latencyMs });
  const client = createCelonisClient({ baseUrl: sim.url, key: sim.key, keyType: "USER_KEY" });
  try {
    const doc = await buildPlan({ manifest, api: client, selection: { select: [], exclude: [] }, now: Date.now });
    const reportedAt = new Map();
    const polls = new Map();
    await sim.resetStats();
    const t0 = performance.now();
    const summary = await executePlan({
      doc,
      api: client,
      clock: systemClock,
      emit: (e) => {
        if (e.type === "finished") reportedAt.set(e.address, { at: Date.now(), result: e.result });
        if (e.type === "polled") polls.set(e.address, (polls.get(e.address) ?? 0) + 1);
      },
    });
    const wallMs = performance.now() - t0;
    const stats = await sim.stats();
    const byModelId = new Map(doc.models.map((m) => [m.modelId, m.address]));
    const loads = stats.loads.map((l) => {
      const address = byModelId.get(l.modelId);
      const i = Number(/m(\d+)$/.exec(address)[1]);
      const runMs = loadTime(i);
      const reported = reportedAt.get(address);
      const extraMs = reported.at - (l.startedAt + runMs);
      return { address, runMs, extraMs, allowanceMs: allowanceMs(runMs), polls: polls.get(address) ?? 0, result: reported.result };
    });
    const fit = fitLine(loads.map((l) => Math.log(l.runMs)), loads.map((l) => l.polls));
    const decades = [20_000, 200_000, 2_000_000, 20_000_000].map((d) => ({ durationMs: d, polls: policyPolls(d, latencyMs) }));
    return {
      models,
      latencyMs,
      wallMs,
      succeeded: summary.succeeded,
      loads,
      extraMedianMs: median(loads.map((l) => l.extraMs)),
      extraMaxMs: Math.max(...loads.map((l) => l.extraMs)),
      worstShare: Math.max(...loads.map((l) => l.extraMs / l.allowanceMs)),
      within: loads.filter((l) => l.extraMs <= l.allowanceMs).length,
      pollsMedian: median(loads.map((l) => l.polls)),
      pollsShortest: loads.find((l) => l.runMs === MIN_LOAD_MS)?.polls,
      pollsLongest: loads.find((l) => l.runMs === MAX_LOAD_MS)?.polls,
      fit,
      decades,
      lastLoadRequests: stats.requests.filter((r) => r.path.endsWith("/last-load")).length,
    };
  } finally {
    await client.close();
    await sim.close();
  }
}
