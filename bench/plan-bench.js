// Plan of 300 models × 30 tables against the simulator with 40 ms per request: the client as the
// CLI builds it, against (a) the same requests sent one after another by a plain keep-alive
// client and (b) the critical-path bound; then the same plan under a rate limit.
import { performance } from "node:perf_hooks";
import { Agent, request } from "undici";
import { CLIENT_DEFAULTS, createCelonisClient } from "../dist/celonis/client.js";
import { parseManifest } from "../dist/manifest/index.js";
import { buildPlan } from "../dist/plan/build-plan.js";
import { startSimWorker } from "./sim-host.js";
import { makeWorkload } from "./workload.js";

const ALL = { select: [], exclude: [] };

async function timedPlan(sim, manifest) {
  const client = createCelonisClient({ baseUrl: sim.url, key: sim.key, keyType: "USER_KEY" });
  await sim.resetStats();
  const t0 = performance.now();
  try {
    const doc = await buildPlan({ manifest, api: client, selection: ALL, now: Date.now });
    const wallMs = performance.now() - t0;
    const s = await sim.stats();
    return { wallMs, doc, client: client.stats(), requests: s.requests, served: s.requests.length, rateLimited: s.rateLimited, maxInFlight: s.maxInFlightRequests };
  } finally {
    await client.close();
  }
}

/** The same requests, one at a time, over one keep-alive connection: what a naive client would do. */
async function timedSequential(sim, requests) {
  const dispatcher = new Agent({ connections: 1, keepAliveTimeout: 10_000 });
  const headers = { authorization: `Bearer ${sim.key}`, accept: "application/json" };
  const t0 = performance.now();
  try {
    for (const r of requests) {
      const res = await request(sim.url + r.path, { method: r.method, headers, dispatcher });
      await res.body.text();
      if (res.statusCode !== 200 && res.statusCode !== 204) throw new Error(`sequential baseline: ${r.method} ${r.path} answered ${res.statusCode}`);
    }
    return performance.now() - t0;
  } finally {
    await dispatcher.close();
  }
}

export async function benchPlan({ models = 300, tables = 30, latencyMs = 40, perSecond = 20 } = {}) {
  const w = makeWorkload({ models, tables });
  const manifest = parseManifest(w.yaml, "bench-plan.yaml");
  const sim = await startSimWorker({ fixture: w.fixture, latencyMs });
  try {
    const free = await timedPlan(sim, manifest);
    const concurrency = CLIENT_DEFAULTS.maxConcurrency;
    const needed = models + w.partials;
    const sequentialMs = await timedSequential(sim, free.requests);
    await sim.setGlobal({ rateLimit: { perSecond } });
    const limited = await timedPlan(sim, manifest);
    return {
      models,
      tables,
      latencyMs,
      partials: w.partials,
      needed,
      concurrency,
      free: { wallMs: free.wallMs, requests: free.served, clientRequests: free.client.requests, maxInFlight: free.maxInFlight, summary: free.doc.summary },
      sequentialMs,
      criticalPathMs: Math.ceil(free.served / concurrency) * latencyMs,
      limited: { perSecond, wallMs: limited.wallMs, requests: limited.served, rateLimited: limited.rateLimited, retries: limited.client.retries },
    };
  } finally {
    await sim.close();
  }
}
