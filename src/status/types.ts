// What `status` reports: each declared model's last load, or why it could not be read.
import type { LastLoadSummary } from "../plan/types.js";

export interface StatusRow {
  address: string;
  pool: string;
  model: string;
  poolId: string;
  modelId: string;
  /** The service's names where the manifest names the pool / model (looked up); null where it gives the id. */
  poolName: string | null;
  modelName: string | null;
  /** null: never loaded (when `error` is null) or not read (when `error` is set). */
  lastLoad: LastLoadSummary | null;
  /** Why this model's last load could not be read; the other rows still stand. */
  error: { status: number | null; message: string } | null;
}

export interface StatusDocument {
  formatVersion: 1;
  tool: { name: "reloadctl"; version: string };
  createdAt: string;
  baseUrl: string;
  manifest: { path: string; sha256: string };
  models: StatusRow[];
}
