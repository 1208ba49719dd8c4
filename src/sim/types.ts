// The simulator's public contract: how tests, the demo and benchmarks start, steer and observe it.
import type { LoadType } from "../shared/types.js";
import type { Fixture, LoadOutcome } from "./fixture.js";

export interface SimOptions {
  /** 0 (default) = a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: random. */
  key?: string;
  /** A fixture object or a path to one; default the demo tenant (examples/tenant.fixture.json). */
  fixture?: Fixture | string;
  /** Every new load runs this long, over the fixture's own load times. */
  loadDurationMs?: number;
  /** Added to every request. */
  latencyMs?: number;
  rateLimit?: { perSecond: number } | null;
  /**
   * Page the pool and model listings: `{content, page, pageSize, totalCount, totalPages}` of this
   * many items, page `?page=N` (from 0). Default: no paging, a bare array.
   */
  pageSize?: number;
  /** Seeds every random fault decision, so a run can be repeated. Default 1. */
  seed?: number;
  /** Per data model id, from the start. */
  faults?: Record<string, ModelFault>;
  /** Rates and the rest of the global settings, from the start (`latencyMs`/`rateLimit` above win). */
  global?: GlobalSettings;
  /** The clock for load times, ages and the rate limit (latency always uses real timers). */
  now?: () => number;
  /** Called as each request ends (or its connection is dropped). */
  onRequest?: (entry: RequestLogEntry) => void;
}

/** How one model misbehaves. Fields marked "once"/"next N" are consumed as they fire; the rest hold until changed. */
export interface ModelFault {
  /** How new loads end. */
  outcome?: LoadOutcome;
  /** The load's message (default: a realistic one for the outcome). */
  message?: string;
  /** New loads never end. */
  hang?: boolean;
  loadDurationMs?: number;
  /** A new load shows in last-load only this long after its trigger; until then last-load shows the previous one. */
  appearDelayMs?: number;
  /** Once: the next trigger starts its load, then the connection is destroyed without a response. */
  dropAfterTrigger?: boolean;
  /** Once: the next trigger is answered with this status, and no load starts. */
  triggerStatus?: number;
  /** Once: the next trigger starts its load, then is answered with this status (a 5xx after the service acted). */
  triggerStartedStatus?: number;
  /**
   * Once: the next trigger is answered 200 but starts nothing; last-load shows instead a finished
   * load with a new id that started this long before the trigger (an older load shown again).
   */
  olderLoadMs?: number;
  /** Once the model's next trigger is answered, its reads of last-load answer only after this long (a hung read). */
  slowReadsMs?: number;
  /** Every answer for this model carries `x-ratelimit-limit: VALUE` and `x-ratelimit-remaining: 0` (e.g. "0.02"). */
  rateLimitHeader?: string;
  /**
   * The next N requests for this model are answered `echoKeyStatus` (default 400), echoing the
   * Authorization header in a long message (so that a cut of the text falls inside the key), its
   * reference and its errorCode; a 3xx echoes it in `Location`.
   */
  echoKeyTimes?: number;
  echoKeyStatus?: number;
  /** The next N requests for this model answer 429. */
  status429Times?: number;
  /** Seconds in `Retry-After` and `x-ratelimit-reset` of those 429s (default 1). */
  retryAfterSeconds?: number;
  /** The next N requests for this model answer `errorStatus`. */
  errorTimes?: number;
  /** Default 503. */
  errorStatus?: number;
  /** Added to each request for this model. */
  latencyMs?: number;
}

export interface GlobalSettings {
  latencyMs?: number;
  /** A token bucket over all requests; null turns it off. */
  rateLimit?: { perSecond: number } | null;
  /** Any request answers 500, 502 or 503 at this rate. */
  errorRate5xx?: number;
  /** A trigger answers 500, 502 or 503 at this rate, and no load starts. */
  triggerErrorRate5xx?: number;
  /** A trigger starts its load, then its connection is destroyed, at this rate. */
  dropRate?: number;
  /** A new load ends ERROR at this rate. */
  failRate?: number;
  /** A new load ends WARNING at this rate. */
  warnRate?: number;
  /** A new load never ends, at this rate. */
  hangRate?: number;
}

export interface RequestLogEntry {
  method: string;
  /** The request target as sent, with its query. */
  path: string;
  /** null: the connection was dropped (or closed by the client) before a response. */
  status: number | null;
  /** The simulator clock at arrival. */
  at: number;
  durationMs: number;
  /** The data model the path names, if any. */
  modelId: string | null;
}

export interface LoadRecord {
  loadId: string;
  poolId: string;
  modelId: string;
  loadType: LoadType;
  /** Partial loads only. */
  tableIds: string[] | null;
  /** The simulator clock at the trigger. */
  startedAt: number;
}

export interface SimStats {
  requests: RequestLogEntry[];
  loads: LoadRecord[];
  /** Per data model id. */
  loadsStarted: Record<string, number>;
  maxConcurrentLoads: number;
  /** Per pool id. */
  maxConcurrentLoadsByPool: Record<string, number>;
  maxInFlightRequests: number;
  /** 429s sent, for any reason. */
  rateLimited: number;
  /** Connections destroyed after a trigger. */
  dropped: number;
}

export interface TenantSummary {
  pools: { id: string; name: string; models: { id: string; name: string; tables: number }[] }[];
}

export interface Simulator {
  /** `http://HOST:PORT`, no trailing slash. */
  url: string;
  key: string;
  /** What it serves (for a banner or a test's bookkeeping). */
  tenant: TenantSummary;
  close(): Promise<void>;
  /** Replaces the model's fault; null clears it. Throws for an unknown model id. */
  setFault(modelId: string, fault: ModelFault | null): void;
  /** Changes only the fields given. */
  setGlobal(opts: GlobalSettings): void;
  /** Renames a pool or data model (by id), as a user could in the service's UI. Throws for an unknown id. */
  rename(id: string, name: string): void;
  stats(): SimStats;
  resetStats(): void;
  loadsStarted(modelId: string): number;
}
