// status: each declared model's last load, read concurrently; one model's error hides no other.
import type { CelonisApi } from "../celonis/api.js";
import type { Manifest } from "../manifest/types.js";
import { summarizeLastLoad } from "../plan/build-plan.js";
import { applySelection, type Selection } from "../plan/select.js";
import type { StatusDocument, StatusRow } from "./types.js";

export async function readStatus(manifest: Manifest, api: CelonisApi, selection: Selection, now: number): Promise<StatusDocument> {
  const models = applySelection(manifest.models, selection);
  const rows = await Promise.all(
    models.map(async (m): Promise<StatusRow> => {
      const base = { address: m.address, pool: m.poolKey, model: m.modelKey, poolId: m.poolId, modelId: m.modelId };
      try {
        return { ...base, lastLoad: summarizeLastLoad(await api.lastLoad({ poolId: m.poolId, modelId: m.modelId })), error: null };
      } catch (err) {
        const status = typeof (err as { status?: unknown }).status === "number" ? (err as { status: number }).status : null;
        return { ...base, lastLoad: null, error: { status, message: err instanceof Error ? err.message : String(err) } };
      }
    }),
  );
  return {
    formatVersion: 1,
    createdAt: new Date(now).toISOString(),
    baseUrl: api.baseUrl,
    manifest: { path: manifest.path, sha256: manifest.sha256 },
    models: rows,
  };
}
