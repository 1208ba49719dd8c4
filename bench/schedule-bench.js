// Scheduling and the ETA, in real time against the simulator: a skewed nightly (48 models over 4
// pools, last loads spread 40×) applied longest-first, in a shuffled manifest order, and shortest
// first (the adversarial order), each compared with the lower bound on any schedule; and the
// plan's expected wall time, and apply's remaining time as the live view works it out, against
// what the run took. Time is scaled down (a 2–80 minute nightly runs as 0.4–16 s loads), the poll
// policy with it.
import { performance } from "node:perf_hooks";
import { systemClock } from "../dist/apply/clock.js";
import { executePlan } from "../dist/apply/executor.js";
import { DEFAULT_POLL_POLICY } from "../dist/apply/poll-policy.js";
import { createCelonisClient } from "../dist/celonis/client.js";
import { parseManifest } from "../dist/manifest/index.js";
import { buildPlan } from "../dist/plan/build-plan.js";
import { reduceApply, initialApplyState } from "../dist/report/apply/apply-model.js";
import { median } from "./numbers.js";
import { startSimWorker } from "./sim-host.js";

export const SKEW = { models: 48, pools: 4, parallelism: 8, poolParallelism: 3, minMinutes: 2, maxMinutes: 80, noise: 0.3 };
/** Real milliseconds per minute of the nightly. */
const MS_PER_MINUTE = 200;
const SCALE = MS_PER_MINUTE / 60_000;

/** A small seeded generator (mulberry32), so every run sees the same workload and noise. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hex = (n, w) => n.toString(16).padStart(w, "0");
const uuid = (kind, i) => `${hex(kind, 8)}-0000-4000-8000-${hex(i * 7919 + kind, 12)}`;

/**
 * The skewed tenant and three manifests of it. Each model's last load took its history duration
 * (log-spread from minMinutes to maxMinutes); its next load in the simulator takes that ±noise.
 */
export function skewedWorkload(o = SKEW) {
  const random = prng(13);
  const models = Array.from({ length: o.models }, (_, i) => {
    const minutes = o.minMinutes * (o.maxMinutes / o.minMinutes) ** (i / (o.models - 1));
    const historyMs = Math.round(minutes * 60_000 * SCALE);
    const runMs = Math.round(historyMs * (1 + o.noise * (2 * random() - 1)));
    return { i, pool: i % o.pools, id: uuid(2, i), historyMs, runMs };
  });
  const pools = Array.from({ length: o.pools }, (_, p) => ({
    id: uuid(1, p),
    name: `Pool ${p}`,
    models: models
      .filter((m) => m.pool === p)
      .map((m) => ({
        id: m.id,
        name: `Model ${m.i}`,
        tables: [],
        lastLoad: { status: "SUCCESS", loadType: "COMPLETE", startedAgo: "30h", took: m.historyMs },
        behavior: { loadTime: m.runMs },
      })),
  }));
  // A manifest lists models in the order its authors wrote them: shuffled here, and sorted
  // shortest first for the adversarial case (the longest load listed last).
  const shuffled = [...models];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const manifest = (list) => {
    const yaml = ["version: 1", "defaults:", `  parallelism: ${o.parallelism}`, `  poolParallelism: ${o.poolParallelism}`, "  timeout: 10m", "pools:"];
    for (let p = 0; p < o.pools; p++) {
      yaml.push(`  pool${p}:`, `    id: ${uuid(1, p)}`, "    models:");
      for (const m of list.filter((x) => x.pool === p)) yaml.push(`      m${m.i}:`, `        id: ${m.id}`, "        reload: full");
    }
    return `${yaml.join("\n")}\n`;
  };
  return { models, fixture: { version: 1, pools }, manifests: { shuffled: manifest(shuffled), shortestFirst: manifest([...models].sort((a, b) => a.runMs - b.runMs)) } };
}

/** max(longest load, Σ/parallelism, per pool Σ/poolParallelism), from the loads' actual run times. */
export function lowerBoundMs(models, o = SKEW) {
  const sum = (xs) => xs.reduce((a, b) => a + b, 0);
  const perPool = Array.from({ length: o.pools }, (_, p) => sum(models.filter((m) => m.pool === p).map((m) => m.runMs)) / o.poolParallelism);
  return Math.max(Math.max(...models.map((m) => m.runMs)), sum(models.map((m) => m.runMs)) / o.parallelism, ...perPool);
}

/** The poll policy at the bench's time scale (its floor kept at 20 ms of real time). */
const scaledPolicy = {
  minIntervalMs: Math.max(20, DEFAULT_POLL_POLICY.minIntervalMs * SCALE),
  maxIntervalMs: DEFAULT_POLL_POLICY.maxIntervalMs * SCALE,
};

async function applyOnce(sim, yaml, order) {
  const manifest = parseManifest(yaml, "skewed.yaml");
  const client = createCelonisClient({ baseUrl: sim.url, key: sim.key, keyType: "USER_KEY" });
  try {
    const doc = await buildPlan({ manifest, api: client, selection: { select: [], exclude: [] }, now: Date.now, order });
    const events = [];
    const t0 = performance.now();
    const summary = await executePlan({ doc, api: client, clock: systemClock, emit: (e) => events.push(e), order, policy: scaledPolicy });
    return { doc, events, summary, wallMs: performance.now() - t0 };
  } finally {
    await client.close();
  }
}

/**
 * The live view's remaining time, checked at every load's end: what it expected to be left then
 * versus what was left. Estimates from the last tenth of the run are left out (a few ms left
 * make any error look huge); the plan's own ETA is the first estimate.
 */
function liveEtaErrors(events) {
  const startAt = Date.parse(events[0].at);
  const endAt = Date.parse(events.at(-1).at);
  const errors = [];
  let state = initialApplyState;
  for (const e of events) {
    state = reduceApply(state, e);
    if ((e.type === "start" || e.type === "finished") && state.expectedEndAt !== null) {
      const at = Date.parse(e.at);
      const left = endAt - at;
      if (left < 0.1 * (endAt - startAt)) continue;
      errors.push(Math.abs(state.expectedEndAt - endAt) / left);
    }
  }
  return errors;
}

export async function benchSchedule() {
  const w = skewedWorkload();
  const sim = await startSimWorker({ fixture: w.fixture, latencyMs: 5 });
  try {
    const lower = lowerBoundMs(w.models);
    const longest = await applyOnce(sim, w.manifests.shuffled, "longest-first");
    const manifestOrder = await applyOnce(sim, w.manifests.shuffled, "manifest");
    const adversarial = await applyOnce(sim, w.manifests.shortestFirst, "manifest");
    const live = liveEtaErrors(longest.events);
    const run = (r) => ({ wallMs: r.wallMs, succeeded: r.summary.succeeded, ratio: r.wallMs / lower });
    return {
      ...SKEW,
      msPerMinute: MS_PER_MINUTE,
      spread: Math.max(...w.models.map((m) => m.runMs)) / Math.min(...w.models.map((m) => m.runMs)),
      lowerBoundMs: lower,
      longestFirst: run(longest),
      manifest: run(manifestOrder),
      adversarial: run(adversarial),
      planEtaMs: longest.doc.expectedWallMs,
      planEtaError: Math.abs(longest.doc.expectedWallMs - longest.wallMs) / longest.wallMs,
      etaErrors: live,
      etaMedianError: median(live),
      startOrder: longest.events.find((e) => e.type === "start")?.order ?? [],
    };
  } finally {
    await sim.close();
  }
}
