// What the simulator counts for tests and benchmarks: every request, every load, and the peaks
// of concurrency that parallelism limits must keep down.
import type { LoadRecord, RequestLogEntry, SimStats } from "./types.js";

export class Instrumentation {
  private requests: RequestLogEntry[] = [];
  private loads: LoadRecord[] = [];
  private loadsByModel = new Map<string, number>();
  private maxLoads = 0;
  private maxLoadsByPool = new Map<string, number>();
  private inFlight = 0;
  private maxInFlight = 0;
  private rateLimited = 0;
  private dropped = 0;

  requestStarted(): void {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
  }

  requestEnded(entry: RequestLogEntry): void {
    this.inFlight--;
    this.requests.push(entry);
    if (entry.status === 429) this.rateLimited++;
  }

  connectionDropped(): void {
    this.dropped++;
  }

  /** `running` counts the loads running right after this one started. */
  loadStarted(load: LoadRecord, running: { total: number; inPool: number }): void {
    this.loads.push(load);
    this.loadsByModel.set(load.modelId, (this.loadsByModel.get(load.modelId) ?? 0) + 1);
    this.maxLoads = Math.max(this.maxLoads, running.total);
    this.maxLoadsByPool.set(load.poolId, Math.max(this.maxLoadsByPool.get(load.poolId) ?? 0, running.inPool));
  }

  loadsStarted(modelId: string): number {
    return this.loadsByModel.get(modelId) ?? 0;
  }

  snapshot(): SimStats {
    return {
      requests: this.requests.map((r) => ({ ...r })),
      loads: this.loads.map((l) => ({ ...l, tableIds: l.tableIds ? [...l.tableIds] : null })),
      loadsStarted: Object.fromEntries(this.loadsByModel),
      maxConcurrentLoads: this.maxLoads,
      maxConcurrentLoadsByPool: Object.fromEntries(this.maxLoadsByPool),
      maxInFlightRequests: this.maxInFlight,
      rateLimited: this.rateLimited,
      dropped: this.dropped,
    };
  }

  /** Forgets everything seen; requests still in flight count toward the next peak. */
  reset(): void {
    this.requests = [];
    this.loads = [];
    this.loadsByModel.clear();
    this.maxLoads = 0;
    this.maxLoadsByPool.clear();
    this.maxInFlight = this.inFlight;
    this.rateLimited = 0;
    this.dropped = 0;
  }
}
