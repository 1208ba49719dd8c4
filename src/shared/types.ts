// Shapes of the Celonis Data Model API as documented (celonis-api.md), shared by the client and
// the simulator. Nothing here knows HTTP.

/** Every `loadStatus` value the service is known to send. */
export const LOAD_STATUSES = [
  "RUNNING",
  "SUCCESS",
  "WARNING",
  "ERROR",
  "CANCELED",
  "CANCELLING",
  "LOST_CONNECTION",
] as const;
export type LoadStatus = (typeof LOAD_STATUSES)[number];

/** A load in one of these is still going: never read it as an outcome. */
export const IN_PROGRESS_STATUSES: ReadonlySet<string> = new Set(["RUNNING", "CANCELLING", "LOST_CONNECTION"]);
/** A load in one of these has ended. Any status in neither set is unknown: never success. */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set(["SUCCESS", "WARNING", "ERROR", "CANCELED"]);

export const isInProgress = (status: string): boolean => IN_PROGRESS_STATUSES.has(status);
export const isTerminal = (status: string): boolean => TERMINAL_STATUSES.has(status);

export type LoadType = "COMPLETE" | "PARTIAL" | "FROM_CACHE";

/** `GET …/tables` item, exactly as documented. */
export interface DataModelTable {
  id: string;
  dataModelId: string;
  dataSourceId: string | null;
  name: string;
  alias: string | null;
  aliasOrName: string;
}

/** `GET /integration/api/pools` item (extra fields ignored). */
export interface PoolInfo {
  id: string;
  name: string;
}

/** `GET /integration/api/pools/{poolId}/data-models` item (extra fields ignored). */
export interface DataModelInfo {
  id: string;
  name: string;
  poolId: string;
}

/** A data model's address on the service. */
export interface ModelRef {
  poolId: string;
  modelId: string;
}
