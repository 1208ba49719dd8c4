// The port through which plan/, apply/ and status read and write the service. The real
// implementation is CelonisClient (client.ts); tests may hand the planner an in-memory one.
import type { DataModelInfo, DataModelTable, ModelRef, PoolInfo } from "../shared/types.js";

/** The last load of a model, parsed tolerantly and normalised. */
export interface LastLoad {
  /** `dataLoadId` or `id`; null if the service sent neither. */
  id: string | null;
  /** `loadStatus` exactly as sent (an unknown value is kept, never mapped to success). */
  status: string;
  /** `loadType` as sent, or null. */
  loadType: string | null;
  /** ISO-8601 (UTC, with milliseconds), whatever the service sent (ISO or epoch ms); null if absent. */
  startDate: string | null;
  endDate: string | null;
  /** The service's message about the load, or null. */
  message: string | null;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Told what the call waits for as it moves on (an answer, a retry, the rate limit), for a timeout's message. */
  onWait?: (what: string) => void;
}

export type TriggerKind = "full" | "cache";

export interface CelonisApi {
  /** Normalised base URL without a trailing slash. */
  readonly baseUrl: string;
  listPools(opts?: CallOptions): Promise<PoolInfo[]>;
  listModels(poolId: string, opts?: CallOptions): Promise<DataModelInfo[]>;
  listTables(ref: ModelRef, opts?: CallOptions): Promise<DataModelTable[]>;
  /** null when the model was never loaded. */
  lastLoad(ref: ModelRef, opts?: CallOptions): Promise<LastLoad | null>;
  /** `POST …/load` (full) or `POST …/load?fullReload=false` (cache). Never retried blindly. */
  triggerLoad(ref: ModelRef, kind: TriggerKind, opts?: CallOptions): Promise<void>;
  /** `POST …/load/partial-sync` with a JSON array of table ids. Never retried blindly. */
  partialSync(ref: ModelRef, tableIds: readonly string[], opts?: CallOptions): Promise<void>;
}
