// What watch says in Prometheus metrics (prom-client, a registry of its own). Labels are the
// manifest's own names (address POOL/MODEL and pool key): never an id, a URL or a key.
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { ModelResult } from "../apply/events.js";
import { VERSION } from "../version.js";

export interface ApiCounts {
  /** Requests sent to the API (every attempt). */
  requests: number;
  /** 429 answers. */
  rateLimited: number;
}

export interface WatchedModel {
  address: string;
  pool: string;
  maxAgeMs: number;
}

/** The results the last-result state set covers: how a load watch started ended. */
export const LAST_RESULTS = ["succeeded", "failed", "timed_out"] as const;

// Data model loads take seconds to hours.
const LOAD_BUCKETS = [5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14400];
const TICK_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

type ModelLabels = "address" | "pool";

export interface MetricsOptions {
  now: () => number;
  /** Read at each scrape; the client keeps the running totals. */
  apiCounts?: () => ApiCounts;
}

export class WatchMetrics {
  readonly registry = new Registry();
  private readonly models = new Map<string, WatchedModel>();
  private readonly lastSuccessMs = new Map<string, number>();
  private readonly lastSuccessLoad = new Map<string, string | null>();
  private readonly lastSuccess: Gauge<ModelLabels>;
  private readonly maxAge: Gauge<ModelLabels>;
  private readonly within: Gauge<ModelLabels>;
  private readonly lastResult: Gauge<ModelLabels | "result">;
  private readonly inFlight: Gauge<ModelLabels>;
  private readonly duration: Histogram<ModelLabels | "result">;
  private readonly started: Counter<ModelLabels>;
  private readonly succeeded: Counter<ModelLabels>;
  private readonly failed: Counter<ModelLabels>;
  private readonly tickDuration: Histogram;
  private readonly ticks: Counter<"result">;

  constructor(opts: MetricsOptions) {
    const registers = [this.registry];
    const labelNames = ["address", "pool"] as const;
    // prom-client's default Node.js metrics are left out: three of them fail `promtool check metrics`.
    new Gauge({ name: "reloadctl_build_info", help: "reloadctl's version; always 1.", labelNames: ["version"], registers }).set({ version: VERSION }, 1);
    this.lastSuccess = new Gauge({ name: "reloadctl_model_last_success_timestamp_seconds", help: "End time of the model's last load that ended well (SUCCESS, or WARNING with onWarning: succeed), as last seen.", labelNames, registers });
    this.maxAge = new Gauge({ name: "reloadctl_model_max_age_seconds", help: "The model's maxAge from the manifest.", labelNames, registers });
    const models = this.models;
    const lastSuccessMs = this.lastSuccessMs;
    this.within = new Gauge({
      name: "reloadctl_model_within_max_age",
      help: "1 when the model's last good load ended less than maxAge ago (the freshness objective), else 0.",
      labelNames,
      registers,
      collect() {
        const now = opts.now();
        for (const m of models.values()) {
          const t = lastSuccessMs.get(m.address);
          this.set({ address: m.address, pool: m.pool }, t !== undefined && now - t < m.maxAgeMs ? 1 : 0);
        }
      },
    });
    this.lastResult = new Gauge({ name: "reloadctl_model_last_result", help: "How the last load watch ran for the model ended: 1 for that result, 0 for the others.", labelNames: [...labelNames, "result"], registers });
    this.inFlight = new Gauge({ name: "reloadctl_model_load_in_flight", help: "1 while watch runs a load of the model (triggered or waiting to be verified).", labelNames, registers });
    this.duration = new Histogram({ name: "reloadctl_model_load_duration_seconds", help: "Time from the start of work on a load to its verified end.", labelNames: [...labelNames, "result"], buckets: LOAD_BUCKETS, registers });
    this.started = new Counter({ name: "reloadctl_model_loads_started_total", help: "Loads watch started for the model.", labelNames, registers });
    this.succeeded = new Counter({ name: "reloadctl_model_loads_succeeded_total", help: "Loads that ended well and were verified.", labelNames, registers });
    this.failed = new Counter({ name: "reloadctl_model_loads_failed_total", help: "Loads that failed or timed out.", labelNames, registers });
    this.tickDuration = new Histogram({ name: "reloadctl_tick_duration_seconds", help: "Time a tick took: read the manifest, plan, start what is due.", buckets: TICK_BUCKETS, registers });
    this.ticks = new Counter({ name: "reloadctl_ticks_total", help: "Ticks by result: ok (the plan was made), error (it could not be: the log says why).", labelNames: ["result"], registers });
    this.ticks.inc({ result: "ok" }, 0);
    this.ticks.inc({ result: "error" }, 0);
    const seen: ApiCounts = { requests: 0, rateLimited: 0 };
    const counts = opts.apiCounts;
    // The client keeps totals; each scrape adds what came since the last one.
    const delta = (k: keyof ApiCounts) => {
      if (!counts) return 0;
      const now = counts()[k];
      const d = Math.max(0, now - seen[k]);
      seen[k] = now;
      return d;
    };
    new Counter({ name: "reloadctl_api_requests_total", help: "Requests sent to the Celonis API (each attempt counts).", registers, collect() { this.inc(delta("requests")); } });
    new Counter({ name: "reloadctl_api_rate_limited_total", help: "429 (rate limited) answers from the Celonis API.", registers, collect() { this.inc(delta("rateLimited")); } });
  }

