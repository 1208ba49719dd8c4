// An in-memory CelonisApi whose loads run on the (fake) clock: for the planner and executor's unit
// tests. It records every call, and how many loads ran at once, so tests assert on behaviour.
import type { CallOptions, CelonisApi, LastLoad, TriggerKind } from "../../src/celonis/api.js";
import { ApiError } from "../../src/celonis/errors.js";
import type { DataModelTable, ModelRef } from "../../src/shared/types.js";

export interface FakeModel {
  poolId: string;
  modelId: string;
  /** The names the listings give (default: the ids). */
  poolName?: string;
  name?: string;
  tables?: DataModelTable[];
  last?: LastLoad | null;
  /** How long a new load runs; Infinity hangs. */
  durationMs?: number;
  outcome?: "SUCCESS" | "WARNING" | "ERROR" | "CANCELED" | string;
  message?: string | null;
  /** A new load shows in last-load only this long after it started. */
  appearDelayMs?: number;
  /**
   * Errors to throw on the next triggers, in order: "lost" starts the load but loses the answer;
   * "500-started" / "524-started" start it and answer that status; "5xx-nothing" (503) and
   * "500-nothing" start nothing; "409" refuses.
   */
  triggerFaults?: ("lost" | "5xx-nothing" | "500-nothing" | "500-started" | "524-started" | "409")[];
  /** The next trigger is answered 200 but starts nothing; from then on last-load shows this load instead. */
  phantom?: LastLoad;
  /** Reads of last-load from this time on (epoch ms) never answer until their signal aborts. */
  readsHangFrom?: number;
}

interface Load {
  id: string;
  startedAt: number;
  endsAt: number;
  status: string;
  message: string | null;
  loadType: string;
}

export class FakeApi implements CelonisApi {
  readonly baseUrl = "https://fake.celonis.test";
  readonly calls: { method: string; model: string; body?: unknown }[] = [];
  running = 0;
  maxRunning = 0;
  readonly maxRunningPerPool = new Map<string, number>();
  private runningPerPool = new Map<string, number>();
  private loads = new Map<string, Load[]>();
  private models = new Map<string, FakeModel>();
  private seq = 0;

  constructor(
    models: FakeModel[],
    private readonly now: () => number,
  ) {
    for (const m of models) this.models.set(m.modelId, m);
  }

  private model(ref: ModelRef): FakeModel {
    const m = this.models.get(ref.modelId);
    if (!m || m.poolId !== ref.poolId) {
      throw new ApiError({ kind: "http", status: 404, method: "GET", path: `/${ref.modelId}`, message: "404 Not Found", retryable: false, mayHaveReachedServer: false });
    }
    return m;
  }

  loadsStarted(modelId: string): number {
    return this.loads.get(modelId)?.length ?? 0;
  }

  triggers(modelId: string): number {
    return this.calls.filter((c) => c.model === modelId && c.method.startsWith("POST")).length;
  }

  async listPools() {
    this.calls.push({ method: "GET pools", model: "" });
    const pools = new Map([...this.models.values()].map((m) => [m.poolId, { id: m.poolId, name: m.poolName ?? m.poolId }]));
    return [...pools.values()];
  }
  async listModels(poolId: string) {
    this.calls.push({ method: "GET models", model: poolId });
    const models = [...this.models.values()].filter((m) => m.poolId === poolId);
    if (models.length === 0) {
      throw new ApiError({ kind: "http", status: 404, method: "GET", path: `/pools/${poolId}`, message: "404 Not Found", retryable: false, mayHaveReachedServer: false });
    }
    return models.map((m) => ({ id: m.modelId, name: m.name ?? m.modelId, poolId }));
  }
  async listTables(ref: ModelRef): Promise<DataModelTable[]> {
    this.calls.push({ method: "GET tables", model: ref.modelId });
    return this.model(ref).tables ?? [];
  }

  private phantoms = new Map<string, LastLoad>();

