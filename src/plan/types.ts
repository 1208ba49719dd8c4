// The plan document: what `plan --json` prints and `plan --out` writes, and what apply runs.
// Versioned; deterministic (manifest order); never holds a secret.
import type { LastLoad } from "../celonis/api.js";
import type { OnRunning, OnWarning } from "../manifest/types.js";
import type { RecordedSelection } from "./select.js";

export type Action = "full" | "cache" | "partial" | "skip";
export type ReloadKind = "full" | "cache" | "partial";

export interface PlannedTable {
  /** The table's `name` on the service. */
  name: string;
  /** The table's alias on the service, or null. */
  alias: string | null;
  /** The table configuration id that partial-sync needs. */
  id: string;
  /** The word as written in the manifest (alias or name). */
  word: string;
}

/** The last load as plan and status saw it: the port's parsed shape, as is. */
export type LastLoadSummary = LastLoad;

export interface PlannedModel {
  address: string;
  pool: string;
  model: string;
  /** Resolved: as the manifest gives them, or looked up by name. */
  poolId: string;
  modelId: string;
  /** The service's name of the pool / model where the manifest names it (looked up); null where it gives the id. */
  poolName: string | null;
  modelName: string | null;
  action: Action;
  /** What the manifest declares; for a skip, what it would have been. */
  reload: ReloadKind;
  /** Human reason, e.g. "fresh: last SUCCESS 42m ago, maxAge 6h". */
  reason: string;
  /** Why a skip: fresh within maxAge, or a load is running and onRunning is skip. */
  skipReason: "fresh" | "running" | null;
  /** Resolved tables, in manifest order; empty unless action is `partial`. */
  tables: PlannedTable[];
  /** How many tables the model has (for "3 of 41"); null when tables were not read. */
  tableCount: number | null;
  lastLoad: LastLoadSummary | null;
  /** The last load's end − start when it is a fair sample of this reload (expected-duration.ts), else null. */
  expectedDurationMs: number | null;
  tags: string[];
  timeoutMs: number;
  maxAgeMs: number;
  onWarning: OnWarning;
  onRunning: OnRunning;
}

export interface PlanSummary {
  full: number;
  cache: number;
  partial: number;
  skip: number;
}

export interface PlanDocument {
  formatVersion: 1;
  /** A short stable hash of the plan's intent (models, actions, table ids, bounds): plan-id.ts. */
  planId: string;
  createdAt: string;
  /** After this, apply refuses the plan as stale. */
  expiresAt: string;
  tool: { name: "reloadctl"; version: string };
  /** `contentSha256`: of the manifest's data without comments or layout (plans made before it lack it). */
  manifest: { path: string; sha256: string; contentSha256?: string };
  baseUrl: string;
  /** The manifest's target it was planned against (`--target`, RELOADCTL_TARGET or the default); null without targets. */
  target: string | null;
  selection: RecordedSelection;
  parallelism: number;
  /** Per pool key. */
  poolParallelism: Record<string, number>;
  models: PlannedModel[];
  summary: PlanSummary;
  /** The addresses apply starts, in the order it queues them (longest expected first; schedule.ts). */
  order: string[];
  /** The schedule's expected wall time under the bounds, or null when no duration is known. */
  expectedWallMs: number | null;
}