  /** The models the manifest now selects: new ones get their series, gone ones lose theirs. */
  setModels(models: readonly WatchedModel[]): void {
    const next = new Map(models.map((m) => [m.address, m]));
    for (const [address, old] of this.models) {
      const now = next.get(address);
      if (now && now.pool === old.pool) continue;
      const l = { address, pool: old.pool };
      for (const metric of [this.lastSuccess, this.maxAge, this.within, this.inFlight, this.started, this.succeeded, this.failed]) metric.remove(l);
      for (const result of LAST_RESULTS) {
        this.lastResult.remove({ ...l, result });
        this.duration.remove({ ...l, result });
      }
      this.models.delete(address);
      this.lastSuccessMs.delete(address);
      this.lastSuccessLoad.delete(address);
    }
    for (const m of models) {
      const l = { address: m.address, pool: m.pool };
      if (!this.models.has(m.address)) {
        for (const c of [this.started, this.succeeded, this.failed]) c.inc(l, 0);
        this.inFlight.set(l, 0);
      }
      this.models.set(m.address, m);
      this.maxAge.set(l, m.maxAgeMs / 1000);
    }
  }

  /**
   * A good load's end, as watch verified it (the time it saw the end) or as plan read it (the
   * service's end date, which corrects the former for the same load). An older one is ignored.
   */
  sawSuccess(address: string, endedAtMs: number, loadId: string | null = null): void {
    const m = this.models.get(address);
    if (!m) return;
    const sameLoad = loadId !== null && this.lastSuccessLoad.get(address) === loadId;
    if (!sameLoad && (this.lastSuccessMs.get(address) ?? -Infinity) >= endedAtMs) return;
    this.lastSuccessLoad.set(address, loadId);
    this.lastSuccessMs.set(address, endedAtMs);
    this.lastSuccess.set({ address, pool: m.pool }, endedAtMs / 1000);
  }

  loadStarted(address: string, pool: string): void {
    this.started.inc({ address, pool });
    this.inFlight.set({ address, pool }, 1);
  }

  loadEnded(address: string, pool: string, result: ModelResult, durationMs: number): void {
    const l = { address, pool };
    if (!this.models.has(address)) return; // left the manifest while it ran: its series are gone
    this.inFlight.set(l, 0);
    if (!(LAST_RESULTS as readonly string[]).includes(result)) return; // not started, or skipped: no load ran
    this.duration.observe({ ...l, result }, durationMs / 1000);
    for (const r of LAST_RESULTS) this.lastResult.set({ ...l, result: r }, r === result ? 1 : 0);
    if (result === "succeeded") this.succeeded.inc(l);
    else this.failed.inc(l);
  }

  tickEnded(durationMs: number, ok: boolean): void {
    this.tickDuration.observe(durationMs / 1000);
    this.ticks.inc({ result: ok ? "ok" : "error" });
  }

  /** The exposition text and its content type. */
  async expose(): Promise<{ text: string; contentType: string }> {
    return { text: await this.registry.metrics(), contentType: this.registry.contentType };
  }
}