  async lastLoad(ref: ModelRef, opts?: CallOptions): Promise<LastLoad | null> {
    this.calls.push({ method: "GET last-load", model: ref.modelId });
    const m = this.model(ref);
    const now = this.now();
    if (m.readsHangFrom !== undefined && now >= m.readsHangFrom) {
      opts?.onWait?.("an answer to GET …/last-load");
      return new Promise((_, reject) => opts?.signal?.addEventListener("abort", () => reject(opts.signal!.reason), { once: true }));
    }
    const phantom = this.phantoms.get(ref.modelId);
    if (phantom) return phantom;
    const visible = (this.loads.get(ref.modelId) ?? []).filter((l) => now >= l.startedAt + (m.appearDelayMs ?? 0));
    const l = visible.at(-1);
    if (!l) return m.last ?? null;
    const done = now >= l.endsAt;
    return {
      id: l.id,
      status: done ? l.status : "RUNNING",
      loadType: l.loadType,
      startDate: new Date(l.startedAt).toISOString(),
      endDate: done ? new Date(l.endsAt).toISOString() : null,
      message: done ? l.message : null,
    };
  }

  private start(ref: ModelRef, loadType: string, method: string, body?: unknown): void {
    this.calls.push({ method, model: ref.modelId, body });
    const m = this.model(ref);
    const fault = m.triggerFaults?.shift();
    const fail = (status: number | null, mayHaveReachedServer: boolean, msg: string) =>
      new ApiError({ kind: status === null ? "network" : "http", status, method: "POST", path: "/load", message: msg, retryable: false, mayHaveReachedServer });
    if (m.phantom && !this.phantoms.has(ref.modelId)) {
      this.phantoms.set(ref.modelId, m.phantom);
      return;
    }
    if (fault === "5xx-nothing") throw fail(503, true, "503 Service Unavailable");
    if (fault === "500-nothing") throw fail(500, false, "500 Internal Server Error");
    const now = this.now();
    const current = this.loads.get(ref.modelId)?.at(-1);
    const inProgress = (current && now < current.endsAt) || m.last?.status === "RUNNING";
    if (fault === "409" || inProgress) throw fail(409, false, "409 Conflict: a load is already running");
    const load: Load = {
      id: `load-${++this.seq}`,
      startedAt: now,
      endsAt: now + (m.durationMs ?? 5_000),
      status: m.outcome ?? "SUCCESS",
      message: m.message ?? null,
      loadType,
    };
    this.loads.set(ref.modelId, [...(this.loads.get(ref.modelId) ?? []), load]);
    this.running++;
    this.maxRunning = Math.max(this.maxRunning, this.running);
    const p = (this.runningPerPool.get(ref.poolId) ?? 0) + 1;
    this.runningPerPool.set(ref.poolId, p);
    this.maxRunningPerPool.set(ref.poolId, Math.max(this.maxRunningPerPool.get(ref.poolId) ?? 0, p));
    if (Number.isFinite(load.endsAt)) {
      setTimeout(() => {
        this.running--;
        this.runningPerPool.set(ref.poolId, (this.runningPerPool.get(ref.poolId) ?? 1) - 1);
      }, load.endsAt - now);
    }
    if (fault === "lost") throw fail(null, true, "the connection was closed before an answer came");
    // As an older client said of them: not flagged as reaching the service (the status alone must tell).
    if (fault === "500-started") throw fail(500, false, "500 Internal Server Error");
    if (fault === "524-started") throw fail(524, false, "524 A Timeout Occurred");
  }

  async triggerLoad(ref: ModelRef, kind: TriggerKind): Promise<void> {
    this.start(ref, kind === "full" ? "COMPLETE" : "FROM_CACHE", kind === "full" ? "POST load" : "POST load?fullReload=false");
  }
  async partialSync(ref: ModelRef, tableIds: readonly string[]): Promise<void> {
    this.start(ref, "PARTIAL", "POST partial-sync", [...tableIds]);
  }
}
